package org.biglam.lam.marc;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.marc.internal.MarcSpec;
import org.jspecify.annotations.Nullable;

/**
 * The choices of the MARC readers ({@code marc21}, {@code marcxml}, {@code marc-json}, {@code mrk}):
 * how ISO 2709 bytes are decoded, whether records are MARC 21 or UNIMARC, which fields become which
 * labels, whether codes also come as words, and what goes into a record's text.
 *
 * <p>Mappings use the field specification language of traject and SolrMarc:
 * <ul>
 * <li>{@code 245abnp}: subfields a, b, n and p of every 245, joined by a space, in field order;</li>
 * <li>{@code 650}: every subfield of 650;</li>
 * <li>{@code 008[35-37]}, {@code 008[33]}, {@code LDR[6]}: characters of a control field or the leader;</li>
 * <li>{@code 650|*0|a}: only fields whose indicators match ({@code *} any, {@code #} or space blank);</li>
 * <li>{@code 700a:710ab}: several specifications joined by a colon, values in that order.</li>
 * </ul>
 * Alternate-script 880 fields linked to a data field ({@code $6 245-01}) are read as further values
 * of that field. Values have ISBD punctuation trimmed at their end; values of {@code language} are
 * turned into BCP 47 tags.
 *
 * <pre>{@code
 * MarcOptions marc = MarcOptions.builder()
 *         .map("genre", "655a")              // replaces the default genre rule
 *         .map("marc:series", "490a:830a")   // adds a label of your own
 *         .build();
 * ReadOptions options = ReadOptions.builder().formatOptions(marc).build();
 * }</pre>
 *
 * <p>The same choices as string settings (for the command line, {@code -O name=value}):
 * {@code marc.encoding}, {@code marc.flavour}, {@code marc.names}, {@code marc.text},
 * {@code marc.map.<label>}. A typed {@code MarcOptions}
 * given to {@code ReadOptions} wins over string settings.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class MarcOptions {

    /** Decide MARC-8 or UTF-8 per record from its bytes (the default). */
    public static final String ENCODING_AUTO = "auto";
    /** Always decode as UTF-8. */
    public static final String ENCODING_UTF8 = "utf-8";
    /** Always decode as MARC-8. */
    public static final String ENCODING_MARC8 = "marc-8";
    /** Decode bytes that are not UTF-8 as ISO 5426 (UNIMARC's extended Latin set). */
    public static final String ENCODING_ISO5426 = "iso-5426";
    /** Decode bytes that are not UTF-8 as ISO 6937. */
    public static final String ENCODING_ISO6937 = "iso-6937";

    /** Decide MARC 21 or UNIMARC per record from its content (the default). */
    public static final String FLAVOUR_AUTO = "auto";
    /** Read every record as MARC 21. */
    public static final String FLAVOUR_MARC21 = "marc21";
    /** Read every record as UNIMARC. */
    public static final String FLAVOUR_UNIMARC = "unimarc";

    /**
     * The default text: title and statement of responsibility (245), summary (520) and contents
     * (505), one field a line.
     */
    public static final String DEFAULT_TEXT = "245abfgknpsc:520ab:505agrt";

    /** The setting naming how ISO 2709 bytes are decoded: {@value}. */
    public static final String SETTING_ENCODING = "marc.encoding";
    /** The setting naming which MARC records are read as: {@value}. */
    public static final String SETTING_FLAVOUR = "marc.flavour";
    /** {@link #SETTING_FLAVOUR} spelt the American way: {@value}. */
    public static final String SETTING_FLAVOR = "marc.flavor";
    /** The setting that gives codes as words too, a flag: {@value}. */
    public static final String SETTING_NAMES = "marc.names";
    /** The setting naming the fields of the text: {@value}. */
    public static final String SETTING_TEXT = "marc.text";
    /** The settings mapping a label to fields, {@code marc.map.<label>}, as a family: {@value}. */
    public static final String SETTING_MAP = "marc.map.*";

    private static final String MAP_PREFIX = SETTING_MAP.substring(0, SETTING_MAP.length() - 1);

    private static final MarcOptions DEFAULTS = builder().build();

    private final String encoding;
    private final String flavour;
    private final boolean names;
    private final String text;
    private final Map<String, String> mappings;

    private MarcOptions(Builder b) {
        this.encoding = b.encoding;
        this.flavour = b.flavour;
        this.names = b.names;
        this.text = b.text;
        this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(b.mappings));
    }

    /** The default options. */
    public static MarcOptions defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.encoding = encoding;
        b.flavour = flavour;
        b.names = names;
        b.text = text;
        b.mappings.putAll(mappings);
        return b;
    }

    /**
     * The options a read uses: the typed {@code MarcOptions} object if one was set, else the string
     * settings {@code marc.encoding}, {@code marc.flavour}, {@code marc.names} (a flag, as
     * {@link ReadOptions#flag} reads it), {@code marc.text} and {@code marc.map.<label>}, else the
     * defaults. Other settings are ignored.
     *
     * @param options the read options
     * @return the MARC options; never null
     * @throws IllegalArgumentException if a string setting has a bad value
     */
    public static MarcOptions from(ReadOptions options) {
        Optional<MarcOptions> typed = options.formatOptions(MarcOptions.class);
        if (typed.isPresent()) {
            return typed.get();
        }
        Builder b = builder();
        for (Map.Entry<String, String> e : options.settings().entrySet()) {
            String k = e.getKey();
            if (k.equals(SETTING_ENCODING)) {
                b.encoding(e.getValue());
            } else if (k.equals(SETTING_FLAVOUR) || k.equals(SETTING_FLAVOR)) {
                b.flavour(e.getValue());
            } else if (k.equals(SETTING_NAMES)) {
                b.names(options.flag(k, false));
            } else if (k.equals(SETTING_TEXT)) {
                b.text(e.getValue());
            } else if (k.startsWith(MAP_PREFIX) && k.length() > MAP_PREFIX.length()) {
                String label = k.substring(MAP_PREFIX.length());
                if (e.getValue().isBlank()) {
                    b.unmap(label);
                } else {
                    b.map(label, e.getValue());
                }
            }
        }
        return b.build();
    }

    /**
     * How ISO 2709 records and MarcEdit text are decoded: {@value #ENCODING_AUTO}, {@value #ENCODING_UTF8},
     * {@value #ENCODING_MARC8}, {@value #ENCODING_ISO5426}, {@value #ENCODING_ISO6937}, or the name
     * of a Java charset (such as {@code windows-1251}) for catalogues exported in a local code page.
     */
    public String encoding() {
        return encoding;
    }

    /**
     * Which MARC each record is read as: {@value #FLAVOUR_AUTO} (each record by its content),
     * {@value #FLAVOUR_MARC21} or {@value #FLAVOUR_UNIMARC}.
     */
    public String flavour() {
        return flavour;
    }

    /**
     * Whether coded values also come as words: language names ({@code marc:language-name}),
     * the country of publication ({@code marc:country}) and relator terms ({@code role}).
     */
    public boolean names() {
        return names;
    }

    /** The specification of the text, as {@link Builder#text(String)} takes it; empty for none. */
    public String text() {
        return text;
    }

    /**
     * The user's mappings, label to specification, in the order given; an empty specification
     * removes the label.
     */
    public Map<String, String> mappings() {
        return mappings;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MarcOptions && encoding.equals(((MarcOptions) o).encoding)
                && flavour.equals(((MarcOptions) o).flavour) && names == ((MarcOptions) o).names
                && text.equals(((MarcOptions) o).text) && mappings.equals(((MarcOptions) o).mappings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(encoding, flavour, names, text, mappings);
    }

    @Override
    public String toString() {
        return "MarcOptions[encoding=" + encoding + ", flavour=" + flavour + ", names=" + names + ", text=" + text
                + ", mappings=" + mappings + "]";
    }

    /** Builds {@link MarcOptions}. Not thread-safe. */
    public static final class Builder {
        private String encoding = ENCODING_AUTO;
        private String flavour = FLAVOUR_AUTO;
        private boolean names;
        private String text = DEFAULT_TEXT;
        private final Map<String, String> mappings = new LinkedHashMap<>();
        private final List<String> set = new ArrayList<>();

        private Builder() {
        }

        private void once(String what) {
            if (set.contains(what)) {
                throw new IllegalStateException(what + " is already set");
            }
            set.add(what);
        }

        /**
         * Sets how ISO 2709 bytes and MarcEdit text are decoded.
         *
         * @param encoding {@code auto}, {@code utf-8}, {@code marc-8}, {@code iso-5426}, {@code iso-6937}
         *     or a Java charset name
         * @return this builder
         * @throws IllegalArgumentException if not one of those
         * @throws IllegalStateException if set before
         */
        public Builder encoding(String encoding) {
            Objects.requireNonNull(encoding, "encoding");
            String e = encoding.strip().toLowerCase(Locale.ROOT);
            switch (e) {
                case "auto":
                    break;
                case "utf-8": case "utf8":
                    e = ENCODING_UTF8;
                    break;
                case "marc-8": case "marc8": case "ansel":
                    e = ENCODING_MARC8;
                    break;
                case "iso-5426": case "iso5426":
                    e = ENCODING_ISO5426;
                    break;
                case "iso-6937": case "iso6937":
                    e = ENCODING_ISO6937;
                    break;
                default:
                    try {
                        Charset.forName(e);
                    } catch (RuntimeException ex) {
                        throw new IllegalArgumentException("marc encoding must be auto, utf-8, marc-8, "
                                + "iso-5426, iso-6937 or a charset name: '" + encoding + "'", ex);
                    }
            }
            once("encoding");
            this.encoding = e;
            return this;
        }

        /**
         * Sets which MARC the records are read as.
         *
         * @param flavour {@code auto} (each record by its content: UNIMARC has a 200 and no 245, or a
         *     100 of UNIMARC's shape), {@code marc21} or {@code unimarc}
         * @return this builder
         * @throws IllegalArgumentException if not one of those
         * @throws IllegalStateException if set before
         */
        public Builder flavour(String flavour) {
            Objects.requireNonNull(flavour, "flavour");
            String f = flavour.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
            switch (f) {
                case "auto":
                    f = FLAVOUR_AUTO;
                    break;
                case "marc21": case "marc":
                    f = FLAVOUR_MARC21;
                    break;
                case "unimarc": case "rusmarc":
                    f = FLAVOUR_UNIMARC;
                    break;
                default:
                    throw new IllegalArgumentException("marc flavour must be auto, marc21 or unimarc: '" + flavour + "'");
            }
            once("flavour");
            this.flavour = f;
            return this;
        }

        /**
         * Gives coded values also as words (off by default): {@code marc:language-name} beside
         * {@code language}, {@code marc:country} for the country of publication (008/15-17, UNIMARC
         * 102), and {@code role} for the relator codes and terms of names.
         *
         * @param names whether to add them
         * @return this builder
         * @throws IllegalStateException if set before
         */
        public Builder names(boolean names) {
            once("names");
            this.names = names;
            return this;
        }

        /**
         * Sets which fields make a record's text, one line per field, in the specification
         * language above (data fields only).
         *
         * @param spec for example {@value MarcOptions#DEFAULT_TEXT}; empty for no text
         * @return this builder
         * @throws IllegalArgumentException if the specification is bad
         */
        public Builder text(String spec) {
            Objects.requireNonNull(spec, "spec");
            if (!spec.isBlank()) {
                MarcSpec.parse(spec);
            }
            once("text");
            this.text = spec.strip();
            return this;
        }

        /**
         * Maps fields to a label, replacing the built-in rule for that label if there is one.
         *
         * @param label a uniform label ({@code genre}) or a prefixed one of your own ({@code marc:series})
         * @param spec the fields, for example {@code 655a} or {@code 700a:710ab}
         * @return this builder
         * @throws IllegalArgumentException if the specification is bad
         * @throws IllegalStateException if the label is already mapped
         */
        public Builder map(String label, String spec) {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(spec, "spec");
            if (label.isBlank()) {
                throw new IllegalArgumentException("label must not be blank");
            }
            MarcSpec.parse(spec);
            once("map " + label);
            mappings.put(label.strip(), spec.strip());
            return this;
        }

        /**
         * Removes a label, built-in or not.
         *
         * @param label the label
         * @return this builder
         * @throws IllegalStateException if the label is already mapped
         */
        public Builder unmap(String label) {
            Objects.requireNonNull(label, "label");
            once("map " + label);
            mappings.put(label.strip(), "");
            return this;
        }

        /** Returns the options. */
        public MarcOptions build() {
            return new MarcOptions(this);
        }
    }
}
