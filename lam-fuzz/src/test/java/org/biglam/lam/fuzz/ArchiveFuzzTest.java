package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;

/**
 * The archive layer: bytes read as zip, tar, tar.gz, gzip, bzip2, xz or 7z (the last byte chooses
 * the name, and so what lam expects; content detection may still disagree), with the entries'
 * formats detected. Limits are lowered so that a bomb the fuzzer builds is refused quickly.
 * Seeds: {@code ArchiveFuzzTestInputs/}.
 */
class ArchiveFuzzTest {

    private static final List<String> NAMES = List.of("fuzz.zip", "fuzz.tar", "fuzz.tar.gz", "fuzz.tgz",
            "fuzz.jsonl.gz", "fuzz.tar.bz2", "fuzz.tar.xz", "fuzz.7z", "fuzz");
    private static final ReadOptions OPTIONS = ReadOptions.builder()
            .limits(ReadLimits.builder().maxEntries(1000).maxInputBytes(64L << 20).maxRecordBytes(16 << 20).build())
            .build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveEntriesRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String name = NAMES.get((in.consumeByte() & 0xff) % NAMES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), name, OPTIONS);
    }
}
