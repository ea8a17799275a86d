package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Sniff#firstChar} reads the look-ahead's bytes where they decide, without decoding it (the
 * JSON providers' probes refuse every XML file with it): its answer must be the decoded text's first
 * character other than white space, for every kind of start.
 */
class SniffFirstCharTest {

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
        }
        assertThat(files).hasSizeGreaterThan(100);
    }
}
