/**
 * The readers, decoders and label mapping behind the MARC providers. Not API: may change in
 * any release.
 */
package org.biglam.lam.marc.internal;
