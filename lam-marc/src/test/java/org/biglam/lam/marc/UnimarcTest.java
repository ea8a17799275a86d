package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.marc4j.converter.impl.UnicodeToIso5426;
import org.marc4j.converter.impl.UnicodeToIso6937;

/** UNIMARC: detected per record, its character sets, its mapping. */
class UnimarcTest {

    static final String TITLE = "Ça ira : chansons de Łódź et d'Ąę. Deuxième partie, Œuvres";
    static final String AUTHOR = "Dvořák";

    /** A UNIMARC book, its data encoded by {@code m}; {@code charsets} goes to 100 $a/26-29. */
    static MarcBytes book(MarcBytes m, String id, String charsets) {
        String f100 = "20240101d1987    m  y0frey" + charsets + "    ba";
        return m.leader("00000nam0 22000001  450 ")
                .control("001", id)
                .control("003", "http://www.sudoc.fr/" + id)
                .field("010", "  ", "a2-07-036822-X", "bbr.")
                .field("100", "  ", "a" + f100)
                .field("101", "0 ", "afre", "aeng")
                .field("102", "  ", "aFR")
                .field("105", "  ", "ay       000ay")
                .field("200", "1 ", "aÇa ira", "echansons de Łódź et d'Ąę", "hDeuxième partie", "iŒuvres",
                        "fAntonín Dvořák", "gtrad. par Zoë Brontë")
                .field("210", "  ", "aParis", "cGallimard", "d1987")
                .field("215", "  ", "a315 p.")
                .field("225", "2 ", "aFolio", "v1834")
                .field("330", "  ", "aUn résumé où l'on croise François et Ægir.")
                .field("606", "  ", "aMusique", "yTchécoslovaquie", "z19e siècle", "2rameau")
                .field("608", "  ", "aPartitions")
                .field("676", "  ", "a780/.92")
                .field("700", " 1", "aDvořák", "bAntonín", "f1841-1904", "4230")
                .field("702", " 1", "aBrontë", "bZoë", "4730");
    }

    private static Reading read(byte[] bytes, ReadOptions.Builder o) {
        return Reading.skip(bytes, "t.mrc", o);
    }

    @Test
    void codedDataOfTextsGiveGenreWords() {
        MarcBytes m = MarcBytes.utf8().leader("00000nam0 22000001  450 ")
                .control("001", "g-1")
                .field("100", "  ", "a20240101d1987    m  y0frey50      ba")
                // 105: form of contents (4-7) catalogue and thesis, literature (11) poetry
                .field("105", "  ", "aa   bm  000gy")
                // 106: large print
                .field("106", "  ", "ad")
                // 140: form of contents (9-16) religious work and bibliography, literary text (17-18) romance
                .field("140", "  ", "a         aafc    ab0  a00000")
                .field("200", "1 ", "aPsaumes")
                .field("608", "  ", "aLivres d'heures");
        LamRecord r = read(m.bytes(), ReadOptions.builder()).records.get(0);
        assertThat(r.label("genre")).containsExactly("Livres d'heures", "catalogs", "theses", "poetry",
                "religious works", "bibliographies", "romances", "large print");
        // regular print and codes the manual does not define give no word; nor do the coded data
        // of texts on a record of music
        MarcBytes music = MarcBytes.utf8().leader("00000ncm0 22000001  450 ")
                .control("001", "g-2")
                .field("100", "  ", "a20240101d1987    m  y0frey50      ba")
                .field("105", "  ", "a   b   000gy")
                .field("106", "  ", "ar")
                .field("200", "1 ", "aPartition");
        MarcBytes odd = MarcBytes.utf8().leader("00000nam0 22000001  450 ")
                .control("001", "g-3")
                .field("100", "  ", "a20240101d1987    m  y0frey50      ba")
                .field("105", "  ", "a   u")
                .field("106", "  ", "ar")
                .field("140", "  ", "a         qq")
                .field("200", "1 ", "aTexte");
        assertThat(read(music.bytes(), ReadOptions.builder()).records.get(0).label("genre")).isEmpty();
        assertThat(read(odd.bytes(), ReadOptions.builder()).records.get(0).label("genre")).isEmpty();
    }

    @Test
    void mapsAUnimarcRecordToTheUniformLabels() {
        LamRecord r = read(book(MarcBytes.utf8(), "u-1", "50  ").bytes(), ReadOptions.builder()).records.get(0);
        assertThat(r.label("title")).containsExactly(TITLE);
        assertThat(r.label("creator")).containsExactly("Dvořák, Antonín, 1841-1904");
        assertThat(r.label("contributor")).containsExactly("Brontë, Zoë");
        assertThat(r.label("date")).containsExactly("1987");
        assertThat(r.label("marc:date")).containsExactly("1987");
        assertThat(r.label("language")).containsExactly("fr", "en");
        assertThat(r.label("place")).containsExactly("Paris");
        assertThat(r.label("publisher")).containsExactly("Gallimard");
        assertThat(r.label("subject")).containsExactly("Musique -- Tchécoslovaquie -- 19e siècle");
        assertThat(r.label("genre")).containsExactly("Partitions", "fiction");
        assertThat(r.label("type")).containsExactly("text", "monograph");
        assertThat(r.label("identifier")).containsExactly("u-1", "http://www.sudoc.fr/u-1", "isbn:207036822X");
        assertThat(r.label("description")).containsExactly("Un résumé où l'on croise François et Ægir.");
        assertThat(r.label("collection")).containsExactly("Folio");
        assertThat(r.label("classification")).containsExactly("780.92");
        assertThat(r.text()).hasValue(TITLE + " / Antonín Dvořák ; trad. par Zoë Brontë\n"
                + "Un résumé où l'on croise François et Ægir.");
    }

