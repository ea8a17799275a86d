package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The plots of the dataset card: SVG files beside the card, shown by it with relative links. */
class CardPlotsTest {

    static final Path HOLDINGS = Path.of("..", "examples", "holdings");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)]+)\\)");

    @TempDir
    Path tmp;

    /** The images the card's body shows, as written. */
    static List<String> images(Path card) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = IMAGE.matcher(ExportTestSupport.body(card));
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    /** Parses an SVG file as XML and gives its root, after checking it is one with bars. */
    static Element svg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getElementsByTagNameNS("*", "rect").getLength()).as(file.toString()).isGreaterThan(1);
        return root;
    }

    @Test
    void theCardShowsItsPlotsWhichLieBesideIt() throws Exception {
        Path out = tmp.resolve("ds");
        var run = lam("export", HOLDINGS.toString(), "--out", out.toString(), "--as", "jsonl", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> shown = images(out.resolve("README.md"));
        assertThat(shown).contains("plots/decades.svg", "plots/languages.svg", "plots/text-length.svg",
                "plots/confidence.svg", "plots/label-genre.svg");
        // identifiers and titles repeat in the holdings (the lines of a page share them) but name items
        assertThat(shown).doesNotContain("plots/label-identifier.svg", "plots/label-title.svg");
        List<String> written = new ArrayList<>();
        try (var files = Files.list(out.resolve("plots"))) {
            files.forEach(p -> written.add("plots/" + p.getFileName()));
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(shown);
        for (String s : shown) {
            svg(out.resolve(s));
        }
        assertThat(ExportTestSupport.body(out.resolve("README.md"))).contains("## Plots\n\n![Rows per decade of date]"
                + "(plots/decades.svg)");
        // the same rows give the same plots, byte for byte; --overwrite replaces the folder
        byte[] first = Files.readAllBytes(out.resolve("plots/decades.svg"));
        Files.writeString(out.resolve("plots/stale.svg"), "<svg/>");
        run = lam("export", HOLDINGS.toString(), "--out", out.toString(), "--as", "jsonl", "--overwrite", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("plots/decades.svg"))).isEqualTo(first);
        assertThat(out.resolve("plots/stale.svg")).doesNotExist();
    }

    @Test
    void eachConfigHasItsOwnPlots() throws Exception {
        Path out = tmp.resolve("ds");
        var run = lam("export", HOLDINGS.toString(), "--out", out.toString(), "--as", "jsonl", "--partition-by",
                "language", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> shown = images(out.resolve("README.md"));
        assertThat(shown).contains("plots/en/languages.svg").allSatisfy(s -> assertThat(s).matches("plots/[^/]+/[^/]+\\.svg"));
        for (String s : shown) {
            assertThat(out.resolve(s)).isRegularFile();
        }
        // another config written into the folder keeps the plots of the others
        run = lam("export", HOLDINGS.resolve("marc/books.mrc").toString(), "--out", out.toString(), "--as", "jsonl",
                "--config", "books", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("plots/en/languages.svg")).isRegularFile();
        assertThat(images(out.resolve("README.md"))).contains("plots/en/languages.svg", "plots/books/languages.svg");
    }
}
