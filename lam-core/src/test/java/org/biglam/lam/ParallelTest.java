package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parallel stream splits by file and by archive entry and loses or repeats nothing. */
class ParallelTest {

    @TempDir
    Path dir;

    private static String member(int i) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 20; j++) {
            sb.append("{\"id\":\"m").append(i).append('-').append(j).append("\",\"text\":\"t\"}\n");
        }
        return sb.toString();
    }

    private static void assertSameRecordsInParallel(Path input) {
        List<String> sequential;
        try (var s = Lam.read(input)) {
            sequential = s.map(LamRecord::id).collect(Collectors.toList());
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> parallel;
        try (var s = Lam.read(input).parallel()) {
            // until a second thread has taken a piece, each record waits a little: on a loaded
            // machine the first thread could otherwise finish every piece before a worker starts
            // (a stream that does not split still has only one thread: the check below fails)
            parallel = s.peek(r -> {
                threads.add(Thread.currentThread().getName());
                if (threads.size() < 2) {
                    pause();
                }
            }).map(LamRecord::id).collect(Collectors.toList());
        }
        assertThat(sequential).hasSize(64 * 20).doesNotHaveDuplicates();
        assertThat(parallel).containsExactlyElementsOf(sequential);
        assertThat(threads).as("threads used").hasSizeGreaterThan(1);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void splitsAFolderByFile() {
        for (int i = 0; i < 64; i++) {
            Archives.write(dir.resolve(String.format("f%03d.jsonl", i)), member(i).getBytes(StandardCharsets.UTF_8));
        }
        assertSameRecordsInParallel(dir);
    }

    @Test
    void splitsATarGzByEntry() {
        Archives.Entries e = Archives.entries();
        for (int i = 0; i < 64; i++) {
            e.add(String.format("m%03d.jsonl", i), member(i));
        }
        assertSameRecordsInParallel(Archives.write(dir.resolve("x.tar.gz"), Archives.gzip(Archives.tar(e))));
    }
}
