package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** IIIF Presentation 2.1 and 3.0 (format {@code iiif}); nothing is fetched from a local input. Seeds: {@code IiifFuzzTestInputs/}. */
class IiifFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("iiif").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.json", OPTIONS);
    }
}
