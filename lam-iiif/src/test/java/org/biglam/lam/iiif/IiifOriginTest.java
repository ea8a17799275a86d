package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordWriter;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin rule in IIIF: a manifest served over http never makes lam read a local file (its
 * images, its {@code seeAlso} OCR, the manifests its collection names), and a local manifest's
 * {@code jar:} and {@code ftp:} images are never followed. A canary file's contents must appear
 * nowhere in what lam gives out.
 */
class IiifOriginTest {

    private static final String CANARY = "CANARY-iiif-5be1-do-not-leak";

    @TempDir
    Path dir;

    private static String canvas(String n, String image, String seeAlso) {
        return "{\"id\":\"https://example.org/c/" + n + "\",\"type\":\"Canvas\",\"width\":100,\"height\":100,"
                + (seeAlso == null ? "" : "\"seeAlso\":[{\"id\":\"" + seeAlso + "\",\"type\":\"Dataset\","
                + "\"format\":\"application/xml+alto\",\"profile\":\"http://www.loc.gov/standards/alto/v4/alto.xsd\"}],")
                + "\"items\":[{\"id\":\"https://example.org/p/" + n + "\",\"type\":\"AnnotationPage\",\"items\":[{"
                + "\"id\":\"https://example.org/a/" + n + "\",\"type\":\"Annotation\",\"motivation\":\"painting\","
                + "\"body\":{\"id\":\"" + image + "\",\"type\":\"Image\",\"format\":\"image/jpeg\"},"
                + "\"target\":\"https://example.org/c/" + n + "\"}]}]}";
    }

    private static String manifest(String id, String... canvases) {
        return "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"" + id + "\","
                + "\"type\":\"Manifest\",\"label\":{\"en\":[\"m\"]},\"items\":[" + String.join(",", canvases) + "]}";
    }

    /** Every record as JSON Lines and every problem: all lam gives out. */
    private static String readAll(String input, ReadOptions.Builder options, List<Problem> problems) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var s = Lam.read(input, options.onProblem(problems::add).build()); RecordWriter w = Lam.jsonLinesWriter(out)) {
            for (LamRecord r : (Iterable<LamRecord>) s::iterator) {
                w.write(r);
            }
        }
        return out.toString(StandardCharsets.UTF_8) + "\n" + problems;
    }

    private Path canaries() throws IOException {
        Files.writeString(dir.resolve("canary.jpg"), CANARY + "\n");
        String alto = IiifTesting.text(fixture("ocr/page1.alto.xml")).replace("Roses", CANARY);
        Files.writeString(dir.resolve("canary.alto.xml"), alto);
        Files.writeString(dir.resolve("canary-manifest.json"), manifest("https://example.org/" + CANARY,
                canvas("9", "https://example.org/" + CANARY + ".jpg", null)));
        return dir;
    }

    @Test
    void aManifestServedOverHttpNamingLocalFilesReadsNoneOfThem() throws IOException {
        canaries();
        String img = dir.resolve("canary.jpg").toUri().toString();
        String alto = dir.resolve("canary.alto.xml").toUri().toString();
        String local = dir.resolve("canary-manifest.json").toUri().toString();
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/m.json", manifest(server.url("/m.json"), canvas("1", img, alto),
                    canvas("2", server.url("/img/2.jpg"), "file:" + dir.resolve("canary.alto.xml"))));
            server.json("/c.json", "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\""
                    + server.url("/c.json") + "\",\"type\":\"Collection\",\"label\":{\"en\":[\"c\"]},\"items\":["
                    + "{\"id\":\"" + local + "\",\"type\":\"Manifest\"},{\"id\":\"" + server.url("/m.json")
                    + "\",\"type\":\"Manifest\"}]}");
            List<Problem> problems = new ArrayList<>();
            String all = readAll(server.url("/c.json"), options().set("iiif.ocr", "true"), problems);

            assertThat(all).doesNotContain(CANARY);
            List<String> refused = problems.stream().filter(p -> p.kind().equals("reference"))
                    .map(Problem::message).collect(Collectors.toList());
            assertThat(refused).anySatisfy(m -> assertThat(m).contains(local).contains("came over http(s)"));
            assertThat(refused).anySatisfy(m -> assertThat(m).contains(alto));
            assertThat(refused).anySatisfy(m -> assertThat(m).contains("image left out").contains(img));
            try (var s = Lam.read(server.url("/m.json"), options().build())) {
                List<LamRecord> records = s.collect(Collectors.toList());
                assertThat(records).hasSize(2);
                assertThat(records.get(0).images()).isEmpty();
                assertThat(records.get(1).images()).singleElement()
                        .satisfies(i -> assertThat(i.uri()).isEqualTo(server.url("/img/2.jpg")));
            }
        }
    }

    @Test
    void aLocalManifestsJarAndFtpImagesAreLeftOutWithWarnings() throws IOException {
        canaries();
        Path m = Files.writeString(dir.resolve("m.json"), manifest("https://example.org/m",
                canvas("1", "jar:" + dir.resolve("canary.jpg").toUri() + "!/x.jpg", null),
                canvas("2", "ftp://127.0.0.1/canary.jpg", null),
                canvas("3", "images/p3.jpg", null)));
        List<Problem> problems = new ArrayList<>();
        String all = readAll(m.toString(), options(), problems);

        assertThat(all).doesNotContain(CANARY).contains("\"uri\":\"images/p3.jpg\"");
        assertThat(problems).filteredOn(p -> p.kind().equals("reference")).hasSize(2)
                .anySatisfy(p -> assertThat(p.message()).contains("'jar:'"))
                .anySatisfy(p -> assertThat(p.message()).contains("'ftp:'"))
                .allSatisfy(p -> assertThat(p.location().input()).isEqualTo(m.toUri().toString()));
    }
}
