/**
 * The IIIF reader's internals: the traversal of manifests and collections, JSON parsing with
 * limits and label mapping (HTTP goes through lam-core's Fetcher). Not exported; may change at any time.
 */
package org.biglam.lam.iiif.internal;
