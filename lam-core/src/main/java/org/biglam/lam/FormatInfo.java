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
 *         .withMediaTypes("application/marc");
 * }</pre>
 *
 * @param id the format's id, as records carry it: lowercase letters, digits and {@code -}
 * @param description one line on what it is
 * @param extensions file name extensions used when content does not decide: lowercase, without
 *     the dot; in the order given
 * @param granularities the granularities it supports, the default first; never empty
 * @param mediaTypes its media types, most specific first
 * @since 0.1
 */
public record FormatInfo(String id, String description, Set<String> extensions, List<String> granularities,
        Set<String> mediaTypes) {

    /**
     * Checks the components and keeps unmodifiable copies of the collections, in their order.
     *
     * @throws IllegalArgumentException if the id is not lowercase letters, digits and {@code -},
     *     the description is blank, there is no granularity or one is given twice, or an
     *     extension has a dot or capitals
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
        return new FormatInfo(id, description, Set.of(), Arrays.asList(granularities), Set.of());
    }

    /**
     * This info with these extensions instead of its own.
     *
     * @param extensions lowercase, without the dot, in the order to list them
     * @return the new info
     */
    public FormatInfo withExtensions(String... extensions) {
        return new FormatInfo(id, description, new LinkedHashSet<>(Arrays.asList(extensions)), granularities,
                mediaTypes);
    }

    /**
     * This info with these media types instead of its own.
     *
     * @param mediaTypes most specific first
     * @return the new info
     */
    public FormatInfo withMediaTypes(String... mediaTypes) {
        return new FormatInfo(id, description, extensions, granularities,
                new LinkedHashSet<>(Arrays.asList(mediaTypes)));
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
