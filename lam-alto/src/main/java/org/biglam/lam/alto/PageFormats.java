package org.biglam.lam.alto;

import java.util.Arrays;
import org.biglam.lam.FormatInfo;

/** What the module's page formats (ALTO, METS, PAGE XML, hOCR) share in their descriptions. */
final class PageFormats {

    /** The granularities of every page format, the default first. */
    private static final String[] GRANULARITIES = {"page", "block", "line", "word", "illustration"};

    private PageFormats() {
    }

    /**
     * A page format's description.
     *
     * @param id the format id
     * @param description the one-line description
     * @param extension the file name extension
     * @param mediaType the media type
     * @param more granularities after the page formats' own
     * @return the description
     */
    static FormatInfo info(String id, String description, String extension, String mediaType, String... more) {
        String[] granularities = Arrays.copyOf(GRANULARITIES, GRANULARITIES.length + more.length);
        System.arraycopy(more, 0, granularities, GRANULARITIES.length, more.length);
        return FormatInfo.of(id, description, granularities).withExtensions(extension).withMediaTypes(mediaType);
    }
}
