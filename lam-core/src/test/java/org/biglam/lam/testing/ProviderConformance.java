package org.biglam.lam.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.internal.Providers;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The conformance test every {@link FormatProvider} must pass (as the JCache TCK is for Caffeine).
 * A format module extends it once per provider, naming the provider and a good sample: the
 * provider is found by ServiceLoader, describes itself with one {@link FormatInfo} value, recognises
 * its sample and rejects garbage, survives empty and truncated input with records or a located
 * {@link LamException} (never another exception), reads the sample the same way twice, reads it at
 * every granularity it lists (lam refusing the others before the provider sees them), and reads it
 * the same way driven directly through {@link ReadContext#of}.
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
    void describesItselfWithOneInfoValue() {
        FormatProvider p = provider();
        FormatInfo info = p.info();
        assertThat(p.info()).as("the same value on every call").isEqualTo(info);
        assertThat(info.id()).isEqualTo(formatId());
        assertThat(List.of(p.id(), p.description(), p.extensions(), p.granularities(), p.mediaTypes()))
                .as("the provider's accessors are its info's")
                .isEqualTo(List.of(info.id(), info.description(), info.extensions(), info.granularities(),
                        info.mediaTypes()));
        assertThat(Lam.formats()).contains(info);
    }

    @Test
    void readsItsSampleAtEveryGranularityItListsAndLamRefusesOthers() throws IOException {
        byte[] s = sample();
        for (String g : provider().granularities()) {
            ReadOptions o = ReadOptions.builder().format(formatId()).granularity(g).errorPolicy(ErrorPolicy.SKIP)
                    .build();
            assertThatCode(() -> read(s, o)).as("granularity %s", g).doesNotThrowAnyException();
        }
        ReadOptions other = ReadOptions.builder().format(formatId()).granularity("no-such-granularity").build();
        assertThatThrownBy(() -> read(s, other)).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("no-such-granularity")
                .hasMessageContaining(provider().granularities().get(0));
    }

    @Test
    void readsItsSampleDrivenDirectlyWithAReadyContext() throws IOException {
        FormatProvider p = provider();
        ReadOptions o = ReadOptions.builder().format(formatId()).build();
        List<LamRecord> viaLam = read(sample(), o);
        Input input = Input.of("file:///conformance/" + sampleName(), sampleName(), sample());
        List<String> ids = new ArrayList<>();
        try (FormatReader r = p.open(input, ReadContext.of(input, o, p.info().defaultGranularity()))) {
            for (LamRecord rec = r.next(); rec != null; rec = r.next()) {
                ids.add(rec.id());
            }
        }
        assertThat(ids).isEqualTo(FormatHarness.ids(viaLam));
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

    /**
     * The conformance test of a provider as data: a format module's test is its constructor, naming
     * the format, a good sample (a file, relative to the module, {@code src/test/resources/...}, or
     * bytes) and the name the sample is read under.
     */
    public abstract static class ForSample extends ProviderConformance {
        private final String formatId;
        private final @Nullable Path file;
        private final byte @Nullable [] bytes;
        private final String sampleName;

        /**
         * @param formatId the provider's format id
         * @param file a good sample of the format, with at least one record at the default
         *     granularity
         * @param sampleName a file name for the sample (its extension matters only when content is
         *     inconclusive)
         */
        protected ForSample(String formatId, String file, String sampleName) {
            this.formatId = formatId;
            this.file = Path.of(file);
            this.bytes = null;
            this.sampleName = sampleName;
        }

        /**
         * @param formatId the provider's format id
         * @param bytes a good sample of the format, with at least one record at the default
         *     granularity
         * @param sampleName a file name for the sample
         */
        protected ForSample(String formatId, byte[] bytes, String sampleName) {
            this.formatId = formatId;
            this.file = null;
            this.bytes = bytes.clone();
            this.sampleName = sampleName;
        }

        @Override
        protected final String formatId() {
            return formatId;
        }

        @Override
        protected final byte[] sample() throws IOException {
            return file != null ? Files.readAllBytes(file) : java.util.Objects.requireNonNull(bytes).clone();
        }

        @Override
        protected final String sampleName() {
            return sampleName;
        }
    }
}
