package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * MODS (format {@code mods}). Each input is read strict and lenient ({@code mods.lenient}, binding the
 * well-known prefixes on the root, for a record whose declarations were lost). Seeds: {@code ModsFuzzTestInputs/}.
 */
class ModsFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("mods").build();
    private static final ReadOptions LENIENT = ReadOptions.builder().format("mods").set("mods.lenient", "true").build();

    @DictionaryEntries({
        "<modsCollection xmlns=\"http://www.loc.gov/mods/v3\">",
        "<mods xmlns=\"http://www.loc.gov/mods/v3\">",
        "<titleInfo><nonSort>", "<subTitle>", "<partNumber>",
        "<name><namePart type=\"family\">", "<role><roleTerm type=\"code\">aut</roleTerm></role>",
        "<originInfo><dateCreated point=\"start\" keyDate=\"yes\">", "<dateIssued encoding=\"marc\">",
        "<languageTerm type=\"code\">", "<subject><topic>", "<relatedItem type=\"host\">",
        "<location><url access=\"preview\">", "<recordInfo><recordIdentifier>",
        "<modsCollection>", "<mods>", "<temporal point=\"end\">", "<url access=\"raw object\">",
        "<holdingSimple><copyInformation><shelfLocator>", "<abstract shareable=\"no\">",
        "<abstract><p>", "<br/>", "<note><i>", "<tableOfContents><ul><li>", "<xhtml:p xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        "<languageTerm type=\"text\">English; French", "<publisher>[s.n.],", "<placeTerm type=\"text\">Leiden :",
        "<dateCreated>late 17th century", "siglo XVII", "18. Jh."})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
        FuzzCheck.check(data, "fuzz.xml", LENIENT);
    }
}
