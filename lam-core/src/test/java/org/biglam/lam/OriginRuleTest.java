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
}
