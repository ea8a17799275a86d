package org.biglam.lam.tei;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;

/**
 * How lam turns TEI into text: the {@linkplain Profile text profile}, which reading of each
 * {@code choice} pair to take, which kinds of content to keep, and which divisions are units at the
 * {@code div} granularity.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()} and pass it with
 * {@code ReadOptions.builder().formatOptions(teiOptions)}; on the command line and in string
 * settings the same choices are {@code tei.profile}, {@code tei.prefer}, {@code tei.enable},
 * {@code tei.disable}, {@code tei.div} and {@code tei.source} (see {@link #from(ReadOptions)}). A
 * typed object wins over string settings.
 *
 * <table>
 * <caption>The two profiles</caption>
 * <tr><th></th><th>{@link Profile#NORMALIZED} (default)</th><th>{@link Profile#DIPLOMATIC}</th></tr>
 * <tr><td>{@code choice} orig / reg</td><td>reg</td><td>orig</td></tr>
 * <tr><td>{@code choice} abbr / expan</td><td>expan (and {@code ex} kept, {@code am} dropped)</td>
 *     <td>abbr (and {@code am} kept, {@code ex} dropped)</td></tr>
 * <tr><td>{@code choice} sic / corr</td><td>corr</td><td>sic</td></tr>
 * <tr><td>{@code del}</td><td>dropped</td><td>kept ({@link Feature#DELETIONS})</td></tr>
 * <tr><td>{@code supplied}</td><td>kept ({@link Feature#SUPPLIED})</td><td>dropped</td></tr>
 * <tr><td>{@code add}</td><td>kept</td><td>kept</td></tr>
 * <tr><td>{@code lb}</td><td>a space; inside a word ({@code break="no"}, {@code type="hyphenInWord"},
 *     {@code rend="hyphenated"}) joins the word and drops its hyphen</td>
 *     <td>a newline ({@link Feature#LINE_BREAKS}), hyphens kept</td></tr>
 * <tr><td>{@code fw}</td><td>dropped</td><td>kept ({@link Feature#FORME_WORK})</td></tr>
 * <tr><td>{@code note}, {@code figDesc}, {@code speaker}</td><td>dropped</td><td>dropped</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class TeiOptions {

    /** The setting naming the profile, {@code normalized} or {@code diplomatic}: {@value}. */
    public static final String SETTING_PROFILE = "tei.profile";
    /** The setting naming the readings preferred, comma-separated: {@value}. */
    public static final String SETTING_PREFER = "tei.prefer";
    /** The setting naming the features kept, comma-separated: {@value}. */
    public static final String SETTING_ENABLE = "tei.enable";
    /** The setting naming the features left out, comma-separated: {@value}. */
    public static final String SETTING_DISABLE = "tei.disable";
    /** The setting naming the divisions of the {@code div} granularity, a level or a type: {@value}. */
    public static final String SETTING_DIV = "tei.div";
    /** The setting naming the part giving the text, {@code text} or {@code sourceDoc}: {@value}. */
    public static final String SETTING_SOURCE = "tei.source";

    private static final TeiOptions DEFAULTS = builder().build();

    /** The level of divisions that are units at the {@code div} granularity by default: 1. */
    public static final int DEFAULT_DIV_LEVEL = 1;

    /** A named text profile: a set of defaults for every choice and feature. */
    public enum Profile {
        /**
         * Reading text: reg over orig, expan over abbr, corr over sic; supplied and add kept, del
         * dropped; notes, forme work, figure descriptions and speakers left out; line breaks are
         * spaces and {@code lb break="no"} joins the halves of a word.
         */
        NORMALIZED,
        /**
         * The text as written: orig, abbr, sic; deletions and forme work kept, supplied text
         * dropped, each {@code lb} a newline.
         */
        DIPLOMATIC;

        /** The profile named {@code normalized} or {@code diplomatic} (case-insensitive). */
        public static Profile of(String name) {
            String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
            switch (n) {
                case "normalized":
                case "normalised":
                    return NORMALIZED;
                case "diplomatic":
                    return DIPLOMATIC;
                default:
                    throw new IllegalArgumentException("unknown TEI profile '" + name
                            + "': use normalized or diplomatic");
            }
        }
    }

    /** A pair of alternative readings inside {@code choice}. */
    public enum Choice {
        /** {@code orig} (original spelling) and {@code reg} (regularised). */
        ORIG_REG,
        /** {@code abbr} (abbreviation) and {@code expan} (expansion). */
        ABBR_EXPAN,
        /** {@code sic} (as written, apparently wrong) and {@code corr} (corrected). */
        SIC_CORR
    }

    /** One reading of a {@link Choice} pair, named after its TEI element. */
    public enum Reading {
        /** {@code orig}. */
        ORIG(Choice.ORIG_REG),
        /** {@code reg}. */
        REG(Choice.ORIG_REG),
        /** {@code abbr}. */
        ABBR(Choice.ABBR_EXPAN),
        /** {@code expan}. */
        EXPAN(Choice.ABBR_EXPAN),
        /** {@code sic}. */
        SIC(Choice.SIC_CORR),
        /** {@code corr}. */
        CORR(Choice.SIC_CORR);

        private final Choice choice;

        Reading(Choice choice) {
            this.choice = choice;
        }

        /** The pair this reading belongs to. */
        public Choice choice() {
            return choice;
        }

        /** The TEI element name of this reading ({@code orig}, {@code reg}, ...). */
        public String element() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reading named by its TEI element ({@code sic}, case-insensitive). */
        public static Reading of(String element) {
            try {
                return valueOf(Objects.requireNonNull(element, "element").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown reading '" + element
                        + "': use orig, reg, abbr, expan, sic or corr", e);
            }
        }
    }

    /**
     * Which part of a document gives its text when it has both a {@code text} and an embedded
     * transcription ({@code sourceDoc}). A document with only one of them is read from that one.
     */
    public enum Source {
        /** The {@code text} element (the default). */
        TEXT("text"),
        /** The {@code sourceDoc}s: their surfaces, zones and lines. */
        SOURCE_DOC("sourceDoc");

        private final String settingName;

        Source(String settingName) {
            this.settingName = settingName;
        }

        /** The name in the {@code tei.source} setting: {@code text} or {@code sourceDoc}. */
        public String settingName() {
            return settingName;
        }

        /** The source named {@code text} or {@code sourceDoc} (case-insensitive; {@code source-doc} too). */
        public static Source of(String name) {
            String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT).replace("-", "")
                    .replace("_", "");
            switch (n) {
                case "text":
                    return TEXT;
                case "sourcedoc":
                    return SOURCE_DOC;
                default:
                    throw new IllegalArgumentException("unknown TEI source '" + name + "': use text or sourceDoc");
            }
        }
    }

    /** Kinds of content a profile keeps or leaves out of the text. */
    public enum Feature {
        /** Keep deleted text ({@code del}). On in diplomatic. */
        DELETIONS("deletions"),
        /** Keep text supplied by the editor ({@code supplied}). On in normalized. */
        SUPPLIED("supplied"),
        /** Keep notes ({@code note}) inline, as their own paragraphs. Off in both. */
        NOTES("notes"),
        /** Keep speaker names ({@code speaker}) in the text. Off in both (they are labels). */
        SPEAKERS("speakers"),
        /** Keep forme work ({@code fw}: running heads, catchwords, page numbers). On in diplomatic. */
        FORME_WORK("forme-work"),
        /**
         * Keep figure descriptions ({@code figDesc}) and the descriptions of a {@code sourceDoc}'s
         * surfaces and zones ({@code desc}). Off in both.
         */
        FIGURE_DESCRIPTIONS("figure-descriptions"),
        /**
         * Make each {@code lb} a newline, keeping line-end hyphens, also inside a word. On in
         * diplomatic.
         */
        LINE_BREAKS("line-breaks");

        private final String settingName;

        Feature(String settingName) {
            this.settingName = settingName;
        }

        /** The feature's name in the {@code tei.enable} and {@code tei.disable} settings. */
        public String settingName() {
            return settingName;
        }

        /** The feature named as in settings ({@code forme-work}) or as the constant. */
        public static Feature of(String name) {
            String n = Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Feature f : values()) {
                if (f.settingName.equals(n)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown TEI feature '" + name + "': use one of "
                    + "deletions, supplied, notes, speakers, forme-work, figure-descriptions, line-breaks");
        }
    }

    private final Profile profile;
    private final Map<Choice, Reading> readings;
    private final Set<Feature> features;
    private final int divLevel;
    private final String divType;
    private final Source source;

    private TeiOptions(Builder b) {
        this.profile = b.profile == null ? Profile.NORMALIZED : b.profile;
        EnumMap<Choice, Reading> r = new EnumMap<>(Choice.class);
        r.putAll(defaultsOf(profile));
        r.putAll(b.readings);
        this.readings = r;
        EnumSet<Feature> f = featuresOf(profile);
        f.addAll(b.enabled);
        f.removeAll(b.disabled);
        this.features = f;
        this.divType = b.divType;
        this.source = b.source == null ? Source.TEXT : b.source;
        this.divLevel = b.divLevel >= 0 ? b.divLevel : (b.divType == null ? DEFAULT_DIV_LEVEL : -1);
    }

    private static Map<Choice, Reading> defaultsOf(Profile p) {
        if (p == Profile.DIPLOMATIC) {
            return Map.of(Choice.ORIG_REG, Reading.ORIG, Choice.ABBR_EXPAN, Reading.ABBR,
                    Choice.SIC_CORR, Reading.SIC);
        }
        return Map.of(Choice.ORIG_REG, Reading.REG, Choice.ABBR_EXPAN, Reading.EXPAN,
                Choice.SIC_CORR, Reading.CORR);
    }

    private static EnumSet<Feature> featuresOf(Profile p) {
        if (p == Profile.DIPLOMATIC) {
            return EnumSet.of(Feature.DELETIONS, Feature.FORME_WORK, Feature.LINE_BREAKS);
        }
        return EnumSet.of(Feature.SUPPLIED);
    }

    /** Starts from the defaults ({@link Profile#NORMALIZED}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for a named profile with its defaults. */
    public static TeiOptions of(Profile profile) {
        return builder().profile(profile).build();
    }

    /** The defaults: {@link Profile#NORMALIZED}, divisions of level 1. */
    public static TeiOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The options a read uses: the typed {@code TeiOptions} object if one was set, else the string
     * settings the command line passes: {@code tei.profile}
     * ({@code normalized|diplomatic}), {@code tei.prefer} (readings, comma-separated, for example
     * {@code sic,expan}), {@code tei.enable} and {@code tei.disable} (features, comma-separated, for
     * example {@code notes,line-breaks}) and {@code tei.div} (a level such as {@code 1} or a type
     * such as {@code chapter}) and {@code tei.source} ({@code text|sourceDoc}), else the defaults.
     * Other settings are ignored.
     *
     * @param options the read options
     * @return the TEI options; never null
     * @throws IllegalArgumentException if a value is not understood
     */
    public static TeiOptions from(ReadOptions options) {
        Optional<TeiOptions> typed = options.formatOptions(TeiOptions.class);
        if (typed.isPresent()) {
            return typed.get();
        }
        Map<String, String> settings = options.settings();
        Builder b = builder();
        String profile = settings.get(SETTING_PROFILE);
        if (profile != null && !profile.isBlank()) {
            b.profile(Profile.of(profile));
        }
        for (String r : list(settings.get(SETTING_PREFER))) {
            b.prefer(Reading.of(r));
        }
        for (String f : list(settings.get(SETTING_ENABLE))) {
            b.enable(Feature.of(f));
        }
        for (String f : list(settings.get(SETTING_DISABLE))) {
            b.disable(Feature.of(f));
        }
        String source = settings.get(SETTING_SOURCE);
        if (source != null && !source.isBlank()) {
            b.source(Source.of(source));
        }
        String div = settings.get(SETTING_DIV);
        if (div != null && !div.isBlank()) {
            String d = div.strip();
            if (d.chars().allMatch(Character::isDigit)) {
                try {
                    b.divLevel(Integer.parseInt(d));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tei.div level too large: " + d, e);
                }
            } else {
                b.divType(d);
            }
        }
        return b.build();
    }

    private static String[] list(String value) {
        if (value == null || value.isBlank()) {
            return new String[0];
        }
        return value.strip().split("\\s*,\\s*");
    }

    /** Returns a builder holding these options, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.profile = profile;
        Map<Choice, Reading> defaults = defaultsOf(profile);
        readings.forEach((c, r) -> {
            if (defaults.get(c) != r) {
                b.readings.put(c, r);
            }
        });
        EnumSet<Feature> base = featuresOf(profile);
        for (Feature f : Feature.values()) {
            if (features.contains(f) && !base.contains(f)) {
                b.enabled.add(f);
            } else if (!features.contains(f) && base.contains(f)) {
                b.disabled.add(f);
            }
        }
        b.divLevel = divType == null ? divLevel : -1;
        b.divType = divType;
        b.source = source == Source.TEXT ? null : source;
        return b;
    }

    /** The profile the choices start from. */
    public Profile profile() {
        return profile;
    }

    /** The reading taken for a {@code choice} pair. */
    public Reading reading(Choice choice) {
        return readings.get(choice);
    }

    /** Whether a reading is the one taken for its pair. */
    public boolean prefers(Reading reading) {
        return readings.get(reading.choice()) == reading;
    }

    /** Whether a kind of content is kept. */
    public boolean isEnabled(Feature feature) {
        return features.contains(feature);
    }

    /**
     * The level of divisions that are units at the {@code div} granularity (unnumbered {@code div}:
     * 1 for the outermost, 2 inside it, ...; numbered {@code div0}..{@code div7}: their number);
     * empty when {@link #divType()} chooses them instead.
     */
    public OptionalInt divLevel() {
        return divLevel >= 0 ? OptionalInt.of(divLevel) : OptionalInt.empty();
    }

    /**
     * The {@code @type} (or, as EpiDoc's {@code <div type="textpart" subtype="chapter">} has it,
     * {@code @subtype}) of divisions that are units at the {@code div} granularity, if chosen.
     */
    public Optional<String> divType() {
        return Optional.ofNullable(divType);
    }

    /** Which part of a document that has both a {@code text} and a {@code sourceDoc} gives its text. */
    public Source source() {
        return source;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TeiOptions)) {
            return false;
        }
        TeiOptions t = (TeiOptions) o;
        return profile == t.profile && readings.equals(t.readings) && features.equals(t.features)
                && divLevel == t.divLevel && Objects.equals(divType, t.divType) && source == t.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, readings, features, divLevel, divType, source);
    }

    @Override
    public String toString() {
        return "TeiOptions[profile=" + profile.name().toLowerCase(Locale.ROOT) + ", readings="
                + readings.values() + ", features=" + features + ", div="
                + (divType != null ? divType : Integer.toString(divLevel)) + ", source=" + source.settingName() + "]";
    }

    /**
     * Builds {@link TeiOptions}. Setting the same thing twice (the profile, both readings of one
     * pair, a feature both on and off, the division level and type) fails with
     * {@link IllegalStateException}. Not thread-safe.
     */
    public static final class Builder {
        private Profile profile;
        private final EnumMap<Choice, Reading> readings = new EnumMap<>(Choice.class);
        private final EnumSet<Feature> enabled = EnumSet.noneOf(Feature.class);
        private final EnumSet<Feature> disabled = EnumSet.noneOf(Feature.class);
        private int divLevel = -1;
        private String divType;
        private Source source;

        private Builder() {
        }

        /**
         * Sets the profile whose defaults the other choices override.
         *
         * @throws IllegalStateException if a different profile was set already
         */
        public Builder profile(Profile profile) {
            Objects.requireNonNull(profile, "profile");
            if (this.profile != null && this.profile != profile) {
                throw new IllegalStateException("profile already set to " + this.profile);
            }
            this.profile = profile;
            return this;
        }

        /**
         * Takes this reading of its {@code choice} pair whatever the profile says.
         *
         * @throws IllegalStateException if the other reading of the pair was chosen already
         */
        public Builder prefer(Reading reading) {
            Objects.requireNonNull(reading, "reading");
            Reading old = readings.get(reading.choice());
            if (old != null && old != reading) {
                throw new IllegalStateException("both " + old.element() + " and " + reading.element()
                        + " preferred");
            }
            readings.put(reading.choice(), reading);
            return this;
        }

        /**
         * Keeps these kinds of content whatever the profile says.
         *
         * @throws IllegalStateException if one was disabled already
         */
        public Builder enable(Feature... features) {
            for (Feature f : features) {
                if (disabled.contains(f)) {
                    throw new IllegalStateException(f + " both enabled and disabled");
                }
                enabled.add(f);
            }
            return this;
        }

        /**
         * Leaves these kinds of content out whatever the profile says.
         *
         * @throws IllegalStateException if one was enabled already
         */
        public Builder disable(Feature... features) {
            for (Feature f : features) {
                if (enabled.contains(f)) {
                    throw new IllegalStateException(f + " both enabled and disabled");
                }
                disabled.add(f);
            }
            return this;
        }

        /**
         * Makes divisions of this level the units of the {@code div} granularity.
         *
         * @param level 0 or more (0 only matches {@code div0})
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if a type was chosen already
         */
        public Builder divLevel(int level) {
            if (level < 0) {
                throw new IllegalArgumentException("div level must not be negative: " + level);
            }
            if (divType != null) {
                throw new IllegalStateException("div type already chosen: " + divType);
            }
            this.divLevel = level;
            return this;
        }

        /**
         * Makes divisions of this {@code @type} or {@code @subtype} (at any level; the outermost
         * where they nest) the units of the {@code div} granularity.
         *
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if a level was chosen already
         */
        public Builder divType(String type) {
            Objects.requireNonNull(type, "type");
            if (type.isBlank()) {
                throw new IllegalArgumentException("div type must not be blank");
            }
            if (divLevel >= 0) {
                throw new IllegalStateException("div level already chosen: " + divLevel);
            }
            this.divType = type.strip();
            return this;
        }

        /**
         * Chooses which part of a document that has both a {@code text} and a {@code sourceDoc} gives
         * its text.
         *
         * @throws IllegalStateException if a different source was chosen already
         */
        public Builder source(Source source) {
            Objects.requireNonNull(source, "source");
            if (this.source != null && this.source != source) {
                throw new IllegalStateException("source already set to " + this.source.settingName());
            }
            this.source = source;
            return this;
        }

        /** Returns the options. */
        public TeiOptions build() {
            return new TeiOptions(this);
        }
    }
}
