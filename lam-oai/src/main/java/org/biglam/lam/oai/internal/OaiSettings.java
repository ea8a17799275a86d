package org.biglam.lam.oai.internal;

import java.time.Duration;
import java.util.Locale;
import org.biglam.lam.ReadOptions;

/** The {@code oai.*} settings, read and checked in one place. */
public final class OaiSettings {

    /** Default wait between two requests to the server: 1 second. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    /** Default retries of a page that failed (a network error, a timeout, a page cut short): 3. */
    public static final int DEFAULT_RETRIES = 3;
    /** Default first back-off before retrying a page, doubled each time: 2 seconds. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);

    /** The setting that binds the well-known prefixes on each page: {@value}. */
    public static final String LENIENT = "oai.lenient";
    /** The setting that says whether deleted records are emitted: {@value}. */
    public static final String DELETED = "oai.deleted";
    /** The harvest's setting of the wait between requests: {@value}. */
    public static final String DELAY = "oai.delay";
    /** The harvest's setting of the first back-off before retrying a page: {@value}. */
    public static final String BACKOFF = "oai.backoff";
    /** The harvest's setting of the longest {@code Retry-After} honoured: {@value}. */
    public static final String MAX_RETRY_AFTER = "oai.max-retry-after";
    /** The harvest's setting of the retries of a failed page: {@value}. */
    public static final String RETRIES = "oai.retries";
    /** The harvest's setting that gets each record of a ListIdentifiers harvest: {@value}. */
    public static final String GET_RECORDS = "oai.get-records";
    /** The harvest's setting of the token to resume from: {@value}. */
    public static final String RESUME = "oai.resume";
    /** The harvest's setting that sends {@code metadataPrefix} with each token: {@value}. */
    public static final String TOKEN_WITH_PREFIX = "oai.token-with-prefix";

    /** Every setting of the module, the pages' and the harvest's, as the {@code oai-pmh} format declares them. */
    public static String[] all() {
        return new String[] {LENIENT, DELETED, DELAY, BACKOFF, MAX_RETRY_AFTER, RETRIES, GET_RECORDS, RESUME,
            TOKEN_WITH_PREFIX};
    }

    private OaiSettings() {
    }

    /**
     * Whether the well-known prefixes are bound on each page's root ({@code oai.lenient}), for
     * payloads whose namespace declarations were lost.
     */
    public static boolean lenient(ReadOptions options) {
        return options.flag(LENIENT, false);
    }

    /** Whether deleted records are emitted, flagged ({@code oai.deleted=emit}), or left out (skip). */
    public static boolean emitDeleted(ReadOptions options) {
        String v = options.setting(DELETED).orElse("skip").strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "skip":
                return false;
            case "emit":
                return true;
            default:
                throw new IllegalArgumentException("oai.deleted is skip or emit, not '" + v + "'");
        }
    }

    /** The wait between requests ({@code oai.delay}, in milliseconds or as {@code 2s}). */
    public static Duration delay(ReadOptions options) {
        return duration(options, DELAY, DEFAULT_DELAY);
    }

    /** The first back-off before retrying a page ({@code oai.backoff}). */
    public static Duration backoff(ReadOptions options) {
        return duration(options, BACKOFF, DEFAULT_BACKOFF);
    }

    /** The longest {@code Retry-After} honoured ({@code oai.max-retry-after}); longer ones stop. */
    public static Duration maxRetryAfter(ReadOptions options) {
        return duration(options, MAX_RETRY_AFTER, Duration.ofMinutes(2));
    }

    /** Retries of a failed page ({@code oai.retries}). */
    public static int retries(ReadOptions options) {
        String v = options.setting(RETRIES).orElse(null);
        if (v == null) {
            return DEFAULT_RETRIES;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException("oai.retries is a count from 0, not '" + v + "'");
    }

    /** Whether a ListIdentifiers harvest gets each record with GetRecord ({@code oai.get-records}). */
    public static boolean getRecords(ReadOptions options) {
        return options.flag(GET_RECORDS, false);
    }

    /** The token to resume a harvest from ({@code oai.resume}), if any. */
    public static String resume(ReadOptions options) {
        return options.setting(RESUME).filter(s -> !s.isBlank()).orElse(null);
    }

    /**
     * A duration setting: milliseconds ({@code 250}), or a number with {@code ms}, {@code s} or
     * {@code m}.
     */
    static Duration duration(ReadOptions options, String name, Duration dflt) {
        String v = options.setting(name).orElse(null);
        if (v == null) {
            return dflt;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            if (s.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).strip()) * 1000));
            }
            if (s.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).strip()) * 60);
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a duration (250, 250ms, 2s, 1m), not '" + v + "'");
        }
    }
}
