package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.testing.TestPagesSource;
import org.junit.jupiter.api.Test;

/** Inputs of a source provider's scheme: read page by page, in order, a failure located at the source. */
class SourceProviderTest {

    private static List<LamRecord> read(String input, ReadOptions options) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(input, options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void readsEveryPageInOrderWithThePageAsSource() {
        int closedBefore = TestPagesSource.closed.get();
        List<LamRecord> recs = read("testpages:3", ReadOptions.defaults());
        assertThat(recs).extracting(LamRecord::text).map(t -> t.orElse(null))
                .containsExactly("p1a", "p1b", "p2a", "p2b", "p3a", "p3b");
        assertThat(recs.get(2).source().orElseThrow().uri()).isEqualTo("test://pages/2");
        assertThat(TestPagesSource.closed.get()).isEqualTo(closedBefore + 1);
    }

    @Test
    void asksForAPageOnlyWhenTheRecordsBeforeItAreRead() {
        int before = TestPagesSource.opened.get();
        try (var s = Lam.read("testpages:50", ReadOptions.defaults())) {
            assertThat(s.limit(3).count()).isEqualTo(3);
        }
        assertThat(TestPagesSource.opened.get() - before).isEqualTo(2);
    }

    @Test
    void aSourceThatFailsKeepsTheRecordsBeforeAndIsLocated() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read("testpages:5!2",
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build());
        assertThat(recs).hasSize(4);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location().input()).isEqualTo("testpages:5!2");
            assertThat(p.message()).contains("page 3 could not be had");
        });
        List<LamRecord> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (var s = Lam.read("testpages:5!2", ReadOptions.defaults())) {
                s.forEach(seen::add);
            }
        }).isInstanceOf(LamIOException.class);
        assertThat(seen).hasSize(4);
    }

    @Test
    void aParallelStreamStillReadsTheSourceInOrder() {
        List<LamRecord> recs;
        try (var s = Lam.open(List.of("testpages:4", "testpages:2"), ReadOptions.defaults()).stream()) {
            recs = s.parallel().toList();
        }
        assertThat(recs).hasSize(12);
        assertThat(recs.get(0).text()).contains("p1a");
        assertThat(recs.get(8).text()).contains("p1a");
    }

    @Test
    void anInputWithoutAKnownSchemeIsStillAPath() {
        List<Problem> problems = new ArrayList<>();
        read("nosuchscheme:x", ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("no such file"));
        assertThat(Lam.detect("testpages:1", ReadOptions.defaults()).get(0).format()).isEqualTo("testpages");
    }
}
