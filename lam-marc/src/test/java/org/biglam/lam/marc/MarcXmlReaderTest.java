package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;

class MarcXmlReaderTest {

    @Test
    void readsACollectionWithoutNamespaceWithLabelsAndImages() {
        Reading r = Reading.skip("marcxml-collection-without-namespace.xml");
        assertThat(r.problems).isEmpty();
        assertThat(r.ids()).containsExactly("nons-1", "nons-2");
        LamRecord first = r.records.get(0);
        assertThat(first.format()).isEqualTo("marcxml");
        assertThat(first.source().orElseThrow().line()).hasValue(3);
        assertThat(first.labels()).containsExactly(
                Map.entry("title", List.of("A history of Whitby")),
                Map.entry("creator", List.of("Charlton, Lionel, 1720-1788")),
                Map.entry("date", List.of("1779")),
                Map.entry("language", List.of("en")),
                Map.entry("subject", List.of("Whitby (England) -- History")),
                Map.entry("genre", List.of("non-fiction")),
                Map.entry("type", List.of("text", "monograph")),
                Map.entry("publisher", List.of("Printed by A. Ward")),
                Map.entry("place", List.of("York")),
                Map.entry("identifier", List.of("nons-1")),
                Map.entry("marc:date", List.of("1779.")));
        assertThat(first.text()).hasValue("A history of Whitby / by Lionel Charlton.");
        LamRecord second = r.records.get(1);
        assertThat(second.label("type")).containsExactly("still image", "monograph");
        assertThat(second.images()).extracting(ImageRef::uri).containsExactly(
                "https://example.org/iiif/whitby/full/full/0/default.jpg", "https://example.org/iiif/whitby/manifest");
        assertThat(second.images().get(0).mime()).hasValue("image/jpeg");
        assertThat(second.unwrap(Record.class)).isPresent();
    }

    @Test
    void readsASingleRecordWithANamespacePrefix() {
        Reading r = Reading.skip("marcxml-single-record-with-prefix.xml");
        assertThat(r.ids()).containsExactly("ns-1");
        LamRecord rec = r.records.get(0);
        assertThat(rec.label("title")).containsExactly("Die Elixiere des Teufels : Roman");
        assertThat(rec.label("language")).containsExactly("de");
        assertThat(rec.label("genre")).containsExactly("Schauerroman", "fiction");
        assertThat(rec.label("publisher")).containsExactly("Beispiel Verlag");
        assertThat(rec.label("date")).containsExactly("2015");
        assertThat(rec.label("marc:date")).containsExactly("[2015]");
    }

