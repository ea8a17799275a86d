package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.testing.Archives;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetsFormatTest {

    private static final Path METS = Read.METS.resolve("mets.xml");

    private static String uri(String relative) {
        return Read.METS.resolve(relative).toAbsolutePath().normalize().toUri().toString();
    }

    private static Path zip(Path dir) throws IOException {
        Archives.Entries e = Archives.entries()
                .add("issue/mets.xml", Files.readAllBytes(METS))
                .add("issue/alto/page1.xml", Files.readAllBytes(Read.METS.resolve("alto/page1.xml")))
                .add("issue/alto/page2.xml", Files.readAllBytes(Read.METS.resolve("alto/page2.xml")));
        return Archives.write(dir.resolve("issue.zip"), Archives.zip(e));
    }

    @Test
    void readsPagesInPhysicalOrderWithTheIssueLabelsAndTheMetsImages() {
        List<LamRecord> pages = Read.all(METS, "page");
        assertThat(pages).extracting(LamRecord::id).containsExactly("mets.xml#page-PHYS1", "mets.xml#page-PHYS2");
        assertThat(pages).extracting(LamRecord::format).containsOnly("mets");
        assertThat(pages).allSatisfy(p -> assertThat(p.group()).hasValue("mets.xml"));
        LamRecord first = pages.get(0);
        assertThat(first.text()).hasValue("NEWS OF THE DAY\n\nThe council met on\nMonday");
        assertThat(pages.get(1).text()).hasValue("and agreed.\n\nFine soap sold here.");
        // the MODS labels as lam-mods maps them: the date normalised, the raw value and the typed identifier kept
        assertThat(first.labels()).containsOnly(
                Map.entry("language", List.of("en")),
                Map.entry("alto:version", List.of("2")),
                Map.entry("title", List.of("The Daily Fixture")),
                Map.entry("place", List.of("Leeds")),
                Map.entry("publisher", List.of("Fixture Press")),
                Map.entry("date", List.of("1890")),
                Map.entry("mods:dateIssued", List.of("1890-04-01")),
                Map.entry("identifier", List.of("fixture-0001")),
                Map.entry("mods:hostIdentifier", List.of("fixture")),
                Map.entry("mods:source", List.of("Fixture Library Digitised Newspapers")),
                Map.entry("collection", List.of("The Daily Fixture")),
                Map.entry("mods:identifier:local", List.of("fixture-0001")),
                Map.entry("part", List.of("i")));
        assertThat(first.images()).containsExactly(ImageRef.builder(uri("images/0001.jpg")).mime("image/jpeg")
                .size(1000, 1500).build());
    }

    @Test
    void emitsLinesOfEveryPageWithThePageAsGroup() {
        List<LamRecord> lines = Read.all(METS, "line");
        assertThat(lines).extracting(LamRecord::id).containsExactly("mets.xml#page-PHYS1/line-P1_TL1",
                "mets.xml#page-PHYS1/line-P1_TL2", "mets.xml#page-PHYS1/line-P1_TL3",
                "mets.xml#page-PHYS2/line-P2_TL1", "mets.xml#page-PHYS2/line-P2_TL2");
        assertThat(lines.get(2).text()).hasValue("Mon-");
        assertThat(lines.get(2).group()).hasValue("mets.xml#page-PHYS1");
        assertThat(lines.get(3).images().get(0).uri()).isEqualTo(uri("images/0002.jpg"));
        assertThat(lines.get(3).images().get(0).region()).hasValue(new Region(100, 100, 800, 50));
        assertThat(lines).extracting(r -> r.source().orElseThrow().index().getAsLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void gathersAnArticleAcrossBothPagesWithItsHyphenatedWordJoined() {
        List<LamRecord> articles = Read.all(METS, "article");
        assertThat(articles).extracting(LamRecord::id).containsExactly("mets.xml#article-ART1", "mets.xml#article-ADV1");
        LamRecord art = articles.get(0);
        assertThat(art.text()).hasValue("NEWS OF THE DAY\n\nThe council met on\nMonday and agreed.");
        assertThat(art.group()).hasValue("mets.xml");
        assertThat(art.label("title")).containsExactly("Council news");
        assertThat(art.label("collection")).containsExactly("The Daily Fixture");
        assertThat(art.label("date")).containsExactly("1890");
        assertThat(art.label("language")).containsExactly("en");
        assertThat(art.label("mets:type")).containsExactly("ARTICLE");
        assertThat(art.images()).extracting(i -> i.uri() + "#" + i.region().orElseThrow()).containsExactly(
                uri("images/0001.jpg") + "#100,100,580,50",
                uri("images/0001.jpg") + "#100,200,520,90",
                uri("images/0002.jpg") + "#100,100,440,50");
        // the issue's description as its pages carry it, the newspaper's title as collection on both
        assertThat(art.label("identifier")).containsExactly("fixture-0001");
        assertThat(art.label("mods:hostIdentifier")).containsExactly("fixture");
        assertThat(art.label("mods:source")).containsExactly("Fixture Library Digitised Newspapers");
        assertThat(art.label("place")).containsExactly("Leeds");
        assertThat(art.label("publisher")).containsExactly("Fixture Press");
        assertThat(Read.all(METS, "page").get(0).label("collection")).isEqualTo(art.label("collection"));
        // the plain mean of the words' WC across both pages: NEWS OF THE DAY 1, The council met on
        // .5, Mon .5, day 1, and 1, agreed. 1 (the two halves of Mon-day are two words)
        double mean = 9.5 / 12;
        double var = (7 * (1 - mean) * (1 - mean) + 5 * (0.5 - mean) * (0.5 - mean)) / 12;
        assertThat(art.quality().orElseThrow().words()).isEqualTo(12);
        assertThat(art.confidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        assertThat(art.quality().orElseThrow().wordConfidenceStdDev().getAsDouble()).isCloseTo(Math.sqrt(var),
                within(1e-9));
    }

    @Test
    void followsTheStructLinkToAWordRangeOfAPage() {
        LamRecord adv = Read.all(METS, "article").get(1);
        assertThat(adv.text()).hasValue("soap sold here.");
        assertThat(adv.label("title")).containsExactly("Soap");
        assertThat(adv.label("mets:type")).containsExactly("ADVERTISEMENT");
        assertThat(adv.images()).extracting(i -> i.region().orElseThrow()).containsExactly(new Region(220, 400, 360, 50));
    }

    @Test
    void readsThePackageFromAZipWithTheArticleSpanningBothPages(@TempDir Path dir) throws IOException {
        Path zip = zip(dir);
        ReadOptions o = ReadOptions.builder().format("mets").granularity("article").build();
        List<LamRecord> articles = Read.all(zip, o);
        assertThat(articles).extracting(LamRecord::id)
                .containsExactly("issue/mets.xml#article-ART1", "issue/mets.xml#article-ADV1");
        assertThat(articles.get(0).text()).hasValue("NEWS OF THE DAY\n\nThe council met on\nMonday and agreed.");
        String zipUri = zip.toAbsolutePath().toUri().toString();
        assertThat(articles.get(0).images().get(0).uri()).isEqualTo(zipUri + "!/issue/images/0001.jpg");
        assertThat(articles.get(0).source().orElseThrow().entry()).hasValue("issue/mets.xml");
    }

    @Test
    void readsOnlyThePackagesWhenTheFormatIsMetsAndEveryFileWhenDetecting(@TempDir Path dir) throws IOException {
        Path zip = zip(dir);
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(zip, ReadOptions.builder().format("mets"), records);
        assertThat(records).extracting(LamRecord::id)
                .containsExactly("issue/mets.xml#page-PHYS1", "issue/mets.xml#page-PHYS2");
        assertThat(problems).extracting(Problem::kind).containsOnly("mets-not-mets");

        List<LamRecord> detected = Read.all(zip, ReadOptions.defaults());
        // detection reads the ALTO entries on their own too (zip entry order): see the README
        assertThat(detected).extracting(LamRecord::id).containsExactly("issue/mets.xml#page-PHYS1",
                "issue/mets.xml#page-PHYS2", "issue/alto/page1.xml", "issue/alto/page2.xml");
    }

    @Test
    void readsAFolderHoldingAPackageOnceThroughItsMetsDocument(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("issue/alto"));
        Files.copy(METS, dir.resolve("issue/mets.xml"));
        Files.copy(Read.METS.resolve("alto/page1.xml"), dir.resolve("issue/alto/page1.xml"));
        Files.copy(Read.METS.resolve("alto/page2.xml"), dir.resolve("issue/alto/page2.xml"));
        Files.copy(Read.METS.resolve("alto/page1.xml"), dir.resolve("issue/loose-page.xml"));
        List<LamRecord> detected = Read.all(dir, ReadOptions.defaults());
        // the METS document claims the ALTO files it names; a file it does not name is still read
        assertThat(detected).extracting(LamRecord::id).containsExactly("loose-page.xml", "mets.xml#page-PHYS1",
                "mets.xml#page-PHYS2");
        assertThat(detected).extracting(LamRecord::format).containsExactly("alto", "mets", "mets");
    }

    @Test
    void readsAPageWhoseAltoIsMissingAsAnImageRecordWithAWarning(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(METS, dir.resolve("mets.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(copy, ReadOptions.builder(), records);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).text()).isEmpty();
        assertThat(records.get(0).images()).extracting(ImageRef::uri)
                .containsExactly(dir.resolve("images/0001.jpg").toUri().toString());
        assertThat(records.get(0).label("title")).containsExactly("The Daily Fixture");
        assertThat(problems).extracting(Problem::kind).containsOnly("mets-missing-file");
    }

    @Test
    void emitsIllustrationsAndWordsOfAPackage() {
        assertThat(Read.all(METS, "illustration")).isEmpty();
        List<LamRecord> words = Read.all(METS, "word");
        assertThat(words).hasSize(16);
        assertThat(words.get(0).id()).isEqualTo("mets.xml#page-PHYS1/word-P1_W1");
    }

    @Test
    void convertsMm10WithTheResolutionOfTheImagesMixMetadata(@TempDir Path dir) throws IOException {
        String mets = "<mets:mets xmlns:mets='http://www.loc.gov/METS/' xmlns:mix='http://www.loc.gov/mix/v20' "
                + "xmlns:xlink='http://www.w3.org/1999/xlink'>"
                + "<mets:amdSec ID='AMD1'><mets:techMD ID='TECH1'><mets:mdWrap MDTYPE='NISOIMG'><mets:xmlData>"
                + "<mix:mix><mix:BasicImageInformation><mix:BasicImageCharacteristics><mix:imageWidth>2480</mix:imageWidth>"
                + "<mix:imageHeight>3508</mix:imageHeight></mix:BasicImageCharacteristics></mix:BasicImageInformation>"
                + "<mix:ImageAssessmentMetadata><mix:SpatialMetrics><mix:samplingFrequencyUnit>2</mix:samplingFrequencyUnit>"
                + "<mix:xSamplingFrequency><mix:numerator>300</mix:numerator></mix:xSamplingFrequency>"
                + "</mix:SpatialMetrics></mix:ImageAssessmentMetadata></mix:mix></mets:xmlData></mets:mdWrap></mets:techMD>"
                + "</mets:amdSec><mets:fileSec><mets:fileGrp USE='MASTER'><mets:file ID='I1' MIMETYPE='image/tiff' "
                + "ADMID='TECH1'><mets:FLocat LOCTYPE='URL' xlink:href='p1.tif'/></mets:file></mets:fileGrp>"
                + "<mets:fileGrp USE='THUMBS'><mets:file ID='T1' MIMETYPE='image/jpeg'><mets:FLocat LOCTYPE='URL' "
                + "xlink:href='thumb1.jpg'/></mets:file></mets:fileGrp>"
                + "<mets:fileGrp USE='FULLTEXT'><mets:file ID='A1' MIMETYPE='application/alto+xml'><mets:FLocat "
                + "LOCTYPE='URL' xlink:href='p1.xml'/></mets:file></mets:fileGrp></mets:fileSec>"
                + "<mets:structMap TYPE='PHYSICAL'><mets:div TYPE='physSequence'><mets:div ID='P1' TYPE='page'>"
                + "<mets:fptr FILEID='T1'/><mets:fptr FILEID='I1'/><mets:fptr FILEID='A1'/></mets:div></mets:div>"
                + "</mets:structMap></mets:mets>";
        String alto = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Description><MeasurementUnit>mm10"
                + "</MeasurementUnit></Description><Layout><Page ID='p' WIDTH='2100' HEIGHT='2970'><PrintSpace>"
                + "<TextBlock ID='b' HPOS='254' VPOS='508' WIDTH='1016' HEIGHT='127'><TextLine ID='l' HPOS='254' "
                + "VPOS='508' WIDTH='1016' HEIGHT='127'><String CONTENT='Hello'/></TextLine></TextBlock></PrintSpace>"
                + "</Page></Layout></alto>";
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.writeString(dir.resolve("p1.xml"), alto);
        LamRecord line = Read.all(dir.resolve("mets.xml"), "line").get(0);
        assertThat(line.images()).containsExactly(ImageRef.builder(dir.resolve("p1.tif").toUri().toString())
                .mime("image/tiff").size(2480, 3508).region(new Region(300, 600, 1200, 150)).build());
        assertThat(line.label("alto:measurementUnit")).isEmpty();
    }

    @Test
    void readsThePageXmlOfAPackageThatHasNoAlto(@TempDir Path dir) throws IOException {
        // the OCR-D workspace of the corpus, without its ALTO file group, with its PAGE XML files
        String mets = Files.readString(Corpus.file("mets-alto/assets/data/kant_aufklaerung_1784/data/mets.xml"))
                .replaceAll("(?s)<mets:fileGrp USE=\"OCR-D-GT-ALTO\">.*?</mets:fileGrp>", "")
                .replaceAll("<mets:fptr FILEID=\"PAGE_00\\d\\d_ALTO\"/>", "");
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.createDirectories(dir.resolve("OCR-D-GT-PAGE"));
        for (String n : List.of("PAGE_0017_PAGE.xml", "PAGE_0020_PAGE.xml")) {
            Files.copy(Corpus.file("page-xml/assets/data/kant_aufklaerung_1784/data/OCR-D-GT-PAGE/" + n),
                    dir.resolve("OCR-D-GT-PAGE").resolve(n));
        }
        List<LamRecord> lines = Read.all(dir.resolve("mets.xml"), "line");
        assertThat(lines).hasSize(24 + 31);
        assertThat(lines.get(0).id()).isEqualTo("mets.xml#page-PHYS_0017/line-tl_1");
        assertThat(lines.get(0).text()).hasValue("Berliniſche Monatsſchrift.");
        assertThat(lines.get(0).label("page:version")).containsExactly("2019-07-15");
        assertThat(lines.get(0).images().get(0).uri()).isEqualTo(dir.resolve("OCR-D-IMG/INPUT_0017.tif").toUri().toString());
    }

    @Test
    void findsFilesNamedByWindowsOrAbsolutePathsBesideTheMetsDocument(@TempDir Path dir) throws IOException {
        String mets = Files.readString(METS).replace("alto/page1.xml", "alto\\page1.xml")
                .replace("xlink:href=\"alto/page2.xml\"", "xlink:href=\"file:///D:/production/batch7/page2.xml\"");
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.createDirectories(dir.resolve("alto"));
        Files.copy(Read.METS.resolve("alto/page1.xml"), dir.resolve("alto/page1.xml"));
        Files.copy(Read.METS.resolve("alto/page2.xml"), dir.resolve("page2.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(dir.resolve("mets.xml"), ReadOptions.builder(), records);
        assertThat(records).extracting(r -> r.text().isPresent()).containsExactly(true, true);
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-file-path");
    }
}
