package org.biglam.lam.cli.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.parquet.HubColumn;
import org.biglam.lam.spi.vocab.Dates;

/**
 * A typed column made from a label ({@code --column}): {@code LABEL}, {@code LABEL:TYPE} or {@code
 * NAME=LABEL:TYPE}, with types {@code string} (the first value, the default), {@code list} (every
 * value), {@code int}, {@code float}, {@code bool} and {@code date} (a timestamp from lam's
 * normalised date label: {@code 1883}, {@code 1883-06}, {@code 1883-06-02}; a range {@code
 * 1779/1785} gives its start). A value that does not fit its type becomes a null, counted.
 *
 * @param name the column's name
 * @param label the label read
 * @param type the column's type
 */
public record ColumnSpec(String name, String label, Type type) {

    /** The types a label column can have. */
    public enum Type {
        /** The first value. */
        STRING,
        /** Every value, as a list of strings. */
        LIST,
        /** The first value as a 64-bit integer. */
        INT,
        /** The first value as a 64-bit float. */
        FLOAT,
        /** The first value as a boolean ({@code true/false}, {@code yes/no}, {@code 1/0}). */
        BOOL,
        /** The first value as a timestamp (the start of a date or range). */
        DATE
    }

    /** What a value that does not fit its type gives: a null, counted by the caller. */
    static final Object INVALID = new Object();

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    /** Column names lam's rows already use. */
    static final Set<String> RESERVED = Set.of("id", "group", "format", "text", "image", "label", "labels", "empty",
            "width", "height", "objects", "confidence", "word_count", "ocr_quality_mean", "ocr_quality_sd");

    /** Checks the values. */
    public ColumnSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--column: '" + name + "' is not a column name (letters, digits, _)");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("--column: '" + name + "' is one of lam's own columns; name it "
                    + "another way, for example " + name + "_label=" + label);
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("--column needs a label name");
        }
    }

    /**
     * Parses {@code --column} values, each one spec or a comma list of them.
     *
     * @param specs the values as given
     * @return the columns, in order
     * @throws IllegalArgumentException if one is malformed or two share a name
     */
    public static List<ColumnSpec> parseAll(List<String> specs) {
        List<ColumnSpec> out = new ArrayList<>();
        for (String s : specs) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    ColumnSpec c = parse(part.strip());
                    if (out.stream().anyMatch(o -> o.name().equals(c.name()))) {
                        throw new IllegalArgumentException("--column names '" + c.name() + "' twice");
                    }
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses one spec. The type is what follows the last {@code :} when that is a type's name, so
     * prefixed labels such as {@code marc:655} need no type.
     *
     * @param spec {@code LABEL}, {@code LABEL:TYPE} or {@code NAME=LABEL:TYPE}
     * @return the column
     */
    public static ColumnSpec parse(String spec) {
        String name = null;
        String rest = spec;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            name = spec.substring(0, eq).strip();
            rest = spec.substring(eq + 1).strip();
        }
        Type type = Type.STRING;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            Type t = type(rest.substring(colon + 1).strip());
            if (t != null) {
                type = t;
                rest = rest.substring(0, colon).strip();
            }
        }
        if (name == null) {
            name = rest.replaceAll("[^A-Za-z0-9_]", "_");
            if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                name = "_" + name;
            }
        }
        return new ColumnSpec(name, rest, type);
    }

    private static Type type(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "string":
            case "str":
                return Type.STRING;
            case "list":
                return Type.LIST;
            case "int":
            case "int64":
            case "integer":
                return Type.INT;
            case "float":
            case "float64":
            case "double":
                return Type.FLOAT;
            case "bool":
            case "boolean":
                return Type.BOOL;
            case "date":
            case "timestamp":
                return Type.DATE;
            default:
                return null;
        }
    }

    /** The Hub column of this spec. */
    HubColumn column() {
        switch (type) {
            case LIST:
                return HubColumn.stringList(name);
            case INT:
                return HubColumn.int64(name);
            case FLOAT:
                return HubColumn.float64(name);
            case BOOL:
                return HubColumn.bool(name);
            case DATE:
                return HubColumn.timestamp(name);
            default:
                return HubColumn.string(name);
        }
    }

    /**
     * The column's value for a record's values of the label.
     *
     * @param values the label's values (empty when the record has none)
     * @return the typed value, null when the label is absent, {@link #INVALID} when it does not fit
     */
    Object value(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (type == Type.LIST) {
            return values;
        }
        String v = values.get(0).strip();
        switch (type) {
            case INT:
                try {
                    return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                } catch (NumberFormatException e) {
                    return INVALID;
                }
            case FLOAT:
                try {
                    double d = Double.parseDouble(v);
                    return Double.isFinite(d) && !v.matches(".*[a-zA-Z].*") ? (Object) d : INVALID;
                } catch (NumberFormatException e) {
                    return INVALID;
                }
            case BOOL:
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "true":
                    case "yes":
                    case "y":
                    case "1":
                        return Boolean.TRUE;
                    case "false":
                    case "no":
                    case "n":
                    case "0":
                        return Boolean.FALSE;
                    default:
                        return INVALID;
                }
            case DATE:
                LocalDateTime t = date(v);
                return t == null ? INVALID : t;
            default:
                return values.get(0);
        }
    }

    /**
     * The year a date label's value starts in, as {@link #date(String)} reads it (the decades of the
     * card's statistics and plots, and of {@code lam report}).
     *
     * @param v the label's value
     * @return its year, or null when it is no date
     */
    public static Integer year(String v) {
        LocalDateTime t = date(v);
        return t == null ? null : t.getYear();
    }

    /**
     * The start of a normalised date: {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, or a range
     * {@code START/END}.
     *
     * @param v the label's value
     * @return midnight of its first day, or null when it is not one of these
     */
    static LocalDateTime date(String v) {
        int slash = v.indexOf('/');
        String start = (slash < 0 ? v : v.substring(0, slash)).strip();
        Matcher m = DATE.matcher(start);
        try {
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                int mo = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int d = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                return LocalDateTime.of(y, mo, d, 0, 0);
            }
            // lam's normalised years, as lam-core reads them (-0044 too); an open start has no date
            String year = Dates.isoYear(start);
            return year == null || start.isEmpty() ? null : LocalDateTime.of(Integer.parseInt(year), 1, 1, 0, 0);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The spec as given on the command line, for the card. */
    @Override
    public String toString() {
        return name + "=" + label + ":" + type.name().toLowerCase(Locale.ROOT);
    }
}
