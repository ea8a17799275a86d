package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;

class Marc21ReaderTest {

    @Test
    void readsMarc8WithDiacriticsAndNonLatinScriptsToNfcUnicode() {
        Reading r = Reading.skip("marc8-diacritics-and-scripts.mrc");
        assertThat(r.problems).isEmpty();
        assertThat(r.records).hasSize(1);
        LamRecord rec = r.records.get(0);
        assertThat(rec.id()).isEqualTo("m8-1");
        assertThat(rec.format()).isEqualTo("marc21");
        assertThat(rec.source().orElseThrow().offset()).hasValue(0);
        assertThat(rec.labels()).containsExactly(
                Map.entry("title", List.of("Voĭna i mir : roman v chetyrekh tomakh", "Война и мир : роман в четырех томах")),
                Map.entry("creator", List.of("Tolstoĭ, Lev, 1828-1910")),
                Map.entry("date", List.of("1999")),
                Map.entry("language", List.of("ru")),
                Map.entry("subject", List.of("Napoleonic Wars, 1800-1815 -- Russia -- Fiction")),
                Map.entry("genre", List.of("fiction")),
                Map.entry("type", List.of("text", "monograph")),
                Map.entry("publisher", List.of("Khudozhestvennai͡a literatura")),
                Map.entry("place", List.of("Moskva")),
                Map.entry("identifier", List.of("m8-1")),
                Map.entry("marc:date", List.of("1999.")));
        assertThat(rec.text()).hasValue("Voĭna i mir : roman v chetyrekh tomakh / Lev Tolstoĭ.\n"
                + "Война и мир : роман в четырех томах / Лев Толстой.");
        Record marc = rec.unwrap(Record.class).orElseThrow();
        assertThat(((DataField) marc.getVariableField("246")).getSubfield('a').getData())
                .isEqualTo("Café, Müller, Ñandú, Łódź, Ærøskøbing")
                .isEqualTo(java.text.Normalizer.normalize("Café, Müller, Ñandú, Łódź, Ærøskøbing",
                        java.text.Normalizer.Form.NFC));
        List<String> alternates = marc.getVariableFields("880").stream()
                .map(f -> ((DataField) f).getSubfield('a').getData()).toList();
        assertThat(alternates).containsExactly("Война и мир :", "שלום עליכם", "Ομηρος");
        assertThat(marc.getLeader().getCharCodingScheme()).isEqualTo('a');
    }

    @Test
    void detectsLeadersThatLieAboutTheEncodingAndWarns() {
        Reading r = Reading.skip("leader-lies-about-encoding.mrc");
        assertThat(r.ids()).containsExactly("lie-1", "lie-2", "lie-3");
        assertThat(r.record("lie-1").label("title")).containsExactly("Café Müller");
        assertThat(r.record("lie-2").label("title")).containsExactly("Voĭna i mir", "Война и мир");
        assertThat(r.record("lie-3").label("title")).containsExactly("Les misérables");
        List<Problem> enc = r.warnings("encoding");
        assertThat(enc).extracting(p -> p.location().recordId().orElse(null)).containsExactly("lie-1", "lie-2", "lie-3");
        assertThat(enc.get(0).message()).contains("leader/09 is ' '").contains("UTF-8");
        assertThat(enc.get(1).message()).contains("leader/09 is 'a'").contains("MARC-8");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void skipsATruncatedRecordAndKeepsBothGoodNeighbours() {
        Reading r = Reading.skip("truncated-between-two-good.mrc");
        assertThat(r.ids()).containsExactly("good-1", "good-3");
        assertThat(r.errors()).hasSize(1);
        Problem p = r.errors().get(0);
        assertThat(p.location().index()).hasValue(1);
        assertThat(p.location().offset()).hasValue(179);
        assertThat(p.location().recordId()).hasValue("cut-2");
        assertThat(p.message()).contains("truncated");
        assertThat(r.record("good-3").source().orElseThrow().index()).hasValue(2);
    }

    @Test
    void failsAtTheTruncatedRecordWithItsLocationUnderFail() {
        byte[] bytes = Reading.bytes("truncated-between-two-good.mrc");
        assertThatThrownBy(() -> Reading.read(bytes, "t.mrc", ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL)))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("record 1").hasMessageContaining("(id cut-2)").hasMessageContaining("at byte 179");
    }

