/**
 * The ALTO and METS parsers, page model, reading order, text assembly and record emission. Not
 * API: may change in any release.
 */
package org.biglam.lam.alto.internal;
