package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.tei.TeiOptions.Feature;
import org.biglam.lam.tei.TeiOptions.Profile;
import org.biglam.lam.tei.TeiOptions.Reading;
import org.junit.jupiter.api.Test;

/** The text profiles, one choice at a time, on a fixture with each choice pair. */
class TeiTextProfilesTest {

    private static List<String> paragraphs(ReadOptions.Builder options) {
        return Fixtures.texts(Fixtures.read("choice-pairs.xml", options.format("tei").granularity("paragraph").build()));
    }

    @Test
    void normalizedTakesRegExpanAndCorrAndDropsDeletionsNotesAndFormeWork() {
        assertThat(paragraphs(ReadOptions.builder())).containsExactly(
                "She was color blind.",
                "A public house.",
                "The Doctor and Mister Smith.",
                "It cost 1728 pounds.",
                "A good day in May.",
                "Hyphenated words and lines end here.",
                "Body text.");
    }

    @Test
    void diplomaticTakesOrigAbbrAndSicKeepsDeletionsAndBreaksLines() {
        assertThat(paragraphs(ReadOptions.builder().set("tei.profile", "diplomatic"))).containsExactly(
                "She was colour blind.",
                "A publick house.",
                "The Dr and Mr Smith.",
                "It cost 1724 pounds.",
                "A badgood day May.",
                "Hyphen-\nated words and\nlines\nend here.",
                "RUNNING HEAD\nBody text.");
    }

    @Test
    void eachChoiceCanBeOverriddenAlone() {
        TeiOptions sicOnly = TeiOptions.builder().prefer(Reading.SIC).build();
        assertThat(paragraphs(ReadOptions.builder().formatOptions(sicOnly))).containsExactly(
                "She was color blind.",
                "A public house.",
                "The Doctor and Mister Smith.",
                "It cost 1724 pounds.",
                "A good day in May.",
                "Hyphenated words and lines end here.",
                "Body text.");
        TeiOptions diplomaticButExpanded = TeiOptions.builder().profile(Profile.DIPLOMATIC).prefer(Reading.EXPAN)
                .disable(Feature.LINE_BREAKS, Feature.FORME_WORK).build();
        assertThat(paragraphs(ReadOptions.builder().formatOptions(diplomaticButExpanded))).containsExactly(
                "She was colour blind.",
                "A publick house.",
                "The Doctor and Mister Smith.",
                "It cost 1724 pounds.",
                "A badgood day May.",
                "Hyphenated words and lines end here.",
                "Body text.");
    }

    @Test
    void settingsChooseReadingsAndFeaturesLikeTheBuilder() {
        assertThat(paragraphs(ReadOptions.builder().set("tei.prefer", "orig, abbr").set("tei.enable", "notes")))
                .containsExactly(
                        "She was colour blind.",
                        "A publick house.",
                        "The Dr and Mr Smith.",
                        "It cost 1728 pounds.",
                        "A good day in May.\n\nAn editor's note.",
                        "Hyphenated words and lines end here.",
                        "Body text.");
    }

    @Test
    void keptNotesBecomeTheirOwnBlockOfTheDocumentText() {
        List<LamRecord> doc = Fixtures.read("choice-pairs.xml",
                ReadOptions.builder().format("tei").set("tei.enable", "notes").build());
        assertThat(doc).hasSize(1);
        assertThat(doc.get(0).text().orElseThrow()).contains("A good day in May.\n\nAn editor's note.\n\nHyphenated");
    }

    @Test
    void aTypedOptionsObjectWinsOverStringSettings() {
        assertThat(paragraphs(ReadOptions.builder().set("tei.profile", "diplomatic")
                .formatOptions(TeiOptions.defaults())).get(0)).isEqualTo("She was color blind.");
    }

    @Test
    void documentTextSeparatesParagraphsWithAnEmptyLineAndIsNfc() {
        LamRecord doc = Fixtures.read("choice-pairs.xml").get(0);
        assertThat(doc.id()).isEqualTo("choice-pairs.xml");
        assertThat(doc.group()).contains("choice-pairs.xml");
        assertThat(doc.text().orElseThrow()).startsWith("She was color blind.\n\nA public house.\n\n")
                .endsWith("end here.\n\nBody text.");
        assertThat(doc.label("title")).containsExactly("Choice pairs");
    }
}
