package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.marc.internal.Probes;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/** The records that break readers, found by comparing lam with pymarc on real files. */
class DamagedRecordsTest {

    private static Reading read(byte[] bytes) {
        return Reading.skip(bytes, "t.mrc", ReadOptions.builder());
    }

    static MarcBytes book(String id, String title) {
        return WriteFixtures.book(MarcBytes.utf8(), id, title, "Smith, Ann")
                .field("260", "  ", "aLondon :", "bPenguin,", "c1985.")
                .field("650", " 0", "aWhitby (England)", "xHistory.");
    }

    @Test
    void detectsAndReadsLeadersWithBlanksWhereTheCountsAndEntryMapBelong() {
        byte[] a = book("dl-1", "Damaged leader one").bytes();
        byte[] b = book("dl-2", "Damaged leader two").bytes();
        for (byte[] r : List.of(a, b)) {
            r[10] = ' ';
            r[11] = ' ';
            Arrays.fill(r, 20, 24, (byte) ' ');
        }
        byte[] file = MarcBytes.concat(a, b);
        assertThat(Probes.iso2709(file, file.length)).isEqualTo(MatchStrength.SOLID_MATCH);
        Reading r = read(file);
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("dl-1", "dl-2");
        assertThat(r.records.get(1).label("title")).containsExactly("Damaged leader two");
        assertThat(r.records.get(1).format()).isEqualTo("marc21");
    }

