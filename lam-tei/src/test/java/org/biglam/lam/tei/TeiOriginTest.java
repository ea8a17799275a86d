package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The origin rule for TEI's {@code facs} and {@code graphic}: a TEI document over http names no local image. */
class TeiOriginTest {

    @TempDir
    Path dir;

    private static String tei(String facsimile, String body) {
        return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
                + "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
                + "<facsimile>" + facsimile + "</facsimile><text><body>" + body + "</body></text></TEI>";
    }

    private static List<LamRecord> pages(String input, List<Problem> problems) {
        try (var s = Lam.read(input, ReadOptions.builder().granularity("page").onProblem(problems::add).build())) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void aTeiDocumentServedOverHttpKeepsOnlyItsHttpImages() throws IOException {
        Path jpg = Files.writeString(dir.resolve("secret.jpg"), "not for the dataset");
        String doc = tei("<graphic xml:id=\"g1\" url=\"" + jpg.toUri() + "\"/>"
                        + "<graphic xml:id=\"g2\" xml:base=\"file:///etc/\" url=\"passwd\"/>"
                        + "<graphic xml:id=\"g3\" url=\"jar:" + jpg.toUri() + "!/x.jpg\"/>",
                "<pb n=\"1\" facs=\"#g1\"/><p>one</p><pb n=\"2\" facs=\"#g2\"/><p>two</p>"
                        + "<pb n=\"3\" facs=\"#g3\"/><p>three</p><pb n=\"4\" facs=\"" + jpg.toUri() + "\"/><p>four</p>"
                        + "<pb n=\"5\" facs=\"scans/p5.jpg\"/><p>five</p>");
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/t.xml", doc.getBytes(StandardCharsets.UTF_8));
            List<Problem> problems = new ArrayList<>();
            List<LamRecord> pages = pages(server.url("/t.xml"), problems);

            assertThat(pages.stream().flatMap(p -> p.images().stream()).map(ImageRef::uri))
                    .containsExactly(server.url("/scans/p5.jpg"));
            assertThat(problems).filteredOn(p -> p.kind().equals("reference")).hasSize(4)
                    .allSatisfy(p -> assertThat(p.message()).contains("image left out"));
        }
    }

    @Test
    void aLocalTeiDocumentKeepsImagesBesideItAndLeavesOutOthers() throws IOException {
        Path t = Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("t.xml"),
                tei("<graphic xml:id=\"g1\" url=\"../secret.jpg\"/>",
                        "<pb n=\"1\" facs=\"#g1\"/><p>one</p><pb n=\"2\" facs=\"p2.jpg\"/><p>two</p>"
                                + "<pb n=\"3\" facs=\"ftp://example.org/p3.jpg\"/><p>three</p>"));
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> pages = pages(t.toString(), problems);

        assertThat(pages.stream().flatMap(p -> p.images().stream()).map(ImageRef::uri))
                .containsExactly(dir.resolve("sub/p2.jpg").toUri().toString());
        assertThat(problems).filteredOn(p -> p.kind().equals("reference")).hasSize(2);
        try (var s = Lam.read(t.toString(), ReadOptions.builder().granularity("page").localRoot(dir).build())) {
            assertThat(s.flatMap(p -> p.images().stream()).map(ImageRef::uri))
                    .contains(dir.resolve("secret.jpg").toUri().toString());
        }
    }
}
