package org.biglam.lam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A format on the class path, as {@code lam formats} lists it, and as its provider describes it
 * ({@link org.biglam.lam.spi.FormatProvider#info()}): a value, compared by its components.
 *
 * <pre>{@code
 * static final FormatInfo INFO = FormatInfo.of("marc21", "MARC 21 in ISO 2709", "record")
 *         .withExtensions("mrc", "marc")
 *         .withMediaTypes("application/marc")
 *         .withSettings("marc.encoding", "marc.map.*");
 * }</pre>
 *
 * @param id the format's id, as records carry it: lowercase letters, digits and {@code -}
 * @param description one line on what it is
 * @param extensions file name extensions used when content does not decide: lowercase, without
 *     the dot; in the order given
 * @param granularities the granularities it supports, the default first; never empty
 * @param mediaTypes its media types, most specific first
 * @param settings the string settings its reader reads ({@link ReadOptions#setting}), as
 *     {@code <namespace>.<name>} ({@code marc.encoding}), or a family of them, {@code <prefix>.*}
 *     ({@code marc.map.*}: every {@code marc.map.<label>}); in the order given. lam warns about a
 *     setting that no format on the class path declares here (see {@link Lam#unknownSettings}), and
 *     {@code lam formats} lists them
 * @since 0.1
 */
public record FormatInfo(String id, String description, Set<String> extensions, List<String> granularities,
        Set<String> mediaTypes, Set<String> settings) {

    /** A setting's name: dotted lowercase words of letters, digits and {@code -}; a family ends in {@code .*}. */
    private static final java.util.regex.Pattern SETTING =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*\\.([a-z0-9][a-z0-9-]*|\\*)");

    /**
     * Checks the components and keeps unmodifiable copies of the collections, in their order.
     *
     * @throws IllegalArgumentException if the id is not lowercase letters, digits and {@code -},
     *     the description is blank, there is no granularity or one is given twice, an
     *     extension has a dot or capitals, or a setting is not a lowercase dotted name
     * @throws NullPointerException if anything is null
     */
    public FormatInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a format id is lowercase letters, digits and '-': '" + id + "'");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("format " + id + " has no description");
        }
        extensions = ordered(extensions, "extensions");
        for (String e : extensions) {
            if (e.isEmpty() || e.startsWith(".") || !e.equals(e.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("an extension is lowercase, without the dot: '" + e + "'");
            }
        }
        Set<String> g = ordered(granularities, "granularities");
        if (g.isEmpty() || g.size() != granularities.size()) {
            throw new IllegalArgumentException("format " + id + " needs granularities, each once: " + granularities);
        }
        granularities = List.copyOf(g);
        mediaTypes = ordered(mediaTypes, "mediaTypes");
        settings = ordered(settings, "settings");
        for (String k : settings) {
            if (!SETTING.matcher(k).matches()) {
                throw new IllegalArgumentException("a setting is <namespace>.<name> in lowercase, or <prefix>.* "
                        + "for a family, such as 'marc.encoding' or 'marc.map.*': '" + k + "'");
            }
        }
    }

    /**
     * A format that declares no settings: {@link #FormatInfo(String, String, Set, List, Set, Set)}
     * with none.
     *
     * @param id the format id
     * @param description one line on what it is
     * @param extensions file name extensions
     * @param granularities the granularities, the default first
     * @param mediaTypes its media types
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FormatInfo(String id, String description, Set<String> extensions, List<String> granularities,
            Set<String> mediaTypes) {
        this(id, description, extensions, granularities, mediaTypes, Set.of());
    }

    /**
     * A format with no extensions and no media types (add them with {@link #withExtensions} and
     * {@link #withMediaTypes}).
     *
     * @param id the format id
     * @param description one line on what it is
     * @param granularities the granularities, the default first; at least one
     * @return the info
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static FormatInfo of(String id, String description, String... granularities) {
        return new FormatInfo(id, description, Set.of(), Arrays.asList(granularities), Set.of(), Set.of());
    }

    /**
     * This info with these extensions instead of its own.
     *
     * @param extensions lowercase, without the dot, in the order to list them
     * @return the new info
     */
    public FormatInfo withExtensions(String... extensions) {
        return new FormatInfo(id, description, new LinkedHashSet<>(Arrays.asList(extensions)), granularities,
                mediaTypes, settings);
    }

    /**
     * This info with these media types instead of its own.
     *
     * @param mediaTypes most specific first
     * @return the new info
     */
    public FormatInfo withMediaTypes(String... mediaTypes) {
        return new FormatInfo(id, description, extensions, granularities,
                new LinkedHashSet<>(Arrays.asList(mediaTypes)), settings);
    }

    /**
     * This info with these settings instead of its own: the string settings the format's reader
     * reads, best given as the constants of its options class ({@code AltoOptions.SETTING_HYPHENATION}),
     * so that each setting is named in one place.
     *
     * @param settings {@code <namespace>.<name>}, or {@code <prefix>.*} for a family, in the order
     *     to list them
     * @return the new info
     * @throws IllegalArgumentException if a setting is not such a name
     * @since 0.1
     */
    public FormatInfo withSettings(String... settings) {
        return new FormatInfo(id, description, extensions, granularities, mediaTypes,
                new LinkedHashSet<>(Arrays.asList(settings)));
    }

    /**
     * Whether the format reads this setting: it is one of {@link #settings()}, or in a family
     * ({@code marc.map.genre} in {@code marc.map.*}).
     *
     * @param key the setting's name, as given to {@link ReadOptions.Builder#set}
     * @return whether it is declared
     * @since 0.1
     */
    public boolean readsSetting(String key) {
        if (settings.contains(key)) {
            return true;
        }
        for (String s : settings) {
            if (s.endsWith(".*") && key.length() > s.length() - 1 && key.startsWith(s.substring(0, s.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The default granularity: the first of {@link #granularities()}. */
    public String defaultGranularity() {
        return granularities.get(0);
    }

    private static Set<String> ordered(java.util.Collection<String> values, String what) {
        Objects.requireNonNull(values, what);
        List<String> list = new ArrayList<>(values.size());
        for (String v : values) {
            list.add(Objects.requireNonNull(v, what));
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }
}
