package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/** Shapes of real catalogues' records that the fixtures of the other tests do not have. */
class RealWorldShapesTest {

    private static LamRecord mrk(String text) {
        Reading r = Reading.skip(text.getBytes(StandardCharsets.UTF_8), "shapes.mrk", ReadOptions.builder());
        assertThat(r.problems).isEmpty();
        assertThat(r.records).hasSize(1);
        return r.records.get(0);
    }

    @Test
    void anArchivalTitleKeepsItsForm() {
        // APPM/DACS records: the name in $a, the form of the material in $k, the inclusive dates in $f
        LamRecord rec = mrk("""
                =LDR  00000cpc a2200000 a 4500
                =001  arch1
                =008  850101i18501900xx\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\eng\\d
                =100  1\\$aSmith, John,$d1820-1899.
                =245  10$aSmith, John.$kPapers,$f1850-1900.
                """);
        assertThat(rec.label("title")).containsExactly("Smith, John. Papers");
        assertThat(rec.label("date")).containsExactly("1850/1900");
        assertThat(rec.text()).hasValue("Smith, John. Papers, 1850-1900.");
    }

    @Test
    void linksToPagesOfImagesAreNotImages() {
        LamRecord rec = mrk("""
                =LDR  00000ckm a2200000 a 4500
                =001  links1
                =245  00$aViews of Whitby.
                =856  42$3Finding aid$uhttp://hdl.loc.gov/loc.mss/eadmss.ms001$qapplication/pdf
                =856  41$3Selected images$uhttp://hdl.loc.gov/loc.pnp/pp.whitby
                =856  41$zView the digitized images$uhttps://digital.example.org/collections/whitby
                =856  42$zDiscover more about this collection$uhttps://example.org/discover/whitby
                =856  42$3Cover image$uhttps://covers.example.org/whitby
                =856  40$3Thumbnail$uhttps://example.org/thumb?id=whitby
                =856  40$uhttps://iiif.example.org/iiif/2/whitby/full/max/0/default.jpg
                """);
        assertThat(rec.images()).extracting(ImageRef::uri).containsExactly(
                "https://covers.example.org/whitby", "https://example.org/thumb?id=whitby",
                "https://iiif.example.org/iiif/2/whitby/full/max/0/default.jpg");
    }

    @Test
    void aQuestionableRangeOfCenturiesIsNotNarrowedToItsFirstYear() {
        // 008/06 q: between 18uu and 19uu; the 260 $c names the first year of a range
        LamRecord rec = mrk("""
                =LDR  00000cem a2200000 a 4500
                =001  map1
                =008  850101q18uu19uuenk\\\\\\\\\\\\\\a\\\\\\\\\\\\\\\\\\|||\\d
                =245  10$aMap of Whitby.
                =260  \\\\$a[London] :$b[s.n.],$c[between 1850 and 1880?]
                """);
        assertThat(rec.label("date")).containsExactly("1800/1999");
        // a single century is still narrowed by the statement
        LamRecord single = mrk("""
                =LDR  00000cem a2200000 a 4500
                =001  map2
                =008  850101s18uu\\\\\\\\enk\\\\\\\\\\\\\\a\\\\\\\\\\\\\\\\\\|||\\d
                =245  10$aMap of Scarborough.
                =260  \\\\$a[London] :$b[s.n.],$c[1853?]
                """);
        assertThat(single.label("date")).containsExactly("1853");
    }

    @Test
    void theControlSubfieldsOfTracingsAreNotPartOfTheHeadings() {
        // LC name authorities: $w control codes and $i relationship information on 4XX/5XX tracings
        LamRecord rec = mrk("""
                =LDR  01178cz  a2200277n  4500
                =001  n  79021164
                =008  790409n|\\acannaabn\\\\\\\\\\\\\\\\\\\\|a\\aaa\\\\\\\\\\\\
                =100  1\\$aTwain, Mark,$d1835-1910
                =400  1\\$wnnaa$aClemens, Samuel Langhorne,$d1835-1910
                =500  1\\$wr$iAlter ego:$aSnodgrass, Quintus Curtius,$d1835-1910
                =550  \\\\$wg$aAuthors, American
                =670  \\\\$aHis The innocents abroad, 1869.
                """);
        assertThat(rec.label("title")).containsExactly("Twain, Mark, 1835-1910");
        assertThat(rec.label("marc:see-from")).containsExactly("Clemens, Samuel Langhorne, 1835-1910");
        assertThat(rec.label("marc:see-also")).containsExactly("Snodgrass, Quintus Curtius, 1835-1910",
                "Authors, American");
    }

