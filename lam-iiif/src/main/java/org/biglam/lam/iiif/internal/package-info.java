/**
 * The IIIF reader's internals: the traversal of manifests and collections, JSON parsing with
 * limits, label mapping, and the polite HTTP fetcher. Not exported; may change at any time.
 */
package org.biglam.lam.iiif.internal;
