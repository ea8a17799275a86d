package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** MarcEdit's mnemonic text (format {@code mrk}). Seeds: {@code MrkFuzzTestInputs/}. */
class MrkFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("mrk").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.mrk", OPTIONS);
    }
}
