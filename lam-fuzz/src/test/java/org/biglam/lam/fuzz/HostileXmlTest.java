package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * XML made to hurt, in each XML format (MARCXML, TEI, ALTO, METS, EAD, LIDO, EDM, Dublin Core, MODS, OAI-PMH): external entities (a local file,
 * a URL on a loopback server), entity bombs, DTD fetches. Nothing is read from the file system or
 * the network, no bomb goes off, and what cannot be read is refused with a located error.
 */
class HostileXmlTest {

    /** Each XML format: its id and a small good document with a DOCTYPE slot and text slots. */
    enum Doc {
        MARCXML("marcxml", "collection", """
                <collection xmlns="http://www.loc.gov/MARC21/slim"><record>\
                <leader>00000nam a2200000 a 4500</leader><controlfield tag="001">h1</controlfield>\
                <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Title %TEXT%</subfield></datafield>\
                </record></collection>
                """),
        TEI("tei", "TEI", """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Title %TEXT%</title>\
                </titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>\
                </teiHeader><text><body><p>Body %TEXT%</p></body></text></TEI>
                """),
        ALTO("alto", "alto", """
                <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit>\
                <sourceImageInformation><fileName>page %TEXT%</fileName></sourceImageInformation></Description>\
                <Layout><Page ID="p1" WIDTH="100" HEIGHT="100" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock ID="b1">\
                <TextLine ID="l1"><String ID="s1" CONTENT="Word %ATTR%"/></TextLine></TextBlock></PrintSpace></Page>\
                </Layout></alto>
                """),
        METS("mets", "mets:mets", """
                <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3" \
                xmlns:xlink="http://www.w3.org/1999/xlink"><mets:dmdSec ID="DMD1"><mets:mdWrap MDTYPE="MODS">\
                <mets:xmlData><mods:mods><mods:titleInfo><mods:title>Title %TEXT%</mods:title></mods:titleInfo>\
                </mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec><mets:fileSec><mets:fileGrp USE="FULLTEXT">\
                <mets:file ID="ALTO1" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" xlink:href="alto/page1.xml"/>\
                </mets:file></mets:fileGrp></mets:fileSec><mets:structMap TYPE="PHYSICAL"><mets:div TYPE="physSequence">\
                <mets:div ID="PHYS1" TYPE="page" ORDER="1" DMDID="DMD1"><mets:fptr FILEID="ALTO1"/></mets:div></mets:div>\
                </mets:structMap></mets:mets>
                """),
        EAD("ead", "ead", """
                <ead xmlns="urn:isbn:1-931666-22-9"><eadheader><eadid>h1</eadid></eadheader><archdesc level="%ATTR%">\
                <did><unittitle>Title %TEXT%</unittitle></did><dsc><c01><did><unittitle>Part %TEXT%</unittitle></did>\
                <scopecontent><p>Body %TEXT%</p></scopecontent></c01></dsc></archdesc></ead>
                """),
        LIDO("lido", "lidoWrap", """
                <lidoWrap xmlns="http://www.lido-schema.org"><lido><lidoRecID>r1</lidoRecID><descriptiveMetadata>\
                <objectIdentificationWrap><titleWrap><titleSet><appellationValue>Title %TEXT%</appellationValue></titleSet>\
                </titleWrap><objectDescriptionWrap><objectDescriptionSet><descriptiveNoteValue>Body %TEXT%</descriptiveNoteValue>\
                </objectDescriptionSet></objectDescriptionWrap></objectIdentificationWrap></descriptiveMetadata>\
                <administrativeMetadata><resourceWrap><resourceSet><resourceRepresentation type="%ATTR%">\
                <linkResource>https://x.org/a.jpg</linkResource></resourceRepresentation></resourceSet></resourceWrap>\
                </administrativeMetadata></lido></lidoWrap>
                """),
        EDM("edm", "rdf:RDF", """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" \
                xmlns:edm="http://www.europeana.eu/schemas/edm/"><edm:ProvidedCHO rdf:about="urn:x">\
                <dc:title>Title %TEXT%</dc:title><dc:description xml:lang="%ATTR%">Body %TEXT%</dc:description>\
                </edm:ProvidedCHO></rdf:RDF>
                """),
        DC("dc", "oai_dc:dc", """
                <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Title %TEXT%</dc:title>\
                <dc:identifier>id %ATTR%</dc:identifier></oai_dc:dc>
                """),
        MODS("mods", "mods", """
                <mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>Title %TEXT%</title></titleInfo>\
                <location><url access="preview">https://example.org/%ATTR%.jpg</url></location></mods>
                """),
        OAI_PMH("oai-pmh", "OAI-PMH", """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01</responseDate>\
                <request verb="ListRecords">http://example.org/oai</request><ListRecords><record><header>\
                <identifier>oai:x:1</identifier><datestamp>2024-01-01</datestamp></header><metadata>\
                <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" \
                xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Title %TEXT%</dc:title>\
                <dc:subject>%ATTR%</dc:subject></oai_dc:dc></metadata></record></ListRecords></OAI-PMH>
                """);

