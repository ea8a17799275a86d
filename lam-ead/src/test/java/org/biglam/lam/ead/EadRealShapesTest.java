package org.biglam.lam.ead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes of real finding aids from different producers (ArchivesSpace, Archives Hub, EAD3 exports)
 * that the fixtures did not have, written small.
 */
class EadRealShapesTest {

    private static final FormatHarness EAD = new FormatHarness("ead");

    @TempDir
    Path dir;

    private static final String EAD2002 = "<ead xmlns=\"urn:isbn:1-931666-22-9\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";

    /** ArchivesSpace marks what is not published {@code audience="internal"}, header and archdesc included. */
    @Test
    void staffOnlyComponentsNotesAndIdentifiersAreLeftOutAndSiblingsKeepTheirPlaces() {
        List<LamRecord> rs = EAD.read(dir, EAD2002
                + "<eadheader audience=\"internal\"><eadid audience=\"internal\">MS.001</eadid><filedesc><titlestmt>"
                + "<titleproper>Guide to the John Smith papers</titleproper></titlestmt></filedesc></eadheader>\n"
                + "<archdesc level=\"collection\" audience=\"internal\"><did><unittitle>John Smith papers</unittitle>\n"
                + "<unitid>MS.001</unitid>\n"
                + "<unitid audience=\"internal\" type=\"aspace_uri\">/repositories/2/resources/1</unitid></did>\n"
                + "<bioghist><p>John Smith was born in 1850.</p></bioghist>\n"
                + "<processinfo audience=\"internal\"><head>Processing</head><p>Donor phone 555-1234.</p></processinfo>\n"
                + "<dsc>\n"
                + "<c level=\"series\"><did><unittitle>Correspondence</unittitle></did>\n"
                + "<c level=\"file\" audience=\"internal\"><did><unittitle>Donor file</unittitle></did>\n"
                + "  <scopecontent><p>Not for the public.</p></scopecontent>\n"
                + "  <c level=\"item\"><did><unittitle>Inside the donor file</unittitle></did></c></c>\n"
                + "<c level=\"file\"><did><unittitle>Letters</unittitle>"
                + "<dao audience=\"internal\" xlink:href=\"https://example.org/private/scan.jpg\"/></did>\n"
                + "<accessrestrict audience=\"internal\"><p>Closed until 2050.</p></accessrestrict></c>\n"
                + "</c></dsc></archdesc></ead>\n");
        assertThat(FormatHarness.ids(rs)).containsExactly("MS.001#c1", "MS.001#c1.2", "MS.001");
        LamRecord letters = FormatHarness.byId(rs, "MS.001#c1.2");
        assertThat(letters.label("title")).containsExactly("Letters");
        assertThat(letters.images()).isEmpty();
        assertThat(letters.label("rights")).isEmpty();
        LamRecord top = FormatHarness.byId(rs, "MS.001");
        assertThat(top.label("collection")).containsExactly("Guide to the John Smith papers");
        assertThat(top.label("identifier")).containsExactly("MS.001");
        assertThat(top.text()).contains("John Smith was born in 1850.");
        assertThat(rs.toString()).doesNotContain("555-1234", "Donor file", "Not for the public", "Inside the donor");
    }

