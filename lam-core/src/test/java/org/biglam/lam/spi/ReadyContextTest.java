package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.TestLinesFormat;
import org.junit.jupiter.api.Test;

class ReadyContextTest {

    private static final byte[] LINES = "LAMTEST\nfirst\nBAD\nthird\n".getBytes(StandardCharsets.UTF_8);

    private static List<String> texts(ReadOptions options) throws IOException {
        Input input = Input.of("file:///data/notes.testlines", "notes.testlines", LINES);
        List<String> out = new ArrayList<>();
        try (FormatReader r = new TestLinesFormat().open(input, ReadContext.of(input, options, "line"))) {
            for (LamRecord rec = r.next(); rec != null; rec = r.next()) {
                out.add(rec.text().orElseThrow());
            }
        }
        return out;
    }

    @Test
    void aReadyContextThrowsProblemsUnderFail() {
        assertThatThrownBy(() -> texts(ReadOptions.defaults())).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("file:///data/notes.testlines");
    }

    @Test
    void aReadyContextGivesProblemsToTheOptionsListenerUnderSkipAndReadsOn() throws IOException {
        List<Problem> seen = new ArrayList<>();
        List<String> texts = texts(ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build());
        assertThat(texts).containsExactly("first", "third");
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.kind()).isEqualTo("malformed");
            assertThat(p.location().input()).isEqualTo("file:///data/notes.testlines");
        });
    }

    @Test
    void aReadyContextGivesWarningsToTheListenerLocatedAtTheInputWhenTheyNameNoPlace() {
        List<Problem> seen = new ArrayList<>();
        Input input = Input.of("https://example.org/a/b.xml", "b.xml", new byte[0]);
        ReadContext c = ReadContext.of(input, ReadOptions.builder().onProblem(seen::add).build(), "record");
        c.warn("encoding", "guessed", null);
        assertThat(c.granularity()).isEqualTo("record");
        assertThat(c.limits()).isEqualTo(ReadOptions.defaults().limits());
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.toString()).isEqualTo("warning [encoding] https://example.org/a/b.xml: guessed");
        });
        assertThat(c.source(3, 10, -1).index()).hasValue(3);
    }

    @Test
    void anInputOverBytesResolvesByUriRulesAndOpensNothing() throws IOException {
        Input input = Input.of("https://example.org/a/b.xml", "b.xml", new byte[] {1, 2});
        assertThat(input.resolveUri("c/d.jpg")).isEqualTo("https://example.org/a/c/d.jpg");
        assertThat(input.resolve("c.xml")).isEmpty();
        assertThat(input.file()).isEmpty();
        assertThat(input.entry()).isNull();
        assertThat(input.stream()).isSameAs(input.stream());
        assertThat(input.stream().readAllBytes()).containsExactly(1, 2);
    }
}
