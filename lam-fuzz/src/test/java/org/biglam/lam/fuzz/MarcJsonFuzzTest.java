package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** MARC-in-JSON (format {@code marc-json}): one object, an array, or one object per line. Seeds: {@code MarcJsonFuzzTestInputs/}. */
class MarcJsonFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("marc-json").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.json", OPTIONS);
    }
}
