/**
 * The TEI reader's internals: the streaming cutter (StAX into Saxon trees), the header reader
 * (XPath compiled once), the text walker (Java over Saxon's tree) and its text buffer. Not exported;
 * no compatibility promise.
 */
package org.biglam.lam.tei.internal;
