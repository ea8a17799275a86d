package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OCR behind canvases, read through lam's detection: runs only where lam-alto is on the class path. */
class IiifOcrTest {

    @BeforeEach
    void needsAlto() {
        assumeThat(Lam.formats()).as("lam-alto on the test class path")
                .anyMatch(f -> f.id().equals("alto"));
    }

    @Test
    void altoLinkedBySeeAlsoOrBySupplementingAnnotationGivesTheCanvasText() {
        Run run = read(fixture("ocr/manifest.json"), options().set("iiif.ocr", "true"));

        assertThat(run.records).hasSize(2).allSatisfy(r -> assertThat(r.text()).contains("Of Roses\nand Lilies"));
        assertThat(run.problems).isEmpty();
    }

    @Test
    void withoutTheSettingNoOcrIsRead() {
        Run run = read(fixture("ocr/manifest.json"), options());

        assertThat(run.records).allSatisfy(r -> assertThat(r.text()).isEmpty());
    }

    @Test
    void ocrLinesBecomeAnnotationsWithRegionsScaledFromTheOcrPageToTheCanvasAndImage() {
        Run run = read(fixture("ocr/manifest.json"), options().set("iiif.ocr", "true").granularity("annotation"));

        assertThat(run.ids()).containsExactly(
                "https://example.org/iiif/ocr/canvas/1#xywh=50,100,600,50",
                "https://example.org/iiif/ocr/canvas/1#xywh=50,200,400,50",
                "https://example.org/iiif/ocr/canvas/2#xywh=100,200,1200,100",
                "https://example.org/iiif/ocr/canvas/2#xywh=100,400,800,100");
        LamRecord first = run.records.get(0);
        assertThat(first.text()).contains("Of Roses");
        assertThat(first.confidence()).isPresent();
        // ALTO page 2000x3000 = image of canvas 1 (canvas 1000x1500): the image region is the ALTO box
        assertThat(first.images().get(0).region()).contains(new Region(100, 200, 1200, 100));
        // canvas 2 is 2000x3000 with a 4000x6000 image: the box doubles on the image
        assertThat(run.records.get(2).images().get(0).region()).contains(new Region(200, 400, 2400, 200));
    }
}
