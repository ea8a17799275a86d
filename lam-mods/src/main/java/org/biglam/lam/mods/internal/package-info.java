/**
 * The MODS reader, its embedded-metadata reader, the record tree and the mapping to labels. Not
 * API: may change in any release.
 */
package org.biglam.lam.mods.internal;
