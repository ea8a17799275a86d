package org.biglam.lam.iiif;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.iiif.internal.Granularity;
import org.biglam.lam.iiif.internal.IiifReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * IIIF Presentation 2.1 and 3.0 manifests and collections (and mixtures of the two, and documents
 * whose {@code @context} is missing or wrong), format id {@value #ID}: canvases to image records
 * with their Image API services, annotations to text and labels, metadata to lam's uniform labels.
 *
 * <p>Granularities: {@code canvas} (the default: one record per canvas, its id the canvas id),
 * {@code manifest} (one per manifest) and {@code annotation} (one per textual, commenting or
 * tagging annotation, with the region it targets). Options: {@link IiifOptions}, or the settings
 * {@code iiif.prefer-language}, {@code iiif.fetch}, {@code iiif.ocr}, {@code iiif.max-collection-depth},
 * {@code iiif.cache-dir}, {@code iiif.max-per-host}, {@code iiif.retries}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class IiifFormat extends AbstractFormatProvider {

    /** The format id: {@value}. */
    public static final String ID = "iiif";

    private static final java.util.regex.Pattern TYPE =
            java.util.regex.Pattern.compile("\"@?type\"\\s*:\\s*\"(Manifest|Collection)\"");

    /** Creates the provider (ServiceLoader does this). */
    public IiifFormat() {
        super(FormatInfo.of(ID,
                "IIIF Presentation 2.1 and 3.0 manifests and collections", "canvas", "manifest", "annotation")
                .withExtensions("json", "jsonld")
                .withMediaTypes("application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"",
                        "application/ld+json", "application/json")
                .withSettings(IiifOptions.SETTING_PREFER_LANGUAGE, IiifOptions.SETTING_FETCH, IiifOptions.SETTING_OCR,
                        IiifOptions.SETTING_MAX_COLLECTION_DEPTH, IiifOptions.SETTING_ALL_SEQUENCES,
                        IiifOptions.SETTING_CACHE_DIR, IiifOptions.SETTING_MAX_PER_HOST, IiifOptions.SETTING_RETRIES));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        char first = Sniff.firstChar(head, len);
        if (first != 0 && first != '{') {
            return MatchStrength.NO_MATCH; // decided without decoding the look-ahead (an XML page)
        }
        String s;
        try {
            s = Sniff.text(head, len);
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length()) {
            return MatchStrength.INCONCLUSIVE;
        }
        if (s.charAt(i) != '{') {
            return MatchStrength.NO_MATCH;
        }
        if (s.contains("iiif.io/api/presentation/") || s.contains("www.shared-canvas.org/ns/context.json")) {
            return MatchStrength.FULL_MATCH;
        }
        if (s.contains("\"sc:Manifest\"") || s.contains("\"sc:Collection\"") || s.contains("\"sc:Canvas\"")
                || s.contains("\"sequences\"")
                || TYPE.matcher(s).find()) {
            return MatchStrength.SOLID_MATCH;
        }
        return MatchStrength.INCONCLUSIVE;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        Granularity g = Granularity.of(context.granularity());
        IiifOptions options;
        try {
            options = IiifOptions.from(context.options());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFormatException(e.getMessage(), context.location());
        }
        return new IiifReader(input, context, options, g);
    }
}
