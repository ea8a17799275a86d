package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * TEI P5 and P4 (format {@code tei}) at every granularity and profile, read from {@code text} or
 * {@code sourceDoc}. The last byte of an input chooses the granularity, profile and source, the rest is
 * the document. Seeds: {@code TeiFuzzTestInputs/}; each seed's last byte is that choice
 * (granularity index + 8 × profile index + 24 for {@code sourceDoc}).
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
        "<lb break=\"no\"/>",
        "<lb rend=\"hidden\" type=\"hyphenInWord\"/>",
        "<pc>-</pc>",
        "<sourceDoc>",
        "<surface n=\"1\"><graphic url=\"f.jpg\"/>",
        "<zone ulx=\"1\" uly=\"2\" lrx=\"30\" lry=\"40\">",
        "<zone points=\"1,2 30,2 30,40\">",
        "<line>",
        "<lb facs=\"#z1\"/>",
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
        boolean sourceDoc = (choice / (GRANULARITIES.size() * PROFILES.length)) % 2 == 1;
        ReadOptions.Builder b = ReadOptions.builder().format("tei").granularity(granularity);
        if (profile != null) {
            b.set("tei.profile", profile);
        }
        if (sourceDoc) {
            b.set("tei.source", "sourceDoc");
        }
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml", b.build());
    }
}
