package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * How ALTO text is put together where OCR output is untidy: hyphenated words with noise between
 * their halves, dashes that are not hyphens, hyphens printed twice, Strings with no SP between
 * them, Strings of white space; and the OCR quality of records. Each document is written here.
 */
class AltoTextTest {

    private static final ReadOptions KEEP = ReadOptions.builder().set("alto.hyphenation", "keep").build();

    /** An ALTO 2 page of one block whose lines are given as their inner XML. */
    private static String page(String... lines) {
        StringBuilder sb = new StringBuilder("<alto xmlns='http://www.loc.gov/standards/alto/ns-v2#'>\n"
                + "<Layout><Page ID='p' WIDTH='2000' HEIGHT='3000'><PrintSpace>\n<TextBlock ID='b'>\n");
        int n = 0;
        for (String l : lines) {
            sb.append("<TextLine ID='l").append(++n).append("'>").append(l).append("</TextLine>\n");
        }
        return sb.append("</TextBlock></PrintSpace></Page></Layout></alto>\n").toString();
    }

    private static String w(String content, int hpos, int width) {
        return "<String CONTENT='" + content + "' HPOS='" + hpos + "' VPOS='10' WIDTH='" + width + "' HEIGHT='30'/>";
    }

    private static String text(String xml, ReadOptions o) {
        return Read.string(xml, "t.xml", o).get(0).text().orElseThrow();
    }

    private static String text(String xml) {
        return text(xml, ReadOptions.defaults());
    }

    // ------------------------------------------------------------------ hyphenation

    @Test
    void joinsAWordGivenWholeAndKeepsTheNoiseBetweenItsHalvesAsAWordOfItsOwn() {
        // as the ALTO 2.1 tag sample has it: in (HypPart1, instead) SP i HYP / stead (HypPart2) SP of
        String xml = page("<String CONTENT='Morgan'/><SP/><String CONTENT='in' SUBS_TYPE='HypPart1' "
                + "SUBS_CONTENT='instead'/><SP/><String CONTENT='i'/><HYP CONTENT='-'/>",
                "<String CONTENT='stead' SUBS_TYPE='HypPart2' SUBS_CONTENT='instead'/><SP/><String CONTENT='of'/>");
        assertThat(text(xml)).isEqualTo("Morgan instead i of");
        assertThat(text(xml, KEEP)).isEqualTo("Morgan in i-\nstead of");
    }

    @Test
    void joinsTheHalvesOfAWordWithoutSubsContentAcrossNoiseOnEitherLine() {
        // noise after the first half on its line, and before the second half on the next
        String xml = page("<String CONTENT='was'/><SP/><String CONTENT='con' SUBS_TYPE='HypPart1'/><SP/>"
                + "<String CONTENT='x'/><HYP CONTENT='-'/>",
                "<String CONTENT='y'/><SP/><String CONTENT='tinued' SUBS_TYPE='HypPart2'/><SP/><String CONTENT='on'/>",
                "<String CONTENT='pre-' SUBS_TYPE='HypPart1'/>",
                "<String CONTENT='1'/><SP/><String CONTENT='sent' SUBS_TYPE='HypPart2'/><SP/><String CONTENT='day'/>");
        assertThat(text(xml)).isEqualTo("was continued x\ny on\npresent\n1 day");
    }

