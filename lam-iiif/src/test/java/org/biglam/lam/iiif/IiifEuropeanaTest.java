package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.fixture;

import java.io.IOException;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

/**
 * Europeana's IIIF full text, served as iiif.europeana.eu serves it (by a loopback server): each
 * canvas refers to an annotation page whose annotations (of granularity page, line and word) name
 * character ranges ({@code #char=start,end}, or a TextPositionSelector) of one full-text resource.
 */
class IiifEuropeanaTest {

    private static final String RECORD = "/presentation/9200301/BibliographicResource_3000126341277";
    private static final String FULL_TEXT = "UUSI AURA N:o 274 A\nTurussa, perjantaina 26 p. marraskuuta 1909.\n"
            + "Äänestys kaupunginvaltuustossa";

    /** Serves a version's manifest, annotation page and full text; returns the manifest's URL. */
    private static String serve(LoopbackServer server, String version) {
        String base = server.url(""); // http://127.0.0.1:port, standing for https://iiif.europeana.eu
        for (String[] f : new String[][] {{"/manifest", "manifest-" + version}, {"/annopage/1", "annopage-" + version},
            {"/fulltext/41e6a6b1c8b6f3a0c4d2", "fulltext"}}) {
            server.json(RECORD + f[0], IiifTesting.text(fixture("europeana/" + f[1] + ".json")).replace("{{base}}", base));
        }
        return server.url(RECORD + "/manifest");
    }

    private static Run read(String url, ReadOptions.Builder o) {
        Run run = new Run();
        try (Stream<LamRecord> s = Lam.read(url, o.format("iiif").errorPolicy(ErrorPolicy.SKIP)
                .onProblem(run.problems::add).build())) {
            s.forEach(run.records::add);
        }
        return run;
    }

    @Test
    void aV2CanvasGetsThePageTextOfItsFullTextResourceOnce() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            Run run = read(serve(server, "v2"), ReadOptions.builder());

            assertThat(run.records).singleElement().satisfies(r -> {
                // the page annotation's text: not also its lines' and words' (the same text again)
                assertThat(r.text()).hasValue(FULL_TEXT);
                assertThat(r.labels()).doesNotContainKey("iiif:painting"); // the full text is no painted content
                assertThat(r.label("iiif:partOf")).containsExactly("http://data.theeuropeanlibrary.org/Collection/a0611");
            });
            assertThat(server.count(RECORD + "/fulltext/41e6a6b1c8b6f3a0c4d2")).isEqualTo(1);
            assertThat(run.problems).isEmpty();
        }
    }

    @Test
    void aV3CanvasGetsThePageTextOfItsFullTextResourceOnce() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            Run run = read(serve(server, "v3"), ReadOptions.builder());

            assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).hasValue(FULL_TEXT));
            assertThat(server.count(RECORD + "/fulltext/41e6a6b1c8b6f3a0c4d2")).isEqualTo(1);
            assertThat(run.problems).isEmpty();
        }
    }

    @Test
    void atAnnotationGranularityEachLineIsARecordWithItsRegion() throws IOException {
        for (String version : new String[] {"v2", "v3"}) {
            try (LoopbackServer server = new LoopbackServer()) {
                Run run = read(serve(server, version), ReadOptions.builder().granularity("annotation"));

                assertThat(run.records).as(version).extracting(r -> r.text().orElseThrow()).containsExactly(
                        "UUSI AURA N:o 274 A", "Turussa, perjantaina 26 p. marraskuuta 1909.",
                        "Äänestys kaupunginvaltuustossa");
                assertThat(run.records.get(1).images()).singleElement()
                        .satisfies(i -> assertThat(i.region()).hasValue(new Region(92, 220, 1715, 52)));
                assertThat(run.problems).isEmpty();
            }
        }
    }

    @Test
    void aLocalCopyOfAManifestReportsTheFullTextNotFetched() {
        String json = IiifTesting.text(fixture("europeana/manifest-v3.json")).replace("{{base}}", "https://iiif.europeana.eu");
        Run run = IiifTesting.read(json, "manifest.json", IiifTesting.options());

        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).isEmpty());
        assertThat(run.warnings("not-followed")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("1 referenced annotation page(s)", "iiif.fetch=always"));
    }

    @Test
    void charactersAreCountedInCodePointsOfAFullTextEmbeddedInThePage() {
        // "𝔇𝔢𝔯" is three code points (six UTF-16 chars): the second line starts at code point 10
        String json = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/f/manifest",
                 "type": "Manifest", "label": {"de": ["Fraktur"]},
                 "items": [{"id": "https://example.org/iiif/f/canvas/1", "type": "Canvas", "width": 100, "height": 100,
                   "annotations": [{"id": "https://example.org/iiif/f/annopage/1", "type": "AnnotationPage",
                     "resources": [{"id": "https://example.org/iiif/f/fulltext/1", "type": "FullTextResource",
                                    "language": "de", "value": "𝔇𝔢𝔯 Rhein\\nfließt"}],
                     "items": [
                      {"id": "https://example.org/iiif/f/anno/1", "type": "Annotation", "motivation": "transcribing",
                       "textGranularity": "line", "body": {"type": "SpecificResource",
                         "source": "https://example.org/iiif/f/fulltext/1",
                         "selector": {"type": "TextPositionSelector", "start": 0, "end": 9}},
                       "target": "https://example.org/iiif/f/canvas/1#xywh=0,0,100,50"},
                      {"id": "https://example.org/iiif/f/anno/2", "type": "Annotation", "motivation": "transcribing",
                       "textGranularity": "line", "body": "https://example.org/iiif/f/fulltext/1#char=10,16",
                       "target": "https://example.org/iiif/f/canvas/1#xywh=0,50,100,50"}]}]}]}
                """;
        Run run = IiifTesting.read(json, "f.json", IiifTesting.options());

        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).hasValue("𝔇𝔢𝔯 Rhein\nfließt"));
        assertThat(run.problems).isEmpty();
    }

    @Test
    void aLocalAnnotationPageWhoseFullTextIsRemoteCountsItNotFetched() {
        // a manifest and its annotation list saved beside each other; the full text left on the server
        Run run = IiifTesting.read(fixture("europeana-local/manifest.json"), IiifTesting.options());

        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.text()).isEmpty();
            assertThat(r.labels()).doesNotContainKey("iiif:painting");
        });
        assertThat(run.warnings("not-followed")).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("1 full-text resource(s) of https://iiif.europeana.eu/").contains("iiif.fetch=always"));
    }
}
