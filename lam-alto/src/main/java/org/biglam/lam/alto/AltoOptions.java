package org.biglam.lam.alto;

import java.util.Locale;
import java.util.Objects;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;

/**
 * The choices of the ALTO, METS/ALTO readers ({@code alto} and {@code mets} formats): how to treat
 * hyphenated words and which resolution to convert ALTO measurement units with.
 *
 * <p>Set them on the read options as a typed object ({@code
 * ReadOptions.builder().formatOptions(AltoOptions.builder().hyphenation(Hyphenation.KEEP).build())})
 * or as string settings, as the command line does: {@code alto.hyphenation=join|keep} and
 * {@code alto.resolution=300} (dots per inch). A typed object wins over string settings.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AltoOptions {

    /** What to do with a word hyphenated across lines (or blocks). */
    public enum Hyphenation {
        /**
         * Join the two parts into one word (the default): the hyphen ({@code HYP}) and the break
         * after it are removed, and a {@code SUBS_CONTENT} given with {@code SUBS_TYPE="HypPart1"}
         * stands for the whole word. Applies to page, block and article text; line and word records
         * always carry the text as printed, since their text must match their image region.
         */
        JOIN,
        /** Keep the text as printed: the first part, the hyphen, a line break, the second part. */
        KEEP
    }

    /** The default hyphenation treatment: {@link Hyphenation#JOIN}. */
    public static final Hyphenation DEFAULT_HYPHENATION = Hyphenation.JOIN;

    /** The setting naming the hyphenation treatment: {@code alto.hyphenation} ({@code join|keep}). */
    public static final String SETTING_HYPHENATION = "alto.hyphenation";

    /** The setting naming the image resolution in dots per inch: {@code alto.resolution}. */
    public static final String SETTING_RESOLUTION = "alto.resolution";

    private static final AltoOptions DEFAULTS = builder().build();

    private final Hyphenation hyphenation;
    private final double resolution;

    private AltoOptions(Builder b) {
        this.hyphenation = b.hyphenation == null ? DEFAULT_HYPHENATION : b.hyphenation;
        this.resolution = b.resolution;
    }

    /** The defaults: join hyphenated words, no resolution given. */
    public static AltoOptions defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hyphenation = hyphenation;
        b.resolution = resolution;
        return b;
    }

    /**
     * The options a read uses: the typed {@code AltoOptions} object if one was set, else the string
     * settings {@code alto.hyphenation} and {@code alto.resolution}, else the defaults.
     *
     * @param options the read options
     * @return the ALTO options; never null
     * @throws IllegalArgumentException if a string setting has a bad value
     */
    public static AltoOptions from(ReadOptions options) {
        java.util.Optional<AltoOptions> typed = options.formatOptions(AltoOptions.class);
        if (typed.isPresent()) {
            return typed.get();
        }
        Builder b = builder();
        options.setting(SETTING_HYPHENATION).ifPresent(v -> b.hyphenation(parseHyphenation(v)));
        options.setting(SETTING_RESOLUTION).ifPresent(v -> {
            try {
                b.resolution(Double.parseDouble(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SETTING_RESOLUTION
                        + " must be a number of dots per inch, such as 300: '" + v + "'", e);
            }
        });
        return b.build();
    }

    private static Hyphenation parseHyphenation(String v) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "join":
                return Hyphenation.JOIN;
            case "keep":
                return Hyphenation.KEEP;
            default:
                throw new IllegalArgumentException(SETTING_HYPHENATION + " must be join or keep: '" + v + "'");
        }
    }

    /** How hyphenated words are treated; never null. */
    public Hyphenation hyphenation() {
        return hyphenation;
    }

    /**
     * The image resolution in dots per inch used to convert {@code mm10} and {@code inch1200}
     * coordinates to pixels when neither the ALTO file nor the METS document gives one; NaN if none.
     */
    public double resolution() {
        return resolution;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AltoOptions && ((AltoOptions) o).hyphenation == hyphenation
                && Double.compare(((AltoOptions) o).resolution, resolution) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hyphenation, resolution);
    }

    @Override
    public String toString() {
        return "AltoOptions[hyphenation=" + hyphenation + ", resolution=" + resolution + "]";
    }

    /** Builds {@link AltoOptions}. Not thread-safe. */
    public static final class Builder {
        private Hyphenation hyphenation;
        private double resolution = Double.NaN;
        private boolean resolutionSet;

        private Builder() {
        }

        /**
         * Sets how hyphenated words are treated.
         *
         * @param hyphenation join (the default) or keep
         * @return this builder
         * @throws IllegalStateException if already set on this builder
         */
        public Builder hyphenation(Hyphenation hyphenation) {
            Objects.requireNonNull(hyphenation, "hyphenation");
            if (this.hyphenation != null) {
                throw new IllegalStateException("hyphenation is already set");
            }
            this.hyphenation = hyphenation;
            return this;
        }

        /**
         * Sets the resolution, in dots per inch, to convert {@code mm10} and {@code inch1200}
         * coordinates with where the input gives none.
         *
         * @param dpi dots per inch, more than 0
         * @return this builder
         * @throws IllegalArgumentException if not a positive number
         * @throws IllegalStateException if already set on this builder
         */
        public Builder resolution(double dpi) {
            if (!(dpi > 0) || Double.isInfinite(dpi)) {
                throw new IllegalArgumentException("resolution must be a positive number of dots per inch: " + dpi);
            }
            if (resolutionSet) {
                throw new IllegalStateException("resolution is already set");
            }
            this.resolution = dpi;
            this.resolutionSet = true;
            return this;
        }

        /** Returns the options. */
        public AltoOptions build() {
            return new AltoOptions(this);
        }
    }
}
