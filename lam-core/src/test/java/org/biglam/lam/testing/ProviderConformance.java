package org.biglam.lam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.internal.Providers;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.MatchStrength;
import org.junit.jupiter.api.Test;

/**
 * The conformance test every {@link FormatProvider} must pass (as the JCache TCK is for Caffeine).
 * A format module extends it once per provider, naming the provider and a good sample: the
 * provider is found by ServiceLoader, recognises its sample and rejects garbage, survives empty and
 * truncated input with records or a located {@link LamException} (never another exception), and
 * reads the sample the same way twice.
 */
public abstract class ProviderConformance {

    /** The provider's format id. */
    protected abstract String formatId();

    /** A good sample of the format, with at least one record at the default granularity. */
    protected abstract byte[] sample() throws IOException;

    /** A file name for the sample (its extension matters only when content is inconclusive). */
    protected String sampleName() {
        return "sample";
    }

    private FormatProvider provider() {
        FormatProvider p = Providers.byId(formatId());
        assertThat(p).as("provider %s found by ServiceLoader", formatId()).isNotNull();
        return p;
    }

    private List<LamRecord> read(byte[] bytes, ReadOptions options) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(new ByteArrayInputStream(bytes), sampleName(), options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void isFoundByServiceLoaderWithADefaultGranularity() {
        FormatProvider p = provider();
        assertThat(p.id()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(p.granularities()).isNotEmpty();
        assertThat(p.description()).isNotBlank();
        assertThat(Lam.formats()).anyMatch(f -> f.id().equals(formatId()));
    }

    @Test
    void recognisesItsSampleByContent() throws IOException {
        byte[] s = sample();
        int len = Math.min(s.length, FormatProvider.PROBE_BYTES);
        assertThat(provider().probe(Arrays.copyOf(s, len), len)).isGreaterThanOrEqualTo(MatchStrength.WEAK_MATCH);
    }

    @Test
    void rejectsGarbageAndEmptyHeads() {
        Random random = new Random(42);
        byte[] garbage = new byte[FormatProvider.PROBE_BYTES];
        random.nextBytes(garbage);
        assertThat(provider().probe(garbage, garbage.length)).isLessThan(MatchStrength.SOLID_MATCH);
        assertThat(provider().probe(new byte[0], 0)).isLessThan(MatchStrength.WEAK_MATCH);
    }

    @Test
    void readsItsSampleTheSameWayTwice() throws IOException {
        ReadOptions o = ReadOptions.builder().format(formatId()).build();
        List<LamRecord> first = read(sample(), o);
        assertThat(first).isNotEmpty();
        assertThat(first).allSatisfy(r -> assertThat(r.id()).isNotBlank());
        assertThat(read(sample(), o)).isEqualTo(first);
    }

    @Test
    void survivesEmptyInput() {
        ReadOptions o = ReadOptions.builder().format(formatId()).build();
        assertThatCode(() -> {
            try {
                read(new byte[0], o);
            } catch (LamException expected) {
                // a located problem is a fine answer to an empty input
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void givesRecordsOrLocatedProblemsForTruncatedInput() throws IOException {
        byte[] s = sample();
        ReadOptions o = ReadOptions.builder().format(formatId()).errorPolicy(ErrorPolicy.SKIP).build();
        for (int cut : new int[] {1, s.length / 3, s.length / 2, s.length - 1}) {
            byte[] part = Arrays.copyOf(s, Math.max(0, cut));
            assertThatCode(() -> read(part, o)).as("cut at %d", cut).doesNotThrowAnyException();
        }
        ReadOptions fail = ReadOptions.builder().format(formatId()).build();
        byte[] half = Arrays.copyOf(s, s.length / 2);
        try {
            read(half, fail);
        } catch (LamException e) {
            assertThat(e.location()).as("a problem names its input").isPresent();
        }
    }

    @Test
    void survivesRandomBytesUnderSkip() {
        Random random = new Random(7);
        ReadOptions o = ReadOptions.builder().format(formatId()).errorPolicy(ErrorPolicy.SKIP).build();
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            assertThatCode(() -> read(junk, o)).doesNotThrowAnyException();
        }
    }
}
