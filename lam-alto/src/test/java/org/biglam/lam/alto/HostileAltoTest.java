package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input made to exhaust the ALTO parser (Aalto, which has no limits of its own): floods of new
 * names, which slow Aalto's name table down quadratically, and tokens without end. Each is refused
 * well before its end: the error's line shows how far the parser got.
 */
class HostileAltoTest {

    private static final String HEAD = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'>\n<Layout>\n"
            + "<Page ID='p' WIDTH='10' HEIGHT='10'><PrintSpace><TextBlock ID='b'><TextLine ID='l'>\n";
    private static final String TAIL = "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>\n";
    private static final int LINES = 200_000;

    /** A page whose TextLine holds {@link #LINES} lines made by {@code line}, then the end. */
    private static Path page(Path dir, String name, IntFunction<String> line) throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < LINES; i++) {
            sb.append(line.apply(i)).append('\n');
        }
        sb.append(TAIL);
        return Files.writeString(dir.resolve(name), sb);
    }

    private static LamLimitExceededException refusal(Path p) {
        LamLimitExceededException e = catchThrowableOfType(LamLimitExceededException.class,
                () -> Read.all(p, ReadOptions.builder().format("alto").build()));
        assertThat(e).as("refused: " + p.getFileName()).isNotNull();
        assertThat(e.location().orElseThrow().input()).endsWith(p.getFileName().toString());
        return e;
    }

    private static void refusedEarly(Path p) {
        LamLimitExceededException e = refusal(p);
        assertThat(e.getMessage()).contains("distinct names");
        assertThat(e.location().orElseThrow().line().orElseThrow()).as("line where it was refused")
                .isBetween(1L, LINES / 4L);
    }

    @Test
    void refusesAFloodOfNewElementNames(@TempDir Path dir) throws IOException {
        refusedEarly(page(dir, "elements.xml", i -> "<e" + i + "/>"));
    }

    @Test
    void refusesAFloodOfNewAttributeNamesOnWords(@TempDir Path dir) throws IOException {
        refusedEarly(page(dir, "words.xml", i -> "<String CONTENT='w' a" + i + "='1'/>"));
    }

    @Test
    void refusesAFloodOfNewAttributeNamesOnSpacesWhoseAttributesAreNotRead(@TempDir Path dir) throws IOException {
        refusedEarly(page(dir, "spaces.xml", i -> "<String CONTENT='w'/><SP a" + i + "='1' b" + i + "='2'/>"));
    }

    @Test
    void refusesAFloodOfNewNamesInsideSkippedElementsAndTheHeader(@TempDir Path dir) throws IOException {
        refusedEarly(page(dir, "skipped.xml", i -> "<String CONTENT='w'><Glyph g" + i + "='x'/></String>"));
        StringBuilder tags = new StringBuilder("<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'>\n<Tags>\n");
        for (int i = 0; i < LINES; i++) {
            tags.append("<NamedEntityTag ID='t").append(i).append("' x").append(i).append("='y'/>\n");
        }
        tags.append("</Tags>").append(TAIL.substring(TAIL.indexOf("</Layout>") + 9));
        refusedEarly(Files.writeString(dir.resolve("tags.xml"), tags));
    }

    @Test
    void refusesAFloodOfNamespacePrefixes(@TempDir Path dir) throws IOException {
        LamLimitExceededException e = refusal(page(dir, "prefixes.xml",
                i -> "<p" + i + ":String xmlns:p" + i + "='urn:x' CONTENT='w'/>"));
        assertThat(e.getMessage()).contains("namespace prefixes");
        assertThat(e.location().orElseThrow().line().orElseThrow()).isBetween(1L, 1_000L);
    }

    @Test
    void refusesATokenWithoutEnd(@TempDir Path dir) throws IOException {
        Path comment = Files.writeString(dir.resolve("comment.xml"), HEAD + "<!--" + "x".repeat(4_000_000) + "-->"
                + TAIL);
        assertThat(refusal(comment).getMessage()).contains("XML token longer than");
        Path attribute = Files.writeString(dir.resolve("attribute.xml"), HEAD + "<String CONTENT='"
                + "y".repeat(4_000_000) + "'/>" + TAIL);
        assertThat(refusal(attribute).getMessage()).contains("XML token longer than");
    }

    @Test
    void readsAPageWhoseNamesAndTokensAreManyButOrdinary(@TempDir Path dir) throws IOException {
        Path p = page(dir, "ordinary.xml", i -> "<String CONTENT='w" + i + "' STYLEREFS='TS1' WC='0.9'/><SP/>");
        List<LamRecord> records = Read.all(p, ReadOptions.builder().format("alto").build());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text().orElseThrow()).startsWith("w0 w1 w2").endsWith("w" + (LINES - 1));
    }
}
