/**
 * Pieces the commands share that are no API: the shape of a set of records ({@link
 * org.biglam.lam.cli.internal.RecordCounts}) and the SVG charts drawn from it ({@link
 * org.biglam.lam.cli.internal.SvgChart}, {@link org.biglam.lam.cli.internal.ShapeCharts}), which
 * {@code lam report} and the dataset card of {@code lam export} both show.
 */
package org.biglam.lam.cli.internal;
