package org.biglam.lam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.Sniff;
import org.junit.jupiter.api.Test;

/** Detection's look-ahead past a prolog longer than the probes' 8 KiB. */
class LongPrologTest {

    private static final String EAD = "<ead xmlns=\"urn:isbn:1-931666-22-9\" audience=\"external\">\n"
            + "<eadheader><eadid countrycode=\"US\">mss-0042</eadid></eadheader>\n";

    /** A licence text of about {@code n} bytes, as projects put it in a comment before the root. */
    private static String licence(int n) {
        StringBuilder b = new StringBuilder("<!--\n");
        for (int i = 0; b.length() < n; i++) {
            b.append("  Licensed under the Apache License, Version 2.0 (the \"License\"); you may not use this file\n"
                    + "  except in compliance with the License. Änderungen: siehe Zeile ").append(i).append(".\n");
        }
        return b.append("-->\n").toString();
    }

    /** The input's look-ahead and, through {@link LongProlog#lookPast}, the one past its prolog (null if none). */
    private static final class Input {
        final byte[] bytes;
        final List<Integer> peeks = new ArrayList<>();
        final byte[] head;
        final int len;

        Input(byte[] bytes) {
            this.bytes = bytes;
            this.len = Math.min(bytes.length, FormatProvider.PROBE_BYTES);
            this.head = java.util.Arrays.copyOf(bytes, FormatProvider.PROBE_BYTES);
        }

        byte[] past(int[] outLen) throws Exception {
            return LongProlog.lookPast(head, len, (n, got) -> {
                peeks.add(n);
                got[0] = Math.min(n, bytes.length);
                return java.util.Arrays.copyOf(bytes, got[0]);
            }, outLen);
        }

        Optional<Sniff.XmlRoot> rootPast() throws Exception {
            int[] l = new int[1];
            byte[] p = past(l);
            assertThat(p).isNotNull();
            assertThat(l[0]).isLessThanOrEqualTo(FormatProvider.PROBE_BYTES);
            return Sniff.xmlRoot(p, l[0]);
        }
    }

    private static Input input(String s, Charset cs) {
        return new Input(s.getBytes(cs));
    }

