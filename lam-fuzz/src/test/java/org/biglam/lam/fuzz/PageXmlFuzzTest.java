package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * PAGE XML (format {@code page}) at every granularity. The last byte of an input chooses the granularity, the rest is the
 * document. Seeds: {@code PageXmlFuzzTestInputs/}.
 */
class PageXmlFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("page");

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml",
                ReadOptions.builder().format("page").granularity(granularity).build());
    }
}
