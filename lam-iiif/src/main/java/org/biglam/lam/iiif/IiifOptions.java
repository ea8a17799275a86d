package org.biglam.lam.iiif;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;

/**
 * The IIIF reader's own choices: the preferred language of labels, whether and how far to follow
 * collections and referenced resources over the network, whether to read OCR behind canvases, and
 * how politely to fetch.
 *
 * <p>Set it on {@link ReadOptions.Builder#formatOptions(Object)}; the same choices can be given as
 * string settings ({@code iiif.prefer-language}, {@code iiif.fetch}, {@code iiif.ocr},
 * {@code iiif.max-collection-depth}, {@code iiif.all-sequences}, {@code iiif.cache-dir}, {@code iiif.max-per-host},
 * {@code iiif.retries}), which the command line passes through. A typed object wins over settings.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class IiifOptions {

    /** When referenced (not embedded) manifests, collections and annotation pages are fetched over http(s). */
    public enum Fetch {
        /** Never: only embedded resources and references resolved beside a local input are read. */
        NEVER,
        /** Only when the input itself came over http(s) (the default). */
        AUTO,
        /** Always, also for references in local files. */
        ALWAYS
    }

    /** Default deepest nesting of collections followed: {@value}. */
    public static final int DEFAULT_MAX_COLLECTION_DEPTH = 8;
    /** Default number of requests in flight to one host: {@value}. */
    public static final int DEFAULT_MAX_PER_HOST = 2;
    /** Default number of retries after a 429 or 5xx answer: {@value}. */
    public static final int DEFAULT_RETRIES = 3;
    /** Default first back-off before a retry, doubled each time: 500 ms. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    /** Default longest wait honoured from a Retry-After header: 2 minutes. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

    /** The setting naming the preferred language of labels, a BCP 47 tag: {@value}. */
    public static final String SETTING_PREFER_LANGUAGE = "iiif.prefer-language";
    /** The setting naming when referenced resources are fetched: {@code never}, {@code auto} or {@code always}: {@value}. */
    public static final String SETTING_FETCH = "iiif.fetch";
    /** The setting naming whether OCR linked from canvases is read, a flag: {@value}. */
    public static final String SETTING_OCR = "iiif.ocr";
    /** The setting naming how deep collections are followed, a whole number: {@value}. */
    public static final String SETTING_MAX_COLLECTION_DEPTH = "iiif.max-collection-depth";
    /** The setting naming whether every sequence of a v2 manifest is read, a flag: {@value}. */
    public static final String SETTING_ALL_SEQUENCES = "iiif.all-sequences";
    /** The setting naming the folder fetched resources are cached in: {@value}. */
    public static final String SETTING_CACHE_DIR = "iiif.cache-dir";
    /** The setting naming the most requests in flight to one host, a whole number: {@value}. */
    public static final String SETTING_MAX_PER_HOST = "iiif.max-per-host";
    /** The setting naming retries of a request answered with 429 or 5xx, a whole number: {@value}. */
    public static final String SETTING_RETRIES = "iiif.retries";

    private static final IiifOptions DEFAULTS = builder().build();

    private final String preferLanguage;
    private final Fetch fetch;
    private final boolean ocr;
    private final int maxCollectionDepth;
    private final boolean allSequences;
    private final Path cacheDir;
    private final int maxPerHost;
    private final int retries;
    private final Duration backoff;
    private final Duration maxRetryAfter;

    private IiifOptions(Builder b) {
        this.preferLanguage = b.preferLanguage;
        this.fetch = b.fetch;
        this.ocr = b.ocr;
        this.maxCollectionDepth = b.maxCollectionDepth;
        this.allSequences = b.allSequences;
        this.cacheDir = b.cacheDir;
        this.maxPerHost = b.maxPerHost;
        this.retries = b.retries;
        this.backoff = b.backoff;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** The defaults: no preferred language, {@link Fetch#AUTO}, no OCR, no cache. */
    public static IiifOptions defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preferLanguage = preferLanguage;
        b.fetch = fetch;
        b.ocr = ocr;
        b.maxCollectionDepth = maxCollectionDepth;
        b.allSequences = allSequences;
        b.cacheDir = cacheDir;
        b.maxPerHost = maxPerHost;
        b.retries = retries;
        b.backoff = backoff;
        b.maxRetryAfter = maxRetryAfter;
        return b;
    }

    /**
     * The options for one read: the typed {@code IiifOptions} if one was set, else the
     * {@code iiif.*} string settings over the defaults.
     *
     * @param options the read options
     * @return the IIIF options
     * @throws IllegalArgumentException if a setting has a bad value
     */
    public static IiifOptions from(ReadOptions options) {
        Optional<IiifOptions> typed = options.formatOptions(IiifOptions.class);
        if (typed.isPresent()) {
            return typed.get();
        }
        Builder b = builder();
        options.setting(SETTING_PREFER_LANGUAGE).ifPresent(b::preferLanguage);
        options.setting(SETTING_FETCH).ifPresent(v -> b.fetch(parseFetch(v)));
        options.setting(SETTING_OCR).ifPresent(v -> b.ocr(options.flag(SETTING_OCR, false)));
        options.setting(SETTING_MAX_COLLECTION_DEPTH).ifPresent(v ->
                b.maxCollectionDepth(parseInt(SETTING_MAX_COLLECTION_DEPTH, v)));
        options.setting(SETTING_ALL_SEQUENCES).ifPresent(v -> b.allSequences(options.flag(SETTING_ALL_SEQUENCES, false)));
        options.setting(SETTING_CACHE_DIR).ifPresent(v -> b.cacheDir(Path.of(v)));
        options.setting(SETTING_MAX_PER_HOST).ifPresent(v -> b.maxPerHost(parseInt(SETTING_MAX_PER_HOST, v)));
        options.setting(SETTING_RETRIES).ifPresent(v -> b.retries(parseInt(SETTING_RETRIES, v)));
        return b.build();
    }

    private static Fetch parseFetch(String v) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "never": case "false": case "no": case "off":
                return Fetch.NEVER;
            case "auto":
                return Fetch.AUTO;
            case "always": case "true": case "yes": case "on":
                return Fetch.ALWAYS;
            default:
                throw new IllegalArgumentException("iiif.fetch must be never, auto or always: '" + v + "'");
        }
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + v + "'", e);
        }
    }

    /** The preferred language of labels (a BCP 47 tag such as {@code en}), if one was chosen. */
    public Optional<String> preferLanguage() {
        return Optional.ofNullable(preferLanguage);
    }

    /** When referenced resources are fetched over http(s). */
    public Fetch fetch() {
        return fetch;
    }

    /** Whether OCR (ALTO or hOCR) linked from canvases is read and attached. */
    public boolean ocr() {
        return ocr;
    }

    /** How deep collections inside collections are followed (the input is depth 0). */
    public int maxCollectionDepth() {
        return maxCollectionDepth;
    }

    /**
     * Whether every embedded sequence of a v2 manifest is read (each canvas once), not only the first
     * as the specification says; off by default, and a manifest with several sequences then gets a
     * {@code sequences} warning naming the canvases left out.
     */
    public boolean allSequences() {
        return allSequences;
    }

    /** The folder where fetched resources are cached, if any. */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** The most requests in flight to one host, across all readers of the JVM. */
    public int maxPerHost() {
        return maxPerHost;
    }

    /** How many times a request answered with 429 or 5xx is retried. */
    public int retries() {
        return retries;
    }

    /** The first back-off before a retry; doubled for each further retry. */
    public Duration backoff() {
        return backoff;
    }

    /** The longest wait a Retry-After header is honoured for; a longer one gives up. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof IiifOptions)) {
            return false;
        }
        IiifOptions t = (IiifOptions) o;
        return Objects.equals(preferLanguage, t.preferLanguage) && fetch == t.fetch && ocr == t.ocr
                && maxCollectionDepth == t.maxCollectionDepth && allSequences == t.allSequences
                && Objects.equals(cacheDir, t.cacheDir) && maxPerHost == t.maxPerHost && retries == t.retries
                && backoff.equals(t.backoff) && maxRetryAfter.equals(t.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(preferLanguage, fetch, ocr, maxCollectionDepth, allSequences, cacheDir, maxPerHost,
                retries, backoff, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "IiifOptions[preferLanguage=" + preferLanguage + ", fetch=" + fetch + ", ocr=" + ocr
                + ", maxCollectionDepth=" + maxCollectionDepth + ", allSequences=" + allSequences + ", cacheDir=" + cacheDir
                + ", maxPerHost=" + maxPerHost + ", retries=" + retries + ", backoff=" + backoff
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds {@link IiifOptions}. Not thread-safe. */
    public static final class Builder {
        private String preferLanguage;
        private Fetch fetch = Fetch.AUTO;
        private boolean ocr;
        private int maxCollectionDepth = DEFAULT_MAX_COLLECTION_DEPTH;
        private boolean allSequences;
        private Path cacheDir;
        private int maxPerHost = DEFAULT_MAX_PER_HOST;
        private int retries = DEFAULT_RETRIES;
        private Duration backoff = DEFAULT_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

        private Builder() {
        }

        /**
         * Prefers labels in this language; the fallback is the {@code none} language, then the
         * first given.
         *
         * @param tag a BCP 47 tag such as {@code en} or {@code de-AT}; null or blank for none
         * @return this builder
         * @throws IllegalArgumentException if not a language tag
         */
        public Builder preferLanguage(@Nullable String tag) {
            if (tag == null || tag.isBlank()) {
                preferLanguage = null;
                return this;
            }
            String t = tag.strip();
            if (!t.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("not a language tag: '" + tag + "'");
            }
            preferLanguage = t;
            return this;
        }

        /** Sets when referenced resources are fetched over http(s). */
        public Builder fetch(Fetch fetch) {
            this.fetch = Objects.requireNonNull(fetch, "fetch");
            return this;
        }

        /** Reads OCR (ALTO or hOCR) linked from canvases and attaches its text. */
        public Builder ocr(boolean ocr) {
            this.ocr = ocr;
            return this;
        }

        /**
         * Sets how deep collections are followed.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxCollectionDepth(int depth) {
            if (depth < 0) {
                throw new IllegalArgumentException("maxCollectionDepth must not be negative: " + depth);
            }
            this.maxCollectionDepth = depth;
            return this;
        }

        /** Reads every embedded sequence of a v2 manifest (each canvas once), not only the first. */
        public Builder allSequences(boolean all) {
            this.allSequences = all;
            return this;
        }

        /** Caches fetched resources in this folder (created if missing); null for no cache. */
        public Builder cacheDir(@Nullable Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /**
         * Sets the most requests in flight to one host.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxPerHost(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maxPerHost must be positive: " + n);
            }
            this.maxPerHost = n;
            return this;
        }

        /**
         * Sets how many times a 429 or 5xx answer is retried.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder retries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + n);
            }
            this.retries = n;
            return this;
        }

        /**
         * Sets the first back-off before a retry.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder backoff(Duration d) {
            Objects.requireNonNull(d, "backoff");
            if (d.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative: " + d);
            }
            this.backoff = d;
            return this;
        }

        /**
         * Sets the longest Retry-After wait honoured.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetryAfter(Duration d) {
            Objects.requireNonNull(d, "maxRetryAfter");
            if (d.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative: " + d);
            }
            this.maxRetryAfter = d;
            return this;
        }

        /** Returns the options. */
        public IiifOptions build() {
            return new IiifOptions(this);
        }
    }
}
