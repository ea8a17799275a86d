package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.UnsupportedFormatException;
import org.junit.jupiter.api.Test;

class AltoFormatTest {

    private static final String V4 = "v4-reading-order-tags-hyphenation.xml";
    private static final String V3 = "v3-hyphenation-across-blocks.xml";
    private static final String V2 = "v2-inch1200-no-resolution.xml";
    private static final String V1 = "v1-no-namespace-mm10-xdpi.xml";

    private static String image(String name) {
        return Read.ALTO.resolve(name).toAbsolutePath().normalize().toUri().toString();
    }

    @Test
    void tesseractsAbsoluteImagePathNotOnThisMachineStandsForTheFileBeside(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        String page = java.nio.file.Files.readString(Read.ALTO.resolve(V4))
                .replace("images/page-0005.jpg", "/home/ocr/nowhere-" + System.nanoTime() + "/page-0005.jpg");
        Path file = dir.resolve("p.xml");
        java.nio.file.Files.writeString(file, page);
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> records = Read.all(file, ReadOptions.builder().format("alto").onProblem(problems::add).build());
        assertThat(records.get(0).images()).extracting(ImageRef::uri)
                .containsExactly(dir.resolve("page-0005.jpg").toUri().toString());
        assertThat(problems).extracting(Problem::kind).containsExactly("alto-image");
        assertThat(problems.get(0).message()).contains("is not on this machine");
    }

