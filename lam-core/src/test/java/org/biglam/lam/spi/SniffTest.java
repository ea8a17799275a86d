package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The root element of a look-ahead, as every XML format's probe asks for it. */
class SniffTest {

    private static Optional<Sniff.XmlRoot> root(String xml) {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        return Sniff.xmlRoot(b, b.length);
    }

    @Test
    void findsTheRootAfterADoctypeWithoutReadingItsEntities() {
        String bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        assertThat(root("<?xml version=\"1.0\"?>\n" + bomb + "\n<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" OBJID=\"a\">"))
                .hasValueSatisfying(r -> {
                    assertThat(r.localName()).isEqualTo("mets");
                    assertThat(r.namespace()).isEqualTo("http://www.loc.gov/METS/");
                    assertThat(r.attributes()).containsExactly(java.util.Map.entry("OBJID", "a"));
                });
        assertThat(root("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"))
                .hasValueSatisfying(r -> assertThat(r.localName()).isEqualTo("html"));
    }

    @Test
    void aRootWithAnEntityOfTheDoctypeOrCutOffIsNotFound() {
        assertThat(root("<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><a x=\"&xxe;\">")).isEmpty();
        assertThat(root("<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" x")).isEmpty();
        assertThat(root("no XML")).isEmpty();
    }

    @Test
    void aRootInNoNamespaceHasTheEmptyNamespaceAndItsAttributesByLocalName() {
        assertThat(root("\uFEFF<!-- c --><TEI b=\"2\" a=\"1\" xml:id=\"t\">")).hasValueSatisfying(r -> {
            assertThat(r.namespace()).isEmpty();
            assertThat(r.attributes()).containsOnlyKeys("b", "a", "id").containsEntry("id", "t");
        });
    }

    /** The root of a look-ahead as found without any cache: from the whole of it decoded. */
    private static Optional<Sniff.XmlRoot> rootOfWhole(byte[] head, int len) {
        String text = new String(head, 0, len, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1);
        }
        String t = text.strip();
        return t.startsWith("<") ? Sniff.parseRoot(text) : Optional.empty();
    }

    @Test
    void aLongLookAheadGivesTheRootOfItsWholeWhenOnlyItsStartIsDecoded() {
        String pad = "\u00e9\u4e2d\ud83d\ude00".repeat(400); // 1, 2, 3 and 4 UTF-8 bytes: cuts fall in all
        String[] docs = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" a=\"1\">"
                    + "<Description>" + pad + "</Description>",
            "\uFEFF  <mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" OBJID=\"" + pad + "\"><mets:metsHdr/>" + pad,
            "<!--" + pad + "-->\n<mets xmlns=\"http://www.loc.gov/METS/\">" + pad,
            "<a b=\"" + pad + "\">" + pad,
            "{\"@context\": \"" + pad + "\"}",
            " ".repeat(3000) + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">" + pad,
            "\u00e9".repeat(3000) + "<a>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"" + pad + "\">]><a x=\"&x;\">",
        };
        for (String doc : docs) {
            byte[] all = doc.getBytes(StandardCharsets.UTF_8);
            for (int len = 2040; len <= Math.min(all.length, FormatProvider.PROBE_BYTES); len += 1) {
                byte[] head = java.util.Arrays.copyOf(all, FormatProvider.PROBE_BYTES);
                assertThat(Sniff.xmlRoot(head, len)).as("%s... at %d bytes", doc.substring(0, 20), len)
                        .isEqualTo(rootOfWhole(head, len));
            }
        }
    }
}
