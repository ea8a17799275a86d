package org.biglam.lam.alto;

import java.io.IOException;
import org.biglam.lam.alto.internal.PageXmlReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * PAGE XML (PRImA Page Analysis and Ground-truth Elements, the 2010 to 2019 schemas), recognised by
 * the root element {@code PcGts}. Format id {@code page}.
 *
 * <p>Granularities: {@code page} (the default), {@code block} (TextRegions), {@code line}
 * (TextLines), {@code word} (Words, or the words of a line's text where it has no Word elements)
 * and {@code illustration} (ImageRegion, GraphicRegion, ChartRegion, LineDrawingRegion, MapRegion,
 * ChemRegion, MusicRegion). Text comes from the lowest level that has it; PAGE marks no
 * hyphenation, so text is kept as written.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class PageXmlFormat extends AbstractFormatProvider {

    /** The format id: {@code page}. */
    public static final String ID = "page";

    /** Creates the provider (ServiceLoader calls this). */
    public PageXmlFormat() {
        super(PageFormats.info(ID, "PAGE XML OCR and layout ground truth (PRImA PcGts, 2010-2019)",
                "page", "application/vnd.prima.page+xml"));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> !"PcGts".equals(root.localName()) ? MatchStrength.NO_MATCH
                : root.namespace().contains("primaresearch.org/PAGE") ? MatchStrength.FULL_MATCH
                : MatchStrength.SOLID_MATCH);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new PageXmlReader(input, context);
    }
}