    @Test
    void keepsTheHyphenOfAFirstHalfWhoseSecondHalfIsNotInTheRecord() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v2#'><Layout><Page ID='p' WIDTH='9' "
                + "HEIGHT='9'><PrintSpace><TextBlock ID='b1'><TextLine ID='l1'><String CONTENT='a'/><SP/>"
                + "<String CONTENT='con' SUBS_TYPE='HypPart1'/><SP/><String CONTENT='x'/><HYP CONTENT='-'/>"
                + "</TextLine></TextBlock><TextBlock ID='b2'><TextLine ID='l2'><String CONTENT='tinued' "
                + "SUBS_TYPE='HypPart2'/><SP/><String CONTENT='b'/></TextLine></TextBlock></PrintSpace></Page>"
                + "</Layout></alto>";
        assertThat(text(xml)).isEqualTo("a continued x b");
        assertThat(Read.string(xml, "t.xml", ReadOptions.builder().granularity("block").build()))
                .extracting(r -> r.text().orElseThrow()).containsExactly("a con- x", "tinued b");
        // a second half two lines on is not the first half's
        assertThat(text(page("<String CONTENT='in' SUBS_TYPE='HypPart1' SUBS_CONTENT='instead'/><SP/>"
                + "<String CONTENT='i'/><HYP CONTENT='-'/>", "<String CONTENT='a'/>",
                "<String CONTENT='stead' SUBS_TYPE='HypPart2'/>"))).isEqualTo("instead i\na\nstead");
        // while the second half is looked for, the next line's own hyphen still joins its word
        assertThat(text(page("<String CONTENT='in' SUBS_TYPE='HypPart1' SUBS_CONTENT='instead'/><SP/>"
                + "<String CONTENT='i'/><HYP CONTENT='-'/>", "<String CONTENT='a'/><SP/><String CONTENT='com'/>"
                + "<HYP CONTENT='-'/>", "<String CONTENT='pound'/>"))).isEqualTo("instead i\na compound");
    }

    @Test
    void joinsAFirstHalfToTheNextLinesFirstWordWhenNoSecondHalfIsMarked() {
        String xml = page("<String CONTENT='Kultus' SUBS_TYPE='HypPart1'/><HYP CONTENT='-'/>",
                "<String CONTENT='minister'/><SP/><String CONTENT='geblieben'/>");
        assertThat(text(xml)).isEqualTo("Kultusminister geblieben");
    }

    @Test
    void doesNotJoinAFirstHalfThatEndsInADashOtherThanAHyphen() {
        // the OCR's SUBS_CONTENT glues two words an em dash (or an en dash) separates
        String xml = page("<String CONTENT='said\u2014' SUBS_TYPE='HypPart1' SUBS_CONTENT='saidthat'/>",
                "<String CONTENT='that' SUBS_TYPE='HypPart2' SUBS_CONTENT='saidthat'/><SP/><String CONTENT='he'/>",
                "<String CONTENT='1870\u2013' SUBS_TYPE='HypPart1' SUBS_CONTENT='18701871'/><HYP CONTENT='-'/>",
                "<String CONTENT='1871' SUBS_TYPE='HypPart2' SUBS_CONTENT='18701871'/>");
        assertThat(text(xml)).isEqualTo("said\u2014\nthat he\n1870\u2013\n1871");
        assertThat(text(xml, KEEP)).isEqualTo("said\u2014\nthat he\n1870\u2013\n1871");
        // a hyphen is still joined
        assertThat(text(page("<String CONTENT='Dis-' SUBS_TYPE='HypPart1' SUBS_CONTENT='Disgrace'/>",
                "<String CONTENT='grace' SUBS_TYPE='HypPart2' SUBS_CONTENT='Disgrace'/>"))).isEqualTo("Disgrace");
    }

    @Test
    void printsTheHyphenOnceWhereTheContentEndsInItAndAHypFollows() {
        String xml = page("<String CONTENT='Disgra-'/><HYP CONTENT='-'/>", "<String CONTENT='ce'/>");
        assertThat(text(xml, KEEP)).isEqualTo("Disgra-\nce");
        assertThat(text(xml)).isEqualTo("Disgrace");
        String part = page("<String CONTENT='Disgra-' SUBS_TYPE='HypPart1'/><HYP CONTENT='-'/>",
                "<String CONTENT='ce' SUBS_TYPE='HypPart2'/>");
        assertThat(text(part, KEEP)).isEqualTo("Disgra-\nce");
        assertThat(text(part)).isEqualTo("Disgrace");
        // a line record is the text as printed
        assertThat(Read.string(part, "t.xml", ReadOptions.builder().granularity("line").build()))
                .extracting(r -> r.text().orElseThrow()).containsExactly("Disgra-", "ce");
        // a HYP alone still prints its hyphen
        assertThat(text(page("<String CONTENT='Disgra'/><HYP CONTENT='-'/>", "<String CONTENT='ce'/>"), KEEP))
                .isEqualTo("Disgra-\nce");
    }

    // ------------------------------------------------------------------ spaces

    @Test
    void decidesAMissingSpByTheGapBetweenTheWordBoxes() {
        // character width 20 (the line's median); gaps: for|theirs 24 (1.2), indivi|duals. 2 (0.1),
        // A|WEEK 9 (0.45), and an SP elsewhere in the line
        String xml = page(w("Luke", 0, 80) + "<SP/>" + w("for", 100, 60) + w("theirs", 184, 120) + "<SP/>"
                + w("indivi", 324, 120) + w("duals.", 446, 120) + "<SP/>" + w("A", 586, 20) + w("WEEK", 615, 80));
        assertThat(text(xml)).isEqualTo("Luke for theirs individuals. A WEEK");
        // a headline word spanning the page does not make every gap small: the median is taken
        String wide = page(w("CENTS", 0, 17000) + "<SP/>" + w("A", 17100, 100) + w("WEEK", 17245, 420));
        assertThat(text(wide)).isEqualTo("CENTS A WEEK");
        // a line without SP: every two Strings have a space between them, whatever the gap
        assertThat(text(page(w("Caf", 0, 60) + w("e", 60, 20)))).isEqualTo("Caf e");
        // boxes that are not numbers: joined, as without boxes
        assertThat(text(page("<String CONTENT='a'/><SP/><String CONTENT='b' HPOS='x' WIDTH='10'/>"
                + "<String CONTENT='c' HPOS='50' WIDTH='10'/>"))).isEqualTo("a bc");
    }

    @Test
    void takesStringsOfWhiteSpaceAsSpacesNotWordsAndLeavesThemOutOfTheConfidence() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Layout><Page ID='p' WIDTH='900' "
                + "HEIGHT='900'><PrintSpace>"
                + "<TextBlock ID='b0'><TextLine ID='l0'><String ID='s0' CONTENT=' ' WC='0.95' HPOS='1' VPOS='1' "
                + "WIDTH='9' HEIGHT='9'/></TextLine></TextBlock>"
                + "<TextBlock ID='b1'><TextLine ID='l1'><String ID='s1' CONTENT='Bunte' WC='0.5'/>"
                + "<String ID='s2' CONTENT=' ' WC='0.95'/><String ID='s3' CONTENT='Bl\u00e4tter' WC='0.7'/></TextLine>"
                + "<TextLine ID='l2'><String ID='s4' CONTENT='&#xA0;' WC='0.1'/></TextLine></TextBlock>"
                + "<TextBlock ID='b2'><TextLine ID='l3'><String ID='s5' CONTENT='  ' WC='0.95'/></TextLine>"
                + "</TextBlock></PrintSpace></Page></Layout></alto>";
        LamRecord page = Read.string(xml, "ws.xml", ReadOptions.defaults()).get(0);
        assertThat(page.text()).hasValue("Bunte Bl\u00e4tter");
        assertThat(page.confidence().getAsDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(page.quality().orElseThrow().words()).isEqualTo(2);
        for (String g : List.of("block", "line", "word")) {
            List<LamRecord> r = Read.string(xml, "ws.xml", ReadOptions.builder().granularity(g).build());
            assertThat(r).as(g).extracting(x -> x.text().orElseThrow()).containsExactly(
                    g.equals("word") ? new String[] {"Bunte", "Bl\u00e4tter"} : new String[] {"Bunte Bl\u00e4tter"});
        }
        // the word records keep the ids the Strings have
        assertThat(Read.string(xml, "ws.xml", ReadOptions.builder().granularity("word").build()))
                .extracting(LamRecord::id).containsExactly("ws.xml#word-s1", "ws.xml#word-s3");
    }

    // ------------------------------------------------------------------ quality and sources

    @Test
    void givesEveryRecordItsWordCountAndThePlainMeanAndDeviationOfItsWordsConfidence() {
        String xml = page("<String CONTENT='a' WC='0.2'/><SP/><String CONTENT='longword' WC='1.0'/>",
                "<String CONTENT='b'/><SP/><String CONTENT='c' CC='0'/>");
        LamRecord p = Read.string(xml, "q.xml", ReadOptions.defaults()).get(0);
        // a, longword, c scored (c by its CC: 0 is sure); b counted, not scored
        OcrQuality q = p.quality().orElseThrow();
        assertThat(q.words()).isEqualTo(4);
        assertThat(q.scoredWords()).isEqualTo(3);
        double mean = (0.2 + 1 + 1) / 3;
        assertThat(q.meanWordConfidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        assertThat(q.wordConfidenceStdDev().getAsDouble()).isCloseTo(
                Math.sqrt(((0.2 - mean) * (0.2 - mean) + 2 * (1 - mean) * (1 - mean)) / 3), within(1e-9));
        // not weighted by characters: that would be (0.2 + 8 + 1) / 10
        assertThat(p.confidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        List<LamRecord> lines = Read.string(xml, "q.xml", ReadOptions.builder().granularity("line").build());
        assertQuality(lines.get(0).quality().orElseThrow(), 2, 2, 0.6, 0.4);
        assertQuality(lines.get(1).quality().orElseThrow(), 2, 1, 1, 0);
        List<LamRecord> words = Read.string(xml, "q.xml", ReadOptions.builder().granularity("word").build());
        assertThat(words.get(0).quality()).hasValue(OcrQuality.of(1, 1, 0.2, 0));
        assertThat(words.get(0).confidence()).hasValue(0.2);
        assertThat(words.get(2).quality()).hasValue(OcrQuality.of(1, 0, Double.NaN, Double.NaN));
        assertThat(words.get(2).confidence()).isEmpty();
    }

    private static void assertQuality(OcrQuality q, int words, int scored, double mean, double sd) {
        assertThat(q.words()).isEqualTo(words);
        assertThat(q.scoredWords()).isEqualTo(scored);
        assertThat(q.meanWordConfidence().getAsDouble()).isCloseTo(mean, within(1e-9));
        assertThat(q.wordConfidenceStdDev().getAsDouble()).isCloseTo(sd, within(1e-9));
    }

    @Test
    void countsTheHalvesOfAHyphenatedWordAsTheOcrGaveThemWhateverTheOption() {
        String xml = page("<String CONTENT='Love' WC='0.5' SUBS_TYPE='HypPart1' SUBS_CONTENT='Lovelace'/>"
                + "<HYP CONTENT='-'/>", "<String CONTENT='lace' WC='1' SUBS_TYPE='HypPart2' SUBS_CONTENT='Lovelace'/>");
        LamRecord joined = Read.string(xml, "h.xml", ReadOptions.defaults()).get(0);
        LamRecord kept = Read.string(xml, "h.xml", KEEP).get(0);
        assertThat(joined.text()).hasValue("Lovelace");
        assertThat(joined.quality()).hasValue(OcrQuality.of(2, 2, 0.75, 0.25)).isEqualTo(kept.quality());
    }

    @Test
    void givesAWordRecordTheLineOfItsStringAsItsSource() {
        String xml = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v2#'>\n<Layout><Page ID='p' WIDTH='9' "
                + "HEIGHT='9'><PrintSpace>\n<TextBlock ID='b'>\n<TextLine ID='l'>\n<String CONTENT='one'/>\n<SP/>\n"
                + "<String CONTENT='two'/>\n</TextLine>\n</TextBlock></PrintSpace></Page></Layout></alto>\n";
        List<LamRecord> words = Read.string(xml, "s.xml", ReadOptions.builder().granularity("word").build());
        assertThat(words).extracting(r -> r.source().orElseThrow().line().orElseThrow()).containsExactly(5L, 7L);
        List<LamRecord> lines = Read.string(xml, "s.xml", ReadOptions.builder().granularity("line").build());
        assertThat(lines.get(0).source().orElseThrow().line()).hasValue(4L);
    }

    @Test
    void readsRandomMixesOfHyphensNoiseAndBlanksWithEveryWordCounted() {
        // seeded: halves with and without SUBS_CONTENT, HYPs anywhere, dashes, blanks, missing SPs
        java.util.Random rnd = new java.util.Random(23);
        String[] words = {"in", "stead", "con-", "x", "I", "said\u2014", "1870\u2013", "Dis-", "grace", " ", "", "a"};
        for (int doc = 0; doc < 500; doc++) {
            StringBuilder xml = new StringBuilder("<alto><Layout><Page ID='p' WIDTH='900' HEIGHT='900'><PrintSpace>");
            int strings = 0;
            for (int b = 0; b < 1 + rnd.nextInt(3); b++) {
                xml.append("<TextBlock ID='b").append(b).append("'>");
                for (int l = 0; l < 1 + rnd.nextInt(4); l++) {
                    xml.append("<TextLine>");
                    int x = 0;
                    for (int k = 0; k < 1 + rnd.nextInt(5); k++) {
                        int r = rnd.nextInt(10);
                        if (r == 0) {
                            xml.append("<HYP CONTENT='-'/>");
                            continue;
                        }
                        if (r == 1) {
                            xml.append("<SP/>");
                        }
                        String c = words[rnd.nextInt(words.length)];
                        String subs = switch (rnd.nextInt(4)) {
                            case 0 -> " SUBS_TYPE='HypPart1'" + (rnd.nextBoolean() ? " SUBS_CONTENT='whole'" : "");
                            case 1 -> " SUBS_TYPE='HypPart2'";
                            default -> "";
                        };
                        int w = 10 * Math.max(1, c.length());
                        x += rnd.nextInt(15);
                        xml.append("<String CONTENT='").append(c).append("'").append(subs).append(" HPOS='").append(x)
                                .append("' VPOS='0' WIDTH='").append(w).append("' HEIGHT='9' WC='0.5'/>");
                        x += w;
                        if (!c.isBlank()) {
                            strings++;
                        }
                    }
                    xml.append("</TextLine>");
                }
                xml.append("</TextBlock>");
            }
            xml.append("</PrintSpace></Page></Layout></alto>");
            for (ReadOptions.Builder o : List.of(ReadOptions.builder(), ReadOptions.builder().set("alto.hyphenation", "keep"))) {
                LamRecord page = Read.string(xml.toString(), "r.xml", o.build()).get(0);
                assertThat(page.quality().map(OcrQuality::words).orElse(0)).as("%s", xml).isEqualTo(strings);
                String t = page.text().orElseThrow();
                assertThat(t).as("%s", xml).isEqualTo(t.strip());
                for (String g : List.of("block", "line", "word")) {
                    int words2 = 0;
                    for (LamRecord r : Read.string(xml.toString(), "r.xml", o.granularity(g).build())) {
                        words2 += r.quality().orElseThrow().words();
                        assertThat(r.text().orElseThrow()).as("%s", xml).isNotBlank();
                    }
                    assertThat(words2).as("%s %s", g, xml).isEqualTo(strings);
                }
            }
        }
    }
}
