package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * PAGE XML (format {@code page}) at every granularity. The last byte of an input chooses the granularity, the rest is the
 * document. Seeds: {@code PageXmlFuzzTestInputs/}.
 */
class PageXmlFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("page");

    @DictionaryEntries({
        "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">",
        "<Page imageFilename=\"p.jpg\" imageWidth=\"100\" imageHeight=\"100\">",
        "<TextRegion id=\"r1\">",
        "<Coords points=\"0,0 10,0 10,10 0,10\"/>",
        "<TextLine id=\"l1\">",
        "<Word id=\"w1\">",
        "<TextEquiv><Unicode>",
        "<ReadingOrder><OrderedGroup id=\"g\">",
        "<RegionRefIndexed index=\"0\" regionRef=\"r1\"/>",
        "<ImageRegion id=\"i1\">",
        "<TableCell row=\"0\" col=\"0\" id=\"c1\">",
        "<Glyph id=\"g1\"><TextEquiv conf=\"0.9\"><Unicode>",
        " custom=\"readingOrder {index:1;} structure {type:heading;}\"",
        "<OrderedGroupIndexed id=\"g2\" index=\"0\" regionRef=\"r1\">"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml",
                ReadOptions.builder().format("page").granularity(granularity).build());
    }
}