    @Test
    void theIsbdMarkAfterAGeneralMaterialDesignationStillSeparatesTheTitle() {
        // AACR2 records of non-book materials: the GMD in $h carries the mark that introduces $b or $c
        LamRecord video = mrk("""
                =LDR  00000cgm a2200000 a 4500
                =001  gmd1
                =245  00$aStar wars.$pEpisode V,$pThe empire strikes back$h[videorecording] :$ba Lucasfilm production /$cdirected by Irvin Kershner.
                """);
        assertThat(video.label("title")).containsExactly(
                "Star wars. Episode V, The empire strikes back : a Lucasfilm production");
        assertThat(video.text()).hasValue("Star wars. Episode V, The empire strikes back : a Lucasfilm production"
                + " / directed by Irvin Kershner.");
        LamRecord sound = mrk("""
                =LDR  00000cjm a2200000 a 4500
                =001  gmd2
                =245  00$aKind of blue$h[sound recording] /$cMiles Davis.
                """);
        assertThat(sound.label("title")).containsExactly("Kind of blue");
        assertThat(sound.text()).hasValue("Kind of blue / Miles Davis.");
        // a mark already there is not doubled
        LamRecord twice = mrk("""
                =LDR  00000cmm a2200000 a 4500
                =001  gmd3
                =245  10$aAtlas :$h[electronic resource] :$bthe world.
                """);
        assertThat(twice.label("title")).containsExactly("Atlas : the world");
    }

