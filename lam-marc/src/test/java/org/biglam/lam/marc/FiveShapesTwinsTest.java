package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * The same MARC 21 record in ISO 2709, MARCXML, MARCXchange, MARC-in-JSON and MarcEdit's
 * mnemonic text gives equal LamRecords (the format id aside), each detected without being told.
 */
class FiveShapesTwinsTest {

    static final String LEADER = "00000cam a2200000 i 4500";

    /** tag, indicators (null for control fields), then subfields as code + value. */
    static final List<String[]> FIELDS = List.of(
            new String[] {"001", null, "twin-1"},
            new String[] {"008", null, "850101s1985    fr            000 1 fre d"},
            new String[] {"020", "  ", "a2070368228 (pbk.) : $12.00"},
            new String[] {"041", "1 ", "afre", "hger"},
            new String[] {"100", "1 ", "aDvořák, Antonín,", "d1841-1904,", "ecomposer."},
            new String[] {"245", "10", "6880-01", "aŒuvres {complètes} :", "bchansons de Łódź /", "cDvořák."},
            new String[] {"264", " 1", "aParis :", "bGallimard,", "c1985."},
            new String[] {"520", "  ", "aA summary with a backslash \\ and a dollar $ sign."},
            new String[] {"650", " 0", "aComic books, strips, etc.", "zFrance", "vFiction."},
            new String[] {"880", "10", "6245-01/(N", "aСобрание сочинений"});

    static byte[] iso2709() {
        MarcBytes m = MarcBytes.utf8().leader(LEADER);
        for (String[] f : FIELDS) {
            if (f[1] == null) {
                m.control(f[0], f[2]);
            } else {
                m.field(f[0], f[1], java.util.Arrays.copyOfRange(f, 2, f.length));
            }
        }
        return m.bytes();
    }

