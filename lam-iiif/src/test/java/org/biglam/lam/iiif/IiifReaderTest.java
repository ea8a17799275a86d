package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IiifReaderTest {

    private static final String M = "https://example.org/iiif/herbal/manifest";
    private static final String C1 = "https://example.org/iiif/herbal/canvas/1";
    private static final String C2 = "https://example.org/iiif/herbal/canvas/2";

    private static final List<String> CANVAS_LABELS_IN_ORDER = List.of("title", "description",
            "iiif:metadata:Author", "creator", "iiif:metadata:Date", "date", "iiif:metadata:Language", "language",
            "iiif:metadata:Subject", "subject", "iiif:metadata:Shelfmark", "identifier", "iiif:metadata:Binding",
            "rights", "iiif:navDate", "part");

    @Test
    void aV3ManifestGivesOneRecordPerCanvasWithImagesTextAndLabels() {
        Run run = read(fixture("same-object-v3.json"), options());

        assertThat(run.ids()).containsExactly(C1, C2);
        LamRecord first = run.records.get(0);
        assertThat(first.format()).isEqualTo("iiif");
        assertThat(first.group()).contains(M);
        assertThat(first.text()).isEmpty();
        assertThat(first.images()).containsExactly(ImageRef.builder(
                "https://example.org/iiif/image/herbal-1/full/full/0/default.jpg")
                .service("https://example.org/iiif/image/herbal-1").size(2000, 3000).mime("image/jpeg").build());
        assertThat(first.labels().keySet()).containsExactlyElementsOf(CANVAS_LABELS_IN_ORDER);
        assertThat(first.labels()).containsEntry("title", List.of("A Herbal"))
                .containsEntry("part", List.of("f. 1r"))
                .containsEntry("description", List.of("A herbal with coloured woodcuts."))
                .containsEntry("creator", List.of("Gerard, John, 1545-1612"))
                .containsEntry("date", List.of("1597/1633", "1597"))
                .containsEntry("iiif:metadata:Date", List.of("c. 1597-1633"))
                .containsEntry("language", List.of("en", "la"))
                .containsEntry("subject", List.of("Botany", "Materia medica"))
                .containsEntry("identifier", List.of("MS Herb. 12", "https://example.org/objects/herbal",
                        "https://example.org/objects/herbal.xml"))
                .containsEntry("iiif:metadata:Binding", List.of("Calf, rebacked"))
                .containsEntry("rights", List.of("Provided by Example Library",
                        "http://creativecommons.org/publicdomain/mark/1.0/"))
                .containsEntry("iiif:navDate", List.of("1597-01-01T00:00:00Z"));
        assertThat(first.source().orElseThrow().index()).hasValue(0);

        LamRecord second = run.records.get(1);
        assertThat(second.text()).contains("Of the Rose.\nThe kindes.");
        assertThat(second.label("part")).containsExactly("f. 1v");
        assertThat(second.label("description")).containsExactly("A herbal with coloured woodcuts.",
                "Hand-coloured woodcut.");
        assertThat(second.label("subject")).containsExactly("Botany", "Materia medica", "rose");
        assertThat(second.label("iiif:tag")).containsExactly("rose");
        assertThat(run.problems).isEmpty();
    }

    @Test
    void aV2AndAV3ManifestOfTheSameObjectGiveTheSameRecordsAtEveryGranularity() {
        for (String g : List.of("canvas", "manifest", "annotation")) {
            List<LamRecord> v2 = read(fixture("same-object-v2.json"), options().granularity(g)).records.stream()
                    .map(IiifTesting::withoutSource).collect(Collectors.toList());
            List<LamRecord> v3 = read(fixture("same-object-v3.json"), options().granularity(g)).records.stream()
                    .map(IiifTesting::withoutSource).collect(Collectors.toList());
            assertThat(v2).as(g).isNotEmpty().isEqualTo(v3);
        }
    }

    @Test
    void theCanvasViewCarriesServicesInTheirOwnVersionWithTheirLimits() {
        LamRecord v3 = read(fixture("same-object-v3.json"), options()).records.get(0);
        LamRecord v2 = read(fixture("same-object-v2.json"), options()).records.get(0);
        IiifCanvas c3 = v3.unwrap(IiifCanvas.class).orElseThrow();
        IiifCanvas c2 = v2.unwrap(IiifCanvas.class).orElseThrow();

        assertThat(c3.presentationVersion()).isEqualTo(3);
        assertThat(c2.presentationVersion()).isEqualTo(2);
        assertThat(c3.width()).hasValue(1000);
        assertThat(c3.height()).hasValue(1500);
        IiifImageService s3 = c3.service().orElseThrow();
        IiifImageService s2 = c2.service().orElseThrow();
        assertThat(s3.version()).isEqualTo(3);
        assertThat(s2.version()).isEqualTo(2);
        assertThat(s3.maxWidth()).hasValue(1000);
        assertThat(s2.maxWidth()).hasValue(1000);
        assertThat(s3.fullUrl()).isEqualTo("https://example.org/iiif/image/herbal-1/full/max/0/default.jpg");
        assertThat(s2.fullUrl()).isEqualTo("https://example.org/iiif/image/herbal-1/full/666,1000/0/default.jpg");
        assertThat(s2.url(new Region(0, 0, 1000, 1000), IiifImageService.Size.width(500)))
                .isEqualTo("https://example.org/iiif/image/herbal-1/0,0,1000,1000/500,/0/default.jpg");
        assertThat(c3.thumbnails()).extracting(i -> i.ref().uri())
                .containsExactly("https://example.org/iiif/image/herbal-1/full/200,/0/default.jpg");
    }

    @Test
    void theAnnotationGranularityGivesTranscriptionsTagsAndCommentsWithTheirRegionsOnTheImage() {
        Run run = read(fixture("same-object-v3.json"), options().granularity("annotation"));

        assertThat(run.ids()).containsExactly(
                "https://example.org/iiif/herbal/annotation/2-line-1",
                "https://example.org/iiif/herbal/annotation/2-line-2",
                "https://example.org/iiif/herbal/annotation/2-tag",
                "https://example.org/iiif/herbal/annotation/2-comment");
        LamRecord line = run.records.get(0);
        assertThat(line.text()).contains("Of the Rose.");
        assertThat(line.group()).contains(M);
        assertThat(line.label("iiif:motivation")).containsExactly("supplementing");
        assertThat(line.label("iiif:canvas")).containsExactly(C2);
        assertThat(line.label("part")).containsExactly("f. 1v");
        // the canvas is 1000x1500, the image 2000x3000: the canvas region doubles
        assertThat(line.images()).singleElement().satisfies(i -> {
            assertThat(i.region()).contains(new Region(200, 200, 1600, 200));
            assertThat(i.service()).contains("https://example.org/iiif/image/herbal-2");
        });
        LamRecord tag = run.records.get(2);
        assertThat(tag.text()).isEmpty();
        assertThat(tag.label("iiif:tag")).containsExactly("rose");
        assertThat(tag.label("subject")).startsWith("rose");
        assertThat(tag.images().get(0).region()).contains(new Region(400, 800, 1000, 1400));
        LamRecord comment = run.records.get(3);
        assertThat(comment.label("iiif:motivation")).containsExactly("commenting");
        assertThat(comment.text()).contains("Hand-coloured woodcut.");
        assertThat(comment.images().get(0).region()).isEmpty();
    }

    @Test
    void annotationsWithoutIdsGetTheCanvasIdAndTheirFragment() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":\"Manifest\","
                + "\"items\":[{\"id\":\"c1\",\"type\":\"Canvas\",\"width\":10,\"height\":10,\"annotations\":[{\"type\":"
                + "\"AnnotationPage\",\"items\":[{\"type\":\"Annotation\",\"motivation\":\"supplementing\",\"body\":"
                + "{\"type\":\"TextualBody\",\"value\":\"a\"},\"target\":\"c1#xywh=1,2,3,4\"},{\"type\":\"Annotation\","
                + "\"motivation\":\"commenting\",\"body\":{\"type\":\"TextualBody\",\"value\":\"b\"},\"target\":\"c1\"}]}]}]}";
        Run run = read(json, "m.json", options().granularity("annotation"));

        assertThat(run.ids()).containsExactly("c1#xywh=1,2,3,4", "c1#annotation-2");
    }

    @Test
    void theManifestGranularityGivesOneRecordWithEveryImageAndTheWholeText() {
        Run run = read(fixture("same-object-v3.json"), options().granularity("manifest"));

        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(M);
            assertThat(r.group()).contains(M);
            assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                    "https://example.org/iiif/image/herbal-1/full/full/0/default.jpg",
                    "https://example.org/iiif/image/herbal-2/full/full/0/default.jpg");
            assertThat(r.text()).contains("Of the Rose.\nThe kindes.");
            assertThat(r.label("title")).containsExactly("A Herbal");
            assertThat(r.label("part")).isEmpty();
            assertThat(r.label("iiif:canvases")).containsExactly("2");
        });
    }

    @Test
    void thePreferredLanguageChoosesLabelsAndFallsBackToNoneThenTheFirst() {
        Path v3 = fixture("same-object-v3.json");
        Path v2 = fixture("same-object-v2.json");
        assertThat(read(v3, options().set("iiif.prefer-language", "de")).records.get(0).label("title"))
                .containsExactly("Ein Kräuterbuch");
        assertThat(read(v2, options().set("iiif.prefer-language", "de")).records.get(0).label("title"))
                .containsExactly("Ein Kräuterbuch");
        assertThat(read(v3, options().formatOptions(IiifOptions.builder().preferLanguage("de-AT").build()))
                .records.get(0).label("title")).containsExactly("Ein Kräuterbuch");
        // no German summary: the first language given
        assertThat(read(v3, options().set("iiif.prefer-language", "de")).records.get(0).label("description"))
                .containsExactly("A herbal with coloured woodcuts.");
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":\"Manifest\","
                + "\"label\":{\"fr\":[\"Livre\"],\"none\":[\"Buk\"],\"en\":[\"Book\"]},\"items\":[{\"id\":\"c\",\"type\":"
                + "\"Canvas\",\"label\":{\"fr\":[\"page\"]}}]}";
        LamRecord r = read(json, "m.json", options().set("iiif.prefer-language", "it")).records.get(0);
        assertThat(r.label("title")).containsExactly("Buk");
        assertThat(r.label("part")).containsExactly("page");
        assertThat(read(json, "m.json", options().set("iiif.prefer-language", "en")).records.get(0).label("title"))
                .containsExactly("Book");
    }

    @Test
    void theRangesHoldingACanvasBecomeItsRangeLabelsOutermostFirst() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"m\",\"@type\":\"sc:Manifest\","
                + "\"sequences\":[{\"canvases\":[{\"@id\":\"c1\",\"@type\":\"sc:Canvas\"},{\"@id\":\"c2\",\"@type\":\"sc:Canvas\"}]}],"
                + "\"structures\":[{\"@id\":\"r0\",\"@type\":\"sc:Range\",\"label\":\"Contents\",\"ranges\":[\"r1\"]},"
                + "{\"@id\":\"r1\",\"@type\":\"sc:Range\",\"label\":\"Chapter 1\",\"canvases\":[\"c2#xywh=0,0,5,5\"]}]}";
        Run run = read(json, "m.json", options());

        assertThat(run.records.get(0).label("iiif:range")).isEmpty();
        assertThat(run.records.get(1).label("iiif:range")).containsExactly("Contents", "Chapter 1");
    }

    @Test
    void aChoiceGivesItsDefaultItemAsTheImageAndKeepsTheOthersInTheView() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"m\",\"@type\":\"sc:Manifest\","
                + "\"sequences\":[{\"canvases\":[{\"@id\":\"c\",\"@type\":\"sc:Canvas\",\"width\":10,\"height\":20,"
                + "\"images\":[{\"@type\":\"oa:Annotation\",\"motivation\":\"sc:painting\",\"on\":\"c\",\"resource\":"
                + "{\"@type\":\"oa:Choice\",\"default\":{\"@id\":\"natural.jpg\",\"@type\":\"dctypes:Image\",\"label\":\"Natural\"},"
                + "\"item\":[{\"@id\":\"xray.jpg\",\"@type\":\"dctypes:Image\",\"label\":\"X-Ray\"}]}}]}]}]}";
        LamRecord r = read(json, "m.json", options()).records.get(0);

        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("natural.jpg");
        // the image gives no size: none is made up from the canvas's (issue 23), which the view keeps
        assertThat(r.images().get(0).width()).isEmpty();
        IiifCanvas view = r.unwrap(IiifCanvas.class).orElseThrow();
        assertThat(view.width()).hasValue(10);
        assertThat(view.images()).extracting(i -> i.label().orElse(null)).containsExactly("Natural");
        assertThat(view.alternatives()).extracting(i -> i.ref().uri()).containsExactly("xray.jpg");
    }

    @Test
    void aNestedCollectionIsFollowedWithItsCyclesSkippedAndReported() {
        Run run = read(fixture("collection/top.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/m2/canvas/1",
                "https://example.org/iiif/m1/canvas/1");
        assertThat(run.records.get(0).label("collection")).containsExactly("Sub collection");
        assertThat(run.records.get(0).group()).contains("https://example.org/iiif/m2/manifest");
        assertThat(run.records.get(0).source().orElseThrow().uri()).endsWith("/collection/m2.json");
        assertThat(run.records.get(1).label("collection")).containsExactly("Top collection");
        assertThat(run.warnings("cycle")).hasSize(2)
                .allSatisfy(p -> assertThat(p.location().input()).endsWith("/collection/sub.json"));
    }

    @Test
    void collectionsDeeperThanTheLimitAreNotFollowed() {
        Run run = read(fixture("collection/top.json"), options().set("iiif.max-collection-depth", "1"));

        assertThat(run.ids()).containsExactly("https://example.org/iiif/m1/canvas/1");
        assertThat(run.warnings("depth")).hasSize(1);
    }

    @Test
    void aBrokenCollectionMemberIsReportedWithItsLineAndTheOthersAreRead() {
        Run run = read(fixture("collection/with-bad-member-v2.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/m2/canvas/1",
                "https://example.org/iiif/m1/canvas/1");
        assertThat(run.records.get(0).label("collection")).containsExactly("Embedded");
        assertThat(run.warnings("malformed")).singleElement().satisfies(p -> {
            assertThat(p.location().input()).endsWith("/collection/broken.json");
            assertThat(p.location().line()).hasValue(5);
            assertThat(p.location().column()).isPresent();
        });
    }

    @Test
    void aBrokenCollectionMemberFailsTheReadUnderFail() {
        assertThatThrownBy(() -> {
            try (Stream<LamRecord> s = Lam.read(fixture("collection/with-bad-member-v2.json"),
                    ReadOptions.builder().build())) {
                s.count();
            }
        }).isInstanceOf(LamFormatException.class).hasMessageContaining("broken.json");
    }

    @Test
    void remoteMembersOfALocalCollectionAreNotFetchedByDefault() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"c\",\"type\":\"Collection\","
                + "\"items\":[{\"id\":\"http://127.0.0.1:9/m.json\",\"type\":\"Manifest\"}]}";
        Run run = read(json, "c.json", options());

        assertThat(run.records).isEmpty();
        assertThat(run.warnings("not-followed")).hasSize(1);
    }

    @Test
    void missingIdsAreReplacedByStableGeneratedOnes() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"type\":\"Manifest\","
                + "\"label\":{\"en\":[\"No ids\"]},\"items\":[{\"type\":\"Canvas\",\"width\":5,\"height\":5},"
                + "{\"type\":\"Canvas\",\"width\":5,\"height\":5}]}";
        Run first = read(json, "noids.json", options());
        Run second = read(json, "noids.json", options());

        assertThat(first.ids()).containsExactly("noids.json#canvas-1", "noids.json#canvas-2");
        assertThat(second.ids()).isEqualTo(first.ids());
        assertThat(first.records.get(0).group()).contains("noids.json");
        assertThat(first.warnings("missing-id")).hasSize(3);
    }

    @Test
    void repeatedCanvasIdsAreMadeUniqueWithAWarning() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\",\"type\":\"Manifest\","
                + "\"items\":[{\"id\":\"c\",\"type\":\"Canvas\"},{\"id\":\"c\",\"type\":\"Canvas\"}]}";
        Run run = read(json, "m.json", options());

        assertThat(run.ids()).containsExactly("c", "c#2");
        assertThat(run.warnings("duplicate-id")).hasSize(1);
    }

    @Test
    void aManifestWithoutContextIsReadByItsShapeWithAWarning() {
        String json = "{\"@id\":\"m\",\"@type\":\"sc:Manifest\",\"label\":\"L\",\"sequences\":[{\"canvases\":[{\"@id\":\"c\","
                + "\"@type\":\"sc:Canvas\",\"label\":\"p1\"}]}]}";
        Run run = read(json, "m.json", options());

        assertThat(run.ids()).containsExactly("c");
        assertThat(run.records.get(0).unwrap(IiifCanvas.class).orElseThrow().presentationVersion()).isEqualTo(2);
        assertThat(run.warnings("version")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no @context"));
    }

    @Test
    void aV3ContextOnAV2ShapedManifestIsReadAsAMixtureWithAWarning() {
        String json = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"@id\":\"m\",\"@type\":\"sc:Manifest\","
                + "\"label\":{\"en\":[\"Mixed\"]},\"sequences\":[{\"canvases\":[{\"id\":\"c\",\"type\":\"Canvas\",\"width\":10,"
                + "\"height\":10,\"images\":[{\"motivation\":\"sc:painting\",\"resource\":{\"@id\":\"i.jpg\",\"service\":{"
                + "\"id\":\"https://x.org/iiif/i\",\"type\":\"ImageService3\",\"profile\":\"level2\"}}}]}]}]}";
        Run run = read(json, "m.json", options());

        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.label("title")).containsExactly("Mixed");
            assertThat(r.images()).singleElement().satisfies(i -> {
                assertThat(i.uri()).isEqualTo("i.jpg");
                assertThat(i.service()).contains("https://x.org/iiif/i");
            });
        });
        assertThat(run.warnings("version")).hasSize(1);
    }

    @Test
    void malformedJsonIsRefusedWithItsLineAndColumn() {
        Run run = read("{\n  \"id\": \"m\",\n  \"items\": [ }\n}", "bad.json", options());

        assertThat(run.records).isEmpty();
        assertThat(run.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("malformed");
            assertThat(p.location().line()).hasValue(3);
            assertThat(p.location().column()).hasValue(14);
        });
    }

    @Test
    void jsonNestedAHundredThousandDeepIsRefusedAtTheDepthLimit() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> {
            try (Stream<LamRecord> s = Lam.read(new java.io.ByteArrayInputStream(deep.getBytes()), "deep.json",
                    ReadOptions.builder().format("iiif").build())) {
                s.count();
            }
        }).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("maxNestingDepth");
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        Run run = read(deepObjects, "deep.json", options());
        assertThat(run.problems).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("limit"));
    }

    @Test
    void stringsAndDocumentsOverTheLimitsAreRefused() {
        String big = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"type\":\"Manifest\",\"label\":{\"en\":[\""
                + "x".repeat(5000) + "\"]},\"items\":[]}";
        ReadOptions.Builder strings = options().limits(org.biglam.lam.ReadLimits.builder().maxStringLength(1000).build());
        assertThat(read(big, "big.json", strings).problems).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("maxStringLength"));
        ReadOptions.Builder bytes = options().limits(org.biglam.lam.ReadLimits.builder().maxRecordBytes(1000).build());
        assertThat(read(big, "big.json", bytes).problems).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("maxRecordBytes"));
    }

    @Test
    void aFolderWithABadFileGivesTheGoodRecordsAndReportsTheBadFileUnderSkip(@TempDir Path dir) throws IOException {
        Files.copy(fixture("same-object-v3.json"), dir.resolve("a.json"));
        Files.writeString(dir.resolve("b.json"), "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\",\n"
                + " \"type\": \"Manifest\", \"items\": [ ,");
        Files.copy(fixture("collection/m1.json"), dir.resolve("c.json"));
        Run run = read(dir, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).set("iiif.fetch", "never"));

        assertThat(run.ids()).containsExactly(C1, C2, "https://example.org/iiif/m1/canvas/1");
        assertThat(run.problems).filteredOn(p -> p.severity() == org.biglam.lam.Problem.Severity.ERROR)
                .singleElement().satisfies(p -> {
                    assertThat(p.location().input()).endsWith("b.json");
                    assertThat(p.location().line()).hasValue(2);
                });
    }

    @Test
    void aDocumentOfAnotherTypeIsReportedAtItsStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("range.json"), "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\",\n"
                + " \"id\": \"https://example.org/r\", \"type\": \"Range\"}");
        Run run = read(dir, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).set("iiif.fetch", "never"));

        assertThat(run.records).isEmpty();
        assertThat(run.problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not a IIIF manifest or collection (type Range)");
            assertThat(p.location().input()).endsWith("range.json");
            assertThat(p.location().offset()).hasValue(0);
        });
    }

    @Test
    void aJsonDocumentThatIsNotAnObjectIsReportedAtItsStart(@TempDir Path dir) throws IOException {
        // fuzz finding of 2026-12-04: the problem named only its input
        Files.writeString(dir.resolve("two.json"), "2 ");
        Run run = read(dir, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).format("iiif"));

        assertThat(run.records).isEmpty();
        assertThat(run.problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("the JSON document is not an object");
            assertThat(p.location().offset()).hasValue(0);
        });
    }

    @Test
    void anEncodingTheJsonParserCannotReadIsMalformedJsonAtByteZero(@TempDir Path dir) throws IOException {
        // fuzz finding of 2026-12-04 (MARC-in-JSON, the same in IIIF): UCS-4 in byte order 3412 was an
        // io error naming only its input
        Files.write(dir.resolve("ucs4.json"), new byte[] {0, 'C', 0, 0, 'C', 'a', '9', '{'});
        Run run = read(dir, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).format("iiif"));

        assertThat(run.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("malformed");
            assertThat(p.message()).startsWith("malformed JSON: ").contains("UCS-4");
            assertThat(p.location().offset()).hasValue(0);
        });
    }

    @Test
    void manifestsInsideAZipArchiveAreReadEntryByEntry(@TempDir Path dir) throws IOException {
        byte[] zip = Archives.zip(Archives.entries()
                .add("books/herbal.json", IiifTesting.text(fixture("same-object-v2.json")))
                .add("books/m1.json", IiifTesting.text(fixture("collection/m1.json"))));
        Path file = Archives.write(dir.resolve("manifests.zip"), zip);
        Run run = read(file, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP));

        assertThat(run.ids()).containsExactly(C1, C2, "https://example.org/iiif/m1/canvas/1");
        assertThat(run.records.get(0).source().orElseThrow().entry()).contains("books/herbal.json");
    }

    @Test
    void anUnknownGranularityIsRefused() {
        assertThatThrownBy(() -> {
            try (Stream<LamRecord> s = Lam.read(fixture("same-object-v3.json"),
                    ReadOptions.builder().granularity("page").build())) {
                s.count();
            }
        }).isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("canvas, manifest, annotation");
    }

    @Test
    void htmlInLabelsAndAnnotationsLosesItsTagsAndItsCharacterReferencesAreDecoded() {
        String canvas = "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"c\",\"type\":\"Canvas\","
                + "\"label\":{\"fr\":[\"<b>Caf&eacute;</b>&nbsp;&amp; th&#xE9;\"]},\"width\":10,\"height\":10,"
                + "\"items\":[{\"type\":\"AnnotationPage\",\"items\":[{\"type\":\"Annotation\",\"motivation\":\"painting\","
                + "\"body\":{\"id\":\"i.jpg\",\"type\":\"Image\"},\"target\":\"c\"}]}],"
                + "\"annotations\":[{\"type\":\"AnnotationPage\",\"items\":[{\"type\":\"Annotation\","
                + "\"motivation\":\"supplementing\",\"body\":{\"type\":\"TextualBody\","
                + "\"value\":\"<p>\u00a0&mdash;&lt;i&gt; kept &unknown;</p>\"},\"target\":\"c\"}]}]}";
        assertThat(read(canvas, "canvas.json", options()).records).singleElement().satisfies(r -> {
            assertThat(r.label("part")).containsExactly("Caf\u00e9 & th\u00e9"); // a no-break space is a space
            assertThat(r.text()).hasValue("\u2014<i> kept &unknown;");
        });
    }

    @Test
    void aLoneCanvasIsReadAsAManifestOfOneCanvas() {
        String canvas = "{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"c\",\"@type\":\"sc:Canvas\","
                + "\"label\":\"p. 1\",\"width\":10,\"height\":10,\"images\":[{\"resource\":{\"@id\":\"i.jpg\"}}]}";
        assertThat(read(canvas, "canvas.json", options()).records).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("c");
            assertThat(r.group()).contains("canvas.json");
            assertThat(r.images()).extracting(ImageRef::uri).containsExactly("i.jpg");
        });
    }

    @Test
    void detectionRecognisesBothVersionsByContent() {
        IiifFormat f = new IiifFormat();
        byte[] v3 = IiifTesting.text(fixture("same-object-v3.json")).getBytes();
        byte[] v2 = IiifTesting.text(fixture("same-object-v2.json")).getBytes();
        byte[] noContext = "{\"@id\":\"m\",\"@type\":\"sc:Manifest\"}".getBytes();
        byte[] other = "{\"name\":\"x\"}".getBytes();
        assertThat(f.probe(v3, v3.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.FULL_MATCH);
        assertThat(f.probe(v2, v2.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.FULL_MATCH);
        assertThat(f.probe(noContext, noContext.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.SOLID_MATCH);
        assertThat(f.probe(other, other.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.INCONCLUSIVE);
        assertThat(Lam.detect(fixture("same-object-v2.json").toString(), ReadOptions.defaults()))
                .singleElement().satisfies(d -> assertThat(d.format()).isEqualTo("iiif"));
        assertThat(Map.of()).isEmpty();
    }

    @Test
    void onlyRemoteReferencesLeftUnfetchedAreCountedAsNotFollowed() {
        Run run = read(fixture("refs/collection.json"), options());

        assertThat(run.records).isEmpty();
        // refused by the origin rule: its own warning, and not "not fetched" (fetching would not read it)
        assertThat(run.warnings("reference")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("collection/m1.json"));
        assertThat(run.warnings("missing-file")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not-here.json", "was not found"));
        assertThat(run.warnings("not-followed")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("2 member(s)").contains("iiif.fetch=always"));
    }

    @Test
    void theCollectionAManifestIsPartOfIsLabelled() {
        String v3 = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/l1/manifest",
                 "type": "Manifest", "label": {"en": ["Letter 1"]},
                 "partOf": [{"id": "https://example.org/iiif/collection/letters", "type": "Collection",
                             "label": {"en": ["Letters of <i>Jane Smith</i>"]}}],
                 "items": [{"id": "https://example.org/iiif/l1/canvas/1", "type": "Canvas", "width": 10, "height": 10}]}
                """;
        String v2 = """
                {"@context": "http://iiif.io/api/presentation/2/context.json", "@id": "https://example.org/iiif/l2/manifest",
                 "@type": "sc:Manifest", "label": "Letter 2", "within": "https://example.org/iiif/collection/letters",
                 "sequences": [{"@type": "sc:Sequence", "canvases": [
                   {"@id": "https://example.org/iiif/l2/canvas/1", "@type": "sc:Canvas", "width": 10, "height": 10}]}]}
                """;
        LamRecord r3 = read(v3, "l1.json", options()).records.get(0);
        LamRecord r2 = read(v2, "l2.json", options()).records.get(0);

        assertThat(r3.label("collection")).containsExactly("Letters of Jane Smith");
        assertThat(r3.label("iiif:partOf")).containsExactly("https://example.org/iiif/collection/letters");
        assertThat(r2.label("collection")).isEmpty(); // no label given, and the collection is not fetched for one
        assertThat(r2.label("iiif:partOf")).containsExactly("https://example.org/iiif/collection/letters");
    }

    @Test
    void htmlAttributeValuesWithAngleBracketsAndScriptAndStyleGiveNoText() {
        String json = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/h/manifest",
                 "type": "Manifest", "label": {"en": ["<span title='a > b'>Book of Hours</span>"]},
                 "metadata": [{"label": {"en": ["Source"]},
                   "value": {"en": ["<a href=\\"https://example.org/search?q=a>b&amp;c=1\\">Catalogue</a> entry"]}},
                  {"label": {"en": ["Note"]},
                   "value": {"en": ["<style>p { color: red }</style><p>Bound in <b>red</b> velvet</p><script type='text/javascript'>if (a < b) { x = '</p>'; }</script>"]}},
                  {"label": {"en": ["Size"]}, "value": {"en": ["height < 20 cm, <!-- checked > twice --> width 12 cm"]}}],
                 "items": [{"id": "https://example.org/iiif/h/canvas/1", "type": "Canvas", "width": 10, "height": 10}]}
                """;
        LamRecord r = read(json, "h.json", options()).records.get(0);

        assertThat(r.label("title")).containsExactly("Book of Hours");
        assertThat(r.label("iiif:metadata:Source")).containsExactly("Catalogue entry");
        assertThat(r.label("iiif:metadata:Note")).containsExactly("Bound in red velvet");
        assertThat(r.label("iiif:metadata:Size")).containsExactly("height < 20 cm, width 12 cm");
    }
}
