package org.biglam.lam.cli.export;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.biglam.lam.LamRecord;

/**
 * {@code --partition-by LABEL[:UNIT]}: one config per value of a label, the first value made into a
 * config name; with a unit ({@code year}, {@code decade}, {@code century}) the label is read as a
 * date ({@code date:decade} gives {@code 1880s}). Records without the label (or whose value is
 * not a date, for a unit) go into the config {@code unknown}.
 *
 * @param label the label
 * @param unit null, {@code year}, {@code decade} or {@code century}
 */
public record Partition(String label, String unit) {

    /** What a config name may be (the Hub's config names, and a folder name under {@code data/}). */
    static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The config of records without a value. */
    public static final String UNKNOWN = "unknown";

    /**
     * Parses a {@code --partition-by} value.
     *
     * @param spec {@code LABEL} or {@code LABEL:year|decade|century}
     * @return the partition
     */
    public static Partition parse(String spec) {
        String s = spec.strip();
        int colon = s.lastIndexOf(':');
        if (colon > 0) {
            String unit = s.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (unit.equals("year") || unit.equals("decade") || unit.equals("century")) {
                return new Partition(s.substring(0, colon), unit);
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("--partition-by needs a label, for example language or date:decade");
        }
        return new Partition(s, null);
    }

    /** The config name of a record. */
    String configOf(LamRecord r) {
        String v = r.firstLabel(label).orElse(null);
        if (v == null) {
            return UNKNOWN;
        }
        if (unit != null) {
            LocalDateTime t = ColumnSpec.date(v.strip());
            if (t == null) {
                return UNKNOWN;
            }
            int y = t.getYear();
            switch (unit) {
                case "year":
                    return Integer.toString(y);
                case "decade":
                    return Math.floorDiv(y, 10) * 10 + "s";
                default:
                    return Math.floorDiv(y, 100) * 100 + "s";
            }
        }
        String name = v.strip().replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^[_.-]+", "");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return name.isEmpty() ? UNKNOWN : name;
    }

    @Override
    public String toString() {
        return unit == null ? label : label + ":" + unit;
    }
}
