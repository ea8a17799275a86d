package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** METS packages as real producers write them, in shapes the corpus does not have. */
class MetsShapesTest {

    private static Path write(Path dir, String name, String xml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, xml, StandardCharsets.UTF_8);
    }

    /** An NDNP (Chronicling America) page's ALTO: CCS namespace, inch1200 units, no resolution of its own. */
    static final String NDNP_ALTO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://schema.ccs-gmbh.com/ALTO" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://schema.ccs-gmbh.com/ALTO http://schema.ccs-gmbh.com/docworks/alto-1-4.xsd">
              <Description>
                <MeasurementUnit>inch1200</MeasurementUnit>
                <sourceImageInformation><fileName>/data/batch_nbu_ak_ver01/0001.tif</fileName></sourceImageInformation>
                <OCRProcessing ID="OCR.0"><ocrProcessingStep><processingSoftware><softwareCreator>iArchives</softwareCreator>
                  <softwareName>iArchives OCR</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing>
              </Description>
              <Layout>
                <Page ID="P1" PHYSICAL_IMG_NR="1" HEIGHT="32000" WIDTH="24000">
                  <PrintSpace HPOS="0" VPOS="0" WIDTH="24000" HEIGHT="32000">
                    <TextBlock ID="P1_TB00001" HPOS="400" VPOS="800" WIDTH="4000" HEIGHT="400">
                      <TextLine HPOS="400" VPOS="800" WIDTH="4000" HEIGHT="400">
                        <String HPOS="400" VPOS="800" WIDTH="1200" HEIGHT="400" CONTENT="OMAHA" WC="0.91"/>
                        <SP HPOS="1600" VPOS="800" WIDTH="100"/>
                        <String HPOS="1700" VPOS="800" WIDTH="1800" HEIGHT="400" CONTENT="DAILY" WC="0.88"/>
                      </TextLine>
                    </TextBlock>
                  </PrintSpace>
                </Page>
              </Layout>
            </alto>
            """;

    /**
     * An NDNP issue METS (Library of Congress, Chronicling America): its one structMap has no TYPE,
     * files carry their own USE, the page's MIX is MIX 0.x (capitalised names).
     */
    static final String NDNP_METS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets TYPE="urn:library-of-congress:ndnp:mets:newspaper:issue"
                PROFILE="urn:library-of-congress:mets:profiles:ndnp:issue:v1.5"
                LABEL="The Omaha daily bee. (Omaha [Neb.]) 1872-1922, January 01, 1890"
                xmlns:mix="http://www.loc.gov/mix/" xmlns:ndnp="http://www.loc.gov/ndnp"
                xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns="http://www.loc.gov/METS/">
              <metsHdr CREATEDATE="2009-03-12T10:14:30"><agent ROLE="CREATOR" TYPE="ORGANIZATION">
                <name>University of Nebraska</name></agent></metsHdr>
              <dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS" LABEL="Issue metadata"><xmlData>
                <mods:mods>
                  <mods:relatedItem type="host"><mods:identifier type="lccn">sn99021999</mods:identifier>
                    <mods:part><mods:detail type="volume"><mods:number>19</mods:number></mods:detail></mods:part>
                  </mods:relatedItem>
                  <mods:originInfo><mods:dateIssued encoding="iso8601">1890-01-01</mods:dateIssued></mods:originInfo>
                </mods:mods>
              </xmlData></mdWrap></dmdSec>
              <dmdSec ID="pageModsBib1"><mdWrap MDTYPE="MODS" LABEL="Page metadata"><xmlData>
                <mods:mods>
                  <mods:part><mods:extent unit="pages"><mods:start>1</mods:start></mods:extent></mods:part>
                  <mods:note type="agencyResponsibleForReproduction">nbhi</mods:note>
                </mods:mods>
              </xmlData></mdWrap></dmdSec>
              <amdSec>
                <techMD ID="mixserviceFile1"><mdWrap MDTYPE="NISOIMG"><xmlData>
                  <mix:mix>
                    <mix:ImagingPerformanceAssessment><mix:SpatialMetrics>
                      <mix:SamplingFrequencyUnit>2</mix:SamplingFrequencyUnit>
                      <mix:XSamplingFrequency>300</mix:XSamplingFrequency>
                      <mix:YSamplingFrequency>300</mix:YSamplingFrequency>
                      <mix:ImageWidth>6000</mix:ImageWidth>
                      <mix:ImageLength>8000</mix:ImageLength>
                    </mix:SpatialMetrics></mix:ImagingPerformanceAssessment>
                  </mix:mix>
                </xmlData></mdWrap></techMD>
              </amdSec>
              <fileSec>
                <fileGrp>
                  <fileGrp ID="pageFileGrp1">
                    <file ID="masterFile1" USE="master">
                      <FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./0001.tif"/></file>
                    <file ID="serviceFile1" USE="service" ADMID="mixserviceFile1">
                      <FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./0001.jp2"/></file>
                    <file ID="otherDerivativeFile1" USE="derivative">
                      <FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./0001.pdf"/></file>
                    <file ID="ocrFile1" USE="ocr">
                      <FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./0001.xml"/></file>
                  </fileGrp>
                </fileGrp>
              </fileSec>
              <structMap xmlns:np="urn:library-of-congress:ndnp:mets:newspaper">
                <div TYPE="np:issue" DMDID="issueModsBib">
                  <div TYPE="np:page" DMDID="pageModsBib1">
                    <fptr FILEID="serviceFile1"/>
                    <fptr FILEID="masterFile1"/>
                    <fptr FILEID="otherDerivativeFile1"/>
                    <fptr FILEID="ocrFile1"/>
                  </div>
                </div>
              </structMap>
            </mets>
            """;

    @Test
    void readsAnNdnpIssueWhoseStructMapHasNoType(@TempDir Path dir) throws IOException {
        Path mets = write(dir, "1890010101.xml", NDNP_METS);
        write(dir, "0001.xml", NDNP_ALTO);
        List<LamRecord> pages = Read.all(mets, ReadOptions.builder().format("mets").granularity("page").build());
        assertThat(pages).extracting(LamRecord::id).containsExactly("1890010101.xml#page-p1");
        LamRecord page = pages.get(0);
        assertThat(page.text()).hasValue("OMAHA DAILY");
        // the issue's description (the untyped structMap's root DMDID), not the page's
        assertThat(page.labels().get("date")).containsExactly("1890");
        assertThat(page.labels().get("mods:hostIdentifier")).containsExactly("sn99021999");
        assertThat(page.labels()).doesNotContainKey("mods:note");
        // the file's own USE: the master image is preferred over the service copy
        assertThat(page.images()).extracting(ImageRef::uri)
                .containsExactly(dir.resolve("0001.tif").toUri().toString());
        // detected as METS too
        assertThat(Read.all(mets, "page")).extracting(LamRecord::text).containsExactly(page.text());
    }

    @Test
    void takesSizeAndResolutionFromMix0Metadata(@TempDir Path dir) throws IOException {
        // no master file: the service image, whose MIX 0.x gives 300 dpi for the inch1200 ALTO
        Path mets = write(dir, "1890010101.xml", NDNP_METS.replace("<fptr FILEID=\"masterFile1\"/>", ""));
        write(dir, "0001.xml", NDNP_ALTO);
        List<LamRecord> blocks = Read.all(mets, "block");
        assertThat(blocks).hasSize(1);
        ImageRef image = blocks.get(0).images().get(0);
        assertThat(image.uri()).isEqualTo(dir.resolve("0001.jp2").toUri().toString());
        assertThat(image.width()).hasValue(6000L);
        assertThat(image.height()).hasValue(8000L);
        // 400 / 1200 inch at 300 dpi = 100 pixels
        assertThat(image.region()).hasValue(new Region(100, 200, 1000, 100));
        assertThat(blocks.get(0).labels()).doesNotContainKey("alto:measurementUnit");
    }

    /** A page of a CCS docWorks package: an article in a ComposedBlock, and a map. */
    static final String DOCWORKS_ALTO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v2#" xmlns:xlink="http://www.w3.org/1999/xlink">
              <Description><MeasurementUnit>pixel</MeasurementUnit>
                <sourceImageInformation><fileName>0001.tif</fileName></sourceImageInformation></Description>
              <Layout>
                <Page ID="P1" WIDTH="2000" HEIGHT="3000" PHYSICAL_IMG_NR="1">
                  <PrintSpace HPOS="0" VPOS="0" WIDTH="2000" HEIGHT="3000">
                    <ComposedBlock ID="P1_CB00001" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="300" TYPE="Article">
                      <TextBlock ID="P1_TB00001" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="100">
                        <TextLine ID="P1_TL00001" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="40">
                          <String ID="P1_ST00001" CONTENT="Wien" WC="0.9" HPOS="100" VPOS="100" WIDTH="200" HEIGHT="40"/><SP/>
                          <String ID="P1_ST00002" CONTENT="den" WC="0.9" HPOS="320" VPOS="100" WIDTH="100" HEIGHT="40"/>
                        </TextLine>
                      </TextBlock>
                    </ComposedBlock>
                    <Illustration ID="P1_IL00001" HPOS="1000" VPOS="1000" WIDTH="500" HEIGHT="400"/>
                  </PrintSpace>
                </Page>
              </Layout>
            </alto>
            """;

    /**
     * A CCS docWorks METS (Europeana Newspapers and others): hrefs {@code file://./...} relative to the
     * package, a page's files named by {@code fptr/par/area}, an ILLUSTRATION division naming an
     * Illustration.
     */
    static final String DOCWORKS_METS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
                xmlns:xlink="http://www.w3.org/1999/xlink" LABEL="Wiener Zeitung 1814-01-01" TYPE="Newspaper">
              <mets:dmdSec ID="MODSMD_ISSUE1"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>
                <mods:titleInfo><mods:title>Wiener Zeitung</mods:title></mods:titleInfo>
                <mods:originInfo><mods:dateIssued>1814-01-01</mods:dateIssued></mods:originInfo>
              </mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>
              <mets:fileSec>
                <mets:fileGrp ID="IMGGRP" USE="Images">
                  <mets:file ID="IMG00001" MIMETYPE="image/tiff" SEQ="1">
                    <mets:FLocat LOCTYPE="URL" xlink:href="file://./images/0001.tif"/></mets:file>
                </mets:fileGrp>
                <mets:fileGrp ID="ALTOGRP" USE="Content">
                  <mets:file ID="ALTO00001" MIMETYPE="text/xml" SEQ="1">
                    <mets:FLocat LOCTYPE="URL" xlink:href="file://./alto/0001.xml"/></mets:file>
                </mets:fileGrp>
              </mets:fileSec>
              <mets:structMap LABEL="Logical Structure" TYPE="LOGICAL">
                <mets:div ID="DIVL1" TYPE="Newspaper" DMDID="MODSMD_ISSUE1">
                  <mets:div ID="DIVL2" TYPE="ARTICLE" LABEL="Inland">
                    <mets:fptr><mets:seq><mets:area FILEID="ALTO00001" BEGIN="P1_CB00001" BETYPE="IDREF"/></mets:seq></mets:fptr>
                  </mets:div>
                  <mets:div ID="DIVL3" TYPE="ILLUSTRATION" LABEL="Karte">
                    <mets:fptr><mets:area FILEID="ALTO00001" BEGIN="P1_IL00001" BETYPE="IDREF"/></mets:fptr>
                  </mets:div>
                </mets:div>
              </mets:structMap>
              <mets:structMap LABEL="Physical Structure" TYPE="PHYSICAL">
                <mets:div ID="DIVP1" TYPE="Newspaper">
                  <mets:div ID="DIVP2" TYPE="page" ORDER="1" ORDERLABEL="1">
                    <mets:fptr><mets:par><mets:area FILEID="IMG00001"/><mets:area FILEID="ALTO00001"/></mets:par></mets:fptr>
                  </mets:div>
                </mets:div>
              </mets:structMap>
            </mets:mets>
            """;

    private static Path docWorks(Path dir) throws IOException {
        write(dir, "alto/0001.xml", DOCWORKS_ALTO);
        return write(dir, "mets.xml", DOCWORKS_METS);
    }

    @Test
    void readsPagesWhoseFilesAreNamedByAreasAndFileDotHrefs(@TempDir Path dir) throws IOException {
        Path mets = docWorks(dir);
        List<LamRecord> pages = Read.all(mets, "page");
        assertThat(pages).extracting(LamRecord::id).containsExactly("mets.xml#page-DIVP2");
        assertThat(pages.get(0).text()).hasValue("Wien den");
        assertThat(pages.get(0).images()).extracting(ImageRef::uri)
                .containsExactly(dir.resolve("images/0001.tif").toUri().toString());
        // a folder walk reads the page once, through the METS document (the ALTO file is claimed)
        assertThat(Read.all(dir, "page")).extracting(LamRecord::id).containsExactly("mets.xml#page-DIVP2");
    }

    @Test
    void givesAnIllustrationArticleItsRegion(@TempDir Path dir) throws IOException {
        write(dir, "alto/0001.xml", DOCWORKS_ALTO);
        Path mets = write(dir, "mets.xml", DOCWORKS_METS.replace("file://./", "")
                .replace("<mets:par><mets:area FILEID=\"IMG00001\"/><mets:area FILEID=\"ALTO00001\"/></mets:par>",
                        "</mets:fptr><mets:fptr FILEID=\"IMG00001\"/><mets:fptr FILEID=\"ALTO00001\">"));
        List<LamRecord> articles = Read.all(mets, "article");
        assertThat(articles).extracting(LamRecord::id)
                .containsExactly("mets.xml#article-DIVL2", "mets.xml#article-DIVL3");
        assertThat(articles.get(0).text()).hasValue("Wien den");
        LamRecord map = articles.get(1);
        assertThat(map.text()).isEmpty();
        assertThat(map.labels().get("title")).containsExactly("Karte");
        assertThat(map.images()).hasSize(1);
        assertThat(map.images().get(0).uri()).isEqualTo(dir.resolve("images/0001.tif").toUri().toString());
        assertThat(map.images().get(0).region()).hasValue(new Region(1000, 1000, 500, 400));
    }

    @Test
    void givesAFigureWithItsCaptionItsWholeRegionAndTheCaptionText(@TempDir Path dir) throws IOException {
        write(dir, "alto/0001.xml", DOCWORKS_ALTO.replace(
                "<Illustration ID=\"P1_IL00001\" HPOS=\"1000\" VPOS=\"1000\" WIDTH=\"500\" HEIGHT=\"400\"/>", """
                <ComposedBlock ID="P1_CB00002" TYPE="Illustration" HPOS="1000" VPOS="1000" WIDTH="500" HEIGHT="460">
                  <Illustration ID="P1_IL00001" HPOS="1000" VPOS="1000" WIDTH="500" HEIGHT="400"/>
                  <TextBlock ID="P1_TB00002" HPOS="1000" VPOS="1410" WIDTH="500" HEIGHT="40">
                    <TextLine ID="P1_TL00002" HPOS="1000" VPOS="1410" WIDTH="200" HEIGHT="40">
                      <String ID="P1_ST00003" CONTENT="Karte" WC="0.8" HPOS="1000" VPOS="1410" WIDTH="200" HEIGHT="40"/>
                    </TextLine>
                  </TextBlock>
                </ComposedBlock>"""));
        Path mets = write(dir, "mets.xml", DOCWORKS_METS.replace("BEGIN=\"P1_IL00001\"", "BEGIN=\"P1_CB00002\""));
        LamRecord figure = Read.all(mets, "article").get(1);
        assertThat(figure.id()).isEqualTo("mets.xml#article-DIVL3");
        assertThat(figure.text()).hasValue("Karte");
        // the figure's region, not only its caption's words
        assertThat(figure.images()).extracting(i -> i.region().orElseThrow())
                .containsExactly(new Region(1000, 1000, 500, 460));
    }

    @Test
    void findsAFileNamedByAnotherMachinesPathInItsFolderBesideTheMets(@TempDir Path dir) throws IOException {
        // a workspace made elsewhere names its files by absolute paths; moved here, they are in the same
        // folders beside the METS document
        write(dir, "OCR-D-OCR-ALTO/0001.xml", DOCWORKS_ALTO);
        Path mets = write(dir, "mets.xml", DOCWORKS_METS
                .replace("file://./alto/0001.xml", "file:///home/ocr/ws-1890/OCR-D-OCR-ALTO/0001.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(mets, ReadOptions.builder().granularity("page"), records);
        assertThat(records).extracting(r -> r.text().orElse("")).containsExactly("Wien den");
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-file-path");
        assertThat(problems.get(0).message()).contains("OCR-D-OCR-ALTO/0001.xml");
    }

    @Test
    void keepsThePagesBelowASequenceWhoseAreaNamesAFileOfTheWhole(@TempDir Path dir) throws IOException {
        write(dir, "alto/0001.xml", DOCWORKS_ALTO);
        Path mets = write(dir, "mets.xml", DOCWORKS_METS
                .replace("<mets:fileGrp ID=\"ALTOGRP\"", """
                    <mets:fileGrp ID="PDFGRP" USE="PDF"><mets:file ID="PDF1" MIMETYPE="application/pdf">
                      <mets:FLocat LOCTYPE="URL" xlink:href="file://./issue.pdf"/></mets:file></mets:fileGrp>
                    <mets:fileGrp ID="ALTOGRP\"""")
                .replace("<mets:div ID=\"DIVP1\" TYPE=\"Newspaper\">",
                        "<mets:div ID=\"DIVP1\" TYPE=\"Newspaper\"><mets:fptr><mets:area FILEID=\"PDF1\"/></mets:fptr>"));
        assertThat(Read.all(mets, "page")).extracting(LamRecord::id, r -> r.text().orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mets.xml#page-DIVP2", "Wien den"));
    }
}
