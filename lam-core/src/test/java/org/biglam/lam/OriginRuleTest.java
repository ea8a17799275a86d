package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin rule as the engine applies it, to every format: a remote document never makes lam read
 * a local file, a local one stays inside its folder, other schemes are never followed.
 */
class OriginRuleTest {

    private static final String CANARY = "CANARY-7f3a9c-do-not-leak";

    @TempDir
    Path dir;

    private static byte[] lines(String... lines) {
        return ("LAMTEST\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Every record as JSON Lines, then every problem: all that lam gives out. */
    private static String readAll(String input, ReadOptions options, List<Problem> problems) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LamReader r = Lam.open(List.of(input), options); RecordWriter w = Lam.jsonLinesWriter(out)) {
            for (LamRecord rec : r) {
                w.write(rec);
            }
            problems.addAll(r.problems());
        }
        return out.toString(StandardCharsets.UTF_8) + problems;
    }

    @Test
    void aDocumentServedOverHttpNamingLocalFilesReadsNoneOfThem() throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.txt"), CANARY + "\n");
        String c = canary.toUri().toString();
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/doc.testlines", lines("@" + c, "@FILE://localhost" + canary, "!" + c, "!jar:" + c + "!/x", "@ftp://127.0.0.1/x",
                    "!images/p1.jpg"));
            List<Problem> problems = new java.util.ArrayList<>();
            String all = readAll(server.url("/doc.testlines"),
                    ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build(), problems);

            assertThat(all).doesNotContain(CANARY);
            List<Problem> refused = problems.stream().filter(p -> p.kind().equals("reference")).collect(Collectors.toList());
            assertThat(refused).hasSize(5);
            assertThat(refused).allSatisfy(p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.location().input()).isEqualTo(server.url("/doc.testlines"));
            });
            assertThat(refused.get(0).message()).contains(c).contains("came over http(s)");
            try (var s = Lam.read(server.url("/doc.testlines"), ReadOptions.defaults())) {
                List<LamRecord> records = s.collect(Collectors.toList());
                assertThat(records.get(0).label("sibling")).containsExactly("none");
                assertThat(records.get(2).images()).as("a local image of a remote document is left out").isEmpty();
                assertThat(records.get(3).images()).isEmpty();
                assertThat(records.get(5).images()).extracting(ImageRef::uri)
                        .containsExactly(server.url("/images/p1.jpg"));
            }
        }
    }

    @Test
    void aLocalDocumentStaysInsideItsFolderUnlessLocalRootWidensIt() throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.txt"), CANARY + "\n");
        Path doc = Archives.write(dir.resolve("pkg/mets.testlines"), lines("@alto/p1.txt", "@../canary.txt",
                "@" + canary.toUri(), "!images/p1.jpg", "!../canary.txt", "!jar:" + canary.toUri() + "!/x",
                "!ftp://example.org/p1.jpg", "!https://example.org/p1.jpg"));
        Archives.write(dir.resolve("pkg/alto/p1.txt"), "ALTO-1\n".getBytes(StandardCharsets.UTF_8));
        List<Problem> problems = new java.util.ArrayList<>();
        String all = readAll(doc.toString(), ReadOptions.defaults(), problems);

        assertThat(all).doesNotContain(CANARY).contains("ALTO-1").contains(dir.resolve("pkg/images/p1.jpg").toUri().toString())
                .contains("https://example.org/p1.jpg");
        assertThat(problems).filteredOn(p -> p.kind().equals("reference")).hasSize(5)
                .anySatisfy(p -> assertThat(p.message()).contains("jar:"))
                .anySatisfy(p -> assertThat(p.message()).contains("ftp:"));

        List<Problem> wide = new java.util.ArrayList<>();
        String widened = readAll(doc.toString(), ReadOptions.builder().localRoot(dir).build(), wide);
        assertThat(widened).contains(CANARY).contains(canary.toUri().toString());
        assertThat(wide).filteredOn(p -> p.kind().equals("reference")).hasSize(2);
    }

    @Test
    void aFolderTheUserNamesBoundsItsDocumentsSoSiblingFoldersOfAPackageAreReachable() throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.txt"), CANARY + "\n");
        Path batch = dir.resolve("batch");
        Archives.write(batch.resolve("ALTO/0001.testlines"), lines("!../MASTER/0001.tif", "@../MASTER/notes.txt",
                "@../../canary.txt"));
        Archives.write(batch.resolve("MASTER/notes.txt"), "NOTES-1\n".getBytes(StandardCharsets.UTF_8));

        List<Problem> problems = new java.util.ArrayList<>();
        String all = readAll(batch.toString(), ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build(), problems);
        assertThat(all).as("the package's own sibling folder is inside the folder the user named")
                .contains(batch.resolve("MASTER/0001.tif").toUri().toString()).contains("NOTES-1")
                .doesNotContain(CANARY);
        assertThat(problems).filteredOn(p -> p.kind().equals("reference")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("canary.txt"));

        List<Problem> single = new java.util.ArrayList<>();
        String one = readAll(batch.resolve("ALTO/0001.testlines").toString(), ReadOptions.defaults(), single);
        assertThat(one).as("a file named alone is bounded by its own folder").doesNotContain("NOTES-1");
        assertThat(single).filteredOn(p -> p.kind().equals("reference")).hasSize(3);
    }

    @Test
    void theInputsRootIsTheirCommonFolderAndNeverForRemoteInputsOrTheFileSystemRoot() throws IOException {
        Path a = Files.createDirectories(dir.resolve("holdings/a"));
        Path b = Files.createDirectories(dir.resolve("holdings/b"));
        Path f = Files.writeString(b.resolve("x.txt"), "x");
        ReadOptions none = ReadOptions.defaults();
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(none, List.of(a.toString(), f.toString())).localRoot())
                .contains(dir.resolve("holdings").toAbsolutePath().normalize());
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(none, List.of(a + "/*.xml")).localRoot())
                .contains(a.toAbsolutePath().normalize());
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(none, List.of(a.toString(), "-")).localRoot()).isEmpty();
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(none, List.of("https://example.org/m.json")).localRoot())
                .isEmpty();
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(none, List.of("/")).localRoot()).isEmpty();
        ReadOptions set = ReadOptions.builder().localRoot(a).build();
        assertThat(org.biglam.lam.spi.Origin.withInputsRoot(set, List.of(b.toString()))).isSameAs(set);
    }
}
