package org.biglam.lam;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits every reader honours, so that hostile or broken input is refused at bounded cost
 * (in the spirit of Jackson's {@code StreamReadConstraints} and Commons Compress's memory limits).
 * Each limit has a documented default; raise one with {@link #toBuilder()}.
 *
 * <table>
 * <caption>Limits and their defaults</caption>
 * <tr><th>limit</th><th>default</th><th>what it bounds</th></tr>
 * <tr><td>{@link #maxInputBytes()}</td><td>16 GiB</td><td>decompressed bytes of one input or archive entry</td></tr>
 * <tr><td>{@link #maxCompressionRatio()}</td><td>100</td><td>decompressed to compressed bytes, checked once
 *     {@value #RATIO_CHECK_AFTER_BYTES} bytes have come out (zip bombs)</td></tr>
 * <tr><td>{@link #maxEntries()}</td><td>100,000</td><td>entries in one archive</td></tr>
 * <tr><td>{@link #maxArchiveDepth()}</td><td>4</td><td>archives inside archives</td></tr>
 * <tr><td>{@link #maxRecordBytes()}</td><td>64 MiB</td><td>one record: a MARC record, a JSON Lines line,
 *     a IIIF manifest, one XML document or page</td></tr>
 * <tr><td>{@link #maxNestingDepth()}</td><td>1,000</td><td>JSON and XML nesting</td></tr>
 * <tr><td>{@link #maxStringLength()}</td><td>20,000,000</td><td>one JSON string or XML text node, in chars</td></tr>
 * <tr><td>{@link #connectTimeout()}</td><td>10 s</td><td>opening an HTTP connection</td></tr>
 * <tr><td>{@link #readTimeout()}</td><td>30 s</td><td>waiting for the next bytes of an HTTP body</td></tr>
 * <tr><td>{@link #requestTimeout()}</td><td>10 min</td><td>one HTTP request, start to end of body</td></tr>
 * <tr><td>{@link #maxRedirects()}</td><td>5</td><td>HTTP redirects followed (only to http or https)</td></tr>
 * <tr><td>{@link #maxDownloadBytes()}</td><td>1 GiB</td><td>one HTTP body</td></tr>
 * <tr><td>{@link #lowSpeedLimit()}</td><td>1,024 bytes/s</td><td>slowest HTTP body transfer accepted, averaged
 *     over {@link #lowSpeedTime()}; 0 turns the check off</td></tr>
 * <tr><td>{@link #lowSpeedTime()}</td><td>30 s</td><td>how long a transfer may stay under
 *     {@link #lowSpeedLimit()} before it is cut (like curl's {@code --speed-time})</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ReadLimits {

    /** Decompressed bytes after which the compression ratio is checked: 1 MiB. */
    public static final long RATIO_CHECK_AFTER_BYTES = 1L << 20;

    private static final ReadLimits DEFAULTS = new Builder().build();

    private final long maxInputBytes;
    private final double maxCompressionRatio;
    private final int maxEntries;
    private final int maxArchiveDepth;
    private final int maxRecordBytes;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration requestTimeout;
    private final int maxRedirects;
    private final long maxDownloadBytes;
    private final long lowSpeedLimit;
    private final Duration lowSpeedTime;

    private ReadLimits(Builder b) {
        this.maxInputBytes = b.maxInputBytes;
        this.maxCompressionRatio = b.maxCompressionRatio;
        this.maxEntries = b.maxEntries;
        this.maxArchiveDepth = b.maxArchiveDepth;
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRedirects = b.maxRedirects;
        this.maxDownloadBytes = b.maxDownloadBytes;
        this.lowSpeedLimit = b.lowSpeedLimit;
        this.lowSpeedTime = b.lowSpeedTime;
    }

    /** The default limits. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these limits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxInputBytes = maxInputBytes;
        b.maxCompressionRatio = maxCompressionRatio;
        b.maxEntries = maxEntries;
        b.maxArchiveDepth = maxArchiveDepth;
        b.maxRecordBytes = maxRecordBytes;
        b.maxNestingDepth = maxNestingDepth;
        b.maxStringLength = maxStringLength;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.requestTimeout = requestTimeout;
        b.maxRedirects = maxRedirects;
        b.maxDownloadBytes = maxDownloadBytes;
        b.lowSpeedLimit = lowSpeedLimit;
        b.lowSpeedTime = lowSpeedTime;
        return b;
    }

    /** Most decompressed bytes of one input or archive entry. */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** Highest ratio of decompressed to compressed bytes accepted (zip-bomb guard). */
    public double maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /** Most entries read from one archive. */
    public int maxEntries() {
        return maxEntries;
    }

    /** Most levels of archives inside archives. */
    public int maxArchiveDepth() {
        return maxArchiveDepth;
    }

    /** Most bytes of one record (a MARC record, a JSON line, a manifest, one XML document or page). */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Deepest nesting of JSON or XML. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** Longest JSON string or XML text, in chars. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** Time allowed to open an HTTP connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time allowed between bytes of an HTTP body. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Time allowed for a whole HTTP request, body included. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Most HTTP redirects followed. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** Most bytes of one HTTP body. */
    public long maxDownloadBytes() {
        return maxDownloadBytes;
    }

    /**
     * Slowest HTTP body transfer accepted, in bytes a second: a body that brings fewer than
     * {@code lowSpeedLimit × lowSpeedTime} bytes in any {@link #lowSpeedTime()} is cut (like curl's
     * {@code --speed-limit}). 0 when the check is off.
     */
    public long lowSpeedLimit() {
        return lowSpeedLimit;
    }

    /** How long an HTTP body transfer may stay under {@link #lowSpeedLimit()} before it is cut. */
    public Duration lowSpeedTime() {
        return lowSpeedTime;
    }

    @Override
    public String toString() {
        return "ReadLimits[maxInputBytes=" + maxInputBytes + ", maxCompressionRatio=" + maxCompressionRatio
                + ", maxEntries=" + maxEntries + ", maxArchiveDepth=" + maxArchiveDepth
                + ", maxRecordBytes=" + maxRecordBytes + ", maxNestingDepth=" + maxNestingDepth
                + ", maxStringLength=" + maxStringLength + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRedirects=" + maxRedirects + ", maxDownloadBytes=" + maxDownloadBytes
                + ", lowSpeedLimit=" + lowSpeedLimit + ", lowSpeedTime=" + lowSpeedTime + "]";
    }

    /** Builds {@link ReadLimits}; every setter rejects values that are not positive. */
    public static final class Builder {
        private long maxInputBytes = 16L << 30;
        private double maxCompressionRatio = 100;
        private int maxEntries = 100_000;
        private int maxArchiveDepth = 4;
        private int maxRecordBytes = 64 << 20;
        private int maxNestingDepth = 1_000;
        private int maxStringLength = 20_000_000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private int maxRedirects = 5;
        private long maxDownloadBytes = 1L << 30;
        private long lowSpeedLimit = 1024;
        private Duration lowSpeedTime = Duration.ofSeconds(30);

        private Builder() {
        }

        private static long positive(long v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        /** Sets {@link ReadLimits#maxInputBytes()}. */
        public Builder maxInputBytes(long v) {
            maxInputBytes = positive(v, "maxInputBytes");
            return this;
        }

        /** Sets {@link ReadLimits#maxCompressionRatio()}; at least 1. */
        public Builder maxCompressionRatio(double v) {
            if (!(v >= 1)) {
                throw new IllegalArgumentException("maxCompressionRatio must be at least 1: " + v);
            }
            maxCompressionRatio = v;
            return this;
        }

        /** Sets {@link ReadLimits#maxEntries()}. */
        public Builder maxEntries(int v) {
            maxEntries = (int) positive(v, "maxEntries");
            return this;
        }

        /** Sets {@link ReadLimits#maxArchiveDepth()}. */
        public Builder maxArchiveDepth(int v) {
            maxArchiveDepth = (int) positive(v, "maxArchiveDepth");
            return this;
        }

        /** Sets {@link ReadLimits#maxRecordBytes()}. */
        public Builder maxRecordBytes(int v) {
            maxRecordBytes = (int) positive(v, "maxRecordBytes");
            return this;
        }

        /** Sets {@link ReadLimits#maxNestingDepth()}. */
        public Builder maxNestingDepth(int v) {
            maxNestingDepth = (int) positive(v, "maxNestingDepth");
            return this;
        }

        /** Sets {@link ReadLimits#maxStringLength()}. */
        public Builder maxStringLength(int v) {
            maxStringLength = (int) positive(v, "maxStringLength");
            return this;
        }

        /** Sets {@link ReadLimits#connectTimeout()}. */
        public Builder connectTimeout(Duration v) {
            connectTimeout = positive(v, "connectTimeout");
            return this;
        }

        /** Sets {@link ReadLimits#readTimeout()}. */
        public Builder readTimeout(Duration v) {
            readTimeout = positive(v, "readTimeout");
            return this;
        }

        /** Sets {@link ReadLimits#requestTimeout()}. */
        public Builder requestTimeout(Duration v) {
            requestTimeout = positive(v, "requestTimeout");
            return this;
        }

        /** Sets {@link ReadLimits#maxRedirects()}; zero follows none. */
        public Builder maxRedirects(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + v);
            }
            maxRedirects = v;
            return this;
        }

        /** Sets {@link ReadLimits#maxDownloadBytes()}. */
        public Builder maxDownloadBytes(long v) {
            maxDownloadBytes = positive(v, "maxDownloadBytes");
            return this;
        }

        /** Sets {@link ReadLimits#lowSpeedLimit()} in bytes a second; zero turns the check off. */
        public Builder lowSpeedLimit(long bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("lowSpeedLimit must not be negative: " + bytesPerSecond);
            }
            lowSpeedLimit = bytesPerSecond;
            return this;
        }

        /** Sets {@link ReadLimits#lowSpeedTime()}. */
        public Builder lowSpeedTime(Duration v) {
            lowSpeedTime = positive(v, "lowSpeedTime");
            return this;
        }

        /** Returns the limits. */
        public ReadLimits build() {
            return new ReadLimits(this);
        }
    }
}
