package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The probes' root element found without a parser for the common start of a document: it must be
 * the parser's answer whenever it gives one, and it must give one for the usual shapes (else it saves
 * nothing).
 */
class SniffQuickRootTest {

    private static final String ALTO = "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-2.xsd\">";

    private static void agrees(String text) {
        Optional<Sniff.XmlRoot> quick = Sniff.quickRoot(text);
        if (quick != null) {
            assertThat(quick).as(text).isEqualTo(Sniff.parseRoot(text));
        }
    }

    @Test
    void answersTheUsualShapesAsTheParserDoes() {
        List<String> usual = List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ALTO + "\n  <Description>",
                "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\r\n\r\n" + ALTO,
                ALTO + "<Layout/>",
                "\n  " + ALTO,
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"de\">",
                "<?xml version=\"1.0\"?><mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" OBJID=\"x\" LABEL=\"Größe > x\"/>",
                "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\" pcGtsId='a > b'>",
                "<root xmlns=\"\" a=\"1\" b = '2' c\t=\n\"3\"/>",
                "<a:b xmlns:a=\"urn:a\" a:x=\"1\" y=\"2\">");
        for (String s : usual) {
            assertThat(Sniff.quickRoot(s)).as(s).isNotNull();
            agrees(s);
        }
        assertThat(Sniff.quickRoot(usual.get(0))).hasValueSatisfying(r -> {
            assertThat(r.localName()).isEqualTo("alto");
            assertThat(r.namespace()).isEqualTo("http://www.loc.gov/standards/alto/ns-v4#");
            assertThat(r.attributes()).containsOnlyKeys("schemaLocation");
        });
    }

    @Test
    void leavesEverythingElseToTheParser() {
        List<String> other = List.of(
                "<?xml version=\"1.0\"?><!-- c --><alto>",
                "<!DOCTYPE html><html>",
                "  <?xml version=\"1.0\"?><alto>",
                "<?xml version=\"1.1\"?><alto>",
                "<?xml version=\"1.0\" encoding=\"x-unknown\"?><alto>",
                "<?xml encoding=\"UTF-8\" version=\"1.0\"?><alto>",
                "<?xml-stylesheet href=\"a.xsl\"?><alto>",
                "<p:alto>",
                "<alto xmlns:p=\"\">",
                "<alto xmlns:xml=\"urn:x\">",
                "<alto xmlns:p=\"http://www.w3.org/2000/xmlns/\">",
                "<xmlns:alto>",
                "<alto a=\"1\" a=\"2\">",
                "<alto p:a=\"1\" xmlns:p=\"urn:p\" a=\"2\">",
                "<alto a=\"&amp;\">",
                "<alto a=\"x\ty\">",
                "<alto a=\"1\"b=\"2\">",
                "<alto a=1>",
                "<alto a=\"1",
                "<alto",
                "<alto ",
                "<Größe>",
                "<1a>",
                "<a: b>",
                "<:a>",
                "{\"a\": 1}",
                "");
        for (String s : other) {
            assertThat(Sniff.quickRoot(s)).as(s).isNull();
        }
    }

    @Test
    void agreesWithTheParserOnEveryCorpusFile() throws IOException {
        Path root = Corpus.root().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null,
                "shared corpus not present (../shared/corpus): the corpus half of this test skipped");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        int answered = 0;
        for (Path f : files) {
            byte[] head = new byte[FormatProvider.PROBE_BYTES];
            int len;
            try (InputStream in = Files.newInputStream(f)) {
                len = in.readNBytes(head, 0, head.length);
            }
            String text = Sniff.text(head, len);
            Optional<Sniff.XmlRoot> quick = Sniff.quickRoot(text);
            if (quick != null) {
                answered++;
                assertThat(quick).as(f.toString()).isEqualTo(Sniff.parseRoot(text));
            }
        }
        assertThat(answered).as("files the quick path answered").isGreaterThan(files.size() / 10);
    }
}
