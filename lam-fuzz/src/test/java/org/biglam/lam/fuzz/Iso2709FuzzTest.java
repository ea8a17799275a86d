package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** ISO 2709 MARC 21 (format {@code marc21}): MARC-8 and UTF-8 records, lying leaders and directories. Seeds: {@code Iso2709FuzzTestInputs/}. */
class Iso2709FuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("marc21").build();

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.mrc", OPTIONS);
    }
}
