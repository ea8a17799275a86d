package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * Dublin Core (format {@code dc}). Each input is read strict and lenient ({@code dc.lenient}, binding the
 * well-known prefixes on the root, for a record whose declarations were lost). Seeds: {@code DcFuzzTestInputs/}.
 */
class DcFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("dc").build();
    private static final ReadOptions LENIENT = ReadOptions.builder().format("dc").set("dc.lenient", "true").build();

    @DictionaryEntries({
        "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
        "xmlns:dcterms=\"http://purl.org/dc/terms/\"",
        "<dc:title xml:lang=\"de\">",
        "<dc:identifier>https://example.org/iiif/1/info.json</dc:identifier>",
        "<dcterms:spatial resource=\"http://x\"/>",
        "<dc:creator>a; b;</dc:creator>",
        "<dcterms:created>1885-1890</dcterms:created>",
        "<records>", "<record>"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
        FuzzCheck.check(data, "fuzz.xml", LENIENT);
    }
}
