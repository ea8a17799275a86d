package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.junit.jupiter.api.Test;

/**
 * Shapes of real manifests and annotation lists that the corpus does not hold: Mirador 2's
 * annotations (a comment and a tag in one annotation, a choice of selectors), Digital Bodleian's
 * image ids that are their service's, and the like.
 */
class IiifRealShapesTest {

    /** A v2 manifest of one 2000 x 3000 canvas painted with a 1000 x 1500 image, with an annotation list. */
    private static String v2WithAnnotations(String resources) {
        return """
                {"@context": "http://iiif.io/api/presentation/2/context.json",
                 "@id": "https://example.org/iiif/book1/manifest", "@type": "sc:Manifest", "label": "Book 1",
                 "sequences": [{"@type": "sc:Sequence", "canvases": [
                  {"@id": "https://example.org/iiif/book1/canvas/p1", "@type": "sc:Canvas", "label": "p. 1",
                   "width": 2000, "height": 3000,
                   "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                     "on": "https://example.org/iiif/book1/canvas/p1",
                     "resource": {"@id": "https://example.org/iiif/book1/res/p1.jpg", "@type": "dctypes:Image",
                       "format": "image/jpeg", "width": 1000, "height": 1500}}],
                   "otherContent": [{"@id": "https://example.org/iiif/book1/list/p1", "@type": "sc:AnnotationList",
                     "resources": [%s]}]}]}]}
                """.formatted(resources);
    }

    /** What Mirador 2 (and SimpleAnnotationServer) saves: a text and a tag, on a choice of selectors. */
    private static final String MIRADOR2_ANNOTATION = """
            {"@id": "https://example.org/anno/1", "@type": "oa:Annotation",
             "motivation": ["oa:tagging", "oa:commenting"],
             "resource": [{"@type": "dctypes:Text", "format": "text/html", "chars": "<p>A dragon in the margin</p>"},
                          {"@type": "oa:Tag", "chars": "dragon"}],
             "on": [{"@type": "oa:SpecificResource", "full": "https://example.org/iiif/book1/canvas/p1",
                     "selector": {"@type": "oa:Choice",
                       "default": {"@type": "oa:FragmentSelector", "value": "xywh=100,200,300,400"},
                       "item": {"@type": "oa:SvgSelector", "value": "<svg xmlns='http://www.w3.org/2000/svg'><path d='M100,200'/></svg>"}},
                     "within": {"@id": "https://example.org/iiif/book1/manifest", "@type": "sc:Manifest"}}]}
            """;

    @Test
    void aMirador2AnnotationThatCommentsAndTagsGivesItsTextAsACommentAndItsTagAsATag() {
        Run run = read(v2WithAnnotations(MIRADOR2_ANNOTATION), "book1.json", options());

        LamRecord r = run.records.get(0);
        assertThat(r.label("description")).containsExactly("A dragon in the margin");
        assertThat(r.label("subject")).containsExactly("dragon");
        assertThat(r.label("iiif:tag")).containsExactly("dragon");

        Run annos = read(v2WithAnnotations(MIRADOR2_ANNOTATION), "book1.json", options().granularity("annotation"));
        LamRecord a = annos.records.get(0);
        assertThat(a.label("iiif:motivation")).containsExactly("commenting");
        assertThat(a.text()).contains("A dragon in the margin");
        assertThat(a.label("iiif:tag")).containsExactly("dragon");
    }

    @Test
    void aChoiceOfSelectorsGivesTheRegionOfItsFragmentSelector() {
        Run run = read(v2WithAnnotations(MIRADOR2_ANNOTATION), "book1.json", options().granularity("annotation"));

        // canvas 100,200,300,400 on a 2000 x 3000 canvas is half that on the 1000 x 1500 image
        assertThat(run.records.get(0).images()).singleElement()
                .satisfies(i -> assertThat(i.region()).contains(new Region(50, 100, 150, 200)));
    }