        final String format;
        final String root;
        final String template;

        Doc(String format, String root, String template) {
            this.format = format;
            this.root = root;
            this.template = template;
        }

        /** The document with a DOCTYPE and the text slots filled in. */
        String with(String doctype, String text, String attr) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype.replace("ROOT", root) + "\n"
                    + template.replace("%TEXT%", text).replace("%ATTR%", attr);
        }
    }

    @TempDir
    Path dir;

    private Loopback server;

    @BeforeEach
    void start() throws IOException {
        server = new Loopback();
        Files.createDirectories(dir.resolve("alto"));
        try (InputStream in = getClass().getResourceAsStream("/fuzz-mets-package/alto/page1.xml")) {
            Files.copy(in, dir.resolve("alto/page1.xml"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Hostile.Outcome read(Doc doc, String xml) throws IOException {
        Path file = Files.writeString(dir.resolve(doc.name().toLowerCase() + ".xml"), xml, StandardCharsets.UTF_8);
        return Hostile.read(file, ReadOptions.builder().format(doc.format).build());
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void aGoodDocumentWithoutTricksReads(Doc doc) throws IOException {
        Hostile.Outcome out = read(doc, doc.with("", "plain", "plain"));
        assertThat(out.error()).as("the plain document reads").isNull();
        assertThat(out.records()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void anExternalEntityNamingEtcPasswdIsNeverRead(Doc doc) throws IOException {
        Hostile.Outcome out = read(doc, doc.with("<!DOCTYPE ROOT [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                "&xxe;", "x")).locatedIfFailed();
        assertThat(out.allText()).doesNotContain("root:");
        out.refusedOrLeftOutWithAWarning();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void anExternalEntityOnAServerIsNeverFetched(Doc doc) throws IOException {
        Hostile.Outcome out = read(doc, doc.with("<!DOCTYPE ROOT [<!ENTITY xxe SYSTEM \"" + server.url("/xxe")
                + "\">]>", "&xxe;", "x")).locatedIfFailed();
        assertThat(out.allText()).doesNotContain("root:");
        assertThat(server.requests()).as("requests the server saw").isEmpty();
        out.refusedOrLeftOutWithAWarning();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void billionLaughsAreRefused(Doc doc) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ROOT [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Hostile.Outcome out = read(doc, doc.with(dtd.toString(), "&lol9;", "&lol9;")).locatedIfFailed();
        assertThat(out.allText().length()).as("no expansion came out").isLessThan(10_000);
        out.refusedOrLeftOutWithAWarning();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void aQuadraticBlowUpIsRefused(Doc doc) throws IOException {
        // One entity of 100,000 characters used 20,000 times: 2 billion characters from a 180 kB file.
        String refs = "&a;".repeat(20_000);
        Hostile.Outcome out = read(doc, doc.with("<!DOCTYPE ROOT [<!ENTITY a \"" + "a".repeat(100_000) + "\">]>",
                refs, refs)).locatedIfFailed();
        assertThat(out.allText().length()).as("no expansion came out").isLessThan(1_000_000);
        out.refusedOrLeftOutWithAWarning();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void anExternalDtdIsNeverFetchedAndTheDocumentStillReads(Doc doc) throws IOException {
        Hostile.Outcome out = read(doc, doc.with("<!DOCTYPE ROOT SYSTEM \"" + server.url("/fetch.dtd") + "\">",
                "plain", "plain")).locatedIfFailed();
        assertThat(server.requests()).as("requests the server saw").isEmpty();
        assertThat(out.error()).as("a DTD lam does not fetch is no error").isNull();
        assertThat(out.records()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Doc.class)
    void anExternalParameterEntityIsNeverFetched(Doc doc) throws IOException {
        Hostile.Outcome out = read(doc, doc.with("<!DOCTYPE ROOT [<!ENTITY % p SYSTEM \"" + server.url("/p.dtd")
                + "\"> %p;]>", "plain", "plain")).locatedIfFailed();
        assertThat(server.requests()).as("requests the server saw").isEmpty();
        assertThat(out.allText()).doesNotContain("root:");
    }
}
