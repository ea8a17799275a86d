package org.biglam.lam.ead;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;

/** The variants of EAD on fixtures of the project's own. */
class EadFormatTest {

    private static final FormatHarness EAD = new FormatHarness("ead");

    static Path fixture(String name) {
        try {
            return Path.of(EadFormatTest.class.getResource("/ead/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void numberedComponentsOfEad2002GiveOneRecordEachWithTheArchdescLast() {
        List<LamRecord> rs = EAD.read(fixture("ead2002-numbered.xml"));
        assertThat(FormatHarness.ids(rs)).containsExactly("FA-1#s1", "FA-1#c1.1", "FA-1#c1.1.1", "FA-1#c1.1.2",
                "FA-1#c1.1.3", "FA-1#c2", "FA-1");
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.format()).isEqualTo("ead");
            assertThat(r.group()).contains("FA-1");
            assertThat(r.label("collection")).containsExactly("Inventory of the papers of John Smith 1850-1920");
        });
    }

    @Test
    void aComponentHasItsOwnTitleDatesContainersAndImagesAndItsAncestorsTitlesAsAPath() {
        LamRecord file = FormatHarness.byId(EAD.read(fixture("ead2002-numbered.xml")), "FA-1#c1.1");
        assertThat(file.label("title")).containsExactly("Letters to his brother, 1870-1875");
        assertThat(file.label("part")).containsExactly("Letters to his brother, 1870-1875");
        assertThat(file.label("ead:path")).containsExactly("Papers of John Smith > Correspondence");
        assertThat(file.label("date")).containsExactly("1870/1875");
        assertThat(file.label("ead:unitdate")).containsExactly("1870-1875");
        assertThat(file.label("ead:container")).containsExactly("box 3", "folder 12");
        assertThat(file.label("ead:level")).containsExactly("file");
        assertThat(file.label("ead:repository")).containsExactly("Town Archive");
        assertThat(file.images()).extracting(ImageRef::uri)
                .containsExactly("https://images.example.org/iiif/2/abc/full/max/0/default.jpg");
        assertThat(file.images().get(0).service()).contains("https://images.example.org/iiif/2/abc");
        // the series' scope note is the series' own: not inherited
        assertThat(file.text()).isEmpty();
    }

    @Test
    void titlesFallBackThroughDaodescUnitidAndUnitdate() {
        List<LamRecord> rs = EAD.read(fixture("ead2002-numbered.xml"));
        LamRecord item = FormatHarness.byId(rs, "FA-1#c1.1.1");
        assertThat(item.label("title")).containsExactly("A letter about wool");
        assertThat(item.label("part")).isEmpty();
        assertThat(item.label("ead:path"))
                .containsExactly("Papers of John Smith > Correspondence > Letters to his brother, 1870-1875");
        assertThat(item.images()).extracting(ImageRef::uri).containsExactly("https://example.org/scans/letter%201.jpg");
        assertThat(item.label("iiif:manifest")).containsExactly("https://example.org/iiif/letter1/manifest.json");
        assertThat(FormatHarness.byId(rs, "FA-1#c1.1.2").label("title")).containsExactly("1.1.2");
        LamRecord dated = FormatHarness.byId(rs, "FA-1#c1.1.3");
        assertThat(dated.label("title")).containsExactly("ca. 1872");
        assertThat(dated.label("date")).containsExactly("1872");
    }

    @Test
    void theCollectionLevelRecordHasTheArchdescDescription() {
        List<LamRecord> rs = EAD.read(fixture("ead2002-numbered.xml"));
        LamRecord top = FormatHarness.byId(rs, "FA-1");
        assertThat(top.label("title")).containsExactly("Papers of John Smith");
        assertThat(top.label("identifier")).containsExactly("MS 1");
        assertThat(top.label("date")).containsExactly("1850/1920");
        assertThat(top.label("creator")).containsExactly("Smith, John, 1830-1920");
        assertThat(top.label("language")).containsExactly("nl", "de");
        assertThat(top.label("subject")).containsExactly("Trade", "Smith, Jane");
        assertThat(top.label("place")).containsExactly("Amsterdam (Netherlands)");
        assertThat(top.label("genre")).containsExactly("Letters");
        assertThat(top.label("rights")).containsExactly("Open for research.");
        assertThat(top.label("description")).containsExactly("Letters and diaries of a merchant.");
        assertThat(top.label("ead:extent")).containsExactly("2 metres");
        assertThat(top.label("ead:level")).containsExactly("fonds");
        assertThat(top.label("ead:path")).isEmpty();
        assertThat(top.text()).contains("Letters and diaries of a merchant.\n\nJohn Smith was a merchant.\nHe travelled."
                + "\n\nCollection-level scope note.");
        assertThat(top.text().orElseThrow()).doesNotContain("Biography").doesNotContain("Open for research");
        LamRecord diaries = FormatHarness.byId(rs, "FA-1#c2");
        assertThat(diaries.text()).contains("Kept in a tin box.");
        // an empty repository gives way to the finding aid's
        assertThat(diaries.label("ead:repository")).containsExactly("Town Archive");
    }

    @Test
    void unnumberedComponentsWithoutANamespaceNestAnyDepth(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<LamRecord> rs = EAD.read(fixture("ead2002-nonamespace.xml"));
        assertThat(FormatHarness.ids(rs)).containsExactly("nons#c1", "nons#c1.1", "nons#c1.1.1", "nons#c1.1.1.1",
                "nons#c1.2", "nons#c2", "nons");
        assertThat(FormatHarness.byId(rs, "nons#c1.1.1.1").label("ead:path")).containsExactly("Top > A > A1 > A1a");
        assertThat(FormatHarness.byId(rs, "nons#c1.2").label("ead:path")).containsExactly("Top > A");
    }