    @Test
    void refusesAnExternalEntityQuickly() {
        byte[] bytes = Reading.bytes("marcxml-xxe.xml");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Reading.read(bytes, "xxe.xml", ReadOptions.builder().format("marcxml")))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("xxe")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        Reading skipped = Reading.skip(bytes, "xxe.xml", ReadOptions.builder().format("marcxml"));
        assertThat(skipped.records).allSatisfy(rec -> assertThat(rec.toString()).doesNotContain("root:"));
    }

    @Test
    void refusesEntityExpansionBombs() {
        byte[] bytes = Reading.bytes("marcxml-billion-laughs.xml");
        Reading r = Reading.skip(bytes, "lol.xml", ReadOptions.builder().format("marcxml"));
        assertThat(r.records).isEmpty();
        assertThat(r.errors()).hasSize(1);
    }

    @Test
    void reportsMalformedXmlWithItsLineAndKeepsTheRecordsBefore() {
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">ok-1</controlfield></record>\n<record><leader>oops</record>";
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "bad.xml", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("ok-1");
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).location().line()).hasValue(3);
    }

    @Test
    void readsMarcRecordsInsideOaiPmhAndSruWrappers() {
        String oai = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>"
                + "<record><header><identifier>oai:x:1</identifier></header><metadata>"
                + "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">oai-marc-1</controlfield></record></metadata></record>"
                + "<record><header status=\"deleted\"><identifier>oai:x:2</identifier></header></record>"
                + "<record><header><identifier>oai:x:3</identifier></header><metadata>"
                + "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">oai-marc-3</controlfield></record></metadata></record>"
                + "</ListRecords></OAI-PMH>";
        Reading r = Reading.skip(oai.getBytes(StandardCharsets.UTF_8), "oai.xml", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("oai-marc-1", "oai-marc-3");
        assertThat(r.records).allSatisfy(rec -> assertThat(rec.format()).isEqualTo("marcxml"));
    }

    @Test
    void failsOnlyTheBrokenRecordUnderSkip() {
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + "<record><leader>00000nam a2200000 a 4500</leader><controlfield>no tag</controlfield></record>"
                + "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">fine</controlfield></record>"
                + "</collection>";
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "x.xml", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("fine");
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.location().index()).hasValue(0));
        assertThatThrownBy(() -> Reading.read(xml.getBytes(StandardCharsets.UTF_8), "x.xml",
                ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL))).isInstanceOf(LamFormatException.class);
    }

    @Test
    void stopsItsParsingThreadWhenClosedEarly() throws InterruptedException {
        StringBuilder xml = new StringBuilder("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">");
        for (int i = 0; i < 5000; i++) {
            xml.append("<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">r")
                    .append(i).append("</controlfield></record>");
        }
        xml.append("</collection>");
        try (var s = org.biglam.lam.Lam.read(new java.io.ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                "early.xml", ReadOptions.builder().build())) {
            assertThat(s.findFirst()).get().extracting(LamRecord::id).isEqualTo("r0");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (parsingThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(parsingThreads()).isZero();
    }

    private static long parsingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lam-marcxml early.xml") && t.isAlive()).count();
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + "<x>".repeat(5000) + "</x>".repeat(5000)
                + "</collection>";
        Reading r = Reading.skip(deep.getBytes(StandardCharsets.UTF_8), "deep.xml", ReadOptions.builder().format("marcxml"));
        assertThat(r.records).isEmpty();
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("maxNestingDepth"));
    }

    private static final String SRU_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\"><zs:version>1.1</zs:version>\n"
            + "<zs:numberOfRecords>2</zs:numberOfRecords><zs:records>\n";

    private static String stringPacked(String id, String title) {
        return "<zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>string</zs:recordPacking>\n"
                + "<zs:recordData>&lt;record xmlns=\"http://www.loc.gov/MARC21/slim\"&gt;&lt;leader&gt;00000cam a2200000 a 4500"
                + "&lt;/leader&gt;&lt;controlfield tag=\"001\"&gt;" + id + "&lt;/controlfield&gt;&lt;datafield tag=\"245\" "
                + "ind1=\"0\" ind2=\"0\"&gt;&lt;subfield code=\"a\"&gt;" + title + " :&lt;/subfield&gt;&lt;/datafield&gt;"
                + "&lt;/record&gt;</zs:recordData>\n<zs:recordPosition>1</zs:recordPosition></zs:record>\n";
    }

    @Test
    void readsSruRecordsPackedAsStrings() {
        // recordPacking=string: the MARCXML record is escaped text inside recordData
        String xml = SRU_HEAD + stringPacked("sru-1", "Fish &amp;amp; chips") + stringPacked("sru-2", "Second")
                + "</zs:records></zs:searchRetrieveResponse>\n";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (ReadOptions.Builder options : List.of(ReadOptions.builder(), ReadOptions.builder().format("marcxml"))) {
            Reading r = Reading.skip(bytes, "sru.xml", options);
            assertThat(r.problems).isEmpty();
            assertThat(r.ids()).containsExactly("sru-1", "sru-2");
            assertThat(r.records.get(0).label("title")).containsExactly("Fish & chips");
            assertThat(r.records.get(0).label("type")).containsExactly("text", "monograph");
            assertThat(r.records.get(0).format()).isEqualTo("marcxml");
            assertThat(r.records.get(0).source().orElseThrow().line()).hasValue(5);
            assertThat(r.records.get(1).source().orElseThrow().line()).hasValue(8);
        }
    }

    @Test
    void refusesAnEntityInAStringPackedSruRecordAndKeepsTheOthers() {
        String hostile = "<zs:record><zs:recordPacking>string</zs:recordPacking><zs:recordData>"
                + "&lt;!DOCTYPE r [&lt;!ENTITY x SYSTEM \"file:///etc/passwd\"&gt;]&gt;"
                + "&lt;record xmlns=\"http://www.loc.gov/MARC21/slim\"&gt;&lt;leader&gt;00000cam a2200000 a 4500&lt;/leader&gt;"
                + "&lt;controlfield tag=\"001\"&gt;&amp;x;&lt;/controlfield&gt;&lt;/record&gt;</zs:recordData></zs:record>\n";
        String xml = SRU_HEAD + hostile + stringPacked("sru-2", "Second") + "</zs:records></zs:searchRetrieveResponse>";
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "sru.xml", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("sru-2");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("SRU recordData packed as a string");
            assertThat(p.location().line()).hasValue(4);
        });
    }

    @Test
    void readsPrettyPrintedElementsWhoseTextIsIndented() {
        // pretty-printers (Python's minidom, some XSLT) put the text of leader and controlfields on lines of their own
        String xml = "<?xml version=\"1.0\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n <record>\n"
                + "  <leader>\n   00925njm  22002777a 4500\n  </leader>\n"
                + "  <controlfield tag=\"001\">\n   5637241\n  </controlfield>\n"
                + "  <controlfield tag=\"008\">\n   920222s1990    nyuppn              fre d\n  </controlfield>\n"
                + "  <datafield tag=\"245\" ind1=\"0\" ind2=\"0\">\n   <subfield code=\"a\">\n    Chansons\n   </subfield>\n"
                + "  </datafield>\n </record>\n</collection>\n";
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "pretty.xml", ReadOptions.builder());
        assertThat(r.problems).isEmpty();
        LamRecord rec = r.records.get(0);
        assertThat(rec.label("type")).containsExactly("sound recording-musical", "monograph");
        assertThat(rec.label("date")).containsExactly("1990");
        assertThat(rec.label("language")).containsExactly("fr");
        assertThat(rec.text()).hasValue("Chansons");
        Record marc = rec.unwrap(Record.class).orElseThrow();
        assertThat(marc.getLeader().marshal()).isEqualTo("00925njm  22002777a 4500");
        assertThat(((org.marc4j.marc.ControlField) marc.getVariableField("008")).getData())
                .isEqualTo("920222s1990    nyuppn              fre d");
    }
}