    @Test
    void findsTheRootBehindALongComment() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + licence(12_000) + EAD + "</ead>\n";
        Input in = input(doc, StandardCharsets.UTF_8);
        assertThat(Sniff.xmlRoot(in.head, in.len)).isEmpty();
        assertThat(LongProlog.endsInProlog(in.head, in.len)).isTrue();
        int[] l = new int[1];
        byte[] past = in.past(l);
        String text = Sniff.text(past, l[0]);
        // the declaration kept, the comment left out, the document from its root on
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ead xmlns=").contains("mss-0042")
                .doesNotContain("Licensed");
        assertThat(Sniff.xmlRoot(past, l[0])).hasValueSatisfying(r -> {
            assertThat(r.localName()).isEqualTo("ead");
            assertThat(r.namespace()).isEqualTo("urn:isbn:1-931666-22-9");
            assertThat(r.attributes()).containsEntry("audience", "external");
        });
        // one read further was enough
        assertThat(in.peeks).containsExactly(64 * 1024);
    }

    @Test
    void findsTheRootBehindADocumentTypeDeclarationWithALongInternalSubset() throws Exception {
        StringBuilder subset = new StringBuilder();
        for (int i = 0; subset.length() < 20_000; i++) {
            // a "]" or ">" in a literal, a comment or a processing instruction does not end the subset
            subset.append("  <!ENTITY e").append(i).append(" \"[x]> &#x").append(Integer.toHexString(0x100 + i))
                    .append(";\">\n  <!-- entity ").append(i).append(" ]> -->\n");
        }
        String doc = "<?xml version=\"1.0\"?>\n<?xml-model href=\"tei_all.rng\" type=\"application/xml\"?>\n"
                + "<!DOCTYPE TEI.2 SYSTEM \"tei2.dtd\" [\n" + subset + "<?pi ]>?>\n]>\n<TEI.2 id=\"t1\"><teiHeader>";
        Input in = input(doc, StandardCharsets.UTF_8);
        int[] l = new int[1];
        byte[] past = in.past(l);
        assertThat(Sniff.text(past, l[0])).startsWith("<?xml version=\"1.0\"?>\n"
                + "<?xml-model href=\"tei_all.rng\" type=\"application/xml\"?>\n"
                + "<!DOCTYPE TEI.2 SYSTEM \"tei2.dtd\" >\n<TEI.2 id=\"t1\"><teiHeader>");
        assertThat(Sniff.xmlRoot(past, l[0])).hasValueSatisfying(r -> assertThat(r.localName()).isEqualTo("TEI.2"));
    }

    @Test
    void readsUtf16AsUtf16() throws Exception {
        String doc = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + licence(9_000) + EAD;
        for (Charset cs : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            assertThat(input(doc, cs).rootPast()).hasValueSatisfying(r -> assertThat(r.localName()).isEqualTo("ead"));
        }
        // with a UTF-8 byte order mark, kept
        Input in = input("\uFEFF" + licence(9_000) + EAD, StandardCharsets.UTF_8);
        int[] l = new int[1];
        byte[] past = in.past(l);
        assertThat(past[0] & 0xff).isEqualTo(0xEF);
        assertThat(Sniff.xmlRoot(past, l[0])).hasValueSatisfying(r -> assertThat(r.localName()).isEqualTo("ead"));
    }

    @Test
    void leavesEveryOtherLookAheadAsItIsWithoutReading() throws Exception {
        String alto = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">"
                + "<Layout>" + "<String CONTENT=\"word\" HPOS=\"1\" VPOS=\"2\" WIDTH=\"3\" HEIGHT=\"4\"/>".repeat(200);
        List<String> others = List.of(alto,
                // a short comment, then the root
                "<!-- exported 2024 -->\n" + alto.substring(39),
                // not XML
                "id,title\n" + "1,Harbour\n".repeat(1000),
                "{\"id\": \"x\", \"text\": \"" + "a".repeat(9000) + "\"}",
                // markup, but not a prolog
                "<" + " ".repeat(9000));
        for (String s : others) {
            Input in = input(s, StandardCharsets.UTF_8);
            int[] l = new int[1];
            assertThat(in.past(l)).as(s.substring(0, 30)).isNull();
            assertThat(in.peeks).as(s.substring(0, 30)).isEmpty();
        }
        // shorter than the look-ahead: all of it was seen
        Input whole = input("<?xml version=\"1.0\"?>\n<!-- a comment not closed", StandardCharsets.UTF_8);
        assertThat(whole.past(new int[1])).isNull();
        assertThat(whole.peeks).isEmpty();
    }

    @Test
    void givesUpAtItsLimitOrWhereTheInputEndsInItsProlog() throws Exception {
        // a comment longer than the limit: read up to the limit, not further
        Input huge = input("<?xml version=\"1.0\"?>\n" + licence(LongProlog.MAX_BYTES + 10) + EAD, StandardCharsets.UTF_8);
        assertThat(huge.past(new int[1])).isNull();
        assertThat(huge.peeks).last().isEqualTo(LongProlog.MAX_BYTES);
        assertThat(huge.peeks).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LongProlog.MAX_BYTES));
        // a file cut inside its comment
        Input cut = input("<?xml version=\"1.0\"?>\n" + licence(20_000).replace("-->", ""), StandardCharsets.UTF_8);
        assertThat(cut.past(new int[1])).isNull();
        assertThat(cut.peeks).containsExactly(64 * 1024);
        // text after a long comment: not XML
        Input text = input(licence(20_000) + "plain text", StandardCharsets.UTF_8);
        assertThat(text.past(new int[1])).isNull();
    }
}