    @Test
    void iso5426AndIso6937AndUtf8TwinsDecodeIdentically() {
        Reading utf8 = read(book(MarcBytes.utf8(), "u-1", "50  ").bytes(), ReadOptions.builder());
        byte[] iso5426 = book(MarcBytes.with(new UnicodeToIso5426()), "u-1", "03  ").bytes();
        byte[] iso6937 = book(MarcBytes.with(new UnicodeToIso6937()), "u-1", "01  ").bytes();
        // the fixtures really are in those sets: cedilla before C, ogonek before A
        assertThat(new String(iso5426, StandardCharsets.ISO_8859_1)).contains("\u00D0Ca ira").contains("\u00D3A");
        assertThat(new String(iso6937, StandardCharsets.ISO_8859_1)).contains("\u00CBCa ira").contains("\u00CEA");
        Reading a = read(iso5426, ReadOptions.builder());
        Reading b = read(iso6937, ReadOptions.builder());
        Reading told = read(iso6937, ReadOptions.builder().set("marc.encoding", "iso-6937"));
        LamRecord expected = utf8.records.get(0);
        assertThat(expected.label("title")).containsExactly(TITLE);
        for (Reading r : List.of(a, b, told)) {
            assertThat(r.errors()).isEmpty();
            assertThat(r.records.get(0).labels()).isEqualTo(expected.labels());
            assertThat(r.records.get(0).text()).isEqualTo(expected.text());
        }
        assertThat(a.warnings("encoding")).isEmpty();
    }

    @Test
    void readsTheFixtureOfThreeCharacterSetsAndAMarc21RecordWithoutBeingTold() {
        Reading r = Reading.skip("unimarc-iso5426-iso6937-utf8.mrc");
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("u-5426", "u-6937", "u-utf8", "m21-1");
        for (int i = 0; i < 3; i++) {
            assertThat(r.records.get(i).label("title")).containsExactly(TITLE);
            assertThat(r.records.get(i).label("description")).containsExactly("Un résumé où l'on croise François et Ægir.");
        }
        assertThat(r.records.get(3).label("title")).containsExactly("A MARC 21 record among them");
    }

    @Test
    void readsTheSameUnimarcRecordAlikeInIso2709MarcXmlAndMarcInJsonByItsContent() {
        LamRecord iso = read(book(MarcBytes.with(new UnicodeToIso5426()), "u-1", "03  ").bytes(), ReadOptions.builder())
                .records.get(0);
        org.marc4j.marc.Record rec = iso.unwrap(org.marc4j.marc.Record.class).orElseThrow();
        java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
        org.marc4j.MarcXmlWriter xw = new org.marc4j.MarcXmlWriter(xml, "UTF-8");
        xw.write(rec);
        xw.close();
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        org.marc4j.MarcJsonWriter jw = new org.marc4j.MarcJsonWriter(json, org.marc4j.MarcJsonWriter.MARC_IN_JSON);
        jw.write(rec);
        jw.close();
        LamRecord fromXml = Reading.skip(xml.toByteArray(), "u.xml", ReadOptions.builder()).records.get(0);
        LamRecord fromJson = Reading.skip(json.toByteArray(), "u.json", ReadOptions.builder()).records.get(0);
        assertThat(fromXml.format()).isEqualTo("marcxml");
        assertThat(fromJson.format()).isEqualTo("marc-json");
        assertThat(iso.label("title")).containsExactly(TITLE);
        assertThat(fromXml.labels()).isEqualTo(iso.labels());
        assertThat(fromJson.labels()).isEqualTo(iso.labels());
        assertThat(fromXml.text()).isEqualTo(iso.text());
    }

    @Test
    void givesEachRecordOfAMixedFileItsOwnMapping() {
        byte[] marc21 = WriteFixtures.book(MarcBytes.utf8(), "m-1", "A MARC 21 book", "Smith, Ann").bytes();
        byte[] unimarc = book(MarcBytes.utf8(), "u-1", "50  ").bytes();
        Reading r = read(MarcBytes.concat(marc21, unimarc, marc21), ReadOptions.builder());
        assertThat(r.ids()).containsExactly("m-1", "u-1", "m-1");
        assertThat(r.records.get(0).label("title")).containsExactly("A MARC 21 book");
        assertThat(r.records.get(0).label("creator")).containsExactly("Smith, Ann");
        assertThat(r.records.get(1).label("title")).containsExactly(TITLE);
        assertThat(r.records.get(2).label("title")).containsExactly("A MARC 21 book");
        assertThat(r.records.get(1).label("marc:flavour")).containsExactly("unimarc");
        assertThat(r.records.get(0).label("marc:flavour")).isEmpty();
    }

