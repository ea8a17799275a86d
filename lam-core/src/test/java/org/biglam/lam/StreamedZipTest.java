package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

/**
 * A zip that arrives as a stream (standard input, http(s), an entry of a tar) is read whole on
 * either side of the size up to which it is buffered and read through its central directory (16
 * MiB): below as a zip file, above entry by entry. Before the fix, above it gave no record and
 * "Resetting to invalid mark".
 */
class StreamedZipTest {

    private static final int THRESHOLD = 16 << 20;

    /** A zip of two test-lines entries around a stored filler, about {@code size} bytes in all. */
    private static byte[] zip(int size) {
        byte[] filler = new byte[size - 1024];
        new Random(size).nextBytes(filler);
        return Archives.storedZip(Archives.entries()
                .add("a.testlines", "LAMTEST\nfirst\n")
                .add("filler.bin", filler)
                .add("b.testlines", "LAMTEST\nlast\n"));
    }

    private static final byte[] SMALL = zip(THRESHOLD - (1 << 20));
    private static final byte[] LARGE = zip(THRESHOLD + (1 << 20));

    private static ReadOptions options(List<Problem> problems) {
        return ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build();
    }

    private static void assertBothEntriesRead(List<LamRecord> records, List<Problem> problems) {
        assertThat(records.stream().map(r -> r.text().orElse("")).collect(Collectors.toList()))
                .containsExactly("first", "last");
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isEmpty();
    }

    @Test
    void theZipsAreOnBothSidesOfTheThreshold() {
        assertThat(SMALL.length).isLessThan(THRESHOLD);
        assertThat(LARGE.length).isGreaterThan(THRESHOLD + 1 + 64 * 1024);
    }

    @Test
    void aZipOnStandardInputIsReadWholeAtAnySize() {
        for (byte[] zip : List.of(SMALL, LARGE)) {
            List<Problem> problems = new ArrayList<>();
            try (var s = Lam.read(new ByteArrayInputStream(zip), "delivery.zip", options(problems))) {
                assertBothEntriesRead(s.collect(Collectors.toList()), problems);
            }
        }
    }

    @Test
    void aZipOverHttpIsReadWholeAtAnySize() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/small.zip", SMALL).bytes("/large.zip", LARGE);
            for (String path : List.of("/small.zip", "/large.zip")) {
                List<Problem> problems = new ArrayList<>();
                try (var s = Lam.read(server.url(path), options(problems))) {
                    assertBothEntriesRead(s.collect(Collectors.toList()), problems);
                }
            }
        }
    }

    @Test
    void aZipInsideATarIsReadWholeAtAnySize() {
        for (byte[] zip : List.of(SMALL, LARGE)) {
            byte[] tar = Archives.tar(Archives.entries().add("before.testlines", "LAMTEST\nbefore\n")
                    .add("delivery.zip", zip).add("after.testlines", "LAMTEST\nafter\n"));
            List<Problem> problems = new ArrayList<>();
            try (var s = Lam.read(new ByteArrayInputStream(tar), "batch.tar", options(problems))) {
                List<LamRecord> records = s.collect(Collectors.toList());
                assertThat(records.stream().map(r -> r.text().orElse("")).collect(Collectors.toList()))
                        .containsExactly("before", "first", "last", "after");
                assertThat(records.get(1).source().orElseThrow().entry()).contains("delivery.zip!/a.testlines");
            }
            assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isEmpty();
        }
    }
}
