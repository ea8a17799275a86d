/**
 * The EAD reader's internals: the streaming parser (one component and its ancestors' context in
 * memory) and the XML set-up. Not exported; no compatibility promise.
 */
package org.biglam.lam.ead.internal;
