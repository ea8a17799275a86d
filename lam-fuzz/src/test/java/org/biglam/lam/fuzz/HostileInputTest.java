package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamIOException;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input of one format each (a lying MARC leader, an ALTO element with a million attributes,
 * a IIIF collection that includes itself) and hostile servers (a trickle, a redirect loop, a
 * redirect to {@code file:}). The only server is the JDK's HttpServer on 127.0.0.1.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Loopback server;

    @BeforeEach
    void start() {
        server = new Loopback();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anIso2709LeaderClaiming99999BytesInA30ByteFileIsAProblemAtItsOffset() {
        Path f = FuzzFindingsTest.fixture("leader-claims-99999-in-30-bytes.mrc");
        Hostile.Outcome out = Hostile.read(f, ReadOptions.builder().format("marc21").build());
        assertThat(out.refused()).isInstanceOf(LamFormatException.class);
        assertThat(out.error().location().orElseThrow().offset()).hasValue(0);
        assertThat(out.records()).isEmpty();
    }

    @Test
    void anAltoElementWithAMillionAttributesIsRefused() {
        GeneratedInputStream in = GeneratedInputStream.of(("<?xml version=\"1.0\"?>\n<alto xmlns="
                + "\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page ID=\"p1\" WIDTH=\"10\" HEIGHT=\"10\">"
                + "<PrintSpace><TextBlock ID=\"b1\"><TextLine ID=\"l1\"><String CONTENT=\"x\"").getBytes(),
                i -> (" a" + i + "=\"1\"").getBytes(), 1_000_000,
                "/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>".getBytes());
        Hostile.Outcome out = Hostile.read(in, "million.xml", ReadOptions.builder().format("alto").build());
        assertThat(out.refused()).isInstanceOf(LamFormatException.class).hasMessageContaining("million.xml");
        assertThat(in.produced()).as("stopped at the JDK's attribute limit").isLessThan(1 << 20);
    }

    private static final String V3 = "\"@context\":\"http://iiif.io/api/presentation/3/context.json\"";

    @Test
    void aLocalIiifCollectionThatIncludesItselfEndsWithACycleWarning() throws IOException {
        Path f = Files.writeString(dir.resolve("self.json"), "{" + V3 + ",\"id\":\"self.json\",\"type\":\"Collection\","
                + "\"label\":{\"en\":[\"Me\"]},\"items\":[{\"id\":\"self.json\",\"type\":\"Collection\"},"
                + "{\"id\":\"m.json\",\"type\":\"Manifest\"}]}");
        Files.writeString(dir.resolve("m.json"), "{" + V3 + ",\"id\":\"m.json\",\"type\":\"Manifest\",\"label\":"
                + "{\"en\":[\"Inside\"]},\"items\":[{\"id\":\"m.json/c1\",\"type\":\"Canvas\",\"width\":10,\"height\":10}]}");
        Hostile.Outcome out = Hostile.read(f, ReadOptions.builder().format("iiif").errorPolicy(ErrorPolicy.SKIP).build());
        assertThat(out.error()).isNull();
        assertThat(out.records()).hasSize(1);
        assertThat(out.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("cycle"));
    }

    @Test
    void aIiifCollectionOnAServerThatIncludesItselfIsFetchedOnce() {
        server.on("/self.json", ex -> Loopback.send(ex, 200, "{" + V3 + ",\"id\":\"" + server.url("/self.json")
                + "\",\"type\":\"Collection\",\"label\":{\"en\":[\"Me\"]},\"items\":[{\"id\":\"" + server.url("/self.json")
                + "\",\"type\":\"Collection\"},{\"id\":\"" + server.url("/a.json") + "\",\"type\":\"Collection\"}]}"));
        server.on("/a.json", ex -> Loopback.send(ex, 200, "{" + V3 + ",\"id\":\"" + server.url("/a.json")
                + "\",\"type\":\"Collection\",\"items\":[{\"id\":\"" + server.url("/self.json")
                + "\",\"type\":\"Collection\"}]}"));
        Hostile.Outcome out = Hostile.read(server.url("/self.json"),
                ReadOptions.builder().format("iiif").errorPolicy(ErrorPolicy.SKIP).build());
        assertThat(out.error()).isNull();
        assertThat(out.records()).isEmpty();
        assertThat(server.requests()).containsExactly("/self.json", "/a.json");
        assertThat(out.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("cycle"));
    }

    @Test
    void aServerThatTricklesOneByteASecondIsCutOffAtTheRequestTimeout() {
        server.on("/trickle.json", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write('[');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                // lam hung up, as it should
            }
        });
        ReadOptions o = ReadOptions.builder().format("iiif").limits(ReadLimits.builder()
                .readTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(3)).build()).build();
        Hostile.Outcome out = Hostile.read(server.url("/trickle.json"), o);
        assertThat(out.refused()).isInstanceOf(LamIOException.class).hasMessageContaining("requestTimeout")
                .hasMessageContaining("/trickle.json");
    }

    @Test
    void aRedirectLoopStopsAtTheRedirectLimit() {
        server.on("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            Loopback.send(ex, 302, "");
        });
        Hostile.Outcome out = Hostile.read(server.url("/loop"), ReadOptions.builder().format("iiif").build());
        assertThat(out.refused()).isInstanceOf(LamIOException.class).hasMessageContaining("maxRedirects");
        assertThat(server.requests()).hasSizeLessThanOrEqualTo(1 + ReadLimits.defaults().maxRedirects());
    }

    @Test
    void aRedirectToAFileIsNeverFollowedNeitherForTheInputNorForAManifestACollectionNames() {
        server.on("/to-file", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            Loopback.send(ex, 302, "");
        });
        Hostile.Outcome direct = Hostile.read(server.url("/to-file"), ReadOptions.builder().format("iiif").build());
        assertThat(direct.refused()).isInstanceOf(LamIOException.class).hasMessageContaining("only http and https");

        server.on("/collection.json", ex -> Loopback.send(ex, 200, "{" + V3 + ",\"id\":\""
                + server.url("/collection.json") + "\",\"type\":\"Collection\",\"items\":[{\"id\":\""
                + server.url("/to-file") + "\",\"type\":\"Manifest\"}]}"));
        Hostile.Outcome member = Hostile.read(server.url("/collection.json"),
                ReadOptions.builder().format("iiif").errorPolicy(ErrorPolicy.SKIP).build());
        assertThat(member.allText()).doesNotContain("root:");
        assertThat(member.problems()).anySatisfy(p -> assertThat(p.message()).contains("only http and https"));
    }

    /** A METS document whose one page names its ALTO file by {@code href}. */
    private static String metsNaming(String href) {
        return "<?xml version=\"1.0\"?>\n<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><mets:fileSec><mets:fileGrp USE=\"FULLTEXT\">"
                + "<mets:file ID=\"ALTO1\" MIMETYPE=\"text/xml\"><mets:FLocat LOCTYPE=\"URL\" xlink:href=\"" + href
                + "\"/></mets:file></mets:fileGrp></mets:fileSec><mets:structMap TYPE=\"PHYSICAL\"><mets:div "
                + "TYPE=\"physSequence\"><mets:div ID=\"PHYS1\" TYPE=\"page\" ORDER=\"1\"><mets:fptr FILEID=\"ALTO1\"/>"
                + "</mets:div></mets:div></mets:structMap></mets:mets>\n";
    }

    @Test
    void aLocalMetsFileNamingAnAltoFileOnAServerDoesNotMakeLamFetchIt() throws IOException {
        server.on("/alto.xml", ex -> Loopback.send(ex, 200, "<alto/>"));
        Path mets = Files.writeString(dir.resolve("mets.xml"), metsNaming(server.url("/alto.xml")));
        Hostile.read(mets, ReadOptions.builder().format("mets").errorPolicy(ErrorPolicy.SKIP).build());
        assertThat(server.requests()).as("requests the server saw").isEmpty();
    }

    @Test
    void aMetsFileInAnArchiveNamingAFileOutsideItReadsNothingFromThere() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.xml"), "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">"
                + "<Layout><Page ID=\"P1\" WIDTH=\"1\" HEIGHT=\"1\"><PrintSpace><TextBlock ID=\"B\"><TextLine ID=\"L\">"
                + "<String CONTENT=\"SECRET\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        for (String href : new String[] {secret.toUri().toString(), "../secret.xml", secret.toString()}) {
            Path zip = org.biglam.lam.testing.Archives.write(dir.resolve("pkg/package.zip"), org.biglam.lam.testing.Archives
                    .zip(org.biglam.lam.testing.Archives.entries().add("mets.xml", metsNaming(href))));
            Hostile.Outcome out = Hostile.read(zip, ReadOptions.builder().format("mets").errorPolicy(ErrorPolicy.SKIP).build());
            assertThat(out.allText()).as(href).doesNotContain("SECRET");
        }
    }
}
