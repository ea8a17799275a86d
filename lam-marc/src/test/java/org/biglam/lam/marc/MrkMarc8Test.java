package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * MarcEdit's text of MARC-8 records (leader/09 blank): MarcEdit's mnemonics for MARC-8 characters
 * ({@code {acute}e}, {@code {aelig}}, {@code {E2}}, {@code {esc}p0{esc}s}), and raw MARC-8 bytes,
 * decoded to the same Unicode (NFC) as the UTF-8 text of the same record.
 */
class MrkMarc8Test {

    private static LamRecord one(Reading r, String name) {
        assertThat(r.errors()).as(name).isEmpty();
        assertThat(r.problems).as(name).isEmpty();
        assertThat(r.records).as(name).hasSize(1);
        return r.records.get(0);
    }

    private static List<String> subfields(LamRecord r) {
        Record rec = r.unwrap(Record.class).orElseThrow();
        List<String> out = new ArrayList<>();
        rec.getControlFields().forEach(cf -> out.add(cf.getTag() + cf.getData()));
        for (DataField df : rec.getDataFields()) {
            for (Subfield sf : df.getSubfields()) {
                out.add(df.getTag() + df.getIndicator1() + df.getIndicator2() + sf.getCode() + sf.getData());
            }
        }
        return out;
    }

    @Test
    void aMarc8RecordWithMnemonicsEqualsItsUtf8Twin() {
        LamRecord m8 = one(Reading.skip("mrk-marc8-mnemonics.mrk"), "marc-8");
        LamRecord u8 = one(Reading.skip("mrk-utf8-twin.mrk"), "utf-8");
        assertThat(m8.format()).isEqualTo("mrk");
        assertThat(m8.id()).isEqualTo(u8.id());
        assertThat(m8.labels()).isEqualTo(u8.labels());
        assertThat(m8.text()).isEqualTo(u8.text());
        assertThat(subfields(m8)).isEqualTo(subfields(u8));
        // the diacritic written before its letter, as MARC-8 has it, is after it in Unicode (NFC)
        assertThat(m8.label("creator")).containsExactly("Dvořák, Antonín, 1841-1904");
        assertThat(m8.label("title")).containsExactly("Œuvres {complètes} : chansons de Łódź");
        List<String> notes = subfields(m8).stream().filter(s -> s.startsWith("500")).toList();
        assertThat(notes).containsExactly(
                "500  aMüller, Ærøskøbing, Skærgård, façade, Étude, Straße, éü.",
                "500  aScale (W 129⁰), the angle α, H₂O.");
        assertThat(subfields(m8)).contains("520  aA summary with a backslash \\ and a dollar $ sign, \u2013 a dash.");
        // the data is Unicode now, as the ISO 2709 reader gives it
        assertThat(m8.unwrap(Record.class).orElseThrow().getLeader().getCharCodingScheme()).isEqualTo('a');
    }

