package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every IIIF file of the shared corpus, at every granularity, and fields checked on several. */
class IiifCorpusTest {

    static Stream<Path> corpusFiles() {
        List<Path> all = new ArrayList<>(Corpus.files("iiif-v2"));
        all.addAll(Corpus.files("iiif-v3"));
        return all.stream().filter(p -> p.toString().endsWith(".json"));
    }

    private static ReadOptions.Builder skipNoFetch() {
        return ReadOptions.builder().format("iiif").errorPolicy(ErrorPolicy.SKIP).set("iiif.fetch", "never");
    }

    private static Run corpus(String relative) {
        return read(Corpus.file(relative), skipNoFetch());
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyCorpusFileIsReadAtEveryGranularityWithoutAnError(Path file) {
        for (String g : List.of("canvas", "manifest", "annotation")) {
            Run run = read(file, skipNoFetch().granularity(g));
            assertThat(run.problems).as("%s at %s", file, g)
                    .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING));
            assertThat(run.records).allSatisfy(r -> {
                assertThat(r.format()).isEqualTo("iiif");
                assertThat(r.group()).isPresent();
            });
            assertThat(run.records.stream().map(LamRecord::id).distinct().count())
                    .as("ids unique in %s", file).isEqualTo(run.records.size());
        }
    }

    @Test
    void theV2SpecificationExampleGivesThreeCanvasesWithImagesServicesAndMappedMetadata() {
        Run run = corpus("iiif-v2/iiif-apis/src/test/resources/spec/presentation/full_response.json");

        assertThat(run.ids()).containsExactly("http://example.org/iiif/book1/canvas/p1",
                "http://example.org/iiif/book1/canvas/p2", "http://example.org/iiif/book1/canvas/p3");
        LamRecord p2 = run.records.get(1);
        assertThat(p2.group()).contains("http://example.org/iiif/book1/manifest");
        assertThat(p2.images()).containsExactly(ImageRef.builder(
                "http://example.org/images/book1-page2/full/1500,2000/0/default.jpg")
                .service("http://example.org/images/book1-page2").size(1500, 2000).mime("image/jpeg").build());
        IiifImageService s = p2.unwrap(IiifCanvas.class).orElseThrow().service().orElseThrow();
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.width()).hasValue(6000);
        assertThat(s.url(new Region(0, 0, 3000, 4000), IiifImageService.Size.bestFit(512, 512)))
                .isEqualTo("http://example.org/images/book1-page2/0,0,3000,4000/!512,512/0/default.jpg");
        assertThat(p2.label("title")).containsExactly("Book 1");
        assertThat(p2.label("part")).containsExactly("p. 2");
        assertThat(p2.label("creator")).containsExactly("Anne Author");
        assertThat(p2.label("iiif:metadata:Published")).containsExactly("Paris, circa 1400");
        assertThat(p2.label("date")).containsExactly("1856");
        assertThat(p2.label("rights")).containsExactly("Provided by Example Organization",
                "https://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(p2.label("identifier")).containsExactly("http://example.org/library/catalog/book1.marc");
        assertThat(p2.label("description")).containsExactly(
                "A longer description of this example book. It should give some real information.");
        assertThat(read(Corpus.file("iiif-v2/iiif-apis/src/test/resources/spec/presentation/full_response.json"),
                skipNoFetch().set("iiif.prefer-language", "fr")).records.get(0).label("iiif:metadata:Published"))
                .containsExactly("Paris, environ 14eme siecle");
    }

    @Test
    void aLargeGallicaManifestGivesOneRecordPerCanvasWithVersionOneServices() {
        Run run = corpus("iiif-v2/iiif-apis/src/test/resources/external/biblissima_ark_12148_btv1b9007608v.json");

        assertThat(run.records).hasSize(502);
        LamRecord first = run.records.get(0);
        assertThat(first.id()).isEqualTo("http://gallica.bnf.fr/iiif/ark:/12148/btv1b9007608v/canvas/f1");
        assertThat(first.label("title")).startsWith("Paris, BnF,  MSS Français 5");
        assertThat(first.label("part")).containsExactly("NP");
        assertThat(first.images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("http://gallica.bnf.fr/ark:/12148/btv1b9007608v/f1.highres");
            assertThat(i.service()).contains("http://gallica.bnf.fr/iiif/ark:/12148/btv1b9007608v/f1");
            assertThat(i.width()).hasValue(2958);
        });
        IiifImageService s = first.unwrap(IiifCanvas.class).orElseThrow().service().orElseThrow();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.fullUrl()).isEqualTo("http://gallica.bnf.fr/iiif/ark:/12148/btv1b9007608v/f1/full/full/0/native.jpg");
    }

    @Test
    void aPresentationOneManifestIsReadAsVersionTwoWithAWarning() {
        Run run = corpus("iiif-v2/iiif-apis/src/test/resources/external/yale_decretum.json");

        assertThat(run.records).hasSize(787);
        assertThat(run.warnings("version")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Presentation 1"));
        assertThat(run.records.get(0).images().get(0).service())
                .contains("http://scale.ydc2.yale.edu/iiif/78f8d7bb-e15d-48fd-9fd8-71e7f82aae02");
    }

    @Test
    void aV2ManifestWithoutContextIsReadWithAWarning() {
        Run run = corpus("iiif-v2/mirador/__tests__/fixtures/version-2/Osbornfa1.json");

        assertThat(run.ids()).containsExactly("http://scale.ydc2.yale.edu/canvas/684c8053-0247-45a2-b55d-10dd3defebe4");
        assertThat(run.warnings("version")).hasSize(1);
        assertThat(run.records.get(0).label("part")).containsExactly("Osborn fa1, [Bookplates]");
    }

    @Test
    void aBodleianManifestMapsItsMetadataToUniformLabels() {
        Run run = corpus("iiif-v2/mirador/__tests__/fixtures/version-2/001.json");

        LamRecord r = run.records.get(0);
        assertThat(r.label("title")).containsExactly("Bodleian Library Human Freaks 2 (33)", "[Handbill of Mr. Becket, [1787] ]");
        assertThat(r.label("creator")).containsExactly("Becket, Mr ([London], England) [author]");
        assertThat(r.label("contributor")).hasSize(2);
        assertThat(r.label("language")).containsExactly("en");
        assertThat(r.label("subject")).contains("Dwarfs", "Umbrellas");
        assertThat(r.label("collection")).containsExactly("Ephemera", "Entertainment Ephemera");
        // HTML in values is stripped
        assertThat(r.label("iiif:metadata:Homepage")).containsExactly("View on Digital Bodleian");
        assertThat(r.label("rights")).containsExactly("http://creativecommons.org/licenses/by-nc-sa/3.0/.");
    }

    @Test
    void aV3BookGivesFiveCanvasesWithVersionThreeServicesAndJekyllIdsKept() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0009-book-1/manifest.json");

        assertThat(run.ids()).containsExactly("{{ id.path }}/canvas/p1", "{{ id.path }}/canvas/p2",
                "{{ id.path }}/canvas/p3", "{{ id.path }}/canvas/p4", "{{ id.path }}/canvas/p5");
        assertThat(run.records).allSatisfy(r -> {
            assertThat(r.group()).contains("{{ id.url }}");
            assertThat(r.label("title")).containsExactly("Simple Manifest - Book");
            assertThat(r.unwrap(IiifCanvas.class).orElseThrow().service().orElseThrow().version()).isEqualTo(3);
        });
        assertThat(run.records.get(1).label("part")).containsExactly("Frontispiece");
        assertThat(run.records.get(0).images().get(0).service()).contains(
                "https://iiif.io/api/image/3.0/example/reference/59d09e6773341f28ea166e9f3c1e674f-gallica_ark_12148_bpt6k1526005v_f18");
    }

    @Test
    void aV3TableOfContentsGivesNestedRangeLabels() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0024-book-4-toc/manifest.json");

        assertThat(run.records.get(2).label("iiif:range")).containsExactly("Table of Contents",
                "Arede'et [አርድዕት]", "Monday");
    }

    @Test
    void aV3ChoiceGivesItsFirstItemAndKeepsTheOther() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0033-choice/manifest.json");

        LamRecord r = run.records.get(0);
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                "https://iiif.io/api/image/3.0/example/reference/421e65be2ce95439b3ad6ef1f2ab87a9-dee-natural/full/max/0/default.jpg");
        IiifCanvas view = r.unwrap(IiifCanvas.class).orElseThrow();
        assertThat(view.images().get(0).label()).contains("Natural Light");
        assertThat(view.alternatives()).singleElement().satisfies(a -> assertThat(a.label()).contains("X-Ray"));
    }

    @Test
    void aV3ImageApiSelectorGivesTheImageRegion() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0299-region/manifest.json");

        assertThat(run.records.get(0).images()).singleElement().satisfies(i -> {
            assertThat(i.region()).contains(new Region(1768, 2423, 1768, 2080));
            assertThat(i.width()).hasValue(3536);
        });
    }

    @Test
    void aCompositeCanvasGivesEveryPaintedImage() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0036-composition-from-multiple-images/manifest.json");

        assertThat(run.records.get(0).images()).hasSize(2);
    }

    @Test
    void canvasMetadataAndEmbeddedCommentsReachTheCanvasRecords() {
        Run meta = corpus("iiif-v3/cookbook-recipes/recipe/0029-metadata-anywhere/manifest.json");
        assertThat(meta.records.get(0).label("part")).containsExactly("Painting under natural light");
        assertThat(meta.records.get(0).label("date")).containsExactly("1800/1899");
        assertThat(meta.records.get(0).label("iiif:metadata:Description")).hasSize(1);

        Run comments = corpus("iiif-v3/mirador/__tests__/fixtures/version-3/001.json");
        assertThat(comments.records.get(0).label("description")).contains("I love this!", "this is a face");
    }

    @Test
    void collectionsOfRemoteManifestsGiveNoRecordsAndAWarningWhenNotFetching() {
        Run run = corpus("iiif-v2/mirador/__tests__/fixtures/version-2/collection.json");

        assertThat(run.records).isEmpty();
        assertThat(run.warnings("not-followed")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("55 member(s)"));
    }

    @Test
    void anAudioCanvasGivesARecordWithoutImages() {
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0002-mvm-audio/manifest.json");

        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.images()).isEmpty();
            assertThat(r.label("title")).containsExactly("Simplest Audio Example 1");
            assertThat(r.label("type")).containsExactly("sound");
            assertThat(r.label("iiif:painting")).singleElement().asString().endsWith("128Kbps.mp4");
        });
    }

    @Test
    void aVideoCanvasWithSubtitlesGivesNoImageAndSaysWhatItIsPaintedWith() {
        // before issue 23 the untyped text/vtt body was taken for the canvas's image
        Run run = corpus("iiif-v3/mirador/__tests__/fixtures/version-3/0015-start.json");

        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.images()).isEmpty();
            assertThat(r.label("type")).containsExactly("moving image", "text");
            assertThat(r.label("iiif:painting")).contains("https://example.com/file.vtt");
        });
    }

    @Test
    void aV2ManifestWithTwoSequencesWarnsOfTheCanvasesLeftOutAndCanReadThemAll() {
        String gau = "iiif-v2/mirador/__tests__/fixtures/version-2/gau.json";
        Run first = corpus(gau);
        assertThat(first.records).hasSize(13);
        assertThat(first.warnings("sequences")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2 sequences").contains("12 canvas(es)"));

        Run all = read(Corpus.file(gau), skipNoFetch().set("iiif.all-sequences", "true"));
        assertThat(all.records).hasSize(13 + 12);
        assertThat(all.warnings("sequences")).isEmpty();
        assertThat(all.records.stream().map(LamRecord::id).distinct().count()).isEqualTo(25);
    }

    @Test
    void anImageWithoutASizeOfItsOwnGetsNoneFromTheCanvas() {
        // the newspaper recipe's images give no width and height (nor does their service): the canvas's
        // size (3602x5000) is no longer copied onto them
        Run run = corpus("iiif-v3/cookbook-recipes/recipe/0068-newspaper/newspaper_issue_1-manifest.json");

        assertThat(run.records).isNotEmpty().allSatisfy(r -> {
            assertThat(r.images()).singleElement().satisfies(i -> assertThat(i.width()).isEmpty());
            assertThat(r.unwrap(IiifCanvas.class).orElseThrow().width()).isPresent();
        });
    }
}
