package org.biglam.lam.tei;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.tei.internal.TeiEngine;
import org.biglam.lam.tei.internal.TeiRecordReader;

/**
 * The {@code tei} format: TEI P5 documents ({@code TEI} in the TEI namespace), legacy TEI P4
 * ({@code TEI.2}, no namespace, {@code div0}..{@code div7}) and corpora ({@code teiCorpus}, one
 * document after another, read in bounded memory).
 *
 * <p>Each record carries the document's header labels (title, creator, contributor, date, language,
 * publisher, place, identifier, rights, subject, genre, classification, collection, description),
 * the text of its unit as the {@link TeiOptions} profile reads it, and analytic labels found inside
 * the unit ({@code tei:persName}, {@code tei:placeName}, {@code tei:orgName}, {@code tei:date},
 * {@code tei:interp:<type>} from {@code interp} and {@code @ana}). Granularities: {@code document}
 * (default), {@code div}, {@code page}, {@code paragraph}, {@code utterance}, {@code sentence},
 * {@code token}, {@code line}. A document's embedded transcription ({@code sourceDoc}) is read where
 * it has no {@code text}, or where {@link TeiOptions#source()} chooses it: a page per
 * {@code surface}, a line per {@code line} with its region on the surface's image.
 *
 * <p>Thread-safe: one Saxon processor is shared by every reader the provider opens.
 *
 * @since 0.1
 */
public final class TeiFormat extends AbstractFormatProvider {

    private static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    private volatile TeiEngine engine;

    /** Creates the provider; the Saxon processor is made on first use. */
    public TeiFormat() {
        super(FormatInfo.of("tei", "TEI P5 and P4 documents and corpora",
                "document", "div", "page", "paragraph", "utterance", "sentence", "token", "line")
                .withExtensions("tei")
                .withMediaTypes("application/tei+xml")
                .withSettings(TeiOptions.SETTING_PROFILE, TeiOptions.SETTING_PREFER, TeiOptions.SETTING_ENABLE,
                        TeiOptions.SETTING_DISABLE, TeiOptions.SETTING_DIV, TeiOptions.SETTING_SOURCE));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> {
            String ln = root.localName();
            String ns = root.namespace();
            if ("TEI.2".equals(ln) || "teiCorpus.2".equals(ln)) {
                return MatchStrength.FULL_MATCH;
            }
            if ("TEI".equals(ln) || "teiCorpus".equals(ln)) {
                return TEI_NS.equals(ns) ? MatchStrength.FULL_MATCH
                        : ns.isEmpty() ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
            }
            return TEI_NS.equals(ns) ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
        }, text -> text.contains("<!DOCTYPE TEI.2") || text.contains("<!DOCTYPE teiCorpus.2")
                || text.contains("<TEI") && text.contains(TEI_NS) ? MatchStrength.SOLID_MATCH
                : MatchStrength.INCONCLUSIVE);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        String g = context.granularity();
        TeiOptions options = TeiOptions.from(context.options());
        return new TeiRecordReader(input, context, engine(), options, g);
    }

    private TeiEngine engine() {
        TeiEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = new TeiEngine();
                    engine = e;
                }
            }
        }
        return e;
    }
}
