/** lam-spark's internals: the scan, planning, the row conversion. Not API. */
package org.biglam.lam.spark.internal;
