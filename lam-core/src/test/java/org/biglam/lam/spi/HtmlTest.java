package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void aValueHoldsHtmlOnlyWithATagThatCloses() {
        assertThat(Html.hasTag("<p>A map</p>")).isTrue();
        assertThat(Html.hasTag("Line one<br/>line two")).isTrue();
        assertThat(Html.hasTag("a < b and c > d")).isFalse(); // a space after <: no tag
        assertThat(Html.hasTag("x <y")).isFalse(); // never closed
        assertThat(Html.hasTag("plain text")).isFalse();
    }

    @Test
    void tagsGoBlocksBreakLinesAndReferencesAreDecodedAfterwards() {
        assertThat(Html.toText("<p>A <i>fine</i> map&nbsp;of  Whitby.</p><p>Second &amp; last.</p>"))
                .isEqualTo("A fine map of Whitby.\nSecond & last.");
        assertThat(Html.toText("&lt;b&gt; stays text")).isEqualTo("<b> stays text");
        assertThat(Html.toText("<a href=\"x?a>b\">haste</a><script>alert(1)</script><!-- c -->done"))
                .isEqualTo("hastedone");
        assertThat(Html.toText("1 < 2")).isEqualTo("1 < 2");
    }
}
