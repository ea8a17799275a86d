/**
 * Runnable examples, one per task people come with: {@link org.biglam.lam.examples.AltoText} (text
 * for a language model from ALTO), {@link org.biglam.lam.examples.GenreDataset} (a genre-labelled
 * dataset from MARC), {@link org.biglam.lam.examples.IiifImages} (image records from IIIF) and
 * {@link org.biglam.lam.examples.TeiSentences} (a TEI corpus to sentences). Each reads the bundled
 * holdings in {@code examples/holdings} unless given a path.
 */
package org.biglam.lam.examples;
