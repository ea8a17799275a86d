/**
 * The OAI-PMH page reader, the harvester and its source. Not API: may change in any release.
 */
package org.biglam.lam.oai.internal;
