package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.biglam.lam.iiif.IiifTesting.fixture;
import static org.biglam.lam.iiif.IiifTesting.options;
import static org.biglam.lam.iiif.IiifTesting.read;

import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.iiif.IiifTesting.Run;
import org.junit.jupiter.api.Test;

/**
 * What a canvas is painted with, and which canvases a manifest has (issue 23, IIIF): only images go
 * into a record's images, no image size is made up from the canvas, a v2 manifest's further sequences
 * are named when left out, and a lone annotation page is not taken for a broken manifest.
 */
class IiifPaintingTest {

    private static LamRecord canvas(Run run, String suffix) {
        return run.records.stream().filter(r -> r.id().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void aPdfPaintedOnACanvasIsLabelledAsTextNotTakenForAnImage() {
        Run run = read(fixture("painting/not-only-images-v3.json"), options());

        LamRecord pdf = canvas(run, "/canvas/pdf");
        assertThat(pdf.images()).isEmpty();
        assertThat(pdf.label("type")).containsExactly("text");
        assertThat(pdf.label("iiif:painting")).containsExactly("https://example.org/files/report");
        assertThat(pdf.unwrap(IiifCanvas.class).orElseThrow().images()).isEmpty();
    }

    @Test
    void videoSubtitlesAndSoundAreLabelledForWhatTheyAre() {
        Run run = read(fixture("painting/not-only-images-v3.json"), options());

        LamRecord film = canvas(run, "/canvas/subtitled");
        assertThat(film.images()).isEmpty();
        assertThat(film.label("type")).containsExactly("moving image", "text");
        assertThat(film.label("iiif:painting")).containsExactly("https://example.org/files/film.mp4",
                "https://example.org/files/film.vtt");
        LamRecord sound = canvas(run, "/canvas/sound");
        assertThat(sound.images()).isEmpty();
        assertThat(sound.label("type")).containsExactly("sound");
    }

    @Test
    void aBodyKnownOnlyByItsIdIsAnImageOnlyByAnImageExtension() {
        Run run = read(fixture("painting/not-only-images-v3.json"), options());

        LamRecord scan = canvas(run, "/canvas/scan");
        assertThat(scan.images()).extracting(ImageRef::uri).containsExactly("https://example.org/files/scan-0004.JPG");
        assertThat(scan.label("iiif:painting")).containsExactly("https://example.org/files/scan-0004-meta");
        assertThat(scan.label("type")).isEmpty();
    }

    @Test
    void anImageWithoutASizeOfItsOwnGetsNoneFromItsCanvas() {
        Run run = read(fixture("painting/two-sequences-v2.json"), options());

        ImageRef first = canvas(run, "/canvas/1").images().get(0);
        assertThat(first.width()).isEmpty();
        assertThat(first.height()).isEmpty();
        assertThat(canvas(run, "/canvas/1").unwrap(IiifCanvas.class).orElseThrow().width()).hasValue(100);
        ImageRef second = canvas(run, "/canvas/2").images().get(0);
        assertThat(second.width()).hasValue(1000);
        assertThat(second.height()).hasValue(1500);
    }

    @Test
    void aV2ManifestWithTwoSequencesGivesTheFirstAndNamesWhatTheOtherWouldAdd() {
        Run run = read(fixture("painting/two-sequences-v2.json"), options());

        assertThat(run.ids()).containsExactly("https://example.org/iiif/two/canvas/1", "https://example.org/iiif/two/canvas/2");
        assertThat(run.warnings("sequences")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("2 sequences").contains("2 canvases")
                    .contains("2 canvas(es) of the others are left out").contains("iiif.all-sequences");
            assertThat(p.location().input()).endsWith("two-sequences-v2.json");
        });
    }

    @Test
    void allSequencesReadsEveryCanvasOnce() {
        Run bySetting = read(fixture("painting/two-sequences-v2.json"), options().set("iiif.all-sequences", "true"));
        Run typed = read(fixture("painting/two-sequences-v2.json"),
                options().formatOptions(IiifOptions.builder().allSequences(true).build()));

        for (Run run : new Run[] {bySetting, typed}) {
            assertThat(run.ids()).containsExactly("https://example.org/iiif/two/canvas/1",
                    "https://example.org/iiif/two/canvas/2", "https://example.org/iiif/two/canvas/2a",
                    "https://example.org/iiif/two/canvas/2b");
            assertThat(run.warnings("sequences")).isEmpty();
            assertThat(run.warnings("duplicate-id")).isEmpty();
        }
        assertThat(IiifOptions.defaults().allSequences()).isFalse();
    }

    @Test
    void aLoneAnnotationPageIsAnUnsupportedKindOfDocumentNotAMalformedOne() {
        ReadOptions fail = ReadOptions.builder().format("iiif").build();
        assertThatThrownBy(() -> {
            try (Stream<LamRecord> s = Lam.read(fixture("painting/lone-annotation-page-v3.json"), fail)) {
                s.forEach(r -> { });
            }
        }).isInstanceOfSatisfying(UnsupportedFormatException.class, e -> {
            assertThat(e.getMessage()).contains("AnnotationPage").contains("not supported");
            assertThat(e.location().orElseThrow().offset()).hasValue(0);
        });

        Run run = read(fixture("painting/lone-annotation-page-v3.json"), options().errorPolicy(ErrorPolicy.SKIP));
        assertThat(run.records).isEmpty();
        assertThat(run.problems).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("unsupported"));
    }
}
