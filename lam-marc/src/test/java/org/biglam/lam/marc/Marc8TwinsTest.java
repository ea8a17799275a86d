package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * The same generated records written in MARC-8 and in UTF-8 must decode identically, and to the
 * text they were made from (in NFC), whatever their leader says.
 */
class Marc8TwinsTest {

    private static final String[][] SCRIPTS = {
        {"café", "naïve", "Müller", "Ñandú", "Łódź", "Ærøskøbing", "façade", "Dvořák", "Šťastný", "Þórsmörk",
            "São", "Kraków", "crème", "brûlée", "Ångström", "Gödel", "Čapek", "Hölderlin", "Eðda", "Ġużeppi"},
        {"Ομηρος", "Αθηνα", "λογος", "ΙΛΙΑΣ", "φιλοσοφια"},
        {"Война", "мир", "Москва", "Чехов", "Ёлка", "ЁЖ", "история", "Україна"},
        {"שלום", "ספר", "ירושלים", "תורה"},
        {"كتاب", "القاهرة", "تاريخ", "العربية"},
        {"中国", "東京", "日本語", "한국어", "歷史", "文學"},
        {"The", "history", "of", "Whitby", "and", "a", "study", "in", "letters", "1779"},
    };

    private static String words(Random random, int script, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] pool = SCRIPTS[random.nextInt(4) == 0 ? SCRIPTS.length - 1 : script];
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(pool[random.nextInt(pool.length)]);
        }
        return sb.toString();
    }

    private static MarcBytes record(MarcBytes m, Random random, int i) {
        int script = random.nextInt(SCRIPTS.length);
        return m.control("001", "twin-" + i)
                .control("008", "200101s2020    xx            000 1 und d")
                .field("100", "1 ", "a" + words(random, script, 2) + ",")
                .field("245", "10", "a" + words(random, script, 3) + " :", "b" + words(random, script, 2) + " /",
                        "c" + words(random, script, 2) + ".")
                .field("650", " 0", "a" + words(random, script, 2), "x" + words(random, script, 1))
                .field("520", "  ", "a" + words(random, script, 8) + ".");
    }

    @Test
    void marc8AndUtf8TwinsDecodeIdenticallyAndToTheirSource() {
        int n = 1500;
        ByteArrayOutputStream marc8 = new ByteArrayOutputStream();
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        ByteArrayOutputStream lying = new ByteArrayOutputStream();
        Random a = new Random(2026);
        Random b = new Random(2026);
        Random c = new Random(2026);
        for (int i = 0; i < n; i++) {
            marc8.writeBytes(record(MarcBytes.marc8(), a, i).bytes());
            utf8.writeBytes(record(MarcBytes.utf8(), b, i).bytes());
            // every third twin with a leader that says the opposite of the truth
            lying.writeBytes(record(i % 3 == 0 ? MarcBytes.marc8().leader09('a') : MarcBytes.utf8().leader09(' '),
                    c, i).bytes());
        }
        Reading m = Reading.skip(marc8.toByteArray(), "twins-marc8.mrc", ReadOptions.builder());
        Reading u = Reading.skip(utf8.toByteArray(), "twins-utf8.mrc", ReadOptions.builder());
        Reading l = Reading.skip(lying.toByteArray(), "twins-lying.mrc", ReadOptions.builder());
        assertThat(m.errors()).isEmpty();
        assertThat(m.warnings("encoding")).isEmpty();
        assertThat(u.problems).isEmpty();
        assertThat(m.records).hasSize(n);
        assertThat(u.records).hasSize(n);
        assertThat(l.records).hasSize(n);
        Random source = new Random(2026);
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LamRecord rm = m.records.get(i);
            LamRecord ru = u.records.get(i);
            LamRecord rl = l.records.get(i);
            List<String> expected = expectedSubfields(record(MarcBytes.utf8(), source, i));
            if (!subfields(rm).equals(expected) || !subfields(ru).equals(expected) || !subfields(rl).equals(expected)
                    || !rm.labels().equals(ru.labels()) || !rm.text().equals(ru.text())
                    || !rl.labels().equals(ru.labels())) {
                mismatches++;
                if (examples.size() < 3) {
                    examples.add(expected + " / marc-8: " + subfields(rm) + " / utf-8: " + subfields(ru));
                }
            }
        }
        assertThat(mismatches).as("mismatching twins, e.g. %s", examples).isZero();
    }

    private static List<String> subfields(LamRecord r) {
        Record rec = r.unwrap(Record.class).orElseThrow();
        List<String> out = new ArrayList<>();
        for (DataField df : rec.getDataFields()) {
            for (Subfield sf : df.getSubfields()) {
                out.add(df.getTag() + sf.getCode() + sf.getData());
            }
        }
        return out;
    }

    /** The subfields as generated, decoded from the UTF-8 bytes without lam, in NFC. */
    private static List<String> expectedSubfields(MarcBytes utf8) {
        byte[] bytes = utf8.bytes();
        String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        String[] fields = s.substring(s.indexOf('\u001e') + 1).split("\u001e");
        String dir = s.substring(24, s.indexOf('\u001e'));
        for (int f = 0; f < fields.length - 1; f++) {
            String tag = dir.substring(12 * f, 12 * f + 3);
            if (tag.startsWith("00")) {
                continue;
            }
            String[] sfs = fields[f].split("\u001f");
            for (int k = 1; k < sfs.length; k++) {
                out.add(tag + sfs[k].charAt(0) + Normalizer.normalize(sfs[k].substring(1), Normalizer.Form.NFC));
            }
        }
        return out;
    }
}
