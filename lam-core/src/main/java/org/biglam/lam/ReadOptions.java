package org.biglam.lam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to read: which format (or detect it), at which granularity, what to do with bad input, the
 * resource limits, and each format's own choices.
 *
 * <p>A format's own choices come in two forms. Typed options objects ({@code TeiOptions},
 * {@code IiifOptions}, ...) set with {@link Builder#formatOptions(Object)}, for Java users; and
 * string settings set with {@link Builder#set(String, String)}, named {@code <format>.<name>}
 * (for example {@code tei.profile=diplomatic}), which the command line passes through. A typed
 * object wins over string settings. Each format declares the settings it reads
 * ({@link FormatInfo#settings()}); a read warns about one that no format reads but that looks meant
 * for one ({@link Lam#unknownSettings}).
 *
 * <p>Immutable and thread-safe (the problem listener is called from reading threads, so it must be
 * thread-safe itself when a stream is read in parallel).
 *
 * @since 0.1
 */
public final class ReadOptions {

    private static final ReadOptions DEFAULTS = builder().build();

    private final String format;
    private final String granularity;
    private final ErrorPolicy errorPolicy;
    private final ReadLimits limits;
    private final Consumer<Problem> problemListener;
    private final Map<String, String> settings;
    private final Map<Class<?>, Object> formatOptions;
    private final java.nio.file.Path localRoot;

    private ReadOptions(Builder b) {
        this.format = b.format;
        this.granularity = b.granularity;
        this.errorPolicy = b.errorPolicy;
        this.limits = b.limits;
        this.problemListener = b.problemListener;
        this.settings = Map.copyOf(b.settings);
        this.formatOptions = Map.copyOf(b.formatOptions);
        this.localRoot = b.localRoot;
    }

    /** The defaults: detect the format, each format's default granularity, {@link ErrorPolicy#FAIL}. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.granularity = granularity;
        b.errorPolicy = errorPolicy;
        b.limits = limits;
        b.problemListener = problemListener;
        b.settings.putAll(settings);
        b.formatOptions.putAll(formatOptions);
        b.localRoot = localRoot;
        return b;
    }

    /** The format id to read with, if detection is overridden. */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /** The granularity asked for, if not the format's default. */
    public Optional<String> granularity() {
        return Optional.ofNullable(granularity);
    }

    /** What to do with bad input. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** The resource limits. */
    public ReadLimits limits() {
        return limits;
    }

    /** The listener told of every problem; a no-op if none was set. */
    public Consumer<Problem> problemListener() {
        return problemListener;
    }

    /** A string setting, for example {@code setting("tei.profile")}. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /**
     * A setting that is a flag, read the same way for every format: {@code true}, {@code yes},
     * {@code on} or {@code 1} is true, {@code false}, {@code no}, {@code off} or {@code 0} false
     * (in any case).
     *
     * @param name the setting, for example {@code ead.lenient}
     * @param defaultValue what an absent setting means
     * @return the flag
     * @throws IllegalArgumentException if the setting has another value
     * @since 0.1
     */
    public boolean flag(String name, boolean defaultValue) {
        String v = settings.get(name);
        if (v == null) {
            return defaultValue;
        }
        switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false: '" + v + "'");
        }
    }

    /** Every string setting; unmodifiable. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The typed options object of the given class, if one was set. */
    public <T> Optional<T> formatOptions(Class<T> type) {
        return Optional.ofNullable(formatOptions.get(type)).map(type::cast);
    }

    /**
     * A folder whose files any local document's references may lead to, besides the folder or
     * archive the document came from (see {@link org.biglam.lam.spi.Origin}); empty by default.
     * Documents that came over http(s) never lead to local files, whatever this says.
     */
    public Optional<java.nio.file.Path> localRoot() {
        return Optional.ofNullable(localRoot);
    }

    @Override
    public String toString() {
        return "ReadOptions[format=" + format + ", granularity=" + granularity + ", errorPolicy="
                + errorPolicy + ", settings=" + settings + ", formatOptions=" + formatOptions.values()
                + (localRoot == null ? "" : ", localRoot=" + localRoot) + ", " + limits + "]";
    }

    /** Builds {@link ReadOptions}. Not thread-safe. */
    public static final class Builder {
        private String format;
        private String granularity;
        private ErrorPolicy errorPolicy = ErrorPolicy.FAIL;
        private ReadLimits limits = ReadLimits.defaults();
        private Consumer<Problem> problemListener = p -> { };
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<Class<?>, Object> formatOptions = new LinkedHashMap<>();
        private java.nio.file.Path localRoot;

        private Builder() {
        }

        private static String id(String value, String what) {
            if (value == null) {
                return null;
            }
            String v = value.strip();
            if (v.isEmpty() || !v.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(what + " must be a lowercase id such as 'marc21': '"
                        + value + "'");
            }
            return v;
        }

        /**
         * Reads with this format instead of detecting it.
         *
         * @param formatId a format id from {@link Lam#formats()}, or null to detect
         * @throws IllegalArgumentException if not a lowercase id
         */
        public Builder format(@Nullable String formatId) {
            this.format = id(formatId, "format");
            return this;
        }

        /**
         * Emits one record per unit of this granularity ({@code page}, {@code line}, ...).
         *
         * @param granularity a granularity the format supports, or null for the format's default
         * @throws IllegalArgumentException if not a lowercase id
         */
        public Builder granularity(@Nullable String granularity) {
            this.granularity = id(granularity, "granularity");
            return this;
        }

        /** Sets what to do with bad input. */
        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "errorPolicy");
            return this;
        }

        /** Sets the resource limits. */
        public Builder limits(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the listener told of every problem (errors and warnings), as it happens. It must be
         * thread-safe if the stream is read in parallel.
         */
        public Builder onProblem(Consumer<Problem> listener) {
            this.problemListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets a format's string setting.
         *
         * @param name {@code <format>.<name>}, for example {@code tei.profile}
         * @param value the value; null removes the setting
         * @throws IllegalArgumentException if the name has no format prefix
         */
        public Builder set(String name, @Nullable String value) {
            Objects.requireNonNull(name, "name");
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new IllegalArgumentException("setting names are <format>.<name>, such as "
                        + "'tei.profile': '" + name + "'");
            }
            if (value == null) {
                settings.remove(name);
            } else {
                settings.put(name, value);
            }
            return this;
        }

        /**
         * Sets a format's typed options object ({@code TeiOptions}, {@code IiifOptions}, ...),
         * replacing any earlier one of the same class.
         */
        public Builder formatOptions(Object options) {
            Objects.requireNonNull(options, "options");
            formatOptions.put(options.getClass(), options);
            return this;
        }

        /**
         * Lets local documents' references lead to files inside this folder too (by default only
         * inside the folder or archive a document came from). {@code Path.of("/")} allows every
         * local file to local documents; remote documents never lead to local files.
         *
         * @param folder the folder, or null for none
         */
        public Builder localRoot(java.nio.file.@Nullable Path folder) {
            this.localRoot = folder == null ? null : folder.toAbsolutePath().normalize();
            return this;
        }

        /** Returns the options. */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
