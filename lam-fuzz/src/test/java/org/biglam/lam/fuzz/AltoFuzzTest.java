package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * ALTO v1-v4 (format {@code alto}) at every granularity. The last byte of an input chooses the
 * granularity, the rest is the page. Seeds: {@code AltoFuzzTestInputs/}.
 */
class AltoFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("alto");

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml",
                ReadOptions.builder().format("alto").granularity(granularity).build());
    }
}
