package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * EAD 2002 and EAD3 finding aids (format {@code ead}) at both granularities, strict or lenient. The
 * last byte of an input chooses, the rest is the document. Seeds: {@code EadFuzzTestInputs/}.
 */
class EadFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("ead");

    @DictionaryEntries({
        "<ead xmlns=\"urn:isbn:1-931666-22-9\">",
        "<ead xmlns=\"http://ead3.archivists.org/schema/\">",
        "<eadheader><eadid>",
        "<control><recordid>",
        "<titleproper>",
        "<archdesc level=\"fonds\">",
        "<did>",
        "<unittitle>",
        "<unitdate normal=\"1900/1910\">",
        "<unitdatestructured><daterange><fromdate standarddate=\"1900\">",
        "<unitid>",
        "<dsc>",
        "<c01 level=\"series\">",
        "<c02>",
        "<c id=\"x\">",
        "<lb/>",
        "<daogrp><daoloc href=\"https://x.org/iiif/a/info.json\"><daodesc><p>",
        "<dao href=\"a b.jpg\"/>",
        "<controlaccess><subject>",
        "<origination><persname><part>",
        "<langmaterial><language langcode=\"ger\">",
        "<scopecontent><head>h</head><p>",
        "<container type=\"box\">"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        int choice = in.consumeByte() & 0xff;
        ReadOptions.Builder b = ReadOptions.builder().format("ead")
                .granularity(GRANULARITIES.get(choice % GRANULARITIES.size()));
        if ((choice & 2) != 0) {
            b.set("ead.lenient", "true");
        }
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml", b.build());
    }
}