    /** Archives Hub writes the parts of names and subjects as {@code emph altrender} with nothing between them. */
    @Test
    void archivesHubNamesAndSubjectsInEmphPartsAreNotRunTogether() {
        List<LamRecord> rs = EAD.read(dir, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE ead PUBLIC \"+//ISBN 1-931666-00-8//DTD ead.dtd (Encoded Archival Description (EAD) "
                + "Version 2002)//EN\" \"ead.dtd\">\n"
                + "<ead audience=\"external\"><eadheader><eadid countrycode=\"GB\">GB 133 ABC</eadid></eadheader>\n"
                + "<archdesc level=\"fonds\"><did><unittitle>Papers of Charles Darwin</unittitle>\n"
                + "<origination><persname><emph altrender=\"a\">Darwin</emph><emph altrender=\"forenames\">Charles"
                + "</emph></persname></origination></did>\n"
                + "<controlaccess>\n"
                + "<persname rules=\"ncarules\" source=\"nra\"><emph altrender=\"a\">Darwin</emph><emph "
                + "altrender=\"forenames\">Charles Robert</emph><emph altrender=\"y\">1809-1882</emph><emph "
                + "altrender=\"epithet\">naturalist</emph></persname>\n"
                + "<subject source=\"lcsh\">Botany<emph altrender=\"z\">England</emph></subject>\n"
                + "<subject source=\"ukat\"><emph altrender=\"a\">Natural history</emph><emph altrender=\"x\">History"
                + "</emph></subject>\n"
                + "<geogname source=\"lcsh\"><emph altrender=\"a\">Kent</emph><emph altrender=\"x\">Description and "
                + "travel</emph></geogname>\n"
                + "<subject>History of <emph render=\"italic\">Beowulf</emph></subject>\n"
                + "<persname><emph altrender=\"a\">Hooker,</emph> <emph altrender=\"forenames\">Joseph</emph></persname>\n"
                + "</controlaccess></archdesc></ead>\n");
        LamRecord top = rs.get(0);
        assertThat(top.label("creator")).containsExactly("Darwin, Charles");
        assertThat(top.label("subject")).containsExactly("Darwin, Charles Robert, 1809-1882, naturalist",
                "Botany -- England", "Natural history -- History", "History of Beowulf", "Hooker, Joseph");
        assertThat(top.label("place")).containsExactly("Kent -- Description and travel");
    }

    /** A repository often carries its postal address after its name. */
    @Test
    void aRepositorysAddressIsNotPartOfItsNameUnlessItIsAllThereIs() {
        List<LamRecord> rs = EAD.read(dir, EAD2002
                + "<eadheader><eadid>R1</eadid></eadheader>\n"
                + "<archdesc level=\"collection\"><did><unittitle>Papers</unittitle>\n"
                + "<repository label=\"Repository\"><corpname>Special Collections, University Library</corpname>\n"
                + "<address><addressline>1 Library Way</addressline><addressline>Springfield</addressline></address>"
                + "</repository></did>\n"
                + "<dsc><c><did><unittitle>File</unittitle><repository><address><addressline>New York University "
                + "Archives</addressline></address></repository></did></c></dsc></archdesc></ead>\n");
        assertThat(FormatHarness.byId(rs, "R1").label("ead:repository"))
                .containsExactly("Special Collections, University Library");
        assertThat(FormatHarness.byId(rs, "R1#c1").label("ead:repository"))
                .containsExactly("New York University Archives");
    }

    private static final String EAD3 = "<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
            + "<control><recordid>mc001</recordid><filedesc><titlestmt><titleproper>Guide to the Jane Roe Papers"
            + "</titleproper></titlestmt></filedesc></control>\n";

    @Test
    void ead3DatesetsGiveEachOfTheirDatesAndARangeWithoutStandardDatesReadsItsText() {
        List<LamRecord> rs = EAD.read(dir, EAD3
                + "<archdesc level=\"collection\"><did><unittitle>Jane Roe Papers</unittitle>\n"
                + "<unitdatestructured unitdatetype=\"bulk\"><dateset>\n"
                + "  <daterange><fromdate standarddate=\"1910\">1910</fromdate><todate standarddate=\"1915\">1915"
                + "</todate></daterange>\n"
                + "  <datesingle standarddate=\"1930-05\">May 1930</datesingle></dateset></unitdatestructured>\n"
                + "</did><dsc>\n"
                + "<c><did><unittitle>Writings</unittitle><unitdatestructured><daterange><fromdate>ca. 1900</fromdate>"
                + "<todate standarddate=\"1920\">1920</todate></daterange></unitdatestructured></did></c>\n"
                + "<c><did><unittitle>Diaries</unittitle><unitdatestructured><daterange><fromdate standarddate=\"1940\">"
                + "1940</fromdate><todate standarddate=\"1945-06-01\">June 1, 1945</todate></daterange>"
                + "</unitdatestructured></did></c>\n"
                + "</dsc></archdesc></ead>\n");
        LamRecord top = FormatHarness.byId(rs, "mc001");
        assertThat(top.label("date")).containsExactly("1910/1915", "1930");
        assertThat(top.label("ead:unitdate")).containsExactly("1910-1915", "May 1930");
        LamRecord writings = FormatHarness.byId(rs, "mc001#c1");
        assertThat(writings.label("date")).containsExactly("1900/1920");
        assertThat(writings.label("ead:unitdate")).containsExactly("ca. 1900-1920");
        LamRecord diaries = FormatHarness.byId(rs, "mc001#c2");
        assertThat(diaries.label("date")).containsExactly("1940/1945");
        assertThat(diaries.label("ead:unitdate")).containsExactly("1940-June 1, 1945");
    }

