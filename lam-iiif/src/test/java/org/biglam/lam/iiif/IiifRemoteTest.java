package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import java.io.IOException;
import java.time.Duration;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

/** Reading collections whose members are served over http, by a loopback server only. */
class IiifRemoteTest {

    private static final String M1 = IiifTesting.text(fixture("collection/m1.json"));
    private static final String M2 = IiifTesting.text(fixture("collection/m2.json"));

    private static String collection(String... ids) {
        StringBuilder sb = new StringBuilder("{\"@context\":\"http://iiif.io/api/presentation/3/context.json\","
                + "\"id\":\"c\",\"type\":\"Collection\",\"label\":{\"en\":[\"Remote\"]},\"items\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"type\":\"Manifest\"}");
        }
        return sb.append("]}").toString();
    }

    private static ReadOptions.Builder fetching() {
        return options().formatOptions(IiifOptions.builder().fetch(IiifOptions.Fetch.ALWAYS)
                .backoff(Duration.ofMillis(10)).build());
    }

    @Test
    void aManifestAnsweredWith429OnceIsFetchedOnTheRetry() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/m1.json", (ex, n) -> {
                if (n == 1) {
                    ex.getResponseHeaders().add("Retry-After", "0");
                    LoopbackServer.send(ex, 429, "{\"error\":\"slow down\"}");
                } else {
                    LoopbackServer.send(ex, 200, M1);
                }
            });
            Run run = read(collection(server.url("/m1.json")), "c.json", fetching());

            assertThat(run.ids()).containsExactly("https://example.org/iiif/m1/canvas/1");
            assertThat(run.records.get(0).source().orElseThrow().uri()).isEqualTo(server.url("/m1.json"));
            assertThat(run.records.get(0).label("collection")).containsExactly("Remote");
            assertThat(server.count("/m1.json")).isEqualTo(2);
            assertThat(run.problems).isEmpty();
        }
    }

    @Test
    void aMemberThatKeepsFailingIsReportedAndTheOthersAreRead() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/down.json", (ex, n) -> LoopbackServer.send(ex, 503, ""));
            server.json("/m2.json", M2);
            Run run = read(collection(server.url("/down.json"), server.url("/m2.json")), "c.json", fetching());

            assertThat(run.ids()).containsExactly("https://example.org/iiif/m2/canvas/1");
            assertThat(server.count("/down.json")).isEqualTo(1 + IiifOptions.DEFAULT_RETRIES);
            assertThat(run.problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo("malformed");
                assertThat(p.message()).contains("HTTP 503");
            });
        }
    }

    @Test
    void aCollectionReadOverHttpFollowsItsRelativeMembersAndSkipsCycles() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/iiif/top.json", IiifTesting.text(fixture("collection/top.json")));
            server.json("/iiif/sub.json", IiifTesting.text(fixture("collection/sub.json")));
            server.json("/iiif/m1.json", M1);
            server.json("/iiif/m2.json", M2);
            Run run = new Run();
            try (var s = org.biglam.lam.Lam.read(server.url("/iiif/top.json"),
                    options().onProblem(run.problems::add).build())) {
                s.forEach(run.records::add);
            }

            assertThat(run.ids()).containsExactly("https://example.org/iiif/m2/canvas/1",
                    "https://example.org/iiif/m1/canvas/1");
            assertThat(run.warnings("cycle")).hasSize(2);
            assertThat(server.count("/iiif/top.json")).isEqualTo(1);
            assertThat(server.count("/iiif/sub.json")).isEqualTo(1);
        }
    }

    @Test
    void referencedAnnotationPagesAreFetchedForTheirTranscriptions() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/list/1", "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"l1\","
                    + "\"@type\":\"sc:AnnotationList\",\"resources\":[{\"@type\":\"oa:Annotation\",\"motivation\":"
                    + "\"sc:painting\",\"resource\":{\"@type\":\"cnt:ContentAsText\",\"chars\":\"Hello there\"},"
                    + "\"on\":\"c1#xywh=0,0,10,10\"}]}");
            String manifest = "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"m\","
                    + "\"@type\":\"sc:Manifest\",\"sequences\":[{\"canvases\":[{\"@id\":\"c1\",\"@type\":\"sc:Canvas\","
                    + "\"width\":10,\"height\":10,\"otherContent\":[{\"@id\":\"" + server.url("/list/1")
                    + "\",\"@type\":\"sc:AnnotationList\"}]}]}]}";
            Run run = read(manifest, "m.json", fetching());

            assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).contains("Hello there"));
            Run notFetched = read(manifest, "m.json", options());
            assertThat(notFetched.records.get(0).text()).isEmpty();
            assertThat(notFetched.warnings("not-followed")).hasSize(1);
        }
    }

    @Test
    void anAnnotationCollectionIsReadPageByPageFromItsFirstThroughNext() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            String line = "{\"type\":\"Annotation\",\"motivation\":\"supplementing\",\"body\":{\"type\":\"TextualBody\","
                    + "\"value\":\"%s\"},\"target\":\"c1\"}";
            server.json("/coll", "{\"id\":\"" + server.url("/coll") + "\",\"type\":\"AnnotationCollection\",\"first\":\""
                    + server.url("/p1") + "\"}");
            server.json("/p1", "{\"id\":\"" + server.url("/p1") + "\",\"type\":\"AnnotationPage\",\"items\":["
                    + String.format(line, "one") + "],\"next\":\"" + server.url("/p2") + "\"}");
            server.json("/p2", "{\"id\":\"" + server.url("/p2") + "\",\"type\":\"AnnotationPage\",\"items\":["
                    + String.format(line, "two") + "],\"next\":\"" + server.url("/p1") + "\"}");
            String manifest = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":"
                    + "\"Manifest\",\"items\":[{\"id\":\"c1\",\"type\":\"Canvas\",\"annotations\":[{\"id\":\""
                    + server.url("/coll") + "\",\"type\":\"AnnotationCollection\"}]}]}";
            Run run = read(manifest, "m.json", fetching());

            assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).contains("one\ntwo"));
            assertThat(server.count("/coll")).isEqualTo(1);
            assertThat(server.count("/p1")).isEqualTo(1);
            assertThat(server.count("/p2")).isEqualTo(1);
        }
    }
}