    @Test
    void readsTheDamagedLeaderAndShortEntryFixtureWithoutBeingToldItsFormat() {
        Reading r = Reading.read(Reading.bytes("damaged-leader-and-short-directory-entry.mrc"), "damaged.dat",
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP));
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("dl-1", "hollow-1", "ok-3");
        assertThat(r.records.get(1).label("title")).containsExactly("A directory entry a byte short");
        assertThat(r.records.get(1).label("subject")).containsExactly("Whitby (England) -- History");
    }

    @Test
    void detectsARecordWhoseFirstDirectoryTagHasABlank() {
        byte[] a = book("tb-1", "Blank in a tag").bytes();
        a[24] = ' ';
        assertThat(Probes.iso2709(a, a.length)).isEqualTo(MatchStrength.SOLID_MATCH);
        Reading r = read(a);
        assertThat(r.errors()).isEmpty();
        assertThat(r.records.get(0).label("title")).containsExactly("Blank in a tag");
    }

    /** Removes one byte of a directory entry, as a broken writer does, keeping lengths consistent. */
    static byte[] entryOneByteShort(byte[] rec, int entry) {
        int at = 24 + 12 * entry + 3;
        byte[] out = new byte[rec.length - 1];
        System.arraycopy(rec, 0, out, 0, at);
        System.arraycopy(rec, at + 1, out, at, rec.length - at - 1);
        int base = Integer.parseInt(new String(out, 12, 5, StandardCharsets.US_ASCII)) - 1;
        System.arraycopy(String.format("%05d", out.length).getBytes(StandardCharsets.US_ASCII), 0, out, 0, 5);
        System.arraycopy(String.format("%05d", base).getBytes(StandardCharsets.US_ASCII), 0, out, 12, 5);
        return out;
    }

    @Test
    void recoversEveryFieldOfARecordWhoseDirectoryEntryIsOneByteShort() {
        MarcBytes m = book("hollow-1", "A hollow record no more");
        for (int i = 0; i < 6; i++) {
            m.field("500", "  ", "aNote " + i + ".");
        }
        byte[] rec = entryOneByteShort(m.bytes(), 1);
        byte[] after = book("hollow-2", "After it").bytes();
        Reading r = read(MarcBytes.concat(rec, after));
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("hollow-1", "hollow-2");
        LamRecord hollow = r.records.get(0);
        assertThat(hollow.label("title")).containsExactly("A hollow record no more");
        assertThat(hollow.label("creator")).containsExactly("Smith, Ann");
        assertThat(hollow.label("publisher")).containsExactly("Penguin");
        assertThat(hollow.label("subject")).containsExactly("Whitby (England) -- History");
        assertThat(hollow.label("date")).containsExactly("1985");
        Record rec4j = hollow.unwrap(Record.class).orElseThrow();
        assertThat(rec4j.getVariableFields("500")).hasSize(6);
        assertThat(r.warnings("damaged")).extracting(Problem::message).anyMatch(w -> w.contains("offsets"));
    }

    @Test
    void warnsOfARecordWithALeaderAndNoField() {
        byte[] empty = "00026nam a2200025 a 4500\u001e\u001d".getBytes(StandardCharsets.US_ASCII);
        Reading r = Reading.skip(MarcBytes.concat(empty, book("ok-1", "Fine").bytes()), "t.mrc",
                ReadOptions.builder().format("marc21"));
        assertThat(r.problems).extracting(Problem::message).anyMatch(w -> w.contains("no field"));
        assertThat(r.ids()).endsWith("ok-1");
    }

    @Test
    void readsASubfieldCodeThatIsNotAsciiAsSubfieldA() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes("10".getBytes(StandardCharsets.US_ASCII));
        f.write(0x1F);
        f.writeBytes("Études de mœurs /".getBytes(StandardCharsets.UTF_8));
        f.write(0x1F);
        f.writeBytes("cBalzac.".getBytes(StandardCharsets.UTF_8));
        byte[] rec = MarcBytes.utf8().control("001", "code-1")
                .control("008", "850101s1985    fr            000 1 fre d")
                .raw("245", f.toByteArray()).bytes();
        Reading r = read(rec);
        assertThat(r.records.get(0).label("title")).containsExactly("Études de mœurs");
        assertThat(r.warnings("damaged")).extracting(Problem::message).anyMatch(w -> w.contains("not ASCII"));
        Reading forced = Reading.skip(rec, "t.mrc", ReadOptions.builder().set("marc.encoding", "utf-8"));
        assertThat(forced.records.get(0).label("title")).containsExactly("Études de mœurs");
    }

    @Test
    void dropsABrokenMarc8EscapeAndKeepsDecodingTheRecordAsMarc8() {
        MarcBytes m = MarcBytes.marc8();
        byte[] broken = new byte[] {'P', 'a', 'r', 'i', 's', ' ', 0x1B, '(', 'X', 'r', 'u', 'e'};
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes("  ".getBytes(StandardCharsets.US_ASCII));
        f.write(0x1F);
        f.write('a');
        f.writeBytes(broken);
        f.write(0x1F);
        f.write('b');
        f.writeBytes(m.encode("Société générale,"));
        f.write(0x1F);
        f.write('c');
        f.writeBytes(new byte[] {'1', '9', '9', '0', '.', 0x1B});
        byte[] rec = m.control("001", "esc-1").control("008", "850101s1990    fr            000 1 fre d")
                .field("245", "10", "aLes misérables")
                .raw("260", f.toByteArray()).bytes();
        Reading r = read(rec);
        LamRecord x = r.records.get(0);
        assertThat(x.label("title")).containsExactly("Les misérables");
        assertThat(x.label("publisher")).containsExactly("Société générale");
        assertThat(x.label("place")).containsExactly("Paris (Xrue");
        assertThat(x.label("marc:date")).containsExactly("1990.");
        assertThat(x.labels().values().stream().flatMap(List::stream)).noneMatch(v -> v.indexOf('\u001b') >= 0
                || v.indexOf('\ufffd') >= 0);
        assertThat(r.warnings("encoding")).extracting(Problem::message).anyMatch(w -> w.contains("escape"));
    }

    @Test
    void leavesOutPlaceholdersForAnUnknownPlaceOrPublisherWhateverFollowsThem() {
        byte[] rec = WriteFixtures.book(MarcBytes.utf8(), "ph-1", "Placeholders", "Smith, Ann")
                .field("260", "  ", "6880-01", "a[S.l.] :", "b[s.n.],", "c[1990?]")
                .field("264", " 1", "a[Place of publication not identified] :", "b[publisher not identified],")
                .field("880", "  ", "6260-01/(3/r", "a[S.l.]؛", "b[s.n.]،")
                .bytes();
        LamRecord r = read(rec).records.get(0);
        assertThat(r.label("place")).isEmpty();
        assertThat(r.label("publisher")).isEmpty();
    }

    @Test
    void narrowsADecadeOrCenturyOf008ToTheYearOfTheDateStatement() {
        byte[] rec = MarcBytes.utf8().control("001", "d-1")
                .control("008", "850101s19uu    enk           000 1 eng d")
                .field("245", "10", "aUndated")
                .field("260", "  ", "aLondon :", "bPenguin,", "cc1980.").bytes();
        assertThat(read(rec).records.get(0).label("date")).containsExactly("1980");
        byte[] outside = MarcBytes.utf8().control("001", "d-2")
                .control("008", "850101s19uu    enk           000 1 eng d")
                .field("245", "10", "aUndated")
                .field("260", "  ", "aLondon :", "bPenguin,", "c2004.").bytes();
        assertThat(read(outside).records.get(0).label("date")).containsExactly("1900/1999");
    }

    @Test
    void narrowsTheDatesOfTrajectsResortTo260And264Fixtures() {
        ReadOptions.Builder o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP);
        Reading a = Reading.file(Corpus.file("marc21/traject/test/test_support/date_resort_to_260.marc"), o);
        assertThat(a.records.get(0).label("date")).containsExactly("1980");
        Reading b = Reading.file(Corpus.file("marc21/traject/test/test_support/date_resort_to_264.marc"),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP));
        assertThat(b.records.get(0).label("date")).containsExactly("2015");
    }

    @Test
    void keepsAFieldOver99999BytesWhole001First() {
        MarcBytes big = MarcBytes.utf8().control("001", "huge-1").control("003", "OCoLC")
                .control("008", "850101s1985    enk           000 1 eng d")
                .field("245", "10", "aA record of many parts /", "cby many hands.");
        char[] chunk = new char[2100];
        for (int i = 0; i < 60; i++) {
            Arrays.fill(chunk, (char) ('a' + i % 26));
            big.field(i % 2 == 0 ? "505" : "520", "0 ", "aPart " + (i + 1) + " " + new String(chunk, 0, 1000 + 17 * i));
        }
        char[] long1 = new char[12000];
        Arrays.fill(long1, 'z');
        big.field("590", "  ", "a" + new String(long1));
        big.field("650", " 0", "aBig books.");
        byte[] bytes = big.bytes(false, true);
        assertThat(bytes.length).isGreaterThan(99999);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("99999");
        Reading r = read(MarcBytes.concat(bytes, book("after-1", "After").bytes()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("huge-1", "after-1");
        Record rec = r.records.get(0).unwrap(Record.class).orElseThrow();
        assertThat(rec.getControlNumber()).isEqualTo("huge-1");
        assertThat(rec.getControlFields().get(1).getData()).isEqualTo("OCoLC");
        assertThat(rec.getVariableFields("505")).hasSize(30);
        assertThat(rec.getVariableFields("520")).hasSize(30);
        assertThat(((DataField) rec.getVariableField("590")).getSubfield('a').getData()).hasSize(12000);
        assertThat(r.records.get(0).label("subject")).containsExactly("Big books");
        assertThat(r.records.get(0).label("title")).containsExactly("A record of many parts");
        assertThat(r.warnings("damaged")).isNotEmpty();
    }
}