    @Test
    void recoversARecordOver99999BytesAndTheRecordAfterIt() {
        Reading r = Reading.skip("record-over-99999-bytes.mrc");
        assertThat(r.ids()).containsExactly("big-1", "after-big");
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings("damaged")).isNotEmpty();
        Record big = r.record("big-1").unwrap(Record.class).orElseThrow();
        assertThat(big.getVariableFields("505")).hasSize(30);
        assertThat(((DataField) big.getVariableFields("505").get(29)).getSubfield('a').getData())
                .startsWith("Chapter 30 dddd").hasSize("Chapter 30 ".length() + 3990);
        assertThat(r.record("after-big").source().orElseThrow().offset()).hasValue(120712);
    }

    @Test
    void recoversLengthsCountedInCharactersInsteadOfBytes() {
        Reading r = Reading.skip("lengths-counted-in-characters.mrc");
        assertThat(r.ids()).containsExactly("chars-1", "chars-2");
        assertThat(r.record("chars-1").label("title")).containsExactly("Ærøskøbing, Łódź und München");
        assertThat(r.record("chars-1").label("creator")).containsExactly("Ørsted, Ånund");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void recoversAMissingRecordTerminatorAndABadDirectoryEntry() {
        Reading a = Reading.skip("missing-record-terminator.mrc");
        assertThat(a.ids()).containsExactly("nort-1", "nort-2");
        assertThat(a.warnings("damaged")).extracting(Problem::message).anyMatch(m -> m.contains("no record terminator"));
        Reading b = Reading.skip("bad-directory-entry.mrc");
        assertThat(b.ids()).containsExactly("baddir-1", "baddir-2");
        assertThat(b.record("baddir-1").label("title")).containsExactly("Bad directory entry");
    }

    @Test
    void reportsALeaderClaiming99999BytesInA30ByteFileAtOnce() {
        Reading r = Reading.skip("leader-claims-99999-in-30-bytes.mrc");
        assertThat(r.records).isEmpty();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).message()).contains("99999").contains("30");
        assertThat(r.errors().get(0).location().offset()).hasValue(0);
    }

    @Test
    void resynchronisesOnTheRecordTerminatorAfterGarbage() {
        byte[] good = WriteFixtures.book(MarcBytes.utf8(), "after-junk", "Found again", "Sync, Sam").bytes();
        byte[] junk = "this is not a leader at all\u001d".getBytes(StandardCharsets.US_ASCII);
        Reading r = Reading.skip(MarcBytes.concat(junk, good), "junk.mrc", ReadOptions.builder().format("marc21"));
        assertThat(r.ids()).containsExactly("after-junk");
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).message()).contains("no record leader");
        assertThat(r.record("after-junk").source().orElseThrow().offset()).hasValue(junk.length);
    }

    @Test
    void skipsNewlinesBetweenRecordsAndGivesByteOffsets() {
        byte[] a = WriteFixtures.book(MarcBytes.utf8(), "a", "First", "One, An").bytes();
        byte[] b = WriteFixtures.book(MarcBytes.utf8(), "b", "Second", "Two, Bo").bytes();
        Reading r = Reading.skip(MarcBytes.concat(a, "\r\n".getBytes(StandardCharsets.US_ASCII), b), "nl.mrc",
                ReadOptions.builder());
        assertThat(r.ids()).containsExactly("a", "b");
        assertThat(r.records.get(1).source().orElseThrow().offset()).hasValue(a.length + 2);
        assertThat(r.problems).isEmpty();
    }

    @Test
    void usesTheInputNameAndIndexAsIdWhenThereIsNo001() {
        byte[] rec = MarcBytes.utf8().field("245", "00", "aNo control number").bytes();
        Reading r = Reading.skip(MarcBytes.concat(rec, rec), "books.mrc", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("books.mrc#0", "books.mrc#1");
    }

    @Test
    void decodesALocalCodePageWhenTheEncodingSettingNamesIt() {
        byte[] cp1251 = MarcBytes.utf8().leader09(' ').control("001", "cp-1")
                .raw("245", MarcBytes.concat("10\u001fa".getBytes(StandardCharsets.US_ASCII),
                        "Война и мир".getBytes(java.nio.charset.Charset.forName("windows-1251"))))
                .bytes();
        Reading r = Reading.skip(cp1251, "cp.mrc", ReadOptions.builder().set("marc.encoding", "windows-1251"));
        assertThat(r.record("cp-1").label("title")).containsExactly("Война и мир");
    }

    @Test
    void letsJavaUsersReachTheMarc4jRecord() {
        Reading r = Reading.skip("truncated-between-two-good.mrc");
        Record marc = r.records.get(0).unwrap(Record.class).orElseThrow();
        assertThat(marc.getControlNumber()).isEqualTo("good-1");
        assertThat(marc.getVariableFields()).extracting(VariableField::getTag)
                .containsExactly("001", "008", "100", "245");
    }

    @Test
    void splitsTwoRecordsThatALeaderLengthCoversAsOne() {
        byte[] a = WriteFixtures.book(MarcBytes.utf8(), "long-1", "First", "One, An").bytes();
        byte[] b = WriteFixtures.book(MarcBytes.utf8(), "long-2", "Second", "Two, Bo").bytes();
        byte[] len = String.format("%05d", a.length + b.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(len, 0, a, 0, 5);
        Reading r = Reading.skip(MarcBytes.concat(a, b), "long.mrc", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("long-1", "long-2");
        assertThat(r.records.get(1).source().orElseThrow().offset()).hasValue(a.length);
        assertThat(r.warnings("damaged")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("next record"));
    }

    @Test
    void recoversAMissingFieldTerminatorBeforeTheRecordTerminator() {
        byte[] rec = WriteFixtures.book(MarcBytes.utf8(), "noft-1", "No field terminator", "Field, Fay").bytes();
        byte[] cut = new byte[rec.length - 1];
        System.arraycopy(rec, 0, cut, 0, rec.length - 2);
        cut[cut.length - 1] = MarcBytes.RT;
        byte[] len = String.format("%05d", cut.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(len, 0, cut, 0, 5);
        byte[] next = WriteFixtures.book(MarcBytes.utf8(), "noft-2", "Next", "Next, Ned").bytes();
        Reading r = Reading.skip(MarcBytes.concat(cut, next), "noft.mrc", ReadOptions.builder());
        assertThat(r.ids()).containsExactly("noft-1", "noft-2");
        assertThat(r.record("noft-1").label("title")).containsExactly("No field terminator");
        assertThat(r.record("noft-1").text()).hasValue("No field terminator / Field, Fay.");
        assertThat(r.warnings("damaged")).hasSize(1);
        assertThat(r.errors()).isEmpty();
    }
}
