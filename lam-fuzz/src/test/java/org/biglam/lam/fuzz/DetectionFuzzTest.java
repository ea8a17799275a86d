package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.Detection;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.ReadOptions;

/**
 * Format detection: {@link Lam#detect} and reading without a format, under a name whose extension
 * the last byte chooses (none, or one that lies). Every provider's probe sees the bytes. Seeds:
 * {@code DetectionFuzzTestInputs/}.
 */
class DetectionFuzzTest {

    private static final List<String> NAMES = List.of("input", "input.xml", "input.mrc", "input.json",
            "input.jsonl", "input.html", "input.txt", "input.dat");
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("lam-fuzz-detect");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesAreDetectedAndReadOrGiveALocatedProblem(FuzzedDataProvider in) {
        String name = NAMES.get((in.consumeByte() & 0xff) % NAMES.size());
        byte[] data = in.consumeRemainingAsBytes();
        Path file = FuzzCheck.write(DIR.resolve(name), data);
        try {
            List<Detection> found = Lam.detect(file.toString(), ReadOptions.defaults());
            if (found.isEmpty()) {
                throw new FuzzCheck.FuzzFinding("no detection at all for " + name);
            }
        } catch (LamException e) {
            FuzzCheck.checkException(e);
        }
        FuzzCheck.check(data, name, ReadOptions.defaults());
    }
}
