package org.biglam.lam.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ReadOptions;

/**
 * {@code lam report}'s HTML, written from what one streaming pass kept ({@link ReportCollector}):
 * the page images loaded then, at most {@link #IMAGE_BUDGET} bytes of them.
 */
public final class Report {

    /** The most bytes of embedded images in one report: {@value}. */
    public static final long IMAGE_BUDGET = 24L << 20;

    private Report() {
    }

    /**
     * Writes the report.
     *
     * @param out where to write the HTML
     * @param collector what the read kept
     * @param options the options read with (their limits bound fetching, their local root the origin rule)
     * @param inputs the inputs as named
     * @param described the reading options that shape the records, as given
     * @param fetchImages fetch the remote images of local documents too
     * @param imageSize the largest side of an embedded image
     * @param title the report's title
     * @throws IOException if writing fails
     */
    public static void write(Writer out, ReportCollector collector, ReadOptions options, List<String> inputs,
            Map<String, String> described, boolean fetchImages, int imageSize, String title) throws IOException {
        try (PageImages images = new PageImages(options, fetchImages, imageSize, IMAGE_BUDGET)) {
            new ReportHtml(out, collector, images, title, inputs, described).write();
        }
    }
}