    private static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    static byte[] xml(String ns, String recordAtts) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"")
                .append(ns).append("\">\n<record").append(recordAtts).append(">\n<leader>").append(LEADER)
                .append("</leader>\n");
        for (String[] f : FIELDS) {
            if (f[1] == null) {
                sb.append("<controlfield tag=\"").append(f[0]).append("\">").append(x(f[2])).append("</controlfield>\n");
            } else {
                sb.append("<datafield tag=\"").append(f[0]).append("\" ind1=\"").append(f[1].charAt(0))
                        .append("\" ind2=\"").append(f[1].charAt(1)).append("\">");
                for (int i = 2; i < f.length; i++) {
                    sb.append("<subfield code=\"").append(f[i].charAt(0)).append("\">").append(x(f[i].substring(1)))
                            .append("</subfield>");
                }
                sb.append("</datafield>\n");
            }
        }
        return sb.append("</record>\n</collection>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String j(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static byte[] json() {
        StringBuilder sb = new StringBuilder("{\"leader\":").append(j(LEADER)).append(",\"fields\":[");
        boolean first = true;
        for (String[] f : FIELDS) {
            sb.append(first ? "" : ",");
            first = false;
            if (f[1] == null) {
                sb.append("{").append(j(f[0])).append(":").append(j(f[2])).append("}");
            } else {
                sb.append("{").append(j(f[0])).append(":{\"ind1\":").append(j(f[1].substring(0, 1)))
                        .append(",\"ind2\":").append(j(f[1].substring(1))).append(",\"subfields\":[");
                for (int i = 2; i < f.length; i++) {
                    sb.append(i > 2 ? "," : "").append("{").append(j(f[i].substring(0, 1))).append(":")
                            .append(j(f[i].substring(1))).append("}");
                }
                sb.append("]}}");
            }
        }
        return sb.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mrk() {
        StringBuilder sb = new StringBuilder("=LDR  ").append(LEADER.replace(' ', '\\')).append("\n");
        for (String[] f : FIELDS) {
            sb.append('=').append(f[0]).append("  ");
            if (f[1] == null) {
                sb.append(f[2].replace(' ', '\\'));
            } else {
                sb.append(f[1].replace(' ', '\\'));
                for (int i = 2; i < f.length; i++) {
                    sb.append('$').append(f[i].charAt(0)).append(esc(f[i].substring(1)));
                }
            }
            sb.append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** MarcEdit's escapes, one character at a time (so that the braces of one do not escape the other). */
    private static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c == '$' ? "{dollar}" : c == '{' ? "{lcub}" : c == '}' ? "{rcub}" : String.valueOf(c));
        }
        return sb.toString();
    }

    private static LamRecord one(byte[] bytes, String name, String format) {
        Reading r = Reading.skip(bytes, name, ReadOptions.builder());
        assertThat(r.errors()).as(name).isEmpty();
        assertThat(r.problems).as(name).isEmpty();
        assertThat(r.records).as(name).hasSize(1);
        assertThat(r.records.get(0).format()).as(name).isEqualTo(format);
        return r.records.get(0);
    }

    @Test
    void theSameRecordInFiveShapesGivesEqualRecords() {
        LamRecord iso = one(iso2709(), "twin.mrc", "marc21");
        LamRecord marcxml = one(xml("http://www.loc.gov/MARC21/slim", ""), "twin.xml", "marcxml");
        LamRecord xchange1 = one(xml("info:lc/xmlns/marcxchange-v1", " format=\"MARC21\" type=\"Bibliographic\""),
                "twin-x1.xml", "marcxml");
        LamRecord xchange2 = one(xml("info:lc/xmlns/marcxchange-v2", " format=\"MARC21\" type=\"Bibliographic\""),
                "twin-x2.xml", "marcxml");
        LamRecord json = one(json(), "twin.json", "marc-json");
        LamRecord mrk = one(mrk(), "twin.mrk", "mrk");
        assertThat(iso.label("title")).containsExactly("Œuvres {complètes} : chansons de Łódź",
                "Собрание сочинений");
        assertThat(iso.label("subject")).containsExactly("Comic books, strips, etc. -- France -- Fiction");
        for (LamRecord r : List.of(marcxml, xchange1, xchange2, json, mrk)) {
            assertThat(r.id()).isEqualTo(iso.id());
            assertThat(r.labels()).as(r.format()).isEqualTo(iso.labels());
            assertThat(r.text()).as(r.format()).isEqualTo(iso.text());
        }
        assertThat(mrk.unwrap(org.marc4j.marc.Record.class).orElseThrow().getLeader().marshal()).isEqualTo(LEADER);
    }

    @Test
    void readsMarcEditMnemonicsAndSeveralRecords() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  mrk-1\n=008  850101s1985\\\\\\\\fr\\\\\\\\\\\\\\\\\\\\\\\\000\\1\\fre\\d\n"
                + "=245  10$aLes mis{acute}erables /$cVictor Hugo ; prix {dollar}5{U+00A0}net.\n\n"
                + "=LDR  00000nam\\\\2200000\\a\\4500\n=001  mrk-2\n=245  00$aSecond record\n"
                + "=LDR  00000nam\\\\2200000\\a\\4500\n=001  mrk-3\n=245  00$aThird, after no blank line\n";
        Reading r = Reading.skip(text.getBytes(StandardCharsets.UTF_8), "two.mrk", ReadOptions.builder());
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("mrk-1", "mrk-2", "mrk-3");
        assertThat(r.records.get(0).label("title")).containsExactly("Les misérables");
        assertThat(r.records.get(0).label("language")).containsExactly("fr");
        assertThat(r.records.get(0).text()).hasValue("Les misérables / Victor Hugo ; prix $5\u00a0net.");
        assertThat(r.records.get(2).source().orElseThrow().line()).hasValue(9);
    }

    @Test
    void refusesAMrkRecordLongerThanTheLimitAndReadsTheNextOne() {
        StringBuilder big = new StringBuilder("=LDR  00000nam\\\\2200000\\a\\4500\n=001  big-1\n");
        for (int i = 0; i < 200; i++) {
            big.append("=500  \\\\$aA note that makes the record long, number ").append(i).append(".\n");
        }
        big.append("\n=LDR  00000nam\\\\2200000\\a\\4500\n=001  small-2\n=245  00$aSmall\n");
        Reading r = Reading.skip(big.toString().getBytes(StandardCharsets.UTF_8), "big.mrk", ReadOptions.builder()
                .limits(org.biglam.lam.ReadLimits.builder().maxRecordBytes(2000).build()));
        assertThat(r.ids()).containsExactly("small-2");
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).message()).contains("maxRecordBytes");
        assertThat(r.errors().get(0).location().line()).hasValue(1);
    }

    @Test
    void refusesAMrkLineLongerThanTheLimitWithItsRecordOnly() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  long-1\n=500  \\\\$a" + "x".repeat(5000)
                + "\n=650  \\0$aAfter the long line\n\n=LDR  00000nam\\\\2200000\\a\\4500\n=001  ok-2\n";
        Reading r = Reading.skip(text.getBytes(StandardCharsets.UTF_8), "long.mrk", ReadOptions.builder()
                .limits(org.biglam.lam.ReadLimits.builder().maxRecordBytes(2000).build()));
        assertThat(r.ids()).containsExactly("ok-2");
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).message()).contains("maxRecordBytes");
    }

    @Test
    void readsLinesThatAreNotFieldsAsTheEndOfTheFieldBeforeWithOneWarning() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  wrap-1\n=245  10$aA title broken\nover two\nor three lines\n";
        Reading r = Reading.skip(text.getBytes(StandardCharsets.UTF_8), "wrap.mrk", ReadOptions.builder());
        assertThat(r.records.get(0).label("title")).containsExactly("A title broken over two or three lines");
        assertThat(r.warnings("damaged")).hasSize(1);
        assertThat(r.warnings("damaged").get(0).message()).contains("2 lines are not a field").contains("line 4");
    }
}