    @Test
    void ead3StructuredDatesPartsAndDaoLinks() {
        for (String name : new String[] {"ead3.xml", "ead3-undeprecated.xml"}) {
            List<LamRecord> rs = EAD.read(fixture(name));
            String id = name.equals("ead3.xml") ? "ead3-1" : "ead3-u";
            assertThat(FormatHarness.ids(rs)).containsExactly(id + "#c1", id + "#c1.1", id);
            LamRecord top = FormatHarness.byId(rs, id);
            assertThat(top.label("date")).containsExactly("1907/2005");
            assertThat(top.label("ead:unitdate")).containsExactly("1907-2005");
            assertThat(top.label("creator")).containsExactly("Brown, Clarence, 1890-1987");
            assertThat(top.label("language")).containsExactly("en", "fr");
            assertThat(top.label("ead:extent")).containsExactly("2.5 linear feet");
            assertThat(top.label("subject")).containsExactly("Science -- History");
            assertThat(top.label("place")).containsExactly("Raleigh (N.C.)");
            LamRecord photos = FormatHarness.byId(rs, id + "#c1");
            assertThat(photos.label("date")).containsExactly("1950");
            assertThat(photos.label("ead:unitdate")).containsExactly("June 1, 1950");
            assertThat(photos.images()).extracting(ImageRef::uri)
                    .containsExactly("https://iiif.example.org/image/abc/full/max/0/default.jpg");
            assertThat(photos.images().get(0).service()).contains("https://iiif.example.org/image/abc");
            LamRecord prints = FormatHarness.byId(rs, id + "#c1.1");
            assertThat(prints.label("ead:level")).containsExactly("sub-file");
            assertThat(prints.label("ead:container")).containsExactly("box 4");
            assertThat(prints.label("collection")).containsExactly("Guide to the Brown Papers");
        }
    }

    @Test
    void aFindingAidWithoutDscIsOneRecord() {
        List<LamRecord> rs = EAD.read(fixture("no-dsc.xml"));
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).id()).isEqualTo("single");
        assertThat(rs.get(0).label("title")).containsExactly("A box of letters");
        assertThat(rs.get(0).label("date")).containsExactly("1901");
        assertThat(rs.get(0).text()).contains("Letters.");
    }

    @Test
    void theCollectionGranularityGivesOneRecordWithTheComponentsAsContents() {
        List<LamRecord> rs = EAD.read(fixture("ead2002-numbered.xml"),
                ReadOptions.builder().format("ead").granularity("collection").build());
        assertThat(rs).hasSize(1);
        LamRecord fa = rs.get(0);
        assertThat(fa.id()).isEqualTo("FA-1");
        assertThat(fa.label("title")).containsExactly("Papers of John Smith");
        assertThat(fa.text().orElseThrow()).contains("Collection-level scope note.\n\nCorrespondence\n"
                + "  Letters to his brother, 1870-1875\n    A letter about wool\n    1.1.2\n    ca. 1872\nDiaries");
    }

    @Test
    void theFormatIsDetectedByItsNamespaceOrItsRootAndDoctype() {
        for (String name : new String[] {"ead2002-numbered.xml", "ead2002-nonamespace.xml", "ead3.xml",
            "ead3-undeprecated.xml"}) {
            List<LamRecord> rs = EAD.read(fixture(name), ReadOptions.defaults());
            assertThat(rs).as(name).isNotEmpty().allSatisfy(r -> assertThat(r.format()).isEqualTo("ead"));
        }
    }

    @Test
    void aFindingAidBehindACommentLongerThanTheLookAheadIsDetected(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        // a licence text before the root: the 8 KiB look-ahead ended inside the comment, and nothing
        // recognised the file (no DOCTYPE, and the root's namespace not in sight)
        StringBuilder licence = new StringBuilder("<!--\n  Copyright (c) 2019 Town Archive. All rights reserved.\n");
        while (licence.length() < 12_000) {
            licence.append("  Redistribution and use in source and binary forms, with or without modification, are\n"
                    + "  permitted provided that the following conditions are met: see the licence terms.\n");
        }
        licence.append("-->\n");
        Path f = dir.resolve("town-archive.xml");
        java.nio.file.Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + licence
                + "<ead xmlns=\"urn:isbn:1-931666-22-9\">\n"
                + "  <eadheader><eadid countrycode=\"GB\">ta-0042</eadid>\n"
                + "    <filedesc><titlestmt><titleproper>Papers of Jane Roe</titleproper></titlestmt></filedesc>"
                + "</eadheader>\n"
                + "  <archdesc level=\"fonds\"><did><unittitle>Papers of Jane Roe</unittitle>"
                + "<unitdate normal=\"1901/1950\">1901-1950</unitdate></did>\n"
                + "    <dsc><c01 id=\"c1\" level=\"series\"><did><unittitle>Correspondence</unittitle></did></c01></dsc>\n"
                + "  </archdesc>\n</ead>\n");
        assertThat(org.biglam.lam.Lam.detect(f.toString(), ReadOptions.defaults()))
                .singleElement().satisfies(d -> assertThat(d.format()).isEqualTo("ead"));
        try (var s = org.biglam.lam.Lam.read(f)) {
            List<LamRecord> rs = s.toList();
            assertThat(rs).extracting(LamRecord::format).containsOnly("ead");
            assertThat(rs).extracting(r -> r.firstLabel("title").orElse("")).contains("Correspondence",
                    "Papers of Jane Roe");
        }
    }
}
