package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.AaltoXml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;

/** The gap between word boxes decides a missing SP, whether the boxes are kept as text or as numbers. */
class AltoParserGapTest {

    private static final String XML = "<alto><Layout><Page ID='p' WIDTH='900' HEIGHT='900'><PrintSpace>"
            + "<TextBlock ID='b'><TextLine ID='l'>"
            + "<String CONTENT='Luke' HPOS='0' VPOS='0' WIDTH='80' HEIGHT='9'/><SP/>"
            + "<String CONTENT='for' HPOS='100.0' VPOS='0' WIDTH='60.0' HEIGHT='9'/>"
            + "<String CONTENT='theirs' HPOS='184' VPOS='0' WIDTH='120' HEIGHT='9'/>"
            + "<String CONTENT='indivi' HPOS=' 324' VPOS='0' WIDTH='120 ' HEIGHT='9'/>"
            + "<String CONTENT='duals.' HPOS='446' VPOS='0' WIDTH='120' HEIGHT='9'/>"
            + "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

    private static List<Boolean> spaces(AltoParser.Needs needs) {
        try (AltoParser p = new AltoParser(AaltoXml.documentFactory(), new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)),
                Location.of("t.xml", null), ReadLimits.defaults(), needs, (k, m, l) -> { })) {
            List<Boolean> out = new ArrayList<>();
            for (AltoModel.Word w : p.nextPage().lines.get(0).words) {
                out.add(w.spBefore);
            }
            return out;
        }
    }

    @Test
    void spacesWordsWhoseBoxesAreACharacterWidthApart() {
        // for|theirs 24 apart and theirs|indivi 20 (character width 20): spaces; indivi|duals. 2: one word
        List<Boolean> expected = List.of(false, true, true, true, false);
        assertThat(spaces(new AltoParser.Needs(false, false, false, false))).isEqualTo(expected);
        assertThat(spaces(new AltoParser.Needs(true, true, true, true))).isEqualTo(expected);
    }

    @Test
    void readsCoordinatesAsOcrEnginesWriteThem() {
        // the whole part: enough for a gap between words
        for (String[] c : new String[][] {{"1203", "1203"}, {"1203.0", "1203"}, {"88.75", "88"}, {"0", "0"},
            {"123456789", "123456789"}}) {
            char[] b = c[0].toCharArray();
            assertThat(Numbers.coordinate(b, 0, b.length)).as(c[0]).isEqualTo(Float.parseFloat(c[1]));
        }
        for (String bad : new String[] {"", "-3", "1e3", "1234567890", ".5", "x", "12a"}) {
            char[] b = bad.toCharArray();
            assertThat(Numbers.coordinate(b, 0, b.length)).as(bad).isNaN();
        }
    }
}
