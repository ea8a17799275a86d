package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;
import static org.biglam.lam.cli.export.ExportTestSupport.png;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.RecordSource;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lam export} never puts the builder's own files in a dataset: a manifest served over http
 * naming a local image gets no bytes of it (WebDataset, Parquet, JSON Lines), and bytes that are no
 * image are not embedded. The canary is a real PNG with a marker: were it read, it would be embedded.
 */
class ExportOriginTest {

    private static final String MARKER = "CANARY-export-93ac-do-not-leak";

    @TempDir
    Path tmp;

    private static String manifest(String id, String... images) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < images.length; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"https://example.org/c/").append(i)
                    .append("\",\"type\":\"Canvas\",\"width\":10,\"height\":8,\"items\":[{\"id\":\"https://example.org/p/")
                    .append(i).append("\",\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"https://example.org/a/").append(i)
                    .append("\",\"type\":\"Annotation\",\"motivation\":\"painting\",\"body\":{\"id\":\"").append(images[i])
                    .append("\",\"type\":\"Image\",\"format\":\"image/jpeg\"},\"target\":\"https://example.org/c/")
                    .append(i).append("\"}]}]}");
        }
        return "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"" + id + "\","
                + "\"type\":\"Manifest\",\"label\":{\"en\":[\"m\"]},\"items\":[" + items + "]}";
    }

    /** Whether any file under the folder holds the bytes. */
    private static boolean anyFileHolds(Path dir, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] b = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= b.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (b[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aManifestServedOverHttpNamingALocalImageGetsNoByteOfIt() throws IOException {
        ByteArrayOutputStream canary = new ByteArrayOutputStream();
        canary.write(png(5, 10, 8));
        canary.write(MARKER.getBytes(StandardCharsets.UTF_8));
        Path local = Files.write(tmp.resolve("secret.png"), canary.toByteArray());
        byte[] remote = png(6, 10, 8);
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/img/2.png", remote);
            server.json("/m.json", manifest(server.url("/m.json"), local.toUri().toString(), "file://" + local,
                    server.url("/img/2.png")));
            for (String as : List.of("webdataset", "parquet", "jsonl")) {
                Path out = tmp.resolve("out-" + as);
                var run = lam("export", server.url("/m.json"), "--out", out.toString(), "--as", as, "--image",
                        "--fetch-images", "--compression", "uncompressed");
                assertThat(run.code()).as(run.err()).isZero();
                assertThat(anyFileHolds(out, MARKER.getBytes(StandardCharsets.UTF_8))).as(as).isFalse();
                assertThat(anyFileHolds(out, local.toString().getBytes(StandardCharsets.UTF_8))).as(as).isFalse();
                assertThat(run.err()).contains("[reference]").contains("came over http(s)");
                if (!as.equals("jsonl")) {
                    assertThat(anyFileHolds(out, remote)).as(as + ": the remote image is embedded").isTrue();
                }
            }
            Path converted = tmp.resolve("converted.jsonl");
            var convert = lam("convert", server.url("/m.json"), "-o", converted.toString());
            assertThat(convert.err()).contains("[reference]");
            assertThat(Files.readString(converted)).doesNotContain(local.toString()).contains(server.url("/img/2.png"));
        }
    }

    @Test
    void theImageLoaderHoldsEveryReferenceToTheOriginOfItsRecord() throws IOException {
        Path local = Files.write(tmp.resolve("p.png"), png(1, 4, 4));
        ImageRef ref = ImageRef.builder(local.toUri().toString()).build();
        LamRecord remote = LamRecord.builder("r", "iiif")
                .source(new RecordSource("https://example.org/m.json", null, 0, -1, -1)).image(ref).build();
        LamRecord beside = LamRecord.builder("l", "iiif")
                .source(new RecordSource(tmp.resolve("m.json").toUri().toString(), null, 0, -1, -1)).image(ref).build();
        LamRecord elsewhere = LamRecord.builder("e", "iiif")
                .source(new RecordSource(tmp.resolve("sub/m.json").toUri().toString(), null, 0, -1, -1)).image(ref).build();
        try (ImageLoader loader = new ImageLoader()) {
            assertThat(loader.load(ref, remote)).isNull();
            assertThat(loader.lastProblem()).contains("came over http(s)");
            assertThat(loader.load(ref, beside)).isNotNull();
            assertThat(loader.load(ref, elsewhere)).isNull();
            assertThat(loader.load(ImageRef.builder("jar:" + local.toUri() + "!/x.png").build(), beside)).isNull();
            assertThat(loader.lastProblem()).contains("'jar:'");
            assertThat(loader.refused()).isEqualTo(3);
        }
    }

    @Test
    void aTextFilePosingAsAJpegIsNotEmbeddedAndTheCardNamesItsRow() throws IOException {
        Files.writeString(tmp.resolve("fake.jpg"), "this is a text file, not a JPEG\n".repeat(4));
        Files.write(tmp.resolve("real.png"), png(2, 6, 6));
        Path in = tmp.resolve("records.jsonl");
        Files.write(in, List.of(
                "{\"id\":\"fake-row\",\"format\":\"iiif\",\"images\":[{\"uri\":\"fake.jpg\"}]}",
                "{\"id\":\"real-row\",\"format\":\"iiif\",\"images\":[{\"uri\":\"real.png\"}]}"), StandardCharsets.UTF_8);
        // lam-jsonl keeps image URIs as written; resolve them as a reader would
        String text = Files.readString(in).replace("\"uri\":\"fake.jpg\"", "\"uri\":\"" + tmp.resolve("fake.jpg").toUri() + "\"")
                .replace("\"uri\":\"real.png\"", "\"uri\":\"" + tmp.resolve("real.png").toUri() + "\"");
        Files.writeString(in, text);
        Path out = tmp.resolve("out");
        var run = lam("export", in.toString(), "--out", out.toString(), "--as", "parquet", "--image", "-q",
                "--compression", "uncompressed");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(anyFileHolds(out, "this is a text file".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(anyFileHolds(out, png(2, 6, 6))).isTrue();
        String card = ExportTestSupport.body(out.resolve("README.md"));
        assertThat(card).contains("Rows without an embedded image: 1").contains("fake-row: not an image")
                .contains("0 refused by the origin rule").contains("1 not an image");
    }
}
