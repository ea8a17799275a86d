package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * ALTO v1-v4 (format {@code alto}) at every granularity. The last byte of an input chooses the
 * granularity, the rest is the page. Seeds: {@code AltoFuzzTestInputs/}.
 */
class AltoFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("alto");

    @DictionaryEntries({
        "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">",
        "<Layout>",
        "<Page ID=\"P1\" WIDTH=\"100\" HEIGHT=\"100\" PHYSICAL_IMG_NR=\"1\">",
        "<PrintSpace>",
        "<TextBlock ID=\"B1\" HPOS=\"1\" VPOS=\"1\" WIDTH=\"10\" HEIGHT=\"10\">",
        "<TextLine ID=\"L1\">",
        "<String CONTENT=\"w\" WC=\"0.9\" HPOS=\"1\" VPOS=\"1\" WIDTH=\"1\" HEIGHT=\"1\"/>",
        "<SP/>",
        "<HYP CONTENT=\"-\"/>",
        "SUBS_TYPE=\"HypPart1\"",
        "SUBS_CONTENT=\"word\"",
        "<Illustration ID=\"I1\"/>",
        "<MeasurementUnit>mm10</MeasurementUnit>",
        "<ComposedBlock>",
        "TAGREFS=\"T1\"",
        "<Tags>",
        "<ReadingOrder>"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml",
                ReadOptions.builder().format("alto").granularity(granularity).build());
    }
}
