package org.biglam.lam.alto;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.biglam.lam.alto.internal.AltoReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * ALTO (Analyzed Layout and Text Object) OCR pages, versions 1.x to 4.x, under any namespace (the
 * Library of Congress v2, v3 and v4 namespaces, the older CCS and BnF ones, pdfalto's, or none),
 * recognised by the root element {@code alto}. Format id {@code alto}.
 *
 * <p>Granularities: {@code page} (the default), {@code block} (TextBlocks), {@code line}
 * (TextLines), {@code word} (Strings) and {@code illustration} (Illustration, GraphicalElement and
 * illustration ComposedBlocks, as image regions without text). Options: {@link AltoOptions}.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class AltoFormat extends AbstractFormatProvider {

    /** The format id: {@code alto}. */
    public static final String ID = "alto";

    /** Creates the provider (ServiceLoader calls this). */
    public AltoFormat() {
        super(PageFormats.info(ID, "ALTO OCR pages (v1-v4, any namespace)", "alto", "application/alto+xml")
                .withSettings(AltoOptions.SETTING_HYPHENATION, AltoOptions.SETTING_RESOLUTION));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(head, len);
        if (root.isEmpty()) {
            String text = Sniff.text(head, Math.min(len, 4096));
            // a root element cut off by the look-ahead, or a prolog too long: look for the tag
            return text.contains("<alto ") || text.contains("<alto>") ? MatchStrength.WEAK_MATCH
                    : MatchStrength.NO_MATCH;
        }
        if (!"alto".equalsIgnoreCase(root.get().localName())) {
            return MatchStrength.NO_MATCH;
        }
        String ns = root.get().namespace().toLowerCase(Locale.ROOT);
        if (ns.contains("loc.gov/standards/alto") || ns.contains("ccs-gmbh") || ns.contains("bnf.fr")) {
            return MatchStrength.FULL_MATCH;
        }
        return MatchStrength.SOLID_MATCH;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new AltoReader(input, context);
    }
}
