package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Every ALTO and METS file of the shared corpus, read at every granularity. */
class AltoCorpusTest {

    private static final List<String> GRANULARITIES = List.of("page", "block", "line", "word", "illustration");

    private static List<Path> altoFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : Corpus.files("alto")) {
            out.add(p);
        }
        for (Path p : Corpus.files("mets-alto")) {
            if (!p.getFileName().toString().contains("mets") && p.toString().endsWith(".xml")) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<LamRecord> read(Path p, String granularity) {
        return Read.all(p, ReadOptions.builder().format("alto").granularity(granularity)
                .errorPolicy(ErrorPolicy.FAIL).build());
    }

    /** TextLine counts from MANIFEST.tsv, by corpus path. */
    private static Map<String, Integer> manifestLines() throws IOException {
        Path manifest = Corpus.file("MANIFEST.tsv");
        Map<String, Integer> out = new HashMap<>();
        Pattern n = Pattern.compile("^(\\d+) TextLines");
        for (String line : Files.readAllLines(manifest)) {
            String[] cols = line.split("\t", -1);
            if (cols.length > 7) {
                Matcher m = n.matcher(cols[7]);
                if (m.find()) {
                    out.put(cols[0], Integer.parseInt(m.group(1)));
                }
            }
        }
        return out;
    }

    @Test
    void readsEveryAltoFileAtEveryGranularityWithRecordsInRange() throws IOException {
        List<Path> files = altoFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(16);
        for (Path f : files) {
            for (String g : GRANULARITIES) {
                List<LamRecord> records = read(f, g);
                if (!g.equals("illustration")) {
                    assertThat(records).as("%s at %s", f, g).isNotEmpty();
                }
                for (LamRecord r : records) {
                    assertThat(r.format()).isEqualTo("alto");
                    assertThat(r.label("alto:version")).as("%s version", f).hasSize(1);
                    r.confidence().ifPresent(c -> assertThat(c).isBetween(0.0, 1.0));
                    if (!g.equals("page")) {
                        assertThat(r.group()).as("%s %s group", f, g).isPresent();
                    }
                }
                assertThat(records).extracting(LamRecord::id).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void givesOneLineRecordPerTextLineTheManifestCounts() throws IOException {
        Map<String, Integer> counts = manifestLines();
        Path root = Corpus.dir("alto").getParent();
        int checked = 0;
        for (Path f : altoFiles()) {
            Integer expected = counts.get(root.relativize(f).toString());
            if (expected != null) {
                // a TextLine whose Strings are only white space is no line record
                assertThat(read(f, "line")).as("lines of %s", f).hasSize(expected - Dom.blankLines(f));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void joinsTheHyphenatedWordsOfABerlinNewspaperPage() {
        Path f = Corpus.file("alto/reference_samples/v2/sbb/newspapers/27971740_1890-04-01_38_077_0_001.xml");
        String text = read(f, "page").get(0).text().orElseThrow();
        assertThat(text).contains("ohne Schild Kultusminister geblieben und lässt sich")
                .contains("Mit kläglicheren Mitteln");
        assertThat(text).doesNotContain("\u00AD");
        List<LamRecord> words = read(f, "word");
        assertThat(words).hasSize(2654);
        assertThat(read(f, "illustration")).hasSize(18);
    }

    @Test
    void readsTheWordsAndConfidencesOfATesseractPage() {
        Path f = Corpus.file("alto/dinglehopper/src/dinglehopper/tests/data/test.alto3.xml");
        List<LamRecord> words = read(f, "word");
        assertThat(words).hasSize(16);
        assertThat(words.get(0).text()).hasValue("über");
        assertThat(words.get(0).confidence().getAsDouble()).isEqualTo(0.89);
        assertThat(words.get(0).id()).isEqualTo("test.alto3.xml#word-string_5");
        LamRecord page = read(f, "page").get(0);
        assertThat(page.text()).hasValue("über die vielen Sorgen wegen deſſelben vergaß\n\n"
                + "Hartkopf, der Frau Amtmännin das ver-\n\nſprochene zu überliefern.");
    }

    @Test
    void followsAKrakenReadingOrderThatInterleavesLinesOfSeveralBlocks() {
        Path f = Corpus.file("alto/kraken/tests/resources/alto/bsb00084914_00007.xml");
        List<LamRecord> lines = read(f, "line");
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0).id()).endsWith("#line-eSc_line_192895");
        assertThat(lines.get(1).id()).endsWith("#line-eSc_line_192874");
        assertThat(read(f, "page").get(0).label("language")).contains("hbo");
        assertThat(lines.get(0).images().get(0).uri()).endsWith("/bsb00084914_00007.jpg");
    }

    @Test
    void keepsTheReadingOrderOfBlocksAndWarnsOfABlockWithoutCoordinates() {
        Path f = Corpus.file("alto/kraken/tests/resources/alto/missing_coords_ro.xml");
        assertThat(read(f, "page").get(0).text()).hasValue("Line one\nLine two\n\nLine three\n\nLine four");
        List<LamRecord> blocks = read(f, "block");
        assertThat(blocks).extracting(LamRecord::id).containsExactly("missing_coords_ro.xml#block-tb_1",
                "missing_coords_ro.xml#block-tb_nocoords", "missing_coords_ro.xml#block-tb_2");
        assertThat(blocks.get(1).images().get(0).region()).isEmpty();
    }

    @Test
    void joinsHyphenatedWordsAcrossOcrNoiseAndSpacesWordsByTheirBoxesInTheAltoTagSample() {
        Path f = Corpus.file("alto/schema/v2/alto-2-1-draft-tagsample.xml");
        String text = read(f, "page").get(0).text().orElseThrow();
        // in (HypPart1 instead) SP i HYP / stead (HypPart2): the noise "i" stays a word of its own
        assertThat(text).contains("due him Morgan instead i of proceeding", "under consideration I I for several",
                "theatre will present 1 on Monday").doesNotContain("istead", "Ition", "1sent");
        // Strings without an SP, their boxes a character width apart (median of the line's words)
        assertThat(text).contains("Luke Mprjjanv for theirs", "CENTSI I A WEEK").doesNotContain("fortheirs", "AWEEK");
        String kept = Read.all(f, ReadOptions.builder().format("alto").set("alto.hyphenation", "keep").build())
                .get(0).text().orElseThrow();
        assertThat(kept).contains("Morgan in i-\nstead of", "will pre 1-\nsent on");
    }

    @Test
    void joinsTheWordsOfANewspaperPageThatTheirBoxesShowAreOne() {
        // no SP and boxes 4 px apart (a quarter of the line's character width): one word
        Path f = Corpus.file("mets-alto/alto2txt/demo-files/0002647/1824/0217/0002647_18240217_0001.xml");
        assertThat(read(f, "page").get(0).text().orElseThrow()).contains("individuals.").doesNotContain("indivi duals");
    }

    @Test
    void makesNoRecordOfStringsOfWhiteSpace() {
        for (String name : List.of("alto/alto-tools/tests/data/PPN720183197-PHYS_0004.xml",
                "alto/dinglehopper/src/dinglehopper/tests/data/bigger-texts/00008228/00008228-00236534.gt4hist.xml")) {
            Path f = Corpus.file(name);
            assertThat(Dom.blankLines(f)).as(name).isPositive();
            for (String g : List.of("page", "block", "line", "word")) {
                for (LamRecord r : read(f, g)) {
                    String t = r.text().orElseThrow();
                    assertThat(t).as("%s %s", r.id(), g).isEqualTo(t.strip());
                    if (!g.equals("page")) {
                        assertThat(t).as("%s %s", r.id(), g).isNotBlank();
                    }
                }
            }
        }
        LamRecord page = read(Corpus.file("alto/alto-tools/tests/data/PPN720183197-PHYS_0004.xml"), "page").get(0);
        assertThat(page.text().orElseThrow()).startsWith("2 Albert Sch\u00fctt, Verlag");
    }

    @Test
    void givesEveryWordRecordTheLineOfItsStringInTheFile() throws IOException {
        Path f = Corpus.file("mets-alto/alto2txt/demo-files/0002647/1824/0217/0002647_18240217_0001.xml");
        Map<String, Long> lineOfId = new HashMap<>();
        List<String> lines = Files.readAllLines(f);
        Pattern id = Pattern.compile("<String ID=\"([^\"]+)\"");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = id.matcher(lines.get(i));
            while (m.find()) {
                lineOfId.put(m.group(1), i + 1L);
            }
        }
        List<LamRecord> words = read(f, "word");
        assertThat(words).hasSizeGreaterThan(1000);
        for (LamRecord w : words) {
            String stringId = w.id().substring(w.id().indexOf("#word-") + 6);
            assertThat(w.source().orElseThrow().line()).as(w.id()).hasValue(lineOfId.get(stringId));
        }
    }

    @Test
    void givesTagsAsPrefixedLabels() {
        Path f = Corpus.file("alto/schema/v2/alto-2-1-draft-tagsample.xml");
        LamRecord page = read(f, "page").get(0);
        assertThat(page.label("alto:tag:Person")).contains("Dr Reynolds", "Henry C Hall");
        assertThat(page.label("alto:tag:Location")).contains("Baltimore");
        assertThat(page.label("alto:tag:Layout")).contains("Masterhead");
        assertThat(page.label("alto:measurementUnit")).containsExactly("inch1200");
        assertThat(read(f, "line")).hasSize(829);
    }

    @Test
    void readsAnAltoWithoutNamespaceFromABritishLibraryNewspaper() {
        Path f = Corpus.file("mets-alto/alto2txt/demo-files/0002647/1824/0217/0002647_18240217_0001.xml");
        LamRecord page = read(f, "page").get(0);
        assertThat(page.label("alto:version")).containsExactly("1.4");
        assertThat(page.images().get(0).uri()).endsWith("/2019-07-11_09_03_03118.tif");
        assertThat(page.images().get(0).width()).hasValue(4169);
        assertThat(read(f, "illustration")).extracting(r -> r.label("alto:type")).containsExactly(List.of("Illustration"));
        List<LamRecord> blocks = read(f, "block");
        Region r = blocks.get(0).images().get(0).region().orElseThrow();
        assertThat(r.w()).isPositive();
    }

    @Test
    void readsTheBritishLibraryIssueAsPagesAndArticles() {
        Path mets = Corpus.file("mets-alto/alto2txt/demo-files/0002647/1824/0217/0002647_18240217_mets.xml");
        ReadOptions skip = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();
        List<LamRecord> pages = Read.all(mets, skip);
        assertThat(pages).hasSize(4);
        assertThat(pages.get(0).text().orElseThrow()).contains("FEBRUARY");
        // the catalogue's title "The Statesman." without its ISBD period, as lam-marc gives titles
        assertThat(pages.get(0).label("title")).containsExactly("The Statesman");
        assertThat(pages.get(0).label("date")).containsExactly("1824");
        assertThat(pages.get(0).label("mods:dateIssued")).contains("1824-02-17");
        assertThat(pages.get(0).label("place")).containsExactly("London, England");
        assertThat(pages.get(0).images().get(0).uri()).endsWith("/0002647_18240217_0001.jp2");
        assertThat(pages.subList(1, 4)).allSatisfy(p -> assertThat(p.text()).isEmpty());

        List<LamRecord> articles = Read.all(mets, skip.toBuilder().granularity("article").build());
        assertThat(articles).hasSize(27);
        assertThat(articles.get(0).text().orElseThrow()).startsWith("This day is published");
        assertThat(articles.get(1).label("title")).containsExactly("COAL DUTIES");
        assertThat(articles.get(26).label("mets:type")).containsExactly("ADVERT");
        // the issue's metadata on articles as on pages; the newspaper's title as collection on both
        for (LamRecord r : List.of(pages.get(0), articles.get(0), articles.get(1), articles.get(26))) {
            assertThat(r.label("collection")).as(r.id()).containsExactly("The Statesman");
            assertThat(r.label("mods:source")).as(r.id()).containsExactly("British Library Heritage Made Digital Newspapers");
            assertThat(r.label("mods:hostIdentifier")).as(r.id()).containsExactly("0002647");
            assertThat(r.label("identifier")).as(r.id()).containsExactly("0002647-00000");
            assertThat(r.label("place")).as(r.id()).containsExactly("London, England");
            assertThat(r.label("date")).as(r.id() + ": normalised by lam-mods").containsExactly("1824");
            assertThat(r.label("mods:dateIssued")).as(r.id() + ": as the MODS gives it").contains("1824-02-17");
        }
        assertThat(articles.get(1).label("title")).containsExactly("COAL DUTIES");
        assertThat(articles.get(0).quality().orElseThrow().words()).isPositive();
    }

    @Test
    void readsTheOcrdMetsWithItsOnePresentAltoFile() {
        Path mets = Corpus.file("mets-alto/assets/data/kant_aufklaerung_1784/data/mets.xml");
        List<LamRecord> pages = Read.all(mets, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build());
        assertThat(pages).extracting(LamRecord::id).containsExactly("mets.xml#page-PHYS_0017", "mets.xml#page-PHYS_0020");
        assertThat(pages.get(1).text().orElseThrow()).contains("Aufklaͤrung");
        assertThat(pages.get(1).images().get(0).uri()).endsWith("/OCR-D-IMG/INPUT_0020.tif");
        assertThat(pages.get(1).label("identifier")).containsExactly("http://kant_aufklaerung_1784");
        assertThat(Read.all(mets, ReadOptions.builder().granularity("line").build())).hasSize(31);
    }
}
