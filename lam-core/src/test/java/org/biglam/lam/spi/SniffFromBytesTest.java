package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Sniff#firstChar} and {@link Sniff#containsAscii} read the look-ahead's bytes where they
 * decide, without decoding it (the JSON providers' probes refuse every XML file with the first, the
 * hOCR, Dublin Core and MARCXML probes look for their markers with the second): their answers must
 * be the decoded text's, for every kind of start, well-formed or not.
 */
class SniffFromBytesTest {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static char decoded(byte[] head, int len) {
        return Sniff.firstNonSpace(Sniff.text(head, len));
    }

    private static void agrees(byte[] head) {
        for (int len = 0; len <= head.length; len++) {
            assertThat(Sniff.firstChar(head, len))
                    .as("first character of %s, cut at %d", new String(head, StandardCharsets.ISO_8859_1), len)
                    .isEqualTo(decoded(head, len));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void answersFromTheBytesAsTheDecodedTextDoes() {
        List<byte[]> starts = List.of(
                utf8("<?xml version=\"1.0\"?><alto>"),
                utf8("  \n\t{\"@context\": \"http://iiif.io/api/presentation/3/context.json\"}"),
                utf8("\u000B\u001C\u001F\f\r[1, 2]"),
                utf8("\u00A0{\"a\": 1}"),            // no-break space: not white space to Java
                utf8("\u3000{\"a\": 1}"),            // ideographic space: white space, outside ASCII
                utf8("\u2028<root/>"),               // line separator: white space, outside ASCII
                utf8("Größe"),
                utf8("\u0000{"),
                utf8("   "),
                utf8(""),
                concat(UTF8_BOM, utf8(" <TEI/>")),
                concat(UTF8_BOM, utf8("\u3000{")),
                new byte[] {(byte) 0xC3},           // a cut two-byte character
                new byte[] {' ', (byte) 0xFF, '{'}, // a malformed byte
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, ' ', 0, '<'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', 0, '{', 0},
                new byte[] {(byte) 0xFF});
        for (byte[] s : starts) {
            agrees(s);
        }
        assertThat(Sniff.firstChar(utf8("\n  {\"id\": 1}"), 12)).isEqualTo('{');
        assertThat(Sniff.firstChar(utf8("\u3000{"), 4)).isEqualTo('{');
        assertThat(Sniff.firstChar(utf8("  "), 2)).isEqualTo((char) 0);
    }

    private static final List<String> MARKERS = List.of("ocr_page", "<leader>", "http://purl.org/dc/elements/1.1/",
            "xmlns", "<", "TEI", "ab", "Größe", "\u00E9", "");

    private static final byte[] OTHER = utf8("another look-ahead");

    private static void containsAgrees(byte[] head, int len) {
        String text = Sniff.text(head, len);
        for (String m : MARKERS) {
            Sniff.text(OTHER, OTHER.length); // so that the look-ahead is not decoded yet: its bytes answer
            assertThat(Sniff.containsAscii(head, len, m)).as("%s in %s", m, text).isEqualTo(text.contains(m));
        }
    }

    @Test
    void findsAsciiMarkersInTheBytesAsInTheDecodedText() {
        assertThat(Sniff.containsAscii(utf8("<html class='ocr_page'>"), 23, "ocr_page")).isTrue();
        assertThat(Sniff.containsAscii(utf8("<html class='ocr_page'>"), 20, "ocr_page")).isFalse(); // cut
        assertThat(Sniff.containsAscii(utf8("<TEI>Größe</TEI>"), 18, "Größe")).isTrue(); // not ASCII: decoded
        byte[] utf16 = "\uFEFF<x class='ocr_page'/>".getBytes(StandardCharsets.UTF_16BE);
        assertThat(Sniff.containsAscii(utf16, utf16.length, "ocr_page")).isTrue();
        // bytes of every kind around the markers: malformed sequences, cut characters, byte order marks; the
        // decoder never takes an ASCII byte into a malformed sequence, so the bytes and the text agree
        Random random = new Random(17);
        byte[][] pieces = {utf8("ocr_page"), utf8("<leader>"), utf8("ab"), utf8("Größe"), utf8("é"), UTF8_BOM,
                {(byte) 0xE2}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80}, utf8("<"), utf8("a"), utf8("\uD83D\uDE00")};
        for (int n = 0; n < 20_000; n++) {
            byte[] head = new byte[64];
            int len = 0;
            while (len < head.length) {
                byte[] p = pieces[random.nextInt(pieces.length)];
                int k = Math.min(p.length, head.length - len);
                System.arraycopy(p, 0, head, len, k);
                len += k;
            }
            containsAgrees(head, random.nextInt(head.length + 1));
        }
    }

    @Test
    void agreesWithTheDecodedTextOnEveryCorpusFile() throws IOException {
        Path root = Corpus.root().orElse(null);
        Assumptions.assumeTrue(root != null,
                "shared corpus not present (../shared/corpus): the corpus half of this test skipped");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            byte[] head = new byte[FormatProvider.PROBE_BYTES];
            int len;
            try (InputStream in = Files.newInputStream(f)) {
                len = in.readNBytes(head, 0, head.length);
            }
            assertThat(Sniff.firstChar(head, len)).as(f.toString()).isEqualTo(decoded(head, len));
            containsAgrees(head, len);
        }
        assertThat(files).hasSizeGreaterThan(100);
    }
}
