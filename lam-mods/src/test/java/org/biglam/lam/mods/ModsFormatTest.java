package org.biglam.lam.mods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class ModsFormatTest {

    static List<LamRecord> read(String resource) throws IOException {
        List<LamRecord> out = new ArrayList<>();
        try (InputStream in = ModsFormatTest.class.getResourceAsStream("/" + resource);
                var s = Lam.read(in, resource, ReadOptions.defaults())) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void mapsTitlesNamesDatesLanguagesSubjectsAndRelatedItems() throws IOException {
        List<LamRecord> recs = read("collection.xml");
        assertThat(recs).hasSize(2);
        LamRecord r = recs.get(0);
        assertThat(r.format()).isEqualTo("mods");
        assertThat(r.id()).isEqualTo("DCP-LETT-1");
        assertThat(r.label("title")).containsExactly("[Brief]", "The voyage : a journal. Part 2", "Reis");
        assertThat(r.label("mods:titleInfo:alternative")).containsExactly("Reis");
        assertThat(r.label("creator")).containsExactly("Darwin, Charles, 1809-1882");
        assertThat(r.label("contributor")).containsExactly("Smith, John");
        assertThat(r.label("mods:role:editor")).containsExactly("Smith, John");
        assertThat(r.label("date")).containsExactly("1835/1836");
        assertThat(r.label("mods:dateCreated")).containsExactly("1835 (start)", "1836 (end)");
        assertThat(r.label("mods:dateIssued")).containsExactly("1835uuuu");
        assertThat(r.label("mods:dateQualifier")).containsExactly("approximate");
        assertThat(r.label("place")).containsExactly("London");
        assertThat(r.label("mods:placeCode")).containsExactly("enk");
        assertThat(r.label("publisher")).containsExactly("Murray");
        assertThat(r.label("language")).containsExactly("de", "nl", "ang");
        assertThat(r.label("subject")).containsExactly("Barnacles -- Galapagos Islands -- 19th century", "FitzRoy, Robert");
        assertThat(r.label("genre")).containsExactly("letter");
        assertThat(r.label("type")).containsExactly("text");
        assertThat(r.label("mods:extent")).containsExactly("2 p.");
        assertThat(r.label("collection")).containsExactly("Darwin correspondence", "Letters series");
        assertThat(r.label("mods:relatedItem:otherVersion")).containsExactly("A printed edition");
        assertThat(r.label("mods:hostIdentifier")).containsExactly("DCP");
        assertThat(r.label("mods:source")).containsExactly("Digitised from the Cambridge University Library copy",
                "Transcribed 2001");
        assertThat(r.label("mods:note")).containsExactly("Transcribed 2001");
        assertThat(r.label("identifier")).containsExactly("https://example.org/letters/1", "DCP-LETT-1");
        assertThat(r.label("rights")).containsExactly("CC BY 4.0");
        assertThat(r.label("mods:physicalLocation")).containsExactly("Cambridge University Library");
        assertThat(r.text()).contains("A letter about barnacles.");
        assertThat(r.images()).extracting(ImageRef::uri)
                .containsExactly("https://example.org/thumb/1", "https://example.org/iiif/1/manifest.json");
        assertThat(String.valueOf(r.labels())).doesNotContain("not a title");

        LamRecord second = recs.get(1);
        assertThat(second.id()).isEqualTo("collection.xml#1");
        assertThat(second.label("title")).containsExactly("L'amour");
        assertThat(second.label("language")).containsExactly("en-US");
        assertThat(second.label("date")).containsExactly("1835");
        assertThat(second.source().orElseThrow().line()).hasValue(41);
    }

    @Test
    void readsEveryCorpusFileWithoutAnUncaughtException() throws IOException {
        List<Path> files = Corpus.files("mods");
        ReadOptions o = ReadOptions.builder().format("mods").errorPolicy(ErrorPolicy.SKIP).build();
        int records = 0;
        for (Path f : files) {
            List<LamRecord> recs = new ArrayList<>();
            assertThatCode(() -> {
                try (var s = Lam.read(f, o)) {
                    s.forEach(recs::add);
                }
            }).as(f.toString()).doesNotThrowAnyException();
            records += recs.size();
        }
        assertThat(records).isGreaterThanOrEqualTo(files.size());
        LamRecord ms = Lam.read(Corpus.file("mods/mods/spec/fixture_data/hp566jq8781.xml"), o).findFirst().orElseThrow();
        assertThat(ms.label("title").get(0)).startsWith("Cambridge, Corpus Christi College, MS 367");
        assertThat(ms.label("date")).contains("1400/1499", "1000/1099");
        assertThat(ms.text().orElseThrow()).startsWith("CCCC MS 367 consists of five small volumes");
        assertThat(Lam.read(Corpus.file("mods/Catmandu-MODS/t/xml/mods-3.xml"), o).count()).isEqualTo(2);
    }

    @Test
    void whiteSpaceBeforeAnElementsTextCountsAsTheTextItBelongsTo() throws IOException {
        // text in several runs (split by comments and foreign elements), with white space before it:
        // cleaned as the runs joined would be (an ideographic space kept where no run of white space
        // was collapsed, made one space where one was); a nonSort's own trailing space kept
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\" xmlns:x=\"urn:x\">\n"
                + "  <titleInfo>\n    <nonSort>\n<!-- c -->The </nonSort><title> <!-- c -->Ta\u3000le</title>"
                + "<subTitle>\n  <x:y/>  one\u3000two </subTitle></titleInfo>\n"
                + "  <genre> <!-- c --> <!-- c -->novel\u2003x</genre>\n"
                + "  <note><!-- c --> <!-- c -->a\u2003b</note>\n"
                + "  <subject>\n    <!-- c -->\n  </subject>\n"
                + "</mods>";
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "ws.xml", ReadOptions.defaults())) {
            s.forEach(out::add);
        }
        LamRecord r = out.get(0);
        assertThat(r.label("title")).containsExactly("The Ta\u3000le : one two");
        assertThat(r.label("genre")).containsExactly("novel x");
        assertThat(r.label("mods:note")).containsExactly("a\u2003b");
        assertThat(r.label("subject")).isEmpty();
    }

    static List<LamRecord> read(String resource, ReadOptions options) throws IOException {
        List<LamRecord> out = new ArrayList<>();
        try (InputStream in = ModsFormatTest.class.getResourceAsStream("/" + resource);
                var s = Lam.read(in, resource, options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void aRecordCutOutOfItsEnvelopeIsALocatedErrorNamingTheOptionUnlessTheOptionBindsThePrefixes() throws IOException {
        ReadOptions strict = ReadOptions.builder().format("mods").build();
        assertThatThrownBy(() -> read("cut-out.xml", strict)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("cut-out.xml").hasMessageContaining("mods.lenient=true")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).hasValue(3))
                .satisfies(e -> assertThat(e.getMessage().split("line 3", -1)).as("the location, once").hasSize(2));
        List<LamRecord> recs = read("cut-out.xml",
                ReadOptions.builder().format("mods").set(ModsFormat.LENIENT, "true").build());
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("beagle-1839");
            assertThat(r.label("title")).containsExactly("Voyage of the Beagle");
            assertThat(r.label("creator")).containsExactly("Darwin, Charles");
            assertThat(r.label("date")).containsExactly("1839");
            assertThat(r.label("mods:url")).containsExactly("https://example.org/beagle");
        });
        // detected without a format, by its root's prefixed name (a solid match, below a declared namespace's)
        assertThat(Lam.detect("src/test/resources/cut-out.xml", ReadOptions.defaults()).get(0).format())
                .isEqualTo("mods");
        assertThatThrownBy(() -> read("cut-out.xml", ReadOptions.defaults())).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("mods.lenient=true");
        assertThat(read("cut-out.xml", ReadOptions.builder().set(ModsFormat.LENIENT, "true").build())).isEqualTo(recs);
        // a document that declares its namespaces reads the same either way
        assertThat(read("collection.xml", ReadOptions.builder().set(ModsFormat.LENIENT, "true").build()))
                .isEqualTo(read("collection.xml", ReadOptions.defaults()));
    }

    @Test
    void theProbeTellsAnUndeclaredPrefixedRootOnlyWhenItsPrefixIsUnbound() {
        ModsFormat f = new ModsFormat();
        java.util.function.ToIntFunction<String> probe = x -> {
            byte[] b = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return f.probe(b, b.length).ordinal();
        };
        int solid = org.biglam.lam.spi.MatchStrength.SOLID_MATCH.ordinal();
        assertThat(probe.applyAsInt("<?xml version=\"1.0\"?>\n<!-- cut out -->\n<mods:mods>\n<x/>")).isEqualTo(solid);
        // behind a document type declaration, with or without an internal subset
        assertThat(probe.applyAsInt("<?xml version=\"1.0\"?>\n<!DOCTYPE mods:mods>\n<mods:mods>\n<x/>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<!DOCTYPE mods [ <!ENTITY x \"]\"> ]>\n<mods:modsCollection>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<mods:mods/>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<mods:mods>")).isEqualTo(solid);
        // declared: the namespace decides, as before
        assertThat(probe.applyAsInt("<mods:mods xmlns:mods=\"urn:other\"><x/>"))
                .isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH.ordinal());
        // another name, another prefix, or the name further down: no match
        assertThat(probe.applyAsInt("<mods:modsx>")).isEqualTo(0);
        assertThat(probe.applyAsInt("<other:mods>")).isEqualTo(0);
        assertThat(probe.applyAsInt("<record><mods:mods>")).isLessThan(solid);
        // a long prolog of white space is passed over at linear cost
        assertThat(probe.applyAsInt("<!-- c -->" + " ".repeat(6000) + "<x")).isEqualTo(0);
    }

    static List<LamRecord> readXml(String xml, String name, ReadOptions options) throws IOException {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                name, options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void aRecordOrCollectionInNoNamespaceIsReadAsItIsDetected() throws IOException {
        // written without the namespace, as older tools and hand-made exports do: detected as MODS,
        // and its records read (they were detected, then none came out)
        String one = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<mods version=\"3.4\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
                + "  <titleInfo><nonSort>The </nonSort><title>plain record</title></titleInfo>\n"
                + "  <name type=\"personal\"><namePart type=\"family\">Doe</namePart><namePart type=\"given\">Jane</namePart>"
                + "<role><roleTerm type=\"text\">author</roleTerm></role></name>\n"
                + "  <originInfo><dateIssued encoding=\"w3cdtf\">1901-05-03</dateIssued></originInfo>\n"
                + "  <extension><title>not a title</title></extension>\n"
                + "  <recordInfo><recordIdentifier>plain-1</recordIdentifier></recordInfo>\n"
                + "</mods>\n";
        assertThat(readXml(one, "plain.xml", ReadOptions.builder().format("mods").build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo("plain-1");
                    assertThat(r.label("title")).containsExactly("The plain record");
                    assertThat(r.label("creator")).containsExactly("Doe, Jane");
                    assertThat(r.label("date")).containsExactly("1901");
                });
        String collection = "<modsCollection>\n  <mods><titleInfo><title>One</title></titleInfo></mods>\n"
                + "  <mods><titleInfo><title>Two</title></titleInfo></mods>\n</modsCollection>\n";
        List<LamRecord> recs = readXml(collection, "plain-collection.xml", ReadOptions.defaults());
        assertThat(recs).extracting(LamRecord::format).containsExactly("mods", "mods");
        assertThat(recs).flatExtracting(r -> r.label("title")).containsExactly("One", "Two");
        assertThat(recs).extracting(LamRecord::id).containsExactly("plain-collection.xml#0", "plain-collection.xml#1");
    }

    @Test
    void anSruResponseOfModsRecordsIsDetectedAndReadButMetsAndOaiKeepTheirOwnFormats() throws IOException {
        // what the Library of Congress's SRU server gives for recordSchema=mods
        String sru = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\">\n"
                + "<zs:version>1.1</zs:version><zs:numberOfRecords>2</zs:numberOfRecords><zs:records>\n"
                + "<zs:record><zs:recordSchema>mods</zs:recordSchema><zs:recordPacking>xml</zs:recordPacking><zs:recordData>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\" version=\"3.8\"><titleInfo><title>First</title></titleInfo></mods>"
                + "</zs:recordData><zs:recordPosition>1</zs:recordPosition></zs:record>\n"
                + "<zs:record><zs:recordSchema>mods</zs:recordSchema><zs:recordData>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Second</title></titleInfo></mods>"
                + "</zs:recordData></zs:record>\n</zs:records></zs:searchRetrieveResponse>\n";
        assertThat(readXml(sru, "sru.xml", ReadOptions.defaults())).flatExtracting(r -> r.label("title"))
                .containsExactly("First", "Second");
        ModsFormat f = new ModsFormat();
        java.util.function.Function<String, org.biglam.lam.spi.MatchStrength> probe = x -> {
            byte[] b = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return f.probe(b, b.length);
        };
        assertThat(probe.apply(sru)).isEqualTo(org.biglam.lam.spi.MatchStrength.SOLID_MATCH);
        // METS (even in no namespace) and OAI-PMH read their MODS themselves
        assertThat(probe.apply("<mets><dmdSec><mdWrap><xmlData><mods xmlns=\"http://www.loc.gov/mods/v3\">"))
                .isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
        assertThat(probe.apply("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><metadata>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\">")).isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
        // records packed as escaped strings name the namespace but hold no MODS element: no match
        // (detected, they gave no record and no word)
        assertThat(probe.apply("<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\"><zs:records><zs:record>"
                + "<zs:recordPacking>string</zs:recordPacking><zs:recordData>&lt;mods xmlns=\"http://www.loc.gov/mods/v3\"&gt;"
                + "&lt;titleInfo&gt;&lt;title&gt;Escaped&lt;/title&gt;&lt;/titleInfo&gt;&lt;/mods&gt;</zs:recordData>"))
                .isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
        // a wrapper without the namespace: no match, as before
        assertThat(probe.apply("<records><record><title>x</title></record></records>"))
                .isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
    }

    @Test
    void aRawObjectLinkToAPdfOrSoundFileIsNoImage() throws IOException {
        // DSpace and Islandora give the digitised file as a raw object: a PDF is a link, not an image
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Thesis</title></titleInfo>\n"
                + "<location><url access=\"object in context\" usage=\"primary display\">https://repo.example.edu/handle/1/2</url>\n"
                + "<url access=\"preview\">\n   https://repo.example.edu/bitstream/1/2/3/thesis.pdf.jpg\n  </url>\n"
                + "<url access=\"raw object\" note=\"Download\">https://repo.example.edu/bitstream/1/2/1/Thesis.PDF?sequence=1</url>\n"
                + "<url access=\"raw object\">https://repo.example.edu/media/interview.mp3</url>\n"
                + "<url access=\"raw object\">https://islandora.example.edu/islandora/object/ns:1/datastream/OBJ/view</url>\n"
                + "</location></mods>";
        LamRecord r = readXml(xml, "thesis.xml", ReadOptions.defaults()).get(0);
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                "https://repo.example.edu/bitstream/1/2/3/thesis.pdf.jpg",
                "https://islandora.example.edu/islandora/object/ns:1/datastream/OBJ/view");
        assertThat(r.label("mods:url")).hasSize(5);
    }

    @Test
    void aMarcEndDate9999IsAnOpenRangeAndAHoldingsShelfMarkIsKept() throws IOException {
        // the MARC to MODS stylesheet's serial still published, and its holdings in holdingSimple
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>The gazette</title></titleInfo>\n"
                + "<originInfo><dateIssued>1850-</dateIssued>"
                + "<dateIssued encoding=\"marc\" point=\"start\">1850</dateIssued>"
                + "<dateIssued encoding=\"marc\" point=\"end\">9999</dateIssued><issuance>serial</issuance></originInfo>\n"
                + "<location><physicalLocation authority=\"marcorg\">DLC</physicalLocation>"
                + "<holdingSimple><copyInformation><subLocation>Serial Division</subLocation>"
                + "<shelfLocator>AP2 .G3</shelfLocator></copyInformation></holdingSimple></location></mods>";
        LamRecord r = readXml(xml, "serial.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("date")).contains("1850/..").doesNotContain("1850/9999");
        assertThat(r.label("mods:dateIssued")).containsExactly("1850-", "1850 (start)", "9999 (end)");
        assertThat(r.label("mods:shelfLocator")).containsExactly("AP2 .G3");
        assertThat(r.label("mods:subLocation")).containsExactly("Serial Division");
        assertThat(r.label("mods:physicalLocation")).containsExactly("DLC");
    }

    @Test
    void aPrefixedRecordWhoseChildrenLostTheirPrefixIsReadWhole() throws IOException {
        // the root prefixed, its children written without: they are in no namespace, and were passed
        // over as foreign (a record with no labels at all); other namespaces still are
        String xml = "<?xml version=\"1.0\"?>\n<mods:mods xmlns:mods=\"http://www.loc.gov/mods/v3\" xmlns:x=\"urn:x\">\n"
                + "  <titleInfo><title>Children without prefix</title></titleInfo>\n"
                + "  <mods:name><namePart>Doe, J.</namePart><role><roleTerm type=\"code\">aut</roleTerm></role></mods:name>\n"
                + "  <relatedItem type=\"host\"><titleInfo><title>The host</title></titleInfo></relatedItem>\n"
                + "  <x:titleInfo><x:title>not a title</x:title></x:titleInfo>\n"
                + "</mods:mods>\n";
        assertThat(readXml(xml, "unprefixed.xml", ReadOptions.defaults())).singleElement().satisfies(r -> {
            assertThat(r.label("title")).containsExactly("Children without prefix");
            assertThat(r.label("creator")).containsExactly("Doe, J.");
            assertThat(r.label("collection")).containsExactly("The host");
        });
    }

    @Test
    void aNameWhosePartsKeepTheirMarcCommasGetsNoDoubleCommaAndThePrimaryTitleComesFirst() throws IOException {
        // MARC-derived records keep the cataloguer's comma at the end of a name part (BHL, many OAI feeds)
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\">\n"
                + "<titleInfo type=\"alternative\"><title>Spine title</title></titleInfo>\n"
                + "<titleInfo><title>Another title</title></titleInfo>\n"
                + "<titleInfo usage=\"primary\"><title>Die Musci der Flora von Buitenzorg</title></titleInfo>\n"
                + "<name type=\"personal\"><namePart>Fleischer, Max,</namePart><namePart type=\"date\">1861-1930</namePart>"
                + "<role><roleTerm type=\"text\">creator</roleTerm></role></name>\n"
                + "<name type=\"personal\"><namePart type=\"family\">Darwin,</namePart><namePart type=\"given\">Charles,</namePart>"
                + "<namePart type=\"termsOfAddress\">Sir,</namePart><namePart type=\"date\">1809-1882</namePart></name>\n"
                + "<name type=\"personal\"><namePart type=\"given\">Charles</namePart><namePart type=\"family\">Darwin</namePart>"
                + "<namePart type=\"date\">1809-1882</namePart></name>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "bhl.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("creator")).containsExactly("Fleischer, Max, 1861-1930");
        assertThat(r.label("contributor")).containsExactly("Darwin, Charles, Sir, 1809-1882", "Darwin, Charles, 1809-1882");
        assertThat(r.label("title")).containsExactly("Die Musci der Flora von Buitenzorg", "Another title", "Spine title");
    }

    @Test
    void aTemporalSubjectGivenAsStartAndEndIsOneRangeNotTwoSubdivisions() throws IOException {
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Letters</title></titleInfo>\n"
                + "<subject authority=\"local\"><topic>Science</topic>"
                + "<temporal encoding=\"w3cdtf\" point=\"start\">1800</temporal><temporal encoding=\"w3cdtf\" point=\"end\">1899</temporal>"
                + "<geographic>England</geographic></subject>\n"
                + "<subject><temporal point=\"start\">1914</temporal></subject>\n"
                + "<subject><temporal>1861-1865</temporal><temporal point=\"end\">1870</temporal></subject>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "temporal.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("subject")).containsExactly("Science -- 1800/1899 -- England", "1914", "1861-1865 -- 1870");
    }

    @Test
    void anAbstractMarkedNotShareableIsNotPassedOn() throws IOException {
        // MODS 3.6: shareable="no" marks an abstract licensed from a vendor (an indexing service's)
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\" version=\"3.6\"><titleInfo><title>Article</title></titleInfo>\n"
                + "<abstract shareable=\"no\">A vendor's abstract.</abstract>\n"
                + "<abstract shareable=\"yes\" xml:lang=\"en\">The author's abstract.</abstract>\n"
                + "<abstract>Another.</abstract>\n"
                + "<tableOfContents shareable=\"no\">Vendor contents</tableOfContents>\n"
                + "<tableOfContents>1. Intro -- 2. Methods</tableOfContents>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "article.xml", ReadOptions.defaults()).get(0);
        assertThat(r.text()).hasValue("The author's abstract.\n\nAnother.");
        assertThat(r.label("description")).containsExactly("The author's abstract.", "Another.");
        assertThat(r.label("mods:tableOfContents")).containsExactly("1. Intro -- 2. Methods");
    }

    @Test
    void aPlaceCodeWithoutItsTypeIsStillACodeNotAPlace() throws IOException {
        // the type is optional: a term of the MARC country list or ISO 3166 is a code all the same
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Atlas</title></titleInfo>\n"
                + "<originInfo><place><placeTerm authority=\"marccountry\">ne</placeTerm></place>"
                + "<place><placeTerm authority=\"iso3166\">NL</placeTerm></place>"
                + "<place><placeTerm>Amsterdam</placeTerm></place>"
                + "<place><placeTerm type=\"text\" authority=\"marccountry\">Netherlands</placeTerm></place>"
                + "<place><placeTerm type=\"code\" authority=\"marccountry\">ne</placeTerm></place></originInfo>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "atlas.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("place")).containsExactly("Amsterdam", "Netherlands");
        assertThat(r.label("mods:placeCode")).containsExactly("ne", "NL");
    }

    @Test
    void anImageLinkWithSpacesIsPercentEncodedAndABareSchemeIsNoImage() throws IOException {
        // links typed by hand: a space in a file name, characters a URI may not hold, a link left empty
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Photo</title></titleInfo>\n"
                + "<location><url access=\"preview\">https://example.org/thumbs/photo 12.jpg</url>\n"
                + "<url access=\"raw object\">https://example.org/objects/Photo 12 (master)/view</url>\n"
                + "<url access=\"preview\">https://</url>\n"
                + "<url access=\"raw object\">http://?id=3</url></location>\n"
                + "<identifier type=\"uri\">https://example.org/scans/page 1.tif</identifier>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "photo.xml", ReadOptions.defaults()).get(0);
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                "https://example.org/thumbs/photo%2012.jpg",
                "https://example.org/objects/Photo%2012%20(master)/view",
                "https://example.org/scans/page%201.tif");
        // the labels keep the links as written
        assertThat(r.label("mods:url")).contains("https://example.org/thumbs/photo 12.jpg", "https://");
        assertThat(r.label("identifier")).containsExactly("https://example.org/scans/page 1.tif");
    }

    @Test
    void aLanguageTermListingSeveralLanguagesGivesATagEach() throws IOException {
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Polyglot</title></titleInfo>\n"
                + "<language><languageTerm type=\"text\">English; French</languageTerm></language>\n"
                + "<language><languageTerm type=\"text\">English, German</languageTerm></language>\n"
                + "<language><languageTerm type=\"code\" authority=\"iso639-2b\">eng; fre; lat</languageTerm></language>\n"
                + "<language><languageTerm type=\"text\">Dutch</languageTerm></language>\n"
                + "<language><languageTerm type=\"text\">Klingonese</languageTerm></language>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "polyglot.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("language")).containsExactly("en", "fr", "de", "la", "nl");
        assertThat(r.label("mods:languageTerm")).containsExactly("Klingonese");
    }

    @Test
    void aRecordFromMarcLosesItsCataloguingPunctuationButNotAQuestionMarkOrAnAbbreviation() throws IOException {
        // as LC's MARC-to-MODS stylesheet writes a record: the ISBD punctuation of the MARC subfields kept
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\" version=\"3.5\">\n"
                + "<titleInfo><title>Flora of Java /</title></titleInfo>\n"
                + "<titleInfo type=\"alternative\"><title>Who killed the dodo?</title></titleInfo>\n"
                + "<titleInfo type=\"uniform\"><title>Flora.</title><partName>English.</partName></titleInfo>\n"
                + "<titleInfo type=\"translated\"><nonSort>[</nonSort><title>Brief] /</title></titleInfo>\n"
                + "<name type=\"personal\" usage=\"primary\"><namePart>Backer, C. A.</namePart>"
                + "<namePart type=\"date\">1874-1963.</namePart><role><roleTerm type=\"text\">author.</roleTerm></role></name>\n"
                + "<name type=\"corporate\"><namePart>Ford Motor Co.</namePart></name>\n"
                + "<originInfo><place><placeTerm type=\"code\" authority=\"marccountry\">ne</placeTerm></place>"
                + "<place><placeTerm type=\"text\">Leiden :</placeTerm></place>"
                + "<publisher>E.J. Brill,</publisher><dateIssued>1905.</dateIssued></originInfo>\n"
                + "<originInfo><place><placeTerm type=\"text\">[S.l.] :</placeTerm></place><publisher>[s.n.],</publisher>"
                + "<dateIssued>[18--?]</dateIssued></originInfo>\n"
                + "<originInfo><place><placeTerm type=\"text\">[Amsterdam] :</placeTerm></place>"
                + "<publisher>Harcourt, Brace &amp; Co.,</publisher></originInfo>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "marc-derived.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("title")).containsExactly("Flora of Java", "Who killed the dodo?", "Flora. English", "[Brief]");
        assertThat(r.label("creator")).containsExactly("Backer, C. A., 1874-1963");
        assertThat(r.label("contributor")).containsExactly("Ford Motor Co.");
        assertThat(r.label("place")).containsExactly("Leiden", "Amsterdam");
        assertThat(r.label("mods:placeCode")).containsExactly("ne");
        assertThat(r.label("publisher")).containsExactly("E.J. Brill", "Harcourt, Brace & Co.");
        // the raw date is kept as written, as lam-marc keeps 260$c; the normalised one has no period
        assertThat(r.label("mods:dateIssued")).containsExactly("1905.", "[18--?]");
        assertThat(r.label("date")).containsExactly("1905", "1800/1899");
    }

    @Test
    void anAbstractOrNoteWithMarkupKeepsTheTextOfItsElementsInOrder() throws IOException {
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
                + "<titleInfo><title>Marked up</title></titleInfo>\n"
                + "<abstract>\n  <p>First paragraph, on <i>Nature</i>.</p>\n  <p>Second<br/>line.</p>\n</abstract>\n"
                + "<abstract><xhtml:p>An <xhtml:em>XHTML</xhtml:em> paragraph.</xhtml:p></abstract>\n"
                + "<note>See <i>Nature</i> 12 (1875), p. 3.</note>\n"
                + "<note type=\"source note\">Plain note.</note>\n"
                + "<tableOfContents><ul><li>1. Intro</li><li>2. Methods</li></ul></tableOfContents>\n"
                + "</mods>";
        LamRecord r = readXml(xml, "markup.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("description")).containsExactly("First paragraph, on Nature. Second line.",
                "An XHTML paragraph.");
        assertThat(r.text()).hasValue("First paragraph, on Nature.\n\nSecond\n\nline.\n\nAn XHTML paragraph.");
        assertThat(r.label("mods:note")).containsExactly("See Nature 12 (1875), p. 3.", "Plain note.");
        assertThat(r.label("mods:source")).containsExactly("Plain note.");
        assertThat(r.label("mods:tableOfContents")).containsExactly("1. Intro 2. Methods");
    }

    @Test
    void aCenturyInWordsIsADate() throws IOException {
        String xml = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>Map</title></titleInfo>\n"
                + "<originInfo><dateCreated>late 17th century</dateCreated></originInfo>\n"
                + "<titleInfo type=\"alternative\"><title>Louis XIV</title></titleInfo></mods>";
        LamRecord r = readXml(xml, "century.xml", ReadOptions.defaults()).get(0);
        assertThat(r.label("date")).containsExactly("1660/1699");
        assertThat(r.label("mods:dateCreated")).containsExactly("late 17th century");
    }

    @Test
    void aFedoraObjectGivesTheNewestVersionOfEachModsDatastreamWithItsPidAsTheId() throws IOException {
        // Fedora keeps every version of a versionable datastream; an export lists them all
        String xml = "<foxml:digitalObject VERSION=\"1.1\" PID=\"islandora:77\"\n"
                + "    xmlns:foxml=\"info:fedora/fedora-system:def/foxml#\">\n"
                + "  <foxml:datastream ID=\"MODS\" STATE=\"A\" CONTROL_GROUP=\"X\" VERSIONABLE=\"true\">\n"
                + "    <foxml:datastreamVersion ID=\"MODS.1\" CREATED=\"2019-07-02T10:41:03.112Z\">\n"
                + "      <foxml:xmlContent><mods xmlns=\"http://www.loc.gov/mods/v3\">\n"
                + "        <titleInfo><title>Main Street looking north, 1912</title></titleInfo></mods>\n"
                + "      </foxml:xmlContent></foxml:datastreamVersion>\n"
                + "    <foxml:datastreamVersion ID=\"MODS.0\" CREATED=\"2016-03-14T15:09:26.535Z\">\n"
                + "      <foxml:xmlContent><mods xmlns=\"http://www.loc.gov/mods/v3\">\n"
                + "        <titleInfo><title>Main St. [draft]</title></titleInfo></mods>\n"
                + "      </foxml:xmlContent></foxml:datastreamVersion>\n"
                + "  </foxml:datastream>\n"
                + "  <foxml:datastream ID=\"OBJ\" CONTROL_GROUP=\"M\"><foxml:datastreamVersion ID=\"OBJ.0\">\n"
                + "    <foxml:contentLocation TYPE=\"INTERNAL_ID\" REF=\"islandora:77+OBJ+OBJ.0\"/>\n"
                + "  </foxml:datastreamVersion></foxml:datastream>\n"
                + "</foxml:digitalObject>";
        List<LamRecord> recs = readXml(xml, "islandora_77.xml", ReadOptions.builder().format("mods").build());
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("islandora:77");
            assertThat(r.label("title")).containsExactly("Main Street looking north, 1912");
            assertThat(r.source().orElseThrow().line()).hasValue(5);
        });
        // without dates, the last version written is the newest
        List<LamRecord> undated = readXml(xml.replaceAll(" CREATED=\"[^\"]*\"", ""), "islandora_77.xml",
                ReadOptions.builder().format("mods").build());
        assertThat(undated).singleElement().satisfies(r -> assertThat(r.label("title"))
                .containsExactly("Main St. [draft]"));
    }
}
