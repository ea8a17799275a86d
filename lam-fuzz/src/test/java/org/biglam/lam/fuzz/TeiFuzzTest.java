package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * TEI P5 and P4 (format {@code tei}) at every granularity and profile. The last byte of an input chooses
 * the granularity and profile, the rest is the document. Seeds: {@code TeiFuzzTestInputs/}.
 */
class TeiFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("tei");
    private static final String[] PROFILES = {null, "diplomatic", "normalized"};

    @DictionaryEntries({
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
        "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">",
        "<teiHeader>",
        "<fileDesc>",
        "<titleStmt><title>",
        "<text><body>",
        "<div type=\"chapter\">",
        "<head>",
        "<p>",
        "<pb n=\"2\" facs=\"#f2\"/>",
        "<lb/>",
        "<choice><sic>a</sic><corr>b</corr></choice>",
        "<choice><abbr>a</abbr><expan>b</expan></choice>",
        "<u who=\"#a\">",
        "<s>",
        "<w>",
        "<note>",
        "<facsimile><surface xml:id=\"f2\"><graphic url=\"p.jpg\"/></surface></facsimile>",
        "<interp type=\"offence\" value=\"theft\"/>",
        "xml:lang=\"en\"",
        "&amp;",
        "&eacute;"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        int choice = in.consumeByte() & 0xff;
        String granularity = GRANULARITIES.get(choice % GRANULARITIES.size());
        String profile = PROFILES[(choice / GRANULARITIES.size()) % PROFILES.length];
        ReadOptions.Builder b = ReadOptions.builder().format("tei").granularity(granularity);
        if (profile != null) {
            b.set("tei.profile", profile);
        }
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml", b.build());
    }
}