    @Test
    void readsAPageInReadingOrderWithAHyphenatedWordJoined() {
        List<LamRecord> records = Read.fixture(V4, "page");
        assertThat(records).hasSize(1);
        LamRecord page = records.get(0);
        assertThat(page.id()).isEqualTo(V4);
        assertThat(page.format()).isEqualTo("alto");
        assertThat(page.group()).isEmpty();
        assertThat(page.text()).hasValue("Ada Lovelace wrote notes.\n\nZweiter Block");
        assertThat(page.labels()).containsExactly(
                Map.entry("language", List.of("en", "de")),
                Map.entry("alto:version", List.of("4.2")),
                Map.entry("part", List.of("5")),
                Map.entry("alto:tag:Layout", List.of("Heading")),
                Map.entry("alto:tag:Structure", List.of("Article")),
                Map.entry("alto:tag:Person", List.of("Ada Lovelace")));
        assertThat(page.images()).containsExactly(ImageRef.builder(image("images/page-0005.jpg"))
                .mime("image/jpeg").size(1000, 1400).build());
        // the plain mean of the Strings' WC: Ada .9, Love .8, lace .8, wrote 1, notes. .6, Zweiter .5, Block 1
        double[] wc = {0.9, 0.8, 0.8, 1, 0.6, 0.5, 1};
        double mean = 5.6 / 7;
        double var = 0;
        for (double c : wc) {
            var += (c - mean) * (c - mean);
        }
        assertThat(page.confidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        OcrQuality q = page.quality().orElseThrow();
        assertThat(q.words()).isEqualTo(7);
        assertThat(q.scoredWords()).isEqualTo(7);
        assertThat(q.meanWordConfidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        assertThat(q.wordConfidenceStdDev().getAsDouble()).isCloseTo(Math.sqrt(var / 7), within(1e-9));
        assertThat(page.source().orElseThrow().index()).hasValue(0);
    }

    @Test
    void keepsTheTextAsPrintedWhenAsked() {
        ReadOptions keep = ReadOptions.builder().set("alto.hyphenation", "keep").build();
        assertThat(Read.all(Read.ALTO.resolve(V4), keep).get(0).text())
                .hasValue("Ada Love-\nlace wrote notes.\n\nZweiter Block");
        ReadOptions typed = ReadOptions.builder()
                .formatOptions(AltoOptions.builder().hyphenation(AltoOptions.Hyphenation.KEEP).build()).build();
        assertThat(Read.all(Read.ALTO.resolve(V3), typed).get(0).text())
                .hasValue("An exam-\nple of hy¬\n\nphenation.");
    }

    @Test
    void emitsTextBlocksInReadingOrderWithTheirRegionOnThePageImage() {
        List<LamRecord> blocks = Read.fixture(V4, "block");
        assertThat(blocks).extracting(LamRecord::id).containsExactly(V4 + "#block-TB2", V4 + "#block-TB1");
        assertThat(blocks).extracting(r -> r.text().orElseThrow())
                .containsExactly("Ada Lovelace wrote notes.", "Zweiter Block");
        assertThat(blocks).allSatisfy(r -> assertThat(r.group()).hasValue(V4));
        assertThat(blocks.get(0).images()).containsExactly(ImageRef.builder(image("images/page-0005.jpg"))
                .mime("image/jpeg").size(1000, 1400).region(new Region(100, 100, 800, 130)).build());
        assertThat(blocks.get(0).label("alto:tag:Layout")).containsExactly("Heading");
        assertThat(blocks.get(0).label("language")).containsExactly("en");
        assertThat(blocks.get(1).label("language")).containsExactly("de");
        assertThat(blocks.get(1).label("alto:tag:Person")).isEmpty();
        assertThat(blocks.get(1).confidence().getAsDouble()).isCloseTo((0.5 + 1) / 2, within(1e-9));
        assertThat(blocks.get(1).quality().orElseThrow().wordConfidenceStdDev().getAsDouble())
                .isCloseTo(0.25, within(1e-9));
    }

    @Test
    void emitsLinesWithTheTextAsPrintedSinceTheyMatchTheirImage() {
        List<LamRecord> lines = Read.fixture(V4, "line");
        assertThat(lines).extracting(LamRecord::id)
                .containsExactly(V4 + "#line-TL1", V4 + "#line-TL2", V4 + "#line-TL3");
        assertThat(lines).extracting(r -> r.text().orElseThrow())
                .containsExactly("Ada Love-", "lace wrote notes.", "Zweiter Block");
        assertThat(lines.get(1).images().get(0).region()).hasValue(new Region(100, 170, 800, 60));
        assertThat(lines).extracting(r -> r.source().orElseThrow().index().getAsLong()).containsExactly(0L, 1L, 2L);
        assertThat(lines.get(0).label("alto:tag:Person")).containsExactly("Ada Lovelace");
    }

    @Test
    void emitsWordsWithTheirConfidenceAndRegion() {
        List<LamRecord> words = Read.fixture(V4, "word");
        assertThat(words).extracting(r -> r.text().orElseThrow())
                .containsExactly("Ada", "Love", "lace", "wrote", "notes.", "Zweiter", "Block");
        LamRecord love = words.get(1);
        assertThat(love.id()).isEqualTo(V4 + "#word-S2");
        assertThat(love.group()).hasValue(V4);
        assertThat(love.confidence().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(love.images().get(0).region()).hasValue(new Region(240, 100, 160, 60));
        assertThat(love.label("alto:hyphenated")).containsExactly("HypPart1");
        assertThat(love.label("alto:subsContent")).containsExactly("Lovelace");
        assertThat(love.label("alto:tag:Person")).containsExactly("Ada Lovelace");
        assertThat(words.get(5).label("language")).containsExactly("de");
    }

    @Test
    void emitsIllustrationsAndGraphicalElementsAsImageRegionsWithoutText() {
        List<LamRecord> ills = Read.fixture(V4, "illustration");
        assertThat(ills).extracting(LamRecord::id).containsExactly(V4 + "#block-IL1", V4 + "#block-GE1");
        assertThat(ills).allSatisfy(r -> assertThat(r.text()).isEmpty());
        assertThat(ills.get(0).images().get(0).region()).hasValue(new Region(100, 800, 400, 300));
        assertThat(ills.get(0).label("alto:element")).containsExactly("Illustration");
        assertThat(ills.get(0).label("alto:type")).containsExactly("photo");
        assertThat(ills.get(1).label("alto:element")).containsExactly("GraphicalElement");
    }

    @Test
    void joinsAWordHyphenatedAcrossBlocksInPageText() {
        LamRecord page = Read.fixture(V3, "page").get(0);
        assertThat(page.text()).hasValue("An example of hyphenation.");
        assertThat(page.label("alto:version")).containsExactly("3");
        assertThat(page.label("part")).containsExactly("3");
    }

    @Test
    void keepsAHyphenAtTheEndOfABlockWhoseWordEndsInTheNextBlock() {
        List<LamRecord> blocks = Read.fixture(V3, "block");
        assertThat(blocks).extracting(r -> r.text().orElseThrow())
                .containsExactly("An example of hy¬", "phenation.");
    }

    @Test
    void takesCharacterConfidenceWhereThereIsNoWordConfidence() {
        LamRecord page = Read.fixture(V3, "page").get(0);
        // CC digits 0 (sure) .. 9 (unsure): exam- has 0,9,9,9,9 -> 1 - 36/45 = 0.2; the five others 1.0
        double expected = (0.2 + 5) / 6;
        assertThat(page.confidence().getAsDouble()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void givesRegionsAsALabelWhenNoImageIsNamedAndWarnsOfABlockWithoutCoordinates() {
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(Read.ALTO.resolve(V3), ReadOptions.builder().granularity("block"),
                records);
        assertThat(records.get(0).images()).isEmpty();
        assertThat(records.get(0).label("alto:region")).containsExactly("10,10,500,100");
        assertThat(records.get(1).label("alto:region")).isEmpty();
        assertThat(problems).extracting(Problem::kind).contains("alto-no-image", "alto-coordinates");
        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING));
    }

    @Test
    void convertsMm10ToPixelsWithTheResolutionTheFileGives() {
        LamRecord block = Read.fixture(V1, "block").get(0);
        // 254 mm10 = 1 inch = 300 px at xdpi 300
        assertThat(block.images()).containsExactly(ImageRef.builder(image("0001.jp2")).mime("image/jp2")
                .size(2480, 3508).region(new Region(300, 600, 1200, 150)).build());
        assertThat(block.label("alto:version")).containsExactly("1.4");
    }

    @Test
    void putsWordsWithoutSpacesBetweenThemApartAndNormalisesToNfc() {
        LamRecord page = Read.fixture(V1, "page").get(0);
        assertThat(page.text()).hasValue("Caf\u00e9 society");
        assertThat(page.confidence().getAsDouble()).isCloseTo((1.0 + 0.5) / 2, within(1e-9));
    }

    @Test
    void keepsInch1200UnitsWhenNoResolutionIsKnownAndConvertsWithTheResolutionOption() {
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(Read.ALTO.resolve(V2), ReadOptions.builder().granularity("line"),
                records);
        LamRecord line = records.get(0);
        assertThat(line.images().get(0).region()).hasValue(new Region(1200, 2400, 4800, 600));
        assertThat(line.label("alto:measurementUnit")).containsExactly("inch1200");
        assertThat(problems).extracting(Problem::kind).contains("alto-unit");

        ReadOptions dpi = ReadOptions.builder().granularity("line").set("alto.resolution", "300").build();
        LamRecord converted = Read.all(Read.ALTO.resolve(V2), dpi).get(0);
        assertThat(converted.images().get(0).region()).hasValue(new Region(300, 600, 1200, 150));
        assertThat(converted.images().get(0).width()).hasValue(2400);
        assertThat(converted.label("alto:measurementUnit")).isEmpty();
    }

    @Test
    void mapsIso639BibliographicCodesToBcp47() {
        assertThat(Read.fixture(V2, "page").get(0).label("language")).containsExactly("de");
    }

    @Test
    void takesTheFileNameOfAnImagePathOnAnotherMachineBesideTheAltoFile() {
        LamRecord page = Read.fixture(V2, "page").get(0);
        assertThat(page.images()).extracting(ImageRef::uri).containsExactly(image("0042.tif"));
        assertThat(page.images().get(0).mime()).hasValue("image/tiff");
    }

    @Test
    void refusesTheArticleGranularityWhichOnlyMetsHas() {
        assertThatThrownBy(() -> Read.fixture(V4, "article"))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("article");
    }

    @Test
    void readsAltoUnderAnUnknownNamespaceAndWithoutOne() {
        String pdfalto = "<?xml version='1.0'?><alto xmlns='http://www.example.org/pdfalto/ns#'><Layout>"
                + "<Page ID='p1' WIDTH='10' HEIGHT='10'><PrintSpace><TextBlock ID='b'><TextLine ID='l'>"
                + "<String CONTENT='pdf'/><SP/><String CONTENT='text'/></TextLine></TextBlock></PrintSpace>"
                + "</Page></Layout></alto>";
        List<LamRecord> r = Read.string(pdfalto, "doc.xml", ReadOptions.defaults());
        assertThat(r).extracting(x -> x.text().orElseThrow()).containsExactly("pdf text");
        assertThat(r.get(0).format()).isEqualTo("alto");
        String none = pdfalto.replace(" xmlns='http://www.example.org/pdfalto/ns#'", "");
        assertThat(Read.string(none, "doc.xml", ReadOptions.defaults()).get(0).label("alto:version"))
                .containsExactly("1");
    }

    @Test
    void givesAPageWithoutWordsEmptyText() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Layout><Page ID='p' WIDTH='1' "
                + "HEIGHT='1'><PrintSpace/></Page></Layout></alto>";
        List<LamRecord> r = Read.string(xml, "blank.xml", ReadOptions.defaults());
        assertThat(r).hasSize(1);
        assertThat(r.get(0).text()).hasValue("");
        assertThat(r.get(0).confidence()).isEmpty();
    }

    @Test
    void takesWordContentExactlyAsWrittenSpacesIncluded() {
        // a line with SP: words are spaced by SP alone, so a space inside CONTENT is the only gap;
        // neighbouring attribute values end or start with spaces too
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Layout><Page ID='p' WIDTH='9' "
                + "HEIGHT='9'><PrintSpace><TextBlock ID='b'>"
                + "<TextLine ID='l1'><String CONTENT='in' HPOS='1 '/><String CONTENT=' do' WC=' 0.5'/>"
                + "<String HPOS=' 2' CONTENT='ne ' WC='0.25 '/><String CONTENT='x' VPOS=' 3'/><SP/>"
                + "<String CONTENT='&#x9;y&#10;' HPOS='4'/><String WC='1' CONTENT='z'/></TextLine>"
                + "<TextLine ID='l2'><String CONTENT='  '/></TextLine>"
                + "<TextLine ID='l3'><String CONTENT=''/></TextLine>"
                + "</TextBlock></PrintSpace></Page></Layout></alto>";
        List<LamRecord> r = Read.string(xml, "spaces.xml", ReadOptions.builder().granularity("line").build());
        // white space at either end of a CONTENT (a character reference's tab or newline too) is a
        // space beside the word; a line of spaces or of nothing is no line
        assertThat(r).extracting(x -> x.text().orElseThrow()).containsExactly("in done x y z");
        assertThat(r.get(0).confidence().getAsDouble()).isCloseTo((0.5 + 0.25 + 1.0) / 3, within(1e-9));
        assertThat(r.get(0).quality().orElseThrow().words()).isEqualTo(6);
        List<LamRecord> words = Read.string(xml, "spaces.xml", ReadOptions.builder().granularity("word").build());
        assertThat(words).extracting(x -> x.text().orElseThrow()).containsExactly("in", "do", "ne", "x", "y", "z");
    }

    @Test
    void makesIdsUniqueWhenAltoIdsRepeatAndNumbersElementsWithoutIds() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Layout><Page ID='p' WIDTH='1' "
                + "HEIGHT='1'><PrintSpace><TextBlock ID='b'><TextLine ID='x'><String CONTENT='a'/></TextLine>"
                + "<TextLine ID='x'><String CONTENT='b'/></TextLine><TextLine><String CONTENT='c'/></TextLine>"
                + "</TextBlock></PrintSpace></Page></Layout></alto>";
        List<LamRecord> r = Read.string(xml, "ids.xml", ReadOptions.builder().granularity("line").build());
        assertThat(r).extracting(LamRecord::id).containsExactly("ids.xml#line-x", "ids.xml#line-x-2", "ids.xml#line-3");
    }

    @Test
    void readsTheSameFileTheSameWayTwice() {
        Path p = Read.ALTO.resolve(V4);
        assertThat(Read.all(p, "word")).isEqualTo(Read.all(p, "word"));
    }

    @Test
    void rejectsABadHyphenationSetting() {
        ReadOptions bad = ReadOptions.builder().set("alto.hyphenation", "maybe").build();
        assertThatThrownBy(() -> Read.all(Read.ALTO.resolve(V4), bad)).hasMessageContaining("join or keep");
    }

    @Test
    void givesAWordHyphenatedAcrossBlocksWithSubsContentWholeToTheBlockWhereItStarts() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v2#'><Layout><Page ID='p' WIDTH='9' HEIGHT='9'>"
                + "<PrintSpace><TextBlock ID='a'><TextLine><String CONTENT='the'/><SP/>"
                + "<String CONTENT='Amt' SUBS_TYPE='HypPart1' SUBS_CONTENT='Amtmännin'/><HYP CONTENT='-'/></TextLine>"
                + "</TextBlock><TextBlock ID='b'><TextLine><String CONTENT='männin' SUBS_TYPE='HypPart2' "
                + "SUBS_CONTENT='Amtmännin'/><SP/><String CONTENT='came.'/></TextLine></TextBlock></PrintSpace>"
                + "</Page></Layout></alto>";
        List<LamRecord> blocks = Read.string(xml, "x.xml", ReadOptions.builder().granularity("block").build());
        assertThat(blocks).extracting(r -> r.text().orElseThrow()).containsExactly("the Amtmännin", "came.");
        assertThat(Read.string(xml, "x.xml", ReadOptions.defaults()).get(0).text()).hasValue("the Amtmännin came.");
        ReadOptions keep = ReadOptions.builder().granularity("block").set("alto.hyphenation", "keep").build();
        assertThat(Read.string(xml, "x.xml", keep)).extracting(r -> r.text().orElseThrow())
                .containsExactly("the Amt-", "männin came.");
    }
}
