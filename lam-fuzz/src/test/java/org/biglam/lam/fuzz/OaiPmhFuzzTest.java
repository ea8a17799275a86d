package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * Saved OAI-PMH responses (format {@code oai-pmh}), whose records' metadata go to the Dublin Core,
 * MODS, MARCXML and METS readers (a METS payload's dmdSecs to the others in turn); deleted records
 * emitted, so that their path is fuzzed too. Each input is read strict and lenient
 * ({@code oai.lenient}, binding the well-known prefixes on the page). Seeds: {@code OaiPmhFuzzTestInputs/}.
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
        "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">", "<marc:datafield tag=\"245\" ind1=\"1\" ind2=\"0\">",
        "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">",
        "<mets:dmdSec ID=\"DMD1\"><mets:mdWrap MDTYPE=\"MODS\"><mets:xmlData>", "<mets:fileGrp USE=\"DEFAULT\">",
        "<mets:file ID=\"F1\" MIMETYPE=\"image/jpeg\" ADMID=\"MIX1\">", "<mets:FLocat LOCTYPE=\"URL\" xlink:href=\"",
        "<mets:structMap TYPE=\"PHYSICAL\">", "<mets:div TYPE=\"page\" ID=\"P1\"><mets:fptr FILEID=\"F1\"/>",
        "<mets:structMap TYPE=\"LOGICAL\"><mets:div DMDID=\"DMD1\" TYPE=\"monograph\">"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(byte[] data) {
        FuzzCheck.check(data, "fuzz.xml", OPTIONS);
        FuzzCheck.check(data, "fuzz.xml", LENIENT);
    }
}
