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
}
