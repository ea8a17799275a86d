/** Internals of lam-parquet; not an API. */
package org.biglam.lam.parquet.internal;
