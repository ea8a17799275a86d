/**
 * The Dublin Core reader, its embedded-metadata reader and the mapping of properties to labels.
 * Not API: may change in any release.
 */
package org.biglam.lam.dc.internal;