    /** MarcEdit's text of a MARC-8 value: bytes beyond ASCII as {@code {XX}}, the escape as {@code {esc}}. */
    private static String mnemonics(String marc8) {
        StringBuilder sb = new StringBuilder();
        for (char c : marc8.toCharArray()) {
            if (c == '$') {
                sb.append("{dollar}");
            } else if (c == '{') {
                sb.append("{lcub}");
            } else if (c == '}') {
                sb.append("{rcub}");
            } else if (c == 0x1B) {
                sb.append("{esc}");
            } else if (c >= 0x80) {
                sb.append(String.format("{%02X}", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** MARC-8 bytes as they are, but for the three MarcEdit always escapes. */
    private static String rawText(String marc8) {
        StringBuilder sb = new StringBuilder();
        for (char c : marc8.toCharArray()) {
            sb.append(c == '$' ? "{dollar}" : c == '{' ? "{lcub}" : c == '}' ? "{rcub}" : String.valueOf(c));
        }
        return sb.toString();
    }

    /** The record of {@link FiveShapesTwinsTest} as MarcEdit writes MARC-8: mnemonics, or raw bytes. */
    private static byte[] marc8Mrk(boolean raw, char leader09) {
        UnicodeToAnsel toAnsel = new UnicodeToAnsel();
        String leader = FiveShapesTwinsTest.LEADER.substring(0, 9) + leader09 + FiveShapesTwinsTest.LEADER.substring(10);
        StringBuilder sb = new StringBuilder("=LDR  ").append(leader.replace(' ', '\\')).append("\n");
        for (String[] f : FiveShapesTwinsTest.FIELDS) {
            sb.append('=').append(f[0]).append("  ");
            if (f[1] == null) {
                sb.append(f[2].replace(' ', '\\'));
            } else {
                sb.append(f[1].replace(' ', '\\'));
                for (int i = 2; i < f.length; i++) {
                    String m8 = toAnsel.convert(f[i].substring(1));
                    String text = raw ? rawText(m8) : mnemonics(m8);
                    sb.append('$').append(f[i].charAt(0)).append(text);
                }
            }
            sb.append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theRecordOfFiveShapesInMarc8MrkEqualsItsUtf8MrkAndIso2709() {
        LamRecord utf8 = one(Reading.skip(FiveShapesTwinsTest.mrk(), "twin.mrk", ReadOptions.builder()), "utf-8");
        LamRecord iso = one(Reading.skip(FiveShapesTwinsTest.iso2709(), "twin.mrc", ReadOptions.builder()), "iso");
        byte[] mnemonic = marc8Mrk(false, ' ');
        for (int i = 0; i < mnemonic.length; i++) {
            assertThat(mnemonic[i]).as("mnemonic text is ASCII").isBetween((byte) 0, (byte) 0x7f);
        }
        LamRecord m8 = one(Reading.skip(mnemonic, "twin-marc8.mrk", ReadOptions.builder()), "marc-8 mnemonics");
        LamRecord raw = one(Reading.skip(marc8Mrk(true, ' '), "twin-marc8-raw.mrk", ReadOptions.builder()),
                "marc-8 bytes");
        for (LamRecord r : List.of(m8, raw)) {
            assertThat(r.id()).isEqualTo(utf8.id());
            assertThat(r.labels()).isEqualTo(utf8.labels()).isEqualTo(iso.labels());
            assertThat(r.text()).isEqualTo(utf8.text()).isEqualTo(iso.text());
            assertThat(subfields(r)).isEqualTo(subfields(utf8));
        }
        assertThat(m8.label("contributor")).isEmpty();
        assertThat(m8.label("title")).containsExactly("Œuvres {complètes} : chansons de Łódź", "Собрание сочинений");
    }

    @Test
    void rawMarc8UnderALeaderThatSaysUtf8IsReadAsMarc8WithAWarning() {
        Reading r = Reading.skip(marc8Mrk(true, 'a'), "lying.mrk", ReadOptions.builder());
        LamRecord utf8 = one(Reading.skip(FiveShapesTwinsTest.mrk(), "twin.mrk", ReadOptions.builder()), "utf-8");
        assertThat(r.errors()).isEmpty();
        assertThat(r.records).hasSize(1);
        assertThat(r.records.get(0).labels()).isEqualTo(utf8.labels());
        assertThat(r.warnings("encoding")).hasSize(1);
        assertThat(r.warnings("encoding").get(0).message()).contains("leader/09 is 'a'").contains("MARC-8");
        assertThat(r.warnings("encoding").get(0).location().line()).hasValue(1);
    }

    @Test
    void utf8TextUnderABlankLeaderStaysUtf8AndMnemonicsUnderAnALeaderAreUnicode() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  u-1\n=245  10$aŁódź, caf{acute}e {szlig}\n\n"
                + "=LDR  00000nam\\a2200000\\a\\4500\n=001  u-2\n=245  10$aMis{acute}erables {aelig} {E2}e {U+00E9}\n\n"
                + "=LDR  00000nam\\\\2200000\\a\\4500\n=001  u-3\n=245  10$a{Ecy}tot {ecy}tot\n";
        Reading r = Reading.skip(text.getBytes(StandardCharsets.UTF_8), "mixed.mrk", ReadOptions.builder());
        assertThat(r.problems).isEmpty();
        assertThat(r.records.get(0).label("title")).containsExactly("Łódź, café ß");
        assertThat(r.records.get(1).label("title")).containsExactly("Misérables æ é é");
        // marc4j's table gives {Ecy} as D with dot above: it is the E of {ecy}
        assertThat(r.records.get(2).label("title")).containsExactly("Ėtot ėtot");
    }

    @Test
    void aBrokenEscapeCostsOnlyTheEscapeWithAnEncodingWarning() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  b-1\n=245  10$aBroken {esc}{esc}(Z escape, caf{acute}e\n"
                + "=500  \\\\$aAfter{esc}\n\n=LDR  00000nam\\\\2200000\\a\\4500\n=001  b-2\n=245  10$aNext\n";
        Reading r = Reading.skip(text.getBytes(StandardCharsets.US_ASCII), "broken.mrk", ReadOptions.builder());
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("b-1", "b-2");
        assertThat(r.records.get(0).label("title").get(0)).isEqualTo("Broken (Z escape, café")
                .doesNotContain("\u001b");
        assertThat(r.warnings("encoding")).hasSize(1);
        assertThat(r.warnings("encoding").get(0).message()).contains("MARC-8 conversion");
        assertThat(r.warnings("encoding").get(0).location().recordId()).hasValue("b-1");
    }

    @Test
    void marcEncodingForcesTheTextOfEveryRecord() {
        byte[] cp1251 = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  c-1\n=245  10$aВойна и мир {dollar}\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        Reading r = Reading.skip(cp1251, "cp1251.mrk", ReadOptions.builder().set("marc.encoding", "windows-1251"));
        assertThat(r.problems).isEmpty();
        assertThat(r.records.get(0).label("title")).containsExactly("Война и мир $");
        // forced UTF-8: MARC-8 names still give their characters, the diacritic after its letter
        byte[] ascii = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  c-2\n=245  10$aMis{acute}erables\n"
                .getBytes(StandardCharsets.US_ASCII);
        Reading u = Reading.skip(ascii, "forced.mrk", ReadOptions.builder().set("marc.encoding", "utf-8"));
        assertThat(u.records.get(0).label("title")).containsExactly("Misérables");
    }

    @Test
    void aByteOrderMarkSaysUtf8() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("=LDR  00000nam\\\\2200000\\a\\4500\n=001  bom-1\n=245  10$aCaf{acute}e\n"
                .getBytes(StandardCharsets.US_ASCII));
        Reading r = Reading.skip(b.toByteArray(), "bom.mrk", ReadOptions.builder());
        assertThat(r.problems).isEmpty();
        assertThat(r.ids()).containsExactly("bom-1");
        assertThat(r.records.get(0).label("title")).containsExactly("Café");
    }
}
