package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAndTheEndsGo() {
        assertThat(Texts.collapse("  The\n   Hobbit,\tor\r\nThere  ")).isEqualTo("The Hobbit, or There");
        assertThat(Texts.collapse("\u2003a\u2003\u2003b\u000B")).isEqualTo("a b");
        assertThat(Texts.collapse(" \n\t ")).isEmpty();
        char[] buf = "xx  one\n two  yy".toCharArray();
        assertThat(Texts.collapse(buf, 2, 12)).isEqualTo("one two");
    }

    @Test
    void aCleanValueIsGivenBackAsItIs() {
        String v = "already clean";
        assertThat(Texts.collapse(v)).isSameAs(v);
        // a no-break space is no white space to Character.isWhitespace: kept
        assertThat(Texts.collapse("a\u00a0 b")).isEqualTo("a\u00a0 b");
    }

    @Test
    void isCollapsedSaysWhetherCollapsingWouldChangeAnything() {
        String[] texts = {"one two", "Æthelred the Unready", " one", "one ", "one  two", "one\ttwo", "", " ",
            "a\u2003b", "a\u00a0b", "\u00a0a", "x", "日本 語"};
        for (String t : texts) {
            char[] buf = ("[" + t + "]").toCharArray();
            boolean unchanged = !t.isEmpty() && Texts.collapse(t).equals(t);
            assertThat(Texts.isCollapsed(buf, 1, t.length(), false)).as(t).isEqualTo(unchanged);
            assertThat(Texts.collapse(buf, 1, t.length())).as(t).isEqualTo(Texts.collapse(t));
        }
        // a reader that collapses no-break spaces too
        assertThat(Texts.isCollapsed("a\u00a0b".toCharArray(), 0, 3, true)).isFalse();
        assertThat(Texts.isCollapsed("a b".toCharArray(), 0, 3, true)).isTrue();
    }
}
