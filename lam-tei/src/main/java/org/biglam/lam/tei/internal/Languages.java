package org.biglam.lam.tei.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the language codes and names found in TEI ({@code langUsage/language/@ident},
 * {@code xml:lang}, P4 language ids) into BCP 47 tags: ISO 639-2/T and /B and 639-3 codes that have
 * a two-letter form get it ({@code deu}, {@code ger}: {@code de}), English language names are looked
 * up ({@code german}: {@code de}), and tags are put in their canonical case. Thread-safe.
 */
final class Languages {

    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale l = new Locale(two);
            try {
                THREE_TO_TWO.put(l.getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code
            }
            String name = l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(two)) {
                NAMES.putIfAbsent(name, two);
            }
        }
        // ISO 639-2/B codes that differ from the /T ones
        String[] b = {"alb", "sq", "arm", "hy", "baq", "eu", "bur", "my", "chi", "zh", "cze", "cs", "dut", "nl",
            "fre", "fr", "geo", "ka", "ger", "de", "gre", "el", "ice", "is", "mac", "mk", "mao", "mi", "may", "ms",
            "per", "fa", "rum", "ro", "slo", "sk", "tib", "bo", "wel", "cy"};
        for (int i = 0; i < b.length; i += 2) {
            THREE_TO_TWO.put(b[i], b[i + 1]);
        }
        NAMES.put("ancient greek", "grc");
        NAMES.put("greek, ancient", "grc");
        NAMES.put("middle english", "enm");
        NAMES.put("old english", "ang");
        NAMES.put("middle high german", "gmh");
        NAMES.put("old norse", "non");
        NAMES.put("deutsch", "de");
        NAMES.put("englisch", "en");
        NAMES.put("latein", "la");
        NAMES.put("français", "fr");
    }

    private Languages() {
    }

    /**
     * The BCP 47 tag for a code or name, or null if it cannot be read as one.
     *
     * @param value a code ({@code en}, {@code eng}, {@code en-GB}) or English name ({@code English})
     * @return the tag, or null
     */
    static String toBcp47(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replace('_', '-');
        if (v.isEmpty()) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String named = NAMES.get(lower);
        if (named != null) {
            return named;
        }
        if (!TAG.matcher(v).matches()) {
            return null;
        }
        String[] parts = v.split("-");
        String primary = parts[0].toLowerCase(Locale.ROOT);
        String two = THREE_TO_TWO.get(primary);
        if (two != null) {
            primary = two;
        }
        StringBuilder sb = new StringBuilder(primary);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            sb.append('-');
            if (p.length() == 2 && Character.isLetter(p.charAt(0))) {
                sb.append(p.toUpperCase(Locale.ROOT));
            } else if (p.length() == 4 && Character.isLetter(p.charAt(0))) {
                sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
            } else {
                sb.append(p.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
