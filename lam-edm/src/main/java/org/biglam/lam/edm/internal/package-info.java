/**
 * The EDM reader's internals: the RDF/XML reader (one {@code rdf:RDF} in memory) and the mapping.
 * Not exported; no compatibility promise.
 */
package org.biglam.lam.edm.internal;
