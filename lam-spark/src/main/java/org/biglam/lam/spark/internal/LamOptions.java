package org.biglam.lam.spark.internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;

/**
 * The data source's options, parsed once on the driver and shipped to the tasks (a
 * {@link ReadOptions} is built again on each executor: it is not serializable).
 */
public final class LamOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Spark's default for {@code spark.sql.files.maxPartitionBytes}: 128 MiB. */
    public static final long DEFAULT_MAX_PARTITION_BYTES = 128L << 20;
    /** Spark's default for {@code spark.sql.files.openCostInBytes}: 4 MiB. */
    public static final long DEFAULT_OPEN_COST = 4L << 20;
    /** How many zip entries make one partition at most, by default. */
    public static final int DEFAULT_ENTRIES_PER_PARTITION = 4096;

    private final Map<String, String> options;
    private final Mode mode;
    private final String format;
    private final String granularity;
    private final Map<String, String> settings;
    private final Map<String, String> limits;
    private final String pathGlobFilter;
    private final boolean recursive;
    private final Long maxPartitionBytes;
    private final Long openCostInBytes;
    private final int entriesPerPartition;

    private LamOptions(Map<String, String> original) {
        Map<String, String> lower = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> limits = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : original.entrySet()) {
            String key = e.getKey();
            String k = key.toLowerCase(Locale.ROOT);
            lower.put(k, e.getValue());
            if (key.indexOf('.') > 0 && !k.startsWith("spark.") && !Planning.isHadoopKey(k)) {
                settings.put(k, e.getValue());
            } else if (LIMITS.containsKey(k)) {
                limits.put(LIMITS.get(k), e.getValue());
            }
        }
        this.options = Collections.unmodifiableMap(lower);
        this.settings = Collections.unmodifiableMap(settings);
        this.limits = Collections.unmodifiableMap(limits);
        this.mode = Mode.of(lower.get("mode"));
        this.format = blankToNull(lower.get("format"));
        this.granularity = blankToNull(lower.get("granularity"));
        this.pathGlobFilter = blankToNull(lower.get("pathglobfilter"));
        this.recursive = bool("recursiveFileLookup", lower.get("recursivefilelookup"), true);
        this.maxPartitionBytes = bytes("maxPartitionBytes", lower.get("maxpartitionbytes"));
        this.openCostInBytes = bytes("openCostInBytes", lower.get("opencostinbytes"));
        Long entries = number("entriesPerPartition", lower.get("entriesperpartition"));
        if (entries != null && (entries < 1 || entries > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("entriesPerPartition must be at least 1: " + entries);
        }
        this.entriesPerPartition = entries == null ? DEFAULT_ENTRIES_PER_PARTITION : entries.intValue();
        if (format != null && org.biglam.lam.Lam.formats().stream().noneMatch(f -> f.id().equals(format))) {
            throw new IllegalArgumentException("format '" + format + "' is not in lam-spark's jar (formats: "
                    + org.biglam.lam.Lam.formats().stream().map(f -> f.id()).collect(java.util.stream.Collectors.joining(", "))
                    + ")");
        }
        // checks every lam option on the driver, before any task runs: a setting meant for a format
        // that no format reads (dc.lenientt) fails the query here, rather than warning in every task
        List<Problem> unknown = Lam.unknownSettings(readOptions(ErrorPolicy.SKIP));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.stream().map(Problem::message).collect(Collectors.joining("; ")));
        }
    }

    /** lam's limits, by their option names (lower case, as Spark gives them) and ReadLimits names. */
    private static final Map<String, String> LIMITS = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"maxInputBytes", "maxCompressionRatio", "maxEntries", "maxArchiveDepth",
            "maxRecordBytes", "maxNestingDepth", "maxStringLength", "connectTimeout", "readTimeout",
            "requestTimeout", "maxRedirects", "maxDownloadBytes", "lowSpeedLimit", "lowSpeedTime"}) {
            LIMITS.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    /**
     * Parses the options a reader was given.
     *
     * @param original the options, keys as the user wrote them
     * @return the options
     * @throws IllegalArgumentException for a value that cannot be read
     */
    public static LamOptions of(Map<String, String> original) {
        return new LamOptions(original);
    }

    /** The mode (PERMISSIVE by default). */
    public Mode mode() {
        return mode;
    }

    /** {@code pathGlobFilter}: only files whose name matches this glob, or null. */
    public String pathGlobFilter() {
        return pathGlobFilter;
    }

    /** {@code recursiveFileLookup}: walk sub-folders (true by default, as {@code Lam.read} does). */
    public boolean recursive() {
        return recursive;
    }

    /** {@code maxPartitionBytes}, else the session's {@code spark.sql.files.maxPartitionBytes}. */
    public long maxPartitionBytes(long sessionValue) {
        return maxPartitionBytes != null ? maxPartitionBytes : sessionValue;
    }

    /** {@code openCostInBytes}, else the session's {@code spark.sql.files.openCostInBytes}. */
    public long openCostInBytes(long sessionValue) {
        return openCostInBytes != null ? openCostInBytes : sessionValue;
    }

    /** {@code entriesPerPartition}: how many zip entries one partition holds at most. */
    public int entriesPerPartition() {
        return entriesPerPartition;
    }

    /** Every option, keys in lower case. */
    public Map<String, String> all() {
        return options;
    }

    /** The {@code <format>.<name>} settings passed to lam. */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * lam's read options: format, granularity, settings and limits from the options, and the given
     * policy (the data source reads under SKIP and applies its mode to the problems itself).
     */
    public ReadOptions readOptions(ErrorPolicy policy) {
        ReadOptions.Builder b = ReadOptions.builder().errorPolicy(policy);
        if (format != null) {
            b.format(format);
        }
        if (granularity != null) {
            b.granularity(granularity);
        }
        settings.forEach(b::set);
        if (!limits.isEmpty()) {
            b.limits(limits());
        }
        return b.build();
    }

    private ReadLimits limits() {
        ReadLimits.Builder l = ReadLimits.defaults().toBuilder();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            String name = e.getKey();
            String v = e.getValue().strip();
            try {
                switch (name) {
                    case "maxInputBytes": l.maxInputBytes(Long.parseLong(v)); break;
                    case "maxCompressionRatio": l.maxCompressionRatio(Double.parseDouble(v)); break;
                    case "maxEntries": l.maxEntries(Integer.parseInt(v)); break;
                    case "maxArchiveDepth": l.maxArchiveDepth(Integer.parseInt(v)); break;
                    case "maxRecordBytes": l.maxRecordBytes(Integer.parseInt(v)); break;
                    case "maxNestingDepth": l.maxNestingDepth(Integer.parseInt(v)); break;
                    case "maxStringLength": l.maxStringLength(Integer.parseInt(v)); break;
                    case "connectTimeout": l.connectTimeout(duration(v)); break;
                    case "readTimeout": l.readTimeout(duration(v)); break;
                    case "requestTimeout": l.requestTimeout(duration(v)); break;
                    case "maxRedirects": l.maxRedirects(Integer.parseInt(v)); break;
                    case "maxDownloadBytes": l.maxDownloadBytes(Long.parseLong(v)); break;
                    case "lowSpeedLimit": l.lowSpeedLimit(Long.parseLong(v)); break;
                    case "lowSpeedTime": l.lowSpeedTime(duration(v)); break;
                    default: throw new IllegalStateException(name);
                }
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("option " + name + ": cannot use '" + v + "' ("
                        + ex.getMessage() + ")", ex);
            }
        }
        return l.build();
    }

    /** A duration: whole seconds ({@code 30}) or ISO-8601 ({@code PT30S}). */
    private static Duration duration(String v) {
        return v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
    }

    /** A size in bytes: {@code 134217728}, {@code 128m}, {@code 128MB}, {@code 1g} (powers of 1024). */
    static Long bytes(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("b") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        char unit = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (unit == 'k' || unit == 'm' || unit == 'g' || unit == 't') {
            shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 40;
            s = s.substring(0, s.length() - 1);
        }
        Long n = number(name, s);
        if (n != null && shift > 0 && n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(name + " is too large: '" + v + "'");
        }
        return n == null ? null : n << shift;
    }

    private static Long number(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: '" + v + "'");
        }
    }

    private static boolean bool(String name, String v, boolean dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new IllegalArgumentException(name + " must be true or false: '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
