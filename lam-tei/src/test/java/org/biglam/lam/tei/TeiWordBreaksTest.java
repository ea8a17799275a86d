package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Words broken over a line, column or page end, in each convention of {@code word-breaks.xml}: one
 * paragraph per convention, read in both profiles.
 */
class TeiWordBreaksTest {

    private static List<String> paragraphs(String profile) {
        return Fixtures.texts(Fixtures.read("word-breaks.xml", ReadOptions.builder().format("tei")
                .granularity("paragraph").set("tei.profile", profile).build()));
    }

    @Test
    void normalizedJoinsTheHalvesInEveryConventionAndDropsTheHyphen() {
        assertThat(paragraphs("normalized")).containsExactly(
                "A hyphenated word.",
                "The Author and his Conferences.",
                "Frakturschrift und Doppelstrich.",
                "Zeilen und Worttrennung.",
                "Spalte und Seite.",
                "oheyrilíga and utvegad.",
                "Zeilen.",
                "well- known, may be, not this.");
    }

    @Test
    void diplomaticBreaksTheLineAndKeepsTheHyphenAsWritten() {
        assertThat(paragraphs("diplomatic")).containsExactly(
                "A hyphen-\nated word.",
                "The Au\nthor and his Confe\nrences.",
                "Fraktur¬\nschrift und Doppel⸗\nstrich.",
                "Zei-\nlen und Wort=\ntrennung.",
                "Spalte und Sei-te.",
                "oheyrilí\nga and ut\nvegad.",
                "Zei-\nlen.",
                "well-\nknown, may\nbe, not\nthis.");
    }

    @Test
    void aPageBreakInsideAWordLeavesEachPageItsHalfWithTheHyphen() {
        List<String> pages = Fixtures.texts(Fixtures.read("word-breaks.xml", "page"));
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).endsWith("Spalte und Sei-");
        assertThat(pages.get(1)).startsWith("te.\n\noheyrilíga");
    }

    @Test
    void aLineBreakMarkedAsInsideAWordBeforeAHyphenInTheMiddleOfTextLeavesTheTextAlone() {
        // only a hyphen right before the break goes: "well-known" written whole keeps its hyphen
        String xml = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>well-known pre<lb break='no'/>fix "
                + "<w>Zei</w><pc>-</pc> <lb break='no'/><w>len</w></p></body></text></TEI>";
        assertThat(new Harness().read(xml, "inline.xml").get(0).text()).hasValue("well-known prefix Zeilen");
    }
}
