package org.biglam.lam;

import java.util.List;
import java.util.Set;

/**
 * A format on the class path, as {@code lam formats} lists it.
 *
 * @param id the format's id, as records carry it
 * @param description one line on what it is
 * @param extensions file name extensions used when content does not decide
 * @param granularities the granularities it supports, the default first
 * @param mediaTypes its media types
 * @since 0.1
 */
public record FormatInfo(String id, String description, Set<String> extensions, List<String> granularities,
        Set<String> mediaTypes) {
}
