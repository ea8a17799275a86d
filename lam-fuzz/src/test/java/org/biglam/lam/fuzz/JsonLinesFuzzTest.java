package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** lam's own JSON Lines form read back (format {@code lam-jsonl}). Seeds: {@code JsonLinesFuzzTestInputs/}. */
class JsonLinesFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("lam-jsonl").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.jsonl", OPTIONS);
    }
}
