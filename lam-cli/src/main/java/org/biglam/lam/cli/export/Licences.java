package org.biglam.lam.cli.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Hub licence id a {@code rights} label names unambiguously: a Creative Commons licence
 * URL or name ({@code https://creativecommons.org/licenses/by-sa/4.0/}, {@code CC BY-SA 4.0}), CC0,
 * or the Public Domain Mark. Only a hint for the card: the licence is never set without
 * {@code --license}.
 */
final class Licences {

    /** The Hub has no id for the Public Domain Mark: the card says so. */
    static final String PDM = "public-domain-mark";

    private static final Pattern CC_URL = Pattern.compile(
            "creativecommons\\.org/licenses/(by(?:-nc)?(?:-sa|-nd)?)/(\\d\\.\\d)");
    private static final Pattern CC_NAME = Pattern.compile(
            "\\bcc[ -]by((?:[ -]nc)?(?:[ -]sa|[ -]nd)?)[ -]?(\\d\\.\\d)\\b");

    private Licences() {
    }

    /**
     * The Hub licence id a rights statement names.
     *
     * @param rights a {@code rights} label's value
     * @return {@code cc-by-4.0}, {@code cc0-1.0}, {@link #PDM}, ..., or null when it names none
     */
    static String hubId(String rights) {
        String s = rights.toLowerCase(Locale.ROOT);
        if (s.contains("creativecommons.org/publicdomain/zero") || s.matches(".*\\bcc0\\b.*")
                || s.contains("cc zero")) {
            return "cc0-1.0";
        }
        if (s.contains("creativecommons.org/publicdomain/mark") || s.contains("public domain mark")) {
            return PDM;
        }
        Matcher m = CC_URL.matcher(s);
        if (m.find()) {
            return "cc-" + m.group(1) + "-" + m.group(2);
        }
        m = CC_NAME.matcher(s);
        if (m.find()) {
            return "cc-by" + m.group(1).replace(' ', '-') + "-" + m.group(2);
        }
        return null;
    }
}
