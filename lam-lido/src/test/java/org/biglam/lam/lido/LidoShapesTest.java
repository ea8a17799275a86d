package org.biglam.lam.lido;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes of LIDO as museum collection systems export it, beyond the basic fixtures. */
class LidoShapesTest {

    private static final FormatHarness LIDO = new FormatHarness("lido");

    @TempDir
    Path dir;

    @Test
    void anExportWithVitalDatesAlternateNamesFirstAndGermanTypesKeepsTheObjectsOwnValues() {
        List<LamRecord> rs = LIDO.read(LidoFormatTest.fixture("museum-export.xml"), ReadOptions.defaults());
        LamRecord r = rs.get(0);
        assertThat(r.id()).isEqualTo("DE-2553/lido/1234");
        // the production date is the eventDate's, not the painter's birth and death (vitalDatesActor)
        assertThat(r.label("date")).containsExactly("1645/1655");
        assertThat(r.label("lido:displayDate")).containsExactly("um 1650");
        // the preferred name, though an alternate one comes first
        assertThat(r.label("creator")).containsExactly("Rembrandt Harmenszoon van Rijn");
        assertThat(r.label("lido:actorInRole")).containsExactly("Rembrandt Harmenszoon van Rijn (Maler)");
        assertThat(r.label("title")).containsExactly("Bildnis eines Mannes", "Portrait of a man");
        // lido:type="Technik" is a technique
        assertThat(r.label("lido:material")).containsExactly("Öl");
        assertThat(r.label("lido:technique")).containsExactly("Malerei");
        // an event dated only by earliestDate/latestDate keeps its date
        assertThat(r.label("lido:event")).containsExactly("Erwerb: 1923", "Fund: -0350/-0300");
        assertThat(r.label("place")).containsExactly("Amsterdam");
        assertThat(r.label("subject")).containsExactly("Porträt", "Six, Jan");
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/master/1234.jpg");
    }

    @Test
    void lido11PreferenceTermsChooseTheTitleOrderAndTheActorsName() {
        String xml = """
                <lido:lido xmlns:lido="http://www.lido-schema.org">
                 <lido:lidoRecID lido:type="http://terminology.lido-schema.org/lido00100">obj-1</lido:lidoRecID>
                 <lido:descriptiveMetadata xml:lang="en">
                  <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
                   <lido:appellationValue lido:pref="http://terminology.lido-schema.org/lido00170" xml:lang="de">Denar</lido:appellationValue>
                   <lido:appellationValue lido:pref="http://terminology.lido-schema.org/lido00169" xml:lang="en">Denarius of Augustus</lido:appellationValue>
                  </lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
                  <lido:eventWrap><lido:eventSet><lido:event>
                   <lido:eventType><lido:conceptID lido:type="http://terminology.lido-schema.org/lido00099">http://terminology.lido-schema.org/lido00007</lido:conceptID><lido:term xml:lang="en">Production</lido:term></lido:eventType>
                   <lido:eventActor><lido:actorInRole><lido:actor><lido:nameActorSet>
                    <lido:appellationValue lido:pref="http://terminology.lido-schema.org/lido00170">Octavian</lido:appellationValue>
                    <lido:appellationValue lido:pref="http://terminology.lido-schema.org/lido00169">Augustus</lido:appellationValue>
                   </lido:nameActorSet><lido:vitalDatesActor><lido:earliestDate>-0062</lido:earliestDate><lido:latestDate>0014</lido:latestDate></lido:vitalDatesActor></lido:actor></lido:actorInRole></lido:eventActor>
                   <lido:eventDate><lido:displayDate>19-4 BC</lido:displayDate><lido:date><lido:earliestDate>-0019</lido:earliestDate><lido:latestDate>-0004</lido:latestDate></lido:date></lido:eventDate>
                  </lido:event></lido:eventSet></lido:eventWrap>
                 </lido:descriptiveMetadata>
                </lido:lido>
                """;
        LamRecord r = LIDO.read(dir, "coin.xml", xml, ReadOptions.defaults()).get(0);
        assertThat(r.label("title")).containsExactly("Denarius of Augustus", "Denar");
        assertThat(r.label("creator")).containsExactly("Augustus");
        assertThat(r.label("date")).containsExactly("-0019/-0004");
    }

