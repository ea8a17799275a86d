/**
 * The LIDO reader's internals: the streaming parser (one object record in memory) and the XML set-up.
 * Not exported; no compatibility promise.
 */
package org.biglam.lam.lido.internal;
