package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/** MARCXML (format {@code marcxml}). Seeds: {@code MarcXmlFuzzTestInputs/}. */
class MarcXmlFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("marcxml").build();

    @DictionaryEntries({
        "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">",
        "<record>",
        "<leader>00000nam a2200000 a 4500</leader>",
        "<controlfield tag=\"001\">",
        "<controlfield tag=\"008\">",
        "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\">",
        "<subfield code=\"a\">",
        "<datafield tag=\"880\" ind1=\" \" ind2=\" \">",
        "<subfield code=\"6\">",
        "<datafield tag=\"650\" ind1=\" \" ind2=\"0\">",
        "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">",
        "<OAI-PMH>",
        "<header><identifier>",
        "<recordData>",
        "&lt;record&gt;&lt;leader&gt;",
        "<recordPacking>string</recordPacking>"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
    }
}
