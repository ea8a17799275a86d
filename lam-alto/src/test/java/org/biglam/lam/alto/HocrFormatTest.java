package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class HocrFormatTest {

    private static final Path FIXTURE = Path.of("src/test/resources/hocr/two-pages-html-not-xml.hocr");
    private static final String NAME = "two-pages-html-not-xml.hocr";

    private static String image(String name) {
        return FIXTURE.toAbsolutePath().normalize().getParent().resolve(name).toUri().toString();
    }

    @Test
    void readsEachPageOfHtmlThatIsNotXmlWithItsImageAndDublinCoreLabels() {
        List<LamRecord> pages = Read.all(FIXTURE, "page");
        assertThat(pages).extracting(LamRecord::id).containsExactly(NAME, NAME + "#page-page_2");
        LamRecord first = pages.get(0);
        assertThat(first.format()).isEqualTo("hocr");
        assertThat(first.text()).hasValue("Fish & chips\u2019\ntonight");
        assertThat(first.labels()).containsExactly(
                Map.entry("language", List.of("en")),
                Map.entry("hocr:system", List.of("tesseract 5.3.0")),
                Map.entry("title", List.of("A Fixture Book")),
                Map.entry("creator", List.of("Ann Author")),
                Map.entry("part", List.of("1")));
        assertThat(first.images()).containsExactly(ImageRef.builder(image("img/p1.png")).mime("image/png")
                .size(1000, 1500).build());
        assertThat(first.confidence().getAsDouble())
                .isCloseTo((0.9 + 0.5 + 0.7 + 1.0) / 4, within(1e-9));
        assertThat(first.quality().orElseThrow().words()).isEqualTo(4);
        assertThat(pages.get(1).text()).hasValue("Second page line");
    }

    @Test
    void emitsLinesWordsAndPhotosWithTheirBoxes() {
        List<LamRecord> lines = Read.all(FIXTURE, "line");
        assertThat(lines).extracting(LamRecord::id).containsExactly(NAME + "#line-line_1_1", NAME + "#line-line_1_2",
                NAME + "#page-page_2/line-line_2_1");
        assertThat(lines.get(0).images().get(0).region()).hasValue(new Region(100, 100, 800, 50));
        assertThat(lines.get(2).group()).hasValue(NAME + "#page-page_2");
        List<LamRecord> words = Read.all(FIXTURE, "word");
        assertThat(words).extracting(w -> w.text().orElseThrow())
                .containsExactly("Fish", "&", "chips\u2019", "tonight", "Second", "page", "line");
        assertThat(words.get(1).confidence().getAsDouble()).isEqualTo(0.5);
        assertThat(words.subList(0, 2)).extracting(w -> w.source().orElseThrow().line().orElseThrow())
                .containsExactly(17L, 18L);
        List<LamRecord> photos = Read.all(FIXTURE, "illustration");
        assertThat(photos).singleElement().satisfies(p -> {
            assertThat(p.label("hocr:element")).containsExactly("ocr_photo");
            assertThat(p.images().get(0).region()).hasValue(new Region(100, 400, 500, 500));
        });
        assertThat(Read.all(FIXTURE, "block")).extracting(LamRecord::id)
                .containsExactly(NAME + "#block-par_1_1", NAME + "#page-page_2/block-p2-1");
    }

    @Test
    void readsEveryHocrFileOfTheCorpus() {
        ReadOptions fail = ReadOptions.builder().format("hocr").errorPolicy(ErrorPolicy.FAIL).build();
        for (Path f : Corpus.files("hocr")) {
            for (String g : List.of("page", "block", "line", "word", "illustration")) {
                List<LamRecord> r = Read.all(f, fail.toBuilder().granularity(g).build());
                assertThat(r).extracting(LamRecord::id).doesNotHaveDuplicates();
            }
        }
        Path tess = Corpus.file("hocr/hocr-tools/test/testdata/tess.hocr");
        assertThat(Read.all(tess, "line")).hasSize(37);
        assertThat(Read.all(Corpus.file("hocr/hocr-tools/test/testdata/sample.html"), "line")).hasSize(37);
        LamRecord word = Read.all(tess, "word").get(1);
        assertThat(word.text()).hasValue("Down");
        assertThat(word.confidence().getAsDouble()).isEqualTo(0.91);
        assertThat(word.label("language")).containsExactly("en");
    }
}
