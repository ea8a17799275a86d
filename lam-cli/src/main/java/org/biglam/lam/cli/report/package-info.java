/**
 * The internals of {@code lam report}: one streaming pass kept in bounded memory ({@link
 * org.biglam.lam.cli.report.ReportCollector}: counts, the first problems, a seeded reservoir sample,
 * the pages to check), the page images embedded small, and the HTML.
 */
package org.biglam.lam.cli.report;
