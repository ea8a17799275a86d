package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.biglam.lam.ReadOptions;

/**
 * LIDO (format {@code lido}), strict or lenient. The last byte of an input chooses, the rest is the
 * document. Seeds: {@code LidoFuzzTestInputs/}.
 */
class LidoFuzzTest {

    @DictionaryEntries({
        "<lido:lidoWrap xmlns:lido=\"http://www.lido-schema.org\">",
        "<lido:lido>",
        "<lido:lidoRecID>",
        "<lido:descriptiveMetadata xml:lang=\"en\">",
        "<lido:objectWorkType><lido:term>",
        "<lido:classification lido:type=\"europeana:type\">",
        "<lido:titleSet><lido:appellationValue lido:pref=\"preferred\">",
        "<lido:eventSet><lido:event><lido:eventType><lido:term>Production</lido:term></lido:eventType>",
        "<lido:actorInRole><lido:actor><lido:nameActorSet><lido:appellationValue>",
        "<lido:roleActor>",
        "<lido:earliestDate>",
        "<lido:resourceSet><lido:resourceRepresentation lido:type=\"image_master\"><lido:linkResource>",
        "<skos:Concept xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\"><skos:prefLabel>",
        "<lido:relatedWorksWrap>",
        "<lido:vitalDatesActor><lido:earliestDate>",
        "<lido:eventDate><lido:date><lido:earliestDate>",
        "lido:pref=\"http://terminology.lido-schema.org/lido00169\"",
        "<lido:eventType><lido:conceptID>http://terminology.lido-schema.org/lido00007</lido:conceptID>",
        "<lido:subjectActor><lido:displayActor>"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        int choice = in.consumeByte() & 0xff;
        ReadOptions.Builder b = ReadOptions.builder().format("lido");
        if ((choice & 1) != 0) {
            b.set("lido.lenient", "true");
        }
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml", b.build());
    }
}
