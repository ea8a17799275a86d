package org.biglam.lam.dc;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.dc.internal.DcEmbedded;
import org.biglam.lam.dc.internal.DcReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * Dublin Core records: {@code oai_dc:dc}, simple Dublin Core, qualified Dublin Core and DCTERMS
 * (wrappers mixing {@code dc:} and {@code dcterms:} too), one record or a collection of them.
 * Format id {@code dc}; one granularity, {@code record}. Properties map to the uniform labels
 * through one table in lam-core ({@link org.biglam.lam.spi.vocab.DublinCore}); see the module's
 * README for the table. The same mapping reads Dublin Core inside OAI-PMH responses and METS.
 * Setting {@code dc.lenient=true} binds the well-known prefixes for a record cut out of its
 * envelope.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class DcFormat extends AbstractFormatProvider {

    /** The format id: {@code dc}. */
    public static final String ID = "dc";

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "dc.lenient";

    private static final Set<String> OTHER_ROOTS = Set.of("OAI-PMH", "RDF", "mets", "mods", "modsCollection",
            "collection", "TEI", "TEI.2", "lido", "lidoWrap", "ead", "alto", "PcGts", "html");

    /** A root {@code oai_dc:dc} past the prolog, its start tag's attributes in group 1. */
    private static final Pattern CUT_OUT_ROOT = Pattern.compile(
            "(?:\\s|<\\?.*?\\?>|<!--.*?-->)*+<oai_dc:dc(?=[\\s/>])([^>]*)>", Pattern.DOTALL);

    /** Creates the provider (ServiceLoader calls this). */
    public DcFormat() {
        super(FormatInfo.of(ID,
                "Dublin Core records (oai_dc, simple and qualified DC, DCTERMS)", "record")
                .withExtensions("dc")
                .withMediaTypes("application/xml")
                .withSettings(LENIENT));
    }

    /**
     * A root in a Dublin Core namespace or a known wrapper's, a full match; a root of no other
     * known format in a document that declares a DC namespace, a solid match; a root
     * {@code oai_dc:dc} whose prefix is not declared (a record cut out of its envelope, read with
     * {@value #LENIENT}), a solid match too.
     */
    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> {
            if (DcEmbedded.isDublinCore(root.namespace())) {
                return MatchStrength.FULL_MATCH;
            }
            if (OTHER_ROOTS.contains(root.localName())
                    || root.namespace().startsWith("http://www.openarchives.org/OAI/")) {
                return MatchStrength.NO_MATCH;
            }
            return Sniff.containsAscii(head, len, "http://purl.org/dc/elements/1.1/")
                    || Sniff.containsAscii(head, len, "http://purl.org/dc/terms/")
                    ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
        }, DcFormat::cutOut);
    }

    /** A root {@code oai_dc:dc} whose prefix its start tag does not declare: a solid match. */
    private static MatchStrength cutOut(String text) {
        Matcher m = CUT_OUT_ROOT.matcher(text);
        return m.lookingAt() && !m.group(1).contains("xmlns:oai_dc") ? MatchStrength.SOLID_MATCH
                : MatchStrength.NO_MATCH;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new DcReader(context, context.options().flag(LENIENT, false), LENIENT);
    }
}
