/**
 * lam-core's internals: sources, archive walking, detection, HTTP, the read engine. Not exported
 * from the module; not an API.
 */
package org.biglam.lam.internal;