    @Test
    void aSubjectActorOrPlaceGivenOnlyByItsDisplayNameIsASubject() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <lido:lidoWrap xmlns:lido="http://www.lido-schema.org"><lido:lido>
                 <lido:lidoRecID lido:type="local">X1</lido:lidoRecID>
                 <lido:descriptiveMetadata xml:lang="en">
                  <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet><lido:appellationValue>Jug</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
                  <lido:objectRelationWrap><lido:subjectWrap><lido:subjectSet><lido:subject>
                   <lido:subjectPlace><lido:displayPlace>Delft</lido:displayPlace></lido:subjectPlace>
                   <lido:subjectActor><lido:displayActor>William of Orange</lido:displayActor></lido:subjectActor>
                   <lido:subjectActor><lido:displayActor>Maurits (Prince of Orange)</lido:displayActor>
                    <lido:actor><lido:nameActorSet><lido:appellationValue>Maurice, Prince of Orange</lido:appellationValue></lido:nameActorSet></lido:actor></lido:subjectActor>
                  </lido:subject></lido:subjectSet></lido:subjectWrap></lido:objectRelationWrap>
                 </lido:descriptiveMetadata>
                </lido:lido></lido:lidoWrap>
                """;
        LamRecord r = LIDO.read(dir, "jug.xml", xml, ReadOptions.defaults()).get(0);
        // the display name when there is no name, else the name only
        assertThat(r.label("subject")).containsExactly("Delft", "William of Orange", "Maurice, Prince of Orange");
    }

    @Test
    void anEnglishDesignEventIsProductionLikeItsGermanEntwurf() {
        String xml = """
                <lido xmlns="http://www.lido-schema.org"><lidoRecID>F1</lidoRecID><descriptiveMetadata xml:lang="en">
                 <objectIdentificationWrap><titleWrap><titleSet><appellationValue>Fountain</appellationValue></titleSet></titleWrap></objectIdentificationWrap>
                 <eventWrap><eventSet><event><eventType><term>design</term></eventType>
                  <eventActor><actorInRole><actor><nameActorSet><appellationValue pref="preferred">Bernini, Giovanni Lorenzo</appellationValue></nameActorSet></actor></actorInRole></eventActor>
                 </event></eventSet></eventWrap></descriptiveMetadata></lido>
                """;
        LamRecord r = LIDO.read(dir, "fountain.xml", xml, ReadOptions.defaults()).get(0);
        assertThat(r.label("creator")).containsExactly("Bernini, Giovanni Lorenzo");
        assertThat(r.label("lido:event")).isEmpty();
    }

    @Test
    void anActorGivenOnlyByItsIdLeavesTheCreatorToTheDisplayForm() {
        String xml = """
                <lido xmlns="http://www.lido-schema.org"><lidoRecID>P1</lidoRecID><descriptiveMetadata xml:lang="de">
                 <objectIdentificationWrap><titleWrap><titleSet><appellationValue>Bildnis</appellationValue></titleSet></titleWrap></objectIdentificationWrap>
                 <eventWrap><eventSet><event><eventType><term>Herstellung</term></eventType>
                  <eventActor><displayActorInRole>Cranach, Lucas (Maler)</displayActorInRole>
                   <actorInRole><actor><actorID type="URI" source="GND">http://d-nb.info/gnd/118522582</actorID></actor>
                    <roleActor><term>Maler</term></roleActor></actorInRole></eventActor>
                 </event></eventSet></eventWrap></descriptiveMetadata></lido>
                """;
        LamRecord r = LIDO.read(dir, "cranach.xml", xml, ReadOptions.defaults()).get(0);
        assertThat(r.label("creator")).containsExactly("Cranach, Lucas (Maler)");
    }

    @Test
    void anEventTypeKnownByItsIdentifierDecidesWhetherItIsTheProduction() {
        String xml = """
                <lido:lido xmlns:lido="http://www.lido-schema.org" xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                 <lido:lidoRecID lido:type="local">FI-1</lido:lidoRecID>
                 <lido:descriptiveMetadata xml:lang="fi">
                  <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet><lido:appellationValue>Tuoli</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
                  <lido:eventWrap>
                   <lido:eventSet><lido:event>
                    <lido:eventType><lido:conceptID lido:type="http://terminology.lido-schema.org/lido00099">http://terminology.lido-schema.org/lido00001</lido:conceptID></lido:eventType>
                    <lido:eventActor><lido:actorInRole><lido:actor><lido:nameActorSet><lido:appellationValue>Donor, Dora</lido:appellationValue></lido:nameActorSet></lido:actor></lido:actorInRole></lido:eventActor>
                    <lido:eventDate><lido:displayDate>1999</lido:displayDate><lido:date><lido:earliestDate>1999</lido:earliestDate><lido:latestDate>1999</lido:latestDate></lido:date></lido:eventDate>
                   </lido:event></lido:eventSet>
                   <lido:eventSet><lido:event>
                    <lido:eventType><skos:Concept rdf:about="http://terminology.lido-schema.org/lido00007"/><lido:term xml:lang="fi">valmistus</lido:term></lido:eventType>
                    <lido:eventActor><lido:actorInRole><lido:actor><lido:nameActorSet><lido:appellationValue>Aalto, Alvar</lido:appellationValue></lido:nameActorSet></lido:actor></lido:actorInRole></lido:eventActor>
                    <lido:eventDate><lido:displayDate>1932</lido:displayDate><lido:date><lido:earliestDate>1932</lido:earliestDate><lido:latestDate>1932</lido:latestDate></lido:date></lido:eventDate>
                   </lido:event></lido:eventSet>
                  </lido:eventWrap>
                 </lido:descriptiveMetadata>
                </lido:lido>
                """;
        LamRecord r = LIDO.read(dir, "tuoli.xml", xml, ReadOptions.defaults()).get(0);
        // the acquisition (typed by its conceptID only) is not a production; "valmistus" is, by its concept
        assertThat(r.label("creator")).containsExactly("Aalto, Alvar");
        assertThat(r.label("date")).containsExactly("1932");
        assertThat(r.label("lido:event")).containsExactly("http://terminology.lido-schema.org/lido00001: 1999");
    }

    @Test
    void theEventsPeriodIsReadAsTheSixtyFourthNameTheMappingKnows() {
        // periodName is the 64th LIDO name the parser numbers: past the 63 bits of a long
        String xml = """
                <lido:lido xmlns:lido="http://www.lido-schema.org" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
                 <lido:lidoRecID lido:type="local">KG-1877</lido:lidoRecID>
                 <lido:descriptiveMetadata xml:lang="en">
                  <lido:objectClassificationWrap><lido:objectWorkTypeWrap><lido:objectWorkType><lido:term>bowl</lido:term></lido:objectWorkType></lido:objectWorkTypeWrap></lido:objectClassificationWrap>
                  <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet><lido:appellationValue>Bowl with lotus scroll</lido:appellationValue></lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
                  <lido:eventWrap><lido:eventSet><lido:event>
                   <lido:eventType><lido:term>Production</lido:term></lido:eventType>
                   <lido:periodName><lido:term xml:lang="en">Ming dynasty</lido:term><lido:term xml:lang="de">Ming-Dynastie</lido:term></lido:periodName>
                   <lido:culture><lido:term>Chinese</lido:term></lido:culture>
                   <lido:eventDate><lido:displayDate>1403-1424</lido:displayDate><lido:date><lido:earliestDate>1403</lido:earliestDate><lido:latestDate>1424</lido:latestDate></lido:date></lido:eventDate>
                  </lido:event></lido:eventSet>
                  <lido:eventSet><lido:event>
                   <lido:eventType><lido:term>Acquisition</lido:term></lido:eventType>
                   <lido:periodName><skos:Concept><skos:prefLabel xml:lang="en">Late Victorian</skos:prefLabel></skos:Concept></lido:periodName>
                   <lido:eventDate><lido:displayDate>1877</lido:displayDate></lido:eventDate>
                  </lido:event></lido:eventSet></lido:eventWrap>
                 </lido:descriptiveMetadata>
                </lido:lido>
                """;
        LamRecord r = LIDO.read(dir, "bowl.xml", xml, ReadOptions.defaults()).get(0);
        assertThat(r.label("lido:period")).containsExactly("Ming dynasty", "Ming-Dynastie", "Late Victorian");
        // the names below 64 read as before around it
        assertThat(r.label("genre")).containsExactly("bowl");
        assertThat(r.label("lido:culture")).containsExactly("Chinese");
        assertThat(r.label("date")).containsExactly("1403/1424");
        assertThat(r.label("lido:event")).containsExactly("Acquisition: 1877");
    }
}