    /** EAD3's descriptivenote is a dao's description only in a dao or daoset. */
    @Test
    void ead3DescriptiveNotesOutsideDigitalObjectsAreNotTitlesNorExtents() {
        List<LamRecord> rs = EAD.read(dir, EAD3
                + "<archdesc level=\"collection\"><did><unittitle>Jane Roe Papers</unittitle>\n"
                + "<physdescstructured physdescstructuredtype=\"spaceoccupied\" coverage=\"whole\"><quantity>2.5"
                + "</quantity><unittype>linear feet</unittype><descriptivenote><p>In 5 boxes.</p></descriptivenote>"
                + "</physdescstructured></did><dsc>\n"
                + "<c><did><unitid>1</unitid></did>\n"
                + "  <relations><relation relationtype=\"cpfrelation\"><relationentry>Smith</relationentry>"
                + "<descriptivenote><p>A friend of the family</p></descriptivenote></relation></relations></c>\n"
                + "<c><did><daoset><dao daotype=\"derived\" href=\"https://example.org/roe/p1.jpg\"/>"
                + "<descriptivenote><p>Letter to her sister</p></descriptivenote></daoset></did></c>\n"
                + "</dsc></archdesc></ead>\n");
        assertThat(FormatHarness.byId(rs, "mc001").label("ead:extent")).containsExactly("2.5 linear feet");
        assertThat(FormatHarness.byId(rs, "mc001#c1").label("title")).containsExactly("1");
        assertThat(FormatHarness.byId(rs, "mc001#c2").label("title")).containsExactly("Letter to her sister");
    }

    /** EAD 2002's DTD declares the ISO character entities, and files that name it use them. */
    @Test
    void iso8879CharacterEntitiesOfADtdBasedFindingAidAreTheirCharacters() {
        List<LamRecord> rs = EAD.read(dir, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE ead PUBLIC \"+//ISBN 1-931666-00-8//DTD ead.dtd (Encoded Archival Description (EAD) "
                + "Version 2002)//EN\" \"ead.dtd\">\n"
                + "<ead><eadheader><eadid>caf01</eadid><filedesc><titlestmt><titleproper>Inventaire du fonds du "
                + "Caf&eacute; de Flore</titleproper></titlestmt></filedesc></eadheader>\n"
                + "<archdesc level=\"fonds\"><did><unittitle>Caf&eacute; de Flore&nbsp;&mdash; archives</unittitle>"
                + "</did>\n<scopecontent><p>Menus &amp; factures, 1920&ndash;1960.</p></scopecontent>\n"
                + "<dsc><c01><did><unittitle>Menus</unittitle></did></c01></dsc></archdesc></ead>\n");
        assertThat(FormatHarness.ids(rs)).containsExactly("caf01#c1", "caf01");
        LamRecord top = rs.get(1);
        assertThat(top.label("collection")).containsExactly("Inventaire du fonds du Café de Flore");
        assertThat(top.label("title")).containsExactly("Café de Flore — archives");
        assertThat(top.text()).contains("Menus & factures, 1920–1960.");
    }

