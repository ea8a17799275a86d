package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** MARCXML (format {@code marcxml}). Seeds: {@code MarcXmlFuzzTestInputs/}. */
class MarcXmlFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("marcxml").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
    }
}
