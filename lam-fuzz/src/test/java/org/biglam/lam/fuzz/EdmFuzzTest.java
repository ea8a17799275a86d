package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * EDM (format {@code edm}), with or without Europeana's enrichments, strict or lenient. The last byte
 * of an input chooses, the rest is the document. Seeds: {@code EdmFuzzTestInputs/}.
 */
class EdmFuzzTest {

    @DictionaryEntries({
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:edm=\"http://www.europeana.eu/schemas/edm/\">",
        "<edm:ProvidedCHO rdf:about=\"a\">",
        "<ore:Proxy xmlns:ore=\"http://www.openarchives.org/ore/terms/\" rdf:about=\"p\">",
        "<ore:proxyFor rdf:resource=\"a\"/>",
        "<edm:europeanaProxy>true</edm:europeanaProxy>",
        "<ore:Aggregation rdf:about=\"g\">",
        "<edm:aggregatedCHO rdf:resource=\"a\"/>",
        "<edm:isShownBy rdf:resource=\" https://x.org/a b.jpg\"/>",
        "<edm:WebResource rdf:about=\"https://x.org/a.jpg\">",
        "<svcs:has_service xmlns:svcs=\"http://rdfs.org/sioc/services#\" rdf:resource=\"s\"/>",
        "<dc:title xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xml:lang=\"de\">",
        "<edm:type>IMAGE</edm:type>",
        "rdf:parseType=\"Literal\"",
        "<rdf:Description rdf:nodeID=\"n\">",
        "rdf:parseType=\"Resource\"",
        "rdf:ID=\"a\"",
        "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\" rdf:nodeID=\"n\"/>",
        "<edm:TimeSpan rdf:about=\"t\"><edm:begin>1645</edm:begin><edm:end>1655</edm:end></edm:TimeSpan>",
        "<ebucore:hasMimeType xmlns:ebucore=\"http://www.ebu.ch/metadata/ontologies/ebucore/ebucore#\">text/html"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        int choice = in.consumeByte() & 0xff;
        ReadOptions.Builder b = ReadOptions.builder().format("edm");
        if ((choice & 1) != 0) {
            b.set("edm.enrichments", "true");
        }
        if ((choice & 2) != 0) {
            b.set("edm.lenient", "true");
        }
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml", b.build());
    }
}