    @Test
    void theFlavourOptionForcesOneMappingAndUserMappingsWorkOnBoth() {
        byte[] unimarc = book(MarcBytes.utf8(), "u-1", "50  ").bytes();
        Reading forced = read(unimarc, ReadOptions.builder().set("marc.flavour", "marc21"));
        assertThat(forced.records.get(0).label("title")).isEmpty();
        Reading mapped = read(unimarc, ReadOptions.builder().set("marc.map.marc:series", "225a")
                .set("marc.map.title", "200a"));
        assertThat(mapped.records.get(0).label("marc:series")).containsExactly("Folio");
        assertThat(mapped.records.get(0).label("title")).containsExactly("Ça ira");
        byte[] marc21 = WriteFixtures.book(MarcBytes.utf8(), "m-1", "A MARC 21 book", "Smith, Ann").bytes();
        Reading asUnimarc = read(marc21, ReadOptions.builder().set("marc.flavour", "unimarc"));
        assertThat(asUnimarc.records.get(0).label("title")).isEmpty();
    }

    @Test
    void readsUnimarcInMarcXchangeByItsFormatAttribute() {
        String xml = "<?xml version=\"1.0\"?>\n<collection xmlns=\"info:lc/xmlns/marcxchange-v2\">\n"
                + "<record format=\"UNIMARC\" type=\"Bibliographic\"><leader>00000nam0 22000001  450 </leader>"
                + "<controlfield tag=\"001\">x-1</controlfield>"
                + "<datafield tag=\"100\" ind1=\" \" ind2=\" \"><subfield code=\"a\">20240101d1987    m  y0frey50      ba</subfield></datafield>"
                + "<datafield tag=\"200\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Un titre</subfield>"
                + "<subfield code=\"e\">roman</subfield></datafield>"
                + "<datafield tag=\"700\" ind1=\" \" ind2=\"1\"><subfield code=\"a\">Sand</subfield>"
                + "<subfield code=\"b\">George</subfield></datafield></record>\n</collection>\n";
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "x.xml", ReadOptions.builder());
        assertThat(r.errors()).isEmpty();
        assertThat(r.records).hasSize(1);
        assertThat(r.records.get(0).format()).isEqualTo("marcxml");
        assertThat(r.records.get(0).label("title")).containsExactly("Un titre : roman");
        assertThat(r.records.get(0).label("creator")).containsExactly("Sand, George");
        assertThat(r.records.get(0).label("date")).containsExactly("1987");
    }

    @Test
    void readsTheUnimarcRecordsAmongTheMarc21OnesOfACorpusFile() {
        Assumptions.assumeTrue(Corpus.root().isPresent(), "corpus absent: ../shared/corpus");
        Reading r = Reading.file(Corpus.file("marc21/marc4j/test/resources/pride-and-prejudice-fixed.mrc"),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP));
        assertThat(r.errors()).isEmpty();
        assertThat(r.records).hasSize(383);
        List<LamRecord> unimarc = r.records.stream().filter(x -> !x.label("marc:flavour").isEmpty()).toList();
        assertThat(unimarc).hasSize(17);
        assertThat(unimarc).allSatisfy(x -> {
            assertThat(x.label("title")).isNotEmpty();
            assertThat(x.label("language")).isNotEmpty();
        });
        // one of them (80031665) names no one
        assertThat(unimarc.stream().filter(x -> !x.label("creator").isEmpty()).count()).isEqualTo(16);
        assertThat(unimarc.stream().filter(x -> !x.label("date").isEmpty()).count()).isGreaterThanOrEqualTo(15);
        LamRecord bantam = r.record("1074414");
        assertThat(bantam.label("title")).containsExactly("Pride and prejudice");
        assertThat(bantam.label("creator")).containsExactly("Austen, Jane, 1775-1817");
        assertThat(bantam.label("date")).containsExactly("1981");
        assertThat(bantam.label("language")).containsExactly("en");
        assertThat(bantam.label("place")).containsExactly("New York");
        assertThat(bantam.label("publisher")).containsExactly("Bantam Books");
        assertThat(bantam.label("subject")).contains("Courtship -- Fiction", "England -- Fiction");
        assertThat(bantam.label("classification")).containsExactly("823.7");
        assertThat(bantam.label("identifier")).contains("isbn:0553210181");
        LamRecord chinese = r.record("00085390");
        assertThat(chinese.label("title")).containsExactly("傲慢與偏見");
        assertThat(chinese.label("language")).containsExactly("zh");
        assertThat(chinese.label("date")).containsExactly("1993");
        // the MARC 21 records around them are read as before
        LamRecord first = r.records.get(0);
        assertThat(first.label("marc:flavour")).isEmpty();
        assertThat(first.label("title")).isNotEmpty();
    }
}
