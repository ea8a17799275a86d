package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.junit.jupiter.api.Test;

/**
 * Annotations go to the canvas they target: a list that every canvas of a v2 manifest refers to
 * (one transcription list for the whole book), and a v3 manifest's own {@code annotations}.
 */
class IiifAnnotationTargetTest {

    @Test
    void aListSharedByEveryCanvasGivesEachCanvasOnlyTheLinesThatTargetIt() {
        Run run = read(fixture("targets/shared-list-v2.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/letters/canvas/f1r",
                "https://example.org/iiif/letters/canvas/f1v");
        // the list's order is kept; a target with #xywh= or a SpecificResource names the canvas all the same
        assertThat(run.records.get(0).text()).hasValue("My dear brother,\nI write in haste.");
        assertThat(run.records.get(1).text()).hasValue("Your affectionate sister");
        assertThat(run.warnings("annotation-target")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("1 annotation(s)", "https://example.org/iiif/other/canvas/f9r", "left out"));
    }

    @Test
    void anAnnotationGivenToAnotherCanvasHasItsRegionOnThatCanvasImages() {
        Run run = read(fixture("targets/shared-list-v2.json"), options().granularity("annotation"));

        assertThat(run.ids()).containsExactly("https://example.org/iiif/letters/anno/1",
                "https://example.org/iiif/letters/anno/3", "https://example.org/iiif/letters/anno/2");
        LamRecord sister = run.records.get(2);
        assertThat(sister.label("iiif:canvas")).containsExactly("https://example.org/iiif/letters/canvas/f1v");
        assertThat(sister.label("part")).containsExactly("f. 1v");
        // f1v is 2000 x 4000, its image 500 x 1000: the region is scaled by a quarter, on f1v's image
        assertThat(sister.images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("https://example.org/images/f1v.jpg");
            assertThat(i.region()).hasValue(new Region(50, 900, 400, 50));
        });
        assertThat(run.problems).extracting(p -> p.kind()).containsExactly("annotation-target");
    }

    @Test
    void anAnnotationForACanvasReadBeforeItsListIsLeftOutWithAWarning() {
        Run run = read(fixture("targets/earlier-v2.json"), options());

        assertThat(run.records.get(0).text()).isEmpty();
        assertThat(run.records.get(1).text()).hasValue("Your affectionate sister");
        assertThat(run.warnings("annotation-target")).extracting(p -> p.message()).anySatisfy(m -> assertThat(m)
                .contains("2 annotation(s)", "comes before", "https://example.org/iiif/letters/canvas/f1r"));
    }

    @Test
    void aCanvasListWhoseTargetsNameNoCanvasOfTheManifestKeepsItsLinesOnItsCanvas() {
        // every target written with the server's old name: nothing to match, so the reference decides
        Run run = read(fixture("targets/old-base-v2.json"), options());

        assertThat(run.records.get(0).text()).hasValue("My dear brother,\nI write in haste.");
        assertThat(run.records.get(1).text()).hasValue("Your affectionate sister");
        assertThat(run.warnings("annotation-target")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("3 annotation(s)", "old-server.example.edu", "kept with the canvas"));
    }

