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
}