    /** ArchivesSpace exports each file version of a digital object, the thumbnail among them. */
    @Test
    void aThumbnailIsAnImageOnlyWhenTheComponentHasNoOther() {
        List<LamRecord> rs = EAD.read(dir, EAD2002
                + "<eadheader><eadid>T1</eadid></eadheader>\n"
                + "<archdesc level=\"collection\"><did><unittitle>Photographs</unittitle></did><dsc>\n"
                + "<c><did><unittitle>Band, 1978</unittitle>\n"
                + "<daogrp xlink:type=\"extended\"><daodesc><p>Band, 1978</p></daodesc>\n"
                + "<daoloc xlink:type=\"locator\" xlink:href=\"https://example.org/do/1/thumb.jpg\" "
                + "xlink:role=\"image-thumbnail\"/>\n"
                + "<daoloc xlink:type=\"locator\" xlink:href=\"https://example.org/do/1/master.tif\" "
                + "xlink:role=\"image-master\"/></daogrp></did></c>\n"
                + "<c><did><unittitle>Band, 1979</unittitle><dao xlink:href=\"https://example.org/do/2/thumb.jpg\" "
                + "xlink:role=\"Image-Thumbnail\"/></did></c>\n"
                + "</dsc></archdesc></ead>\n");
        assertThat(FormatHarness.byId(rs, "T1#c1").images()).extracting(ImageRef::uri)
                .containsExactly("https://example.org/do/1/master.tif");
        assertThat(FormatHarness.byId(rs, "T1#c2").images()).extracting(ImageRef::uri)
                .containsExactly("https://example.org/do/2/thumb.jpg");
        List<LamRecord> ead3 = EAD.read(dir, "ead3.xml", EAD3
                + "<archdesc level=\"collection\"><did><unittitle>Jane Roe Papers</unittitle></did><dsc>\n"
                + "<c><did><unittitle>Letter</unittitle><daoset><dao daotype=\"derived\" linkrole=\"image-thumbnail\" "
                + "href=\"https://example.org/roe/t1.jpg\"/><dao daotype=\"derived\" linkrole=\"image-service\" "
                + "href=\"https://example.org/roe/p1.jpg\"/></daoset></did></c></dsc></archdesc></ead>\n",
                EAD.options().build());
        assertThat(FormatHarness.byId(ead3, "mc001#c1").images()).extracting(ImageRef::uri)
                .containsExactly("https://example.org/roe/p1.jpg");
    }

    /** EAD3 names a title's kind {@code localtype}; ArchivesSpace writes the filing title first. */
    @Test
    void anEad3FilingTitleGivesWayToTheFindingAidsTitle() {
        List<LamRecord> rs = EAD.read(dir, "<ead xmlns=\"http://ead3.archivists.org/schema/\">\n"
                + "<control><recordid>mc002</recordid><filedesc><titlestmt>\n"
                + "<titleproper localtype=\"filing\">Roe, Jane, papers</titleproper>\n"
                + "<titleproper>Guide to the Jane Roe Papers</titleproper></titlestmt></filedesc></control>\n"
                + "<archdesc level=\"collection\"><did><unittitle>Jane Roe Papers</unittitle></did></archdesc></ead>\n");
        assertThat(rs.get(0).label("collection")).containsExactly("Guide to the Jane Roe Papers");
    }

    /** A chronology's item is one line: its date, then its event (or events). */
    @Test
    void aChronologysItemIsOneLineWithItsDateAndEvents() {
        List<LamRecord> rs = EAD.read(dir, EAD2002
                + "<eadheader><eadid>B1</eadid></eadheader>\n"
                + "<archdesc level=\"collection\"><did><unittitle>Papers</unittitle></did>\n"
                + "<bioghist><head>Biographical note</head><p>John Smith was a teacher.</p>\n"
                + "<chronlist><head>Chronology</head>"
                + "<chronitem><date normal=\"1850\">1850</date><event>Born in <geogname>Berlin</geogname></event>"
                + "</chronitem>\n"
                + "<chronitem><date>1920</date><eventgrp><event>Died</event><event>Buried in Bonn</event></eventgrp>"
                + "</chronitem></chronlist></bioghist></archdesc></ead>\n");
        assertThat(rs.get(0).text()).contains("John Smith was a teacher.\n1850 Born in Berlin\n1920 Died Buried in Bonn");
    }
}