    private static final String MANIFEST_ANNOTATIONS = """
            {"@context": "http://iiif.io/api/presentation/3/context.json",
             "id": "https://example.org/iiif/letter/manifest", "type": "Manifest", "label": {"en": ["Letter to J. Smith"]},
             "items": [
              {"id": "https://example.org/iiif/letter/canvas/1", "type": "Canvas", "width": 1000, "height": 1000,
               "label": {"none": ["1r"]},
               "items": [{"id": "https://example.org/iiif/letter/page/1", "type": "AnnotationPage", "items": [
                 {"id": "https://example.org/iiif/letter/painting/1", "type": "Annotation", "motivation": "painting",
                  "body": {"id": "https://example.org/images/1r.jpg", "type": "Image", "format": "image/jpeg",
                           "width": 2000, "height": 2000},
                  "target": "https://example.org/iiif/letter/canvas/1"}]}]},
              {"id": "https://example.org/iiif/letter/canvas/2", "type": "Canvas", "width": 1000, "height": 1000,
               "label": {"none": ["1v"]},
               "items": [{"id": "https://example.org/iiif/letter/page/2", "type": "AnnotationPage", "items": [
                 {"id": "https://example.org/iiif/letter/painting/2", "type": "Annotation", "motivation": "painting",
                  "body": {"id": "https://example.org/images/1v.jpg", "type": "Image", "format": "image/jpeg",
                           "width": 2000, "height": 2000},
                  "target": "https://example.org/iiif/letter/canvas/2"}]}]}],
             "annotations": [{"id": "https://example.org/iiif/letter/transcription", "type": "AnnotationPage", "items": [
               {"id": "https://example.org/iiif/letter/t/1", "type": "Annotation", "motivation": "supplementing",
                "body": {"type": "TextualBody", "value": "Dear Sir,", "format": "text/plain", "language": "en"},
                "target": "https://example.org/iiif/letter/canvas/1#xywh=50,50,400,60"},
               {"id": "https://example.org/iiif/letter/t/2", "type": "Annotation", "motivation": "supplementing",
                "body": {"type": "TextualBody", "value": "Yours, Jane", "format": "text/plain"},
                "target": {"type": "SpecificResource",
                           "source": {"id": "https://example.org/iiif/letter/canvas/2", "type": "Canvas"},
                           "selector": {"type": "FragmentSelector", "value": "xywh=50,800,400,60"}}},
               {"id": "https://example.org/iiif/letter/c/1", "type": "Annotation", "motivation": "commenting",
                "body": {"type": "TextualBody", "value": "<p>Written in haste</p>", "format": "text/html"},
                "target": "https://example.org/iiif/letter/canvas/2"},
               {"id": "https://example.org/iiif/letter/c/2", "type": "Annotation", "motivation": "commenting",
                "body": {"type": "TextualBody", "value": "A fine letter", "format": "text/plain"},
                "target": "https://example.org/iiif/letter/manifest"}]}]}
            """;

    @Test
    void aV3ManifestsOwnAnnotationsGoToTheCanvasesTheyTarget() {
        Run run = read(MANIFEST_ANNOTATIONS, "letter.json", options());

        assertThat(run.records).hasSize(2);
        assertThat(run.records.get(0).text()).hasValue("Dear Sir,");
        assertThat(run.records.get(1).text()).hasValue("Yours, Jane");
        assertThat(run.records.get(1).label("description")).containsExactly("Written in haste");
        // the one on the manifest itself has no canvas to go to
        assertThat(run.warnings("annotation-target")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("1 annotation(s)", "target no canvas"));
    }

    @Test
    void aV3ManifestsOwnAnnotationsAreAnnotationRecordsOnTheirCanvas() {
        Run run = read(MANIFEST_ANNOTATIONS, "letter.json", options().granularity("annotation"));

        assertThat(run.ids()).containsExactly("https://example.org/iiif/letter/t/1", "https://example.org/iiif/letter/t/2",
                "https://example.org/iiif/letter/c/1");
        assertThat(run.records.get(1).label("iiif:canvas")).containsExactly("https://example.org/iiif/letter/canvas/2");
        assertThat(run.records.get(1).images()).singleElement().extracting(ImageRef::uri, i -> i.region().orElseThrow())
                .containsExactly("https://example.org/images/1v.jpg", new Region(100, 1600, 800, 120));
    }

    @Test
    void aV3ManifestsOwnAnnotationsAreInTheManifestRecord() {
        Run run = read(MANIFEST_ANNOTATIONS, "letter.json", options().granularity("manifest"));

        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.text()).hasValue("Dear Sir,\n\nYours, Jane"));
    }
}
