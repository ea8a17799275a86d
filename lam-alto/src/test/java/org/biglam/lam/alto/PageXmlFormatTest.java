package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class PageXmlFormatTest {

    private static final Path FIXTURE = Path.of("src/test/resources/page/page-2019-reading-order-words.xml");
    private static final String NAME = "page-2019-reading-order-words.xml";

    private static String image() {
        return FIXTURE.toAbsolutePath().normalize().getParent().resolve("scan-0007.png").toUri().toString();
    }

    @Test
    void readsAPageInItsReadingOrderWithTextFromTheLowestLevelThatHasIt() {
        List<LamRecord> r = Read.all(FIXTURE, "page");
        assertThat(r).hasSize(1);
        LamRecord page = r.get(0);
        assertThat(page.id()).isEqualTo(NAME);
        assertThat(page.format()).isEqualTo("page");
        assertThat(page.text()).hasValue("First line\nSecond line\n\nZweiter Absatz\nin zwei Zeilen");
        assertThat(page.label("page:version")).containsExactly("2019-07-15");
        assertThat(page.label("language")).containsExactly("en", "de");
        assertThat(page.images()).containsExactly(ImageRef.builder(image()).mime("image/png").size(1200, 1800).build());
        // the plain mean of the words': First .9, line .5, Second .8, line .8 (the words of a line's
        // TextEquiv, that of lowest index, have its conf); the other region has no conf
        assertThat(page.confidence().getAsDouble()).isCloseTo((0.9 + 0.5 + 0.8 + 0.8) / 4, within(1e-9));
        assertThat(page.quality().orElseThrow().words()).isEqualTo(9);
        assertThat(page.quality().orElseThrow().scoredWords()).isEqualTo(4);
    }

    @Test
    void emitsLinesWithTheBoundingBoxOfTheirPolygonAndLeavesOutRegionOnlyText() {
        List<LamRecord> lines = Read.all(FIXTURE, "line");
        assertThat(lines).extracting(LamRecord::id).containsExactly(NAME + "#line-l1", NAME + "#line-l2");
        assertThat(lines).extracting(l -> l.text().orElseThrow()).containsExactly("First line", "Second line");
        assertThat(lines.get(0).images().get(0).region()).hasValue(new Region(100, 90, 510, 80));
        assertThat(lines.get(0).group()).hasValue(NAME);
    }

    @Test
    void emitsRegionsAsBlocksAndImageRegionsAsIllustrations() {
        List<LamRecord> blocks = Read.all(FIXTURE, "block");
        assertThat(blocks).extracting(LamRecord::id).containsExactly(NAME + "#block-r2", NAME + "#block-r1");
        assertThat(blocks.get(1).text()).hasValue("Zweiter Absatz\nin zwei Zeilen");
        assertThat(blocks.get(1).label("language")).containsExactly("de");
        List<LamRecord> ills = Read.all(FIXTURE, "illustration");
        assertThat(ills).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(NAME + "#block-i1");
            assertThat(i.label("page:element")).containsExactly("ImageRegion");
            assertThat(i.images().get(0).region()).hasValue(new Region(200, 400, 500, 400));
        });
    }

    @Test
    void emitsWordsWithTheirOwnCoordinatesAndConfidence() {
        List<LamRecord> words = Read.all(FIXTURE, "word");
        assertThat(words).extracting(w -> w.text().orElseThrow()).containsExactly("First", "line", "Second", "line");
        assertThat(words.get(0).id()).isEqualTo(NAME + "#word-w1");
        assertThat(words.get(0).confidence().getAsDouble()).isEqualTo(0.9);
        assertThat(words.get(1).images().get(0).region()).hasValue(new Region(320, 90, 280, 70));
        assertThat(words.get(2).images().get(0).region()).isEmpty();
        // a Word's own line in the file; words split from a line's text have the line's
        assertThat(words).extracting(w -> w.source().orElseThrow().line().orElseThrow())
                .containsExactly(23L, 24L, 27L, 27L);
    }

    @Test
    void readsEveryPageXmlFileOfTheCorpusWithTheManifestLineCounts() {
        ReadOptions fail = ReadOptions.builder().format("page").errorPolicy(ErrorPolicy.FAIL).build();
        List<Path> files = Corpus.files("page-xml");
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path f : files) {
            for (String g : List.of("page", "block", "line", "word", "illustration")) {
                List<LamRecord> r = Read.all(f, fail.toBuilder().granularity(g).build());
                assertThat(r).extracting(LamRecord::id).doesNotHaveDuplicates();
                assertThat(r).allSatisfy(x -> assertThat(x.label("page:version")).hasSize(1));
            }
        }
        assertThat(Read.all(Corpus.file("page-xml/kraken/tests/resources/170025120000003,0074.xml"), "line")).hasSize(44);
        assertThat(Read.all(Corpus.file("page-xml/assets/data/kant_aufklaerung_1784/data/OCR-D-GT-PAGE/PAGE_0017_PAGE.xml"),
                "line")).hasSize(24);
        assertThat(Read.all(Corpus.file("page-xml/dinglehopper/src/dinglehopper/tests/data/test.page2018.xml"), "line"))
                .hasSize(20);
        LamRecord table = Read.all(Corpus.file("page-xml/dinglehopper/src/dinglehopper/tests/data/table-order/"
                + "table-order-0001.xml"), "page").get(0);
        assertThat(table.text()).hasValue("1\n\n2\n\n3\n\n4\n\n5\n\n6\n\n7\n\n8\n\n9");
        LamRecord simple = Read.all(Corpus.file("page-xml/PAGE-XML/documentation/example/SimplePage.xml"), "page").get(0);
        assertThat(simple.text().orElseThrow()).startsWith("The PAGE Format\n\nThere is a plethora");
    }
}