    @Test
    void anAnnotationThatOnlyTagsStillGivesTags() {
        String tagging = """
                {"@id": "https://example.org/anno/2", "@type": "oa:Annotation", "motivation": "oa:tagging",
                 "resource": {"@type": "dctypes:Text", "chars": "unicorn"},
                 "on": "https://example.org/iiif/book1/canvas/p1#xywh=0,0,10,10"}
                """;
        Run run = read(v2WithAnnotations(tagging), "book1.json", options());

        assertThat(run.records.get(0).label("iiif:tag")).containsExactly("unicorn");
        assertThat(run.records.get(0).label("description")).isEmpty();
    }

    @Test
    void anImageWhoseIdIsItsServiceGetsTheServicesFullSizeUrl() {
        // Digital Bodleian's v2 (and v3) manifests: the image resource's id is the Image API service's base URI
        String json = """
                {"@context": "http://iiif.io/api/presentation/2/context.json",
                 "@id": "https://iiif.bodleian.ox.ac.uk/iiif/manifest/abc.json", "@type": "sc:Manifest", "label": "MS. 1",
                 "sequences": [{"@type": "sc:Sequence", "canvases": [
                  {"@id": "https://iiif.bodleian.ox.ac.uk/iiif/canvas/abc.json", "@type": "sc:Canvas", "label": "fol. 1r",
                   "width": 5776, "height": 9125,
                   "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                     "on": "https://iiif.bodleian.ox.ac.uk/iiif/canvas/abc.json",
                     "resource": {"@id": "https://iiif.bodleian.ox.ac.uk/iiif/image/abc", "@type": "dctypes:Image",
                       "format": "image/jpeg", "width": 5776, "height": 9125,
                       "service": {"@context": "http://iiif.io/api/image/2/context.json",
                         "profile": "http://iiif.io/api/image/2/level1.json",
                         "@id": "https://iiif.bodleian.ox.ac.uk/iiif/image/abc/"}}}]},
                  {"@id": "https://iiif.bodleian.ox.ac.uk/iiif/canvas/def.json", "@type": "sc:Canvas", "label": "fol. 1v",
                   "width": 100, "height": 100,
                   "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
                     "on": "https://iiif.bodleian.ox.ac.uk/iiif/canvas/def.json",
                     "resource": {"@id": "https://iiif.example.org/iiif/3/def/info.json", "@type": "dctypes:Image",
                       "service": {"id": "https://iiif.example.org/iiif/3/def", "type": "ImageService3", "profile": "level1"}}}]}]}]}
                """;
        Run run = read(json, "bodleian.json", options());

        assertThat(run.records.get(0).images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("https://iiif.bodleian.ox.ac.uk/iiif/image/abc/full/full/0/default.jpg");
            assertThat(i.service()).contains("https://iiif.bodleian.ox.ac.uk/iiif/image/abc");
            assertThat(i.width()).hasValue(5776);
        });
        assertThat(run.records.get(1).images()).extracting(ImageRef::uri)
                .containsExactly("https://iiif.example.org/iiif/3/def/full/max/0/default.jpg");
    }
    @Test
    void v2RangesNamingTheirSubRangesAsMembersGiveTheWholeChainOutermostFirst() {
        // Presentation 2.1 "members": canvases and ranges in order, sub-ranges by reference
        String json = """
                {"@context": "http://iiif.io/api/presentation/2/context.json",
                 "@id": "https://example.org/iiif/b/manifest", "@type": "sc:Manifest", "label": "B",
                 "sequences": [{"@type": "sc:Sequence", "canvases": [
                  {"@id": "https://example.org/iiif/b/canvas/1", "@type": "sc:Canvas", "width": 10, "height": 10},
                  {"@id": "https://example.org/iiif/b/canvas/2", "@type": "sc:Canvas", "width": 10, "height": 10}]}],
                 "structures": [
                  {"@id": "https://example.org/iiif/b/range/top", "@type": "sc:Range", "label": "Livre", "viewingHint": "top",
                   "members": [{"@id": "https://example.org/iiif/b/canvas/1", "@type": "sc:Canvas", "label": "Cover"},
                               {"@id": "https://example.org/iiif/b/range/ch1", "@type": "sc:Range", "label": "Chapitre 1"}]},
                  {"@id": "https://example.org/iiif/b/range/ch1", "@type": "sc:Range", "label": "Chapitre 1",
                   "members": [{"@id": "https://example.org/iiif/b/canvas/2", "@type": "sc:Canvas", "label": "f. 1"}]}]}
                """;
        Run run = read(json, "b.json", options());

        assertThat(run.records.get(0).label("iiif:range")).containsExactly("Livre");
        assertThat(run.records.get(1).label("iiif:range")).containsExactly("Livre", "Chapitre 1");
    }
    @Test
    void aPagedV2CollectionIsReadPageByPageFromItsFirstPage() {
        // Presentation 2.1 paging: the collection names only its first page, each page the next
        // (page 2 names page 1 again as its next: a cycle, not read twice)
        Run run = read(IiifTesting.fixture("paged/top.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/m1/canvas/1", "https://example.org/iiif/m2/canvas/1",
                "https://example.org/iiif/m3/canvas/1");
        assertThat(run.records).allSatisfy(r -> assertThat(r.label("collection")).containsExactly("Paged collection"));
        assertThat(run.problems).isEmpty();
    }
    @Test
    void eCodicesQualifiedMetadataLabelsMapToUniformLabels() {
        String json = """
                {"@context": "http://iiif.io/api/presentation/2/context.json",
                 "@id": "https://www.e-codices.unifr.ch/metadata/iiif/csg-0390/manifest.json", "@type": "sc:Manifest",
                 "label": "St. Gallen, Stiftsbibliothek, Cod. Sang. 390",
                 "metadata": [
                  {"label": "Collection Name", "value": "Stiftsbibliothek"},
                  {"label": "Document Type", "value": "Manuscript"},
                  {"label": "Title (English)", "value": "Antiphonarium officii"},
                  {"label": "Place of Origin (English)", "value": "St. Gallen"},
                  {"label": "Date of Origin (English)", "value": "1000"},
                  {"label": "Summary (English)", "value": "The so-called <i>Hartker Antiphonary</i>."},
                  {"label": "Text Language", "value": "Latin"},
                  {"label": "Dimensions (cm)", "value": "22.5 x 16.5"}],
                 "sequences": [{"canvases": [{"@id": "https://www.e-codices.unifr.ch/metadata/iiif/csg-0390/canvas/1",
                   "@type": "sc:Canvas", "width": 10, "height": 10}]}]}
                """;
        LamRecord r = read(json, "csg-0390.json", options()).records.get(0);

        assertThat(r.label("title")).containsExactly("St. Gallen, Stiftsbibliothek, Cod. Sang. 390", "Antiphonarium officii");
        assertThat(r.label("collection")).containsExactly("Stiftsbibliothek");
        assertThat(r.label("type")).containsExactly("Manuscript");
        assertThat(r.label("place")).containsExactly("St. Gallen");
        assertThat(r.label("date")).containsExactly("1000");
        assertThat(r.label("description")).containsExactly("The so-called Hartker Antiphonary.");
        assertThat(r.label("language")).containsExactly("la");
        assertThat(r.label("iiif:metadata:Dimensions (cm)")).containsExactly("22.5 x 16.5");
    }

    @Test
    void theSameImagePaintedTwiceOnACanvasIsOneImage() {
        // e-codices repeats a canvas's painting annotation, id and all
        String anno = """
                {"@id": "https://example.org/iiif/m/annotation/mat.json", "@type": "oa:Annotation", "motivation": "sc:painting",
                 "on": "https://example.org/iiif/m/canvas/mat.json",
                 "resource": {"@id": "https://example.org/loris/mat.jp2/full/full/0/default.jpg", "@type": "dctypes:Image",
                   "format": "image/jpeg", "height": 8176, "width": 6132,
                   "service": {"@context": "http://iiif.io/api/image/2/context.json", "@id": "https://example.org/loris/mat.jp2",
                     "profile": "http://iiif.io/api/image/2/level2.json"}}}
                """;
        String json = """
                {"@context": "http://iiif.io/api/presentation/2/context.json", "@id": "https://example.org/iiif/m/manifest.json",
                 "@type": "sc:Manifest", "label": "M",
                 "sequences": [{"canvases": [{"@id": "https://example.org/iiif/m/canvas/mat.json", "@type": "sc:Canvas",
                   "label": "Casing", "height": 8176, "width": 6132, "images": [%s, %s]}]}]}
                """.formatted(anno, anno);
        LamRecord r = read(json, "m.json", options()).records.get(0);

        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/loris/mat.jp2/full/full/0/default.jpg");
        assertThat(r.unwrap(IiifCanvas.class).orElseThrow().images()).hasSize(1);
    }
    @Test
    void anAnnotationOnACanvasOfImagesThatDoNotFillItGetsItsRegionOnTheImagesItMeets() {
        // a 2000 x 1000 canvas: a 2000 x 2000 image painted on its left half, a 500 x 500 one on its right half
        Run run = read(IiifTesting.fixture("painting/composite-v3.json"), options().granularity("annotation"));

        assertThat(run.ids()).containsExactly("https://example.org/iiif/c/ocr/l1", "https://example.org/iiif/c/ocr/l2",
                "https://example.org/iiif/c/ocr/l3", "https://example.org/iiif/c/ocr/l4");
        // a line on the left half is on the left image only, twice as large there
        assertThat(run.records.get(0).images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("https://example.org/img/left.jpg");
            assertThat(i.region()).contains(new Region(200, 200, 400, 100));
        });
        // a line on the right half is on the right image only, half as large there
        assertThat(run.records.get(1).images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("https://example.org/img/right.jpg");
            assertThat(i.region()).contains(new Region(50, 50, 100, 25));
        });
        // a line across both: its part on each
        assertThat(run.records.get(2).images()).extracting(i -> i.region().orElseThrow())
                .containsExactly(new Region(1800, 0, 200, 200), new Region(0, 0, 50, 50));
        // the whole canvas: both images whole
        assertThat(run.records.get(3).images()).extracting(i -> i.region().isPresent()).containsExactly(false, false);
    }
    @Test
    void aLocalMemberNamedWithAFragmentIsReadFromItsFile() {
        Run run = read(IiifTesting.fixture("paged/members-with-fragments.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/m1/canvas/1", "https://example.org/iiif/m2/canvas/1");
        assertThat(run.problems).isEmpty();
    }
    @Test
    void aPlainTextTranscriptionKeepsItsAngleBracketsAndAmpersands() {
        // Leiden conventions: <erator> is an editor's supplement, not a tag; text/plain is no HTML
        String json = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/e/manifest",
                 "type": "Manifest", "label": {"en": ["Inscription"]},
                 "items": [{"id": "https://example.org/iiif/e/canvas/1", "type": "Canvas", "width": 100, "height": 100,
                   "annotations": [{"id": "https://example.org/iiif/e/tr/1", "type": "AnnotationPage", "items": [
                     {"id": "https://example.org/iiif/e/tr/l1", "type": "Annotation", "motivation": "supplementing",
                      "body": {"type": "TextualBody", "format": "text/plain", "value": " Imp<erator> Caes<ar> &amp; co "},
                      "target": "https://example.org/iiif/e/canvas/1"},
                     {"id": "https://example.org/iiif/e/tr/l2", "type": "Annotation", "motivation": "supplementing",
                      "body": {"type": "TextualBody", "format": "text/html", "value": "<p>Second &amp; line</p>"},
                      "target": "https://example.org/iiif/e/canvas/1"}]}]}]}
                """;
        LamRecord r = read(json, "e.json", options()).records.get(0);

        assertThat(r.text()).contains("Imp<erator> Caes<ar> &amp; co\nSecond & line");
    }
    @Test
    void aV2ManifestWhoseSequenceIsOnlyReferencedIsReadFromTheSequence() {
        Run run = read(IiifTesting.fixture("painting/referenced-sequence-v2.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/ns/canvas/1");
        assertThat(run.records.get(0).label("title")).containsExactly("A manifest whose sequence is only referenced");
        assertThat(run.records.get(0).images()).extracting(ImageRef::uri).containsExactly("https://example.org/images/ns-1.jpg");
    }

    @Test
    void aRemoteReferencedSequenceThatIsNotFetchedIsReported() {
        String json = """
                {"@context": "http://iiif.io/api/presentation/2/context.json", "@id": "https://example.org/iiif/ns/manifest",
                 "@type": "sc:Manifest", "label": "M",
                 "sequences": [{"@id": "https://example.org/iiif/ns/sequence/normal", "@type": "sc:Sequence"}]}
                """;
        Run run = read(json, "ns.json", options());

        assertThat(run.records).isEmpty();
        assertThat(run.warnings("not-followed")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("https://example.org/iiif/ns/sequence/normal"));
    }
    @Test
    void v3RangesListedFlatAndNamedByReferenceGiveTheWholeChain() {
        // what v2-to-v3 upgraders write: every range at the top of structures, sub-ranges by id and type only
        String json = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/b/manifest",
                 "type": "Manifest", "label": {"en": ["B"]},
                 "items": [{"id": "https://example.org/iiif/b/canvas/1", "type": "Canvas", "width": 10, "height": 10},
                           {"id": "https://example.org/iiif/b/canvas/2", "type": "Canvas", "width": 10, "height": 10}],
                 "structures": [
                  {"id": "https://example.org/iiif/b/range/0", "type": "Range", "label": {"en": ["Book"]},
                   "items": [{"id": "https://example.org/iiif/b/range/1", "type": "Range"},
                             {"id": "https://example.org/iiif/b/range/2", "type": "Range"}]},
                  {"id": "https://example.org/iiif/b/range/1", "type": "Range", "label": {"en": ["Front matter"]},
                   "items": [{"id": "https://example.org/iiif/b/canvas/1", "type": "Canvas"}]},
                  {"id": "https://example.org/iiif/b/range/2", "type": "Range", "label": {"en": ["Chapter 1"]},
                   "items": [{"id": "https://example.org/iiif/b/canvas/2", "type": "Canvas"}]}]}
                """;
        Run run = read(json, "b3.json", options());

        assertThat(run.records.get(0).label("iiif:range")).containsExactly("Book", "Front matter");
        assertThat(run.records.get(1).label("iiif:range")).containsExactly("Book", "Chapter 1");
    }
    @Test
    void aLanguageWithNoValuesInALanguageMapFallsBackToOneThatHasSome() {
        String json = """
                {"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://example.org/iiif/l/manifest",
                 "type": "Manifest", "label": {"none": [], "en": ["The English title"]},
                 "metadata": [{"label": {"en": ["Date"]}, "value": {"en": [""], "none": ["1850"]}}],
                 "items": [{"id": "https://example.org/iiif/l/canvas/1", "type": "Canvas", "width": 10, "height": 10,
                   "label": {"en": [], "none": ["f. 1r"]}}]}
                """;
        LamRecord unpreferred = read(json, "l.json", options()).records.get(0);
        LamRecord english = read(json, "l.json", options().set("iiif.prefer-language", "en")).records.get(0);

        assertThat(unpreferred.label("title")).containsExactly("The English title");
        assertThat(english.label("title")).containsExactly("The English title");
        assertThat(english.label("part")).containsExactly("f. 1r");
        assertThat(english.label("date")).containsExactly("1850");
    }
}
