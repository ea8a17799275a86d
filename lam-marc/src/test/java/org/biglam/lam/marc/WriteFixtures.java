package org.biglam.lam.marc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the binary ISO 2709 fixtures of src/test/resources/marc (run once by hand:
 * {@code java -cp ... org.biglam.lam.marc.WriteFixtures src/test/resources/marc}). The files are
 * committed; this program documents how each was made.
 */
public final class WriteFixtures {

    private WriteFixtures() {
    }

    static MarcBytes book(MarcBytes m, String id, String title, String author) {
        return m.control("001", id)
                .control("008", "850101s1985    enk           000 1 eng d")
                .field("100", "1 ", "a" + author + ",")
                .field("245", "10", "a" + title + " /", "c" + author + ".");
    }

    static byte[] marc8Diacritics() {
        return MarcBytes.marc8()
                .control("001", "m8-1")
                .control("008", "990101s1999    ru            000 1 rus d")
                .field("100", "1 ", "aTolstoĭ, Lev,", "d1828-1910.")
                .field("245", "10", "6880-01", "aVoĭna i mir :", "broman v chetyrekh tomakh /",
                        "cLev Tolstoĭ.")
                .field("246", "3 ", "aCafé, Müller, Ñandú, Łódź, Ærøskøbing")
                .field("260", "  ", "aMoskva :", "bKhudozhestvennai͡a literatura,", "c1999.")
                .field("650", " 0", "aNapoleonic Wars, 1800-1815", "zRussia", "vFiction.")
                .field("880", "10", "6245-01/(N", "aВойна и мир :", "bроман в четырех томах /",
                        "cЛев Толстой.")
                .field("880", "  ", "6500-00/(2/r", "aשלום עליכם")
                .field("880", "  ", "6500-00/(S", "aΟμηρος")
                .bytes();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/marc");
        Files.createDirectories(dir);
        Files.write(dir.resolve("marc8-diacritics-and-scripts.mrc"), marc8Diacritics());

        byte[] utf8UnderBlank = book(MarcBytes.utf8().leader09(' '), "lie-1", "Café Müller", "Bausch, Pina").bytes();
        byte[] marc8EscapesUnderA = MarcBytes.marc8().leader09('a').control("001", "lie-2")
                .control("008", "850101s1985    ru            000 1 rus d")
                .field("245", "10", "6880-01", "aVoĭna i mir").field("880", "10", "6245-01/(N", "aВойна и мир")
                .bytes();
        byte[] anselUnderA = book(MarcBytes.marc8().leader09('a'), "lie-3", "Les misérables", "Hugo, Victor").bytes();
        Files.write(dir.resolve("leader-lies-about-encoding.mrc"),
                MarcBytes.concat(utf8UnderBlank, marc8EscapesUnderA, anselUnderA));

        byte[] good1 = book(MarcBytes.utf8(), "good-1", "The first good record", "Smith, Ann").bytes();
        byte[] cut = book(MarcBytes.utf8(), "cut-2", "A record cut short in transfer", "Jones, Bob")
                .field("520", "  ", "aA long summary that will be lost when the record is cut in the middle.")
                .bytes();
        byte[] good3 = book(MarcBytes.utf8(), "good-3", "The third good record", "Brown, Cy").bytes();
        Files.write(dir.resolve("truncated-between-two-good.mrc"),
                MarcBytes.concat(good1, Arrays.copyOf(cut, cut.length * 2 / 3), good3));

        MarcBytes big = book(MarcBytes.utf8(), "big-1", "A record over 99,999 bytes", "Long, Lee");
        char[] chunk = new char[3990];
        for (int i = 0; i < 30; i++) {
            Arrays.fill(chunk, (char) ('a' + i % 26));
            big.field("505", "0 ", "aChapter " + (i + 1) + " " + new String(chunk));
        }
        byte[] after = book(MarcBytes.utf8(), "after-big", "The record after the big one", "Short, Sue").bytes();
        Files.write(dir.resolve("record-over-99999-bytes.mrc"), MarcBytes.concat(big.bytes(false, true), after));

        byte[] chars = book(MarcBytes.utf8(), "chars-1", "Ærøskøbing, Łódź und München", "Ørsted, Ånund").bytes(true, false);
        byte[] chars2 = book(MarcBytes.utf8(), "chars-2", "A good record after it", "Good, Gil").bytes();
        Files.write(dir.resolve("lengths-counted-in-characters.mrc"), MarcBytes.concat(chars, chars2));

        Files.write(dir.resolve("leader-claims-99999-in-30-bytes.mrc"),
                "99999nam a2200025 a 4500001000".getBytes(StandardCharsets.US_ASCII));

        byte[] noRt = book(MarcBytes.utf8(), "nort-1", "No record terminator", "Terminator, Tom").bytes();
        noRt = Arrays.copyOf(noRt, noRt.length - 1);
        byte[] second = book(MarcBytes.utf8(), "nort-2", "The record after it", "After, Al").bytes();
        Files.write(dir.resolve("missing-record-terminator.mrc"), MarcBytes.concat(noRt, second));

        Files.write(dir.resolve("unimarc-iso5426-iso6937-utf8.mrc"), MarcBytes.concat(
                UnimarcTest.book(MarcBytes.with(new org.marc4j.converter.impl.UnicodeToIso5426()), "u-5426", "03  ")
                        .bytes(),
                UnimarcTest.book(MarcBytes.with(new org.marc4j.converter.impl.UnicodeToIso6937()), "u-6937", "01  ")
                        .bytes(),
                UnimarcTest.book(MarcBytes.utf8(), "u-utf8", "50  ").bytes(),
                book(MarcBytes.utf8(), "m21-1", "A MARC 21 record among them", "Smith, Ann").bytes()));
        Files.write(dir.resolve("twin.mrk"), FiveShapesTwinsTest.mrk());

        byte[] blanks = DamagedRecordsTest.book("dl-1", "Blanks for counts and entry map").bytes();
        blanks[10] = ' ';
        blanks[11] = ' ';
        Arrays.fill(blanks, 20, 24, (byte) ' ');
        MarcBytes hollow = DamagedRecordsTest.book("hollow-1", "A directory entry a byte short");
        for (int i = 0; i < 4; i++) {
            hollow.field("500", "  ", "aNote " + i + ".");
        }
        Files.write(dir.resolve("damaged-leader-and-short-directory-entry.mrc"), MarcBytes.concat(blanks,
                DamagedRecordsTest.entryOneByteShort(hollow.bytes(), 1),
                DamagedRecordsTest.book("ok-3", "A good record after them").bytes()));

        byte[] badDir = book(MarcBytes.utf8(), "baddir-1", "Bad directory entry", "Dir, Di").bytes();
        badDir[24 + 12 * 2 + 3] = 'x';
        byte[] okAfter = book(MarcBytes.utf8(), "baddir-2", "Fine", "Fine, Fay").bytes();
        Files.write(dir.resolve("bad-directory-entry.mrc"), MarcBytes.concat(badDir, okAfter));
    }
}