    @Test
    void findsIso2709AfterAByteOrderMarkOrBlankLines() {
        // web exports (a PHP script's stray newline) and Windows tools put these before the first record
        byte[] one = MarcBytes.utf8().control("001", "lead-1").field("245", "10", "aFirst").bytes();
        byte[] two = MarcBytes.utf8().control("001", "lead-2").field("245", "10", "aSecond").bytes();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] newlines = "\r\n\n".getBytes(StandardCharsets.US_ASCII);
        for (byte[] lead : List.of(bom, newlines, MarcBytes.concat(bom, newlines))) {
            byte[] file = MarcBytes.concat(lead, one, two);
            for (ReadOptions.Builder options : List.of(ReadOptions.builder(), ReadOptions.builder().format("marc21"))) {
                Reading r = Reading.skip(file, "export.dat", options);
                assertThat(r.problems).isEmpty();
                assertThat(r.ids()).containsExactly("lead-1", "lead-2");
                assertThat(r.records.get(0).format()).isEqualTo("marc21");
                assertThat(r.records.get(0).source().orElseThrow().offset()).hasValue(lead.length);
            }
        }
    }

    @Test
    void dublinCoreRecordsOfAnOaiResponseGetTheSharedMapping() {
        // read by the marcxml provider (named, or without lam-oai): the languages as names, tags and lists too
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
                <record><header><identifier>oai:x.org:1</identifier></header><metadata>
                <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Un titre</dc:title><dc:language>fre</dc:language><dc:language>English</dc:language>
                <dc:language>en-US</dc:language><dc:language>ger; lat</dc:language><dc:date>1998-05-12</dc:date>
                <dc:coverage>Whitby</dc:coverage>
                </oai_dc:dc></metadata></record></ListRecords></OAI-PMH>
                """;
        Reading r = Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "oai.xml", ReadOptions.builder().format("marcxml"));
        assertThat(r.problems).isEmpty();
        LamRecord rec = r.records.get(0);
        assertThat(rec.id()).isEqualTo("oai:x.org:1");
        assertThat(rec.label("language")).containsExactly("fr", "en", "en-US", "de", "la");
        assertThat(rec.label("dc:language")).containsExactly("fre", "English", "en-US", "ger; lat");
        assertThat(rec.label("date")).containsExactly("1998");
        assertThat(rec.label("title")).containsExactly("Un titre");
        assertThat(rec.label("place")).containsExactly("Whitby");
        assertThat(rec.text()).hasValue("Un titre");
    }

    @Test
    void aDateBeforeChristIsNotReadAsAYearOfTheCommonEra() {
        // 008/06 b (B.C. dates, positions 07-14 blank): the date statement is all there is
        for (String statement : List.of("[ca. 1750 B.C.]", "[ca. 1750 BCE]", "um 1750 v. Chr.", "vers 1750 av. J.-C.")) {
            LamRecord rec = mrk("""
                    =LDR  00000cam a2200000 a 4500
                    =001  bc1
                    =008  850101b\\\\\\\\\\\\\\\\xx\\\\\\\\\\\\\\\\\\\\\\\\000\\0\\akk\\d
                    =245  10$aTablet.
                    =260  \\\\$c%s
                    """.formatted(statement));
            assertThat(rec.label("date")).as(statement).isEmpty();
            assertThat(rec.label("marc:date")).containsExactly(statement);
        }
        // a year of the common era still comes from its statement
        LamRecord ad = mrk("""
                =LDR  00000cam a2200000 a 4500
                =001  ad1
                =245  10$aBook.
                =260  \\\\$aBaltimore :$bJohns Hopkins,$cc1998.
                """);
        assertThat(ad.label("date")).containsExactly("1998");
    }

    @Test
    void theNonSortingMarksOfEuropeanCataloguesAreNotInTheLabelsNorText() {
        // DNB, BnF, SUDOC: NSB and NSE (U+0098, U+009C) around the initial article that filing skips
        byte[] iso = MarcBytes.utf8().control("001", "dnb-1")
                .field("245", "10", "a\u0098Die\u009C Elixiere des Teufels :", "bRoman /", "cE. T. A. Hoffmann.")
                .field("490", "0 ", "a\u0098Die\u009C andere Bibliothek")
                .field("650", " 7", "a\u0098Der\u009C Teufel", "2gnd").bytes();
        String xml = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 c 4500</leader>"
                + "<controlfield tag=\"001\">dnb-1</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">\u0098Die\u009C Elixiere des Teufels :</subfield>"
                + "<subfield code=\"b\">Roman /</subfield><subfield code=\"c\">E. T. A. Hoffmann.</subfield></datafield>"
                + "<datafield tag=\"490\" ind1=\"0\" ind2=\" \"><subfield code=\"a\">\u0098Die\u009C andere Bibliothek</subfield></datafield>"
                + "<datafield tag=\"650\" ind1=\" \" ind2=\"7\"><subfield code=\"a\">\u0098Der\u009C Teufel</subfield>"
                + "<subfield code=\"2\">gnd</subfield></datafield></record>";
        for (Reading r : List.of(Reading.skip(iso, "dnb.mrc", ReadOptions.builder()),
                Reading.skip(xml.getBytes(StandardCharsets.UTF_8), "dnb.xml", ReadOptions.builder()),
                Reading.skip(iso, "dnb.mrc", ReadOptions.builder().set("marc.map.marc:series", "490a")))) {
            assertThat(r.problems).isEmpty();
            LamRecord rec = r.records.get(0);
            assertThat(rec.label("title")).containsExactly("Die Elixiere des Teufels : Roman");
            assertThat(rec.label("collection")).containsExactly("Die andere Bibliothek");
            assertThat(rec.label("subject")).containsExactly("Der Teufel");
            assertThat(rec.text()).hasValue("Die Elixiere des Teufels : Roman / E. T. A. Hoffmann.");
        }
        Reading own = Reading.skip(iso, "dnb.mrc", ReadOptions.builder().set("marc.map.marc:series", "490a"));
        assertThat(own.records.get(0).label("marc:series")).containsExactly("Die andere Bibliothek");
        // the marc4j record keeps them, as the catalogue wrote it
        org.marc4j.marc.DataField f245 = (org.marc4j.marc.DataField) own.records.get(0)
                .unwrap(org.marc4j.marc.Record.class).orElseThrow().getVariableField("245");
        assertThat(f245.getSubfield('a').getData()).startsWith("\u0098Die\u009C");
    }

    @Test
    void theNonSortingMarksOfAnIso5426UnimarcRecordAreNotInTheTitle() {
        // BnF / SUDOC exports: 0x88 and 0x89 around the article, 100 $a/26-27 "03" (ISO 5426)
        java.io.ByteArrayOutputStream f200 = new java.io.ByteArrayOutputStream();
        f200.writeBytes("1 \u001Fa".getBytes(StandardCharsets.US_ASCII));
        f200.write(0x88);
        f200.writeBytes("Les ".getBytes(StandardCharsets.US_ASCII));
        f200.write(0x89);
        f200.writeBytes("mis".getBytes(StandardCharsets.US_ASCII));
        f200.write(0xC2); // ISO 5426's acute, before its letter
        f200.writeBytes("erables\u001FfVictor Hugo".getBytes(StandardCharsets.US_ASCII));
        byte[] rec = MarcBytes.utf8().leader("00000nam0 22000001  450 ").control("001", "bnf-1")
                .field("100", "  ", "a20050101d1998    m  y0frey0103    ba")
                .raw("200", f200.toByteArray()).bytes();
        Reading r = Reading.skip(rec, "bnf.mrc", ReadOptions.builder());
        LamRecord one = r.records.get(0);
        assertThat(one.label("marc:flavour")).containsExactly("unimarc");
        assertThat(one.label("title")).containsExactly("Les misérables");
        assertThat(one.text()).hasValue("Les misérables / Victor Hugo");
    }
}
