package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * Saved OAI-PMH responses (format {@code oai-pmh}), whose records' metadata go to the Dublin Core,
 * MODS and MARCXML readers; deleted records emitted, so that their path is fuzzed too. Each input
 * is read strict and lenient ({@code oai.lenient}, binding the well-known prefixes on the page).
 * Seeds: {@code OaiPmhFuzzTestInputs/}.
 */
class OaiPmhFuzzTest {

    private static final ReadOptions OPTIONS = ReadOptions.builder().format("oai-pmh").set("oai.deleted", "emit").build();
    private static final ReadOptions LENIENT = ReadOptions.builder().format("oai-pmh").set("oai.deleted", "emit")
            .set("oai.lenient", "true").build();

    @DictionaryEntries({
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">",
        "<ListRecords>", "<GetRecord>", "<ListIdentifiers>", "<ListSets>", "<Identify>", "<ListMetadataFormats>",
        "<record><header><identifier>", "<header status=\"deleted\">", "<metadata>",
        "<resumptionToken cursor=\"0\" completeListSize=\"2\">", "<error code=\"badResumptionToken\">",
        "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
        "<oai_dc:dc>", "<dc:title>", "<mods:mods>",
        "<mods xmlns=\"http://www.loc.gov/mods/v3\">", "<modsCollection xmlns=\"http://www.loc.gov/mods/v3\">",
        "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">", "<marc:datafield tag=\"245\" ind1=\"1\" ind2=\"0\">"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
        FuzzCheck.check(data, "fuzz.xml", LENIENT);
    }
}
