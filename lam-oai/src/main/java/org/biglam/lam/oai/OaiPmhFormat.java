package org.biglam.lam.oai;

import java.io.IOException;
import java.util.regex.Pattern;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.oai.internal.OaiReader;
import org.biglam.lam.oai.internal.OaiSettings;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * OAI-PMH responses, as harvests are kept (a folder of {@code ListRecords} pages) and as the
 * harvester hands its pages on. Format id {@code oai-pmh}; one granularity, {@code record}.
 *
 * <p>Each record's {@code metadata} goes to the reader of its namespace (never of its prefix's
 * name): Dublin Core to lam-dc, MODS to lam-mods, MARCXML to lam-marc, METS to lam-alto (one
 * record of the METS description and page images), and whatever other modules provide an
 * {@link org.biglam.lam.spi.EmbeddedXmlReader}; those records carry their payload's
 * format and the header's labels ({@code oai:identifier}, {@code oai:datestamp},
 * {@code oai:setSpec}). A payload no module reads gives a record of format {@code oai-pmh} with
 * the header's labels and a warning. {@code ListIdentifiers}, {@code ListSets},
 * {@code ListMetadataFormats} and {@code Identify} responses give a record per header, set, format,
 * or the repository.
 *
 * <p>Settings: {@code oai.deleted} = {@code skip} (the default: deleted records are counted in a
 * warning and left out) or {@code emit} (a record with {@code oai:status=deleted});
 * {@code oai.lenient=true} binds the well-known prefixes ({@code oai_dc}, {@code dc}, {@code mods},
 * ...) on each page, for payloads whose namespace declarations were lost (strictly, an unbound
 * prefix is a located problem naming the setting). The format declares the harvester's settings
 * ({@link OaiHarvest}) too, since a harvest's pages are read as this format.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class OaiPmhFormat extends AbstractFormatProvider {

    /** The format id: {@code oai-pmh}. */
    public static final String ID = "oai-pmh";

    /** Creates the provider (ServiceLoader calls this). */
    public OaiPmhFormat() {
        super(FormatInfo.of(ID,
                "OAI-PMH responses (ListRecords, GetRecord, ...), records dispatched by metadata namespace", "record")
                .withExtensions("oai")
                .withSettings(OaiSettings.all()));
    }

    /**
     * The root's first child an OAI-PMH {@code record} that declares the OAI-PMH namespace: records
     * kept under a root of the harvester's ({@code <Records><record xmlns="...OAI/2.0/">}).
     */
    private static final Pattern RECORDS_OF_RECORDS = Pattern.compile(
            "^(?:\\s|<\\?.*?\\?>|<!--.*?-->|<![^>]*+>)*+<[^>]++>\\s*+(?:<!--.*?-->\\s*+)*+<(?:[\\w.-]+:)?record\\s[^>]*?"
                    + "xmlns(?::[\\w.-]+)?\\s*=\\s*[\"']http://www\\.openarchives\\.org/OAI/2\\.0/[\"']",
            Pattern.DOTALL);

    /** A header that names its record's identifier, in no namespace: an OAI-PMH record cut out without it. */
    private static final Pattern BARE_HEADER = Pattern.compile("<header(?:\\s[^>]*)?>\\s*+<identifier>");

    /**
     * A root in the OAI-PMH 2.0 namespace, a full match; {@code OAI-PMH} in none, solid; so is a
     * {@code record} in none that starts with its {@code header} (a record cut out of a response
     * without its namespace, as some harvesters keep them); a root of
     * another name whose first child is an OAI-PMH {@code record} in its namespace (records a
     * harvester kept under a root of its own), a full match too.
     */
    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> OaiReader.NS.equals(root.namespace()) ? MatchStrength.FULL_MATCH
                : root.localName().equals("OAI-PMH") ? MatchStrength.SOLID_MATCH
                : root.namespace().isEmpty() && root.localName().equals("record")
                        && BARE_HEADER.matcher(Sniff.text(head, len)).find() ? MatchStrength.SOLID_MATCH
                : RECORDS_OF_RECORDS.matcher(Sniff.text(head, len)).find() ? MatchStrength.FULL_MATCH
                : MatchStrength.NO_MATCH);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new OaiReader(input.stream(), context);
    }
}
