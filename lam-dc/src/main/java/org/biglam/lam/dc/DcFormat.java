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
import org.biglam.lam.spi.vocab.DublinCore;

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

    /**
     * The namespace of Fedora's object XML (FOXML 1.1): its datastreams hold the object's Dublin Core
     * inline (every Fedora 3 object has one), and often MODS or other metadata beside it.
     */
    private static final String FOXML = "info:fedora/fedora-system:def/foxml#";

    /**
     * A root {@code oai_dc:dc} past the prolog (declaration, comments, processing instructions, a
     * document type declaration), its start tag's attributes in group 1.
     */
    private static final Pattern CUT_OUT_ROOT = Pattern.compile(
            "(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*+(?:\\[.*?\\])?\\s*>)*+<oai_dc:dc(?=[\\s/>])([^>]*)>",
            Pattern.DOTALL);

    /**
     * Of the wrappers the reader reads in no namespace ({@link DcReader#WRAPPERS}), those that wrap a
     * record in other formats too; the others ({@code dc}, {@code oai_dc}, ...) only Dublin Core uses.
     */
    private static final Set<String> SHARED_WRAPPERS = Set.of("record", "metadata", "description");

    /** A property with the usual prefix (in a record cut out of its envelope, not declared). */
    private static final Pattern PREFIXED_PROPERTY = Pattern.compile("<(?:dc|dcterms):[A-Za-z]");

    /** One of the fifteen DC 1.1 elements, in no namespace; the name in group 1. */
    private static final Pattern BARE_PROPERTY = Pattern.compile("<(title|creator|subject|description|publisher"
            + "|contributor|date|type|format|identifier|source|language|relation|coverage|rights)[\\s/>]");

    /** Elements of the formats that also wrap records in {@code record}: OAI-PMH's header, MARCXML's fields. */
    private static final Pattern OTHER_WRAPPED = Pattern.compile(
            "<(?:[A-Za-z_][\\w.-]*:)?(?:header|leader|controlfield|datafield)[\\s/>]");

    /** RDF's namespace, of a root {@code rdf:RDF}. */
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /** Europeana's EDM namespace: an {@code rdf:RDF} declaring it is lam-edm's. */
    private static final String EDM = "http://www.europeana.eu/schemas/edm/";

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
     * known format in a document that declares a DC namespace, a solid match; a Fedora object
     * (FOXML), a weak match (its inline DC datastream is read), so that another format read in the
     * object (an inline MODS datastream) comes first. Records cut out of
     * their envelope are solid matches too: a root {@code oai_dc:dc} whose prefix is not declared
     * (read with {@value #LENIENT}), also behind a document type declaration; a root {@code dc},
     * {@code oai_dc}, {@code qualifieddc} or {@code dcterms} in no namespace; a root {@code record},
     * {@code metadata} or {@code description} in no namespace whose look-ahead holds {@code dc:} or
     * {@code dcterms:} properties, or two of the fifteen DC elements in no namespace, and no
     * OAI-PMH header or MARCXML field; so is a root {@code collection} or {@code records} in no
     * namespace holding such records (MARCXML's {@code collection} holds fields). A root
     * {@code rdf:RDF} that declares a DC namespace and not EDM's is a weak match (each of its
     * descriptions a record).
     */
    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> {
            if (DcEmbedded.isDublinCore(root.namespace())) {
                return MatchStrength.FULL_MATCH;
            }
            if (root.localName().equals("RDF") && RDF.equals(root.namespace())) {
                // Dublin Core in RDF/XML (rdf:Description of dc: properties, as DCMI writes it): a
                // weak match, and none where the document is Europeana's EDM (lam-edm's)
                String text = Sniff.text(head, len);
                return !text.contains(EDM) && (text.contains(DublinCore.DC) || text.contains(DublinCore.DCTERMS))
                        ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
            }
            if (root.namespace().isEmpty() && root.localName().equals("collection")) {
                // a <collection> in no namespace: MARCXML's has fields, OAI-PMH records a header;
                // one of Dublin Core records (a CONTENTdm or home-made export) is Dublin Core's
                return wrapsDublinCore(Sniff.text(head, len)) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
            }
            if (OTHER_ROOTS.contains(root.localName())
                    || root.namespace().startsWith("http://www.openarchives.org/OAI/")) {
                return MatchStrength.NO_MATCH;
            }
            if (FOXML.equals(root.namespace())) {
                // a Fedora object: its DC datastream (which every object has, inline, though a long
                // audit trail may come first) is a record, but a fuller one in the object (an inline
                // MODS datastream, a solid match of lam-mods) is read in its place
                return MatchStrength.WEAK_MATCH;
            }
            if (Sniff.containsAscii(head, len, "http://purl.org/dc/elements/1.1/")
                    || Sniff.containsAscii(head, len, "http://purl.org/dc/terms/")) {
                // but an OAI-PMH record cut out of its response without its namespace (its header,
                // its oai_dc payload) is lam-oai's, read here only where lam-oai is absent
                return root.namespace().isEmpty() && root.localName().equals("record")
                        && OTHER_WRAPPED.matcher(Sniff.text(head, len)).find()
                        ? MatchStrength.WEAK_MATCH : MatchStrength.SOLID_MATCH;
            }
            if (!root.namespace().isEmpty()) {
                return MatchStrength.NO_MATCH;
            }
            boolean collection = DcReader.COLLECTIONS.contains(root.localName());
            if (!DcReader.WRAPPERS.contains(root.localName()) && !collection) {
                return MatchStrength.NO_MATCH;
            }
            return !SHARED_WRAPPERS.contains(root.localName()) && !collection || wrapsDublinCore(Sniff.text(head, len))
                    ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
        }, DcFormat::cutOut);
    }

    /**
     * Whether a wrapper in no namespace holds Dublin Core: prefixed properties, or two different
     * DC elements in no namespace, and nothing of the other formats that wrap records so.
     */
    static boolean wrapsDublinCore(String text) {
        if (OTHER_WRAPPED.matcher(text).find()) {
            return false;
        }
        if (PREFIXED_PROPERTY.matcher(text).find()) {
            return true;
        }
        Matcher m = BARE_PROPERTY.matcher(text);
        String first = null;
        while (m.find()) {
            if (first == null) {
                first = m.group(1);
            } else if (!first.equals(m.group(1))) {
                return true;
            }
        }
        return false;
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
