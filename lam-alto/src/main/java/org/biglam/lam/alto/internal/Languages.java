package org.biglam.lam.alto.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns the language codes of OCR files and MODS (ISO 639-1, 639-2/B and /T, BCP 47, English names) into BCP 47 tags. */
public final class Languages {

    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale l = new Locale(two);
            try {
                THREE_TO_TWO.put(l.getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code
            }
            String name = l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                NAMES.putIfAbsent(name, two);
            }
        }
        // ISO 639-2/B codes that differ from the /T ones
        String[][] b = {{"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"chi", "zh"},
            {"cze", "cs"}, {"dut", "nl"}, {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"}, {"gre", "el"},
            {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"per", "fa"}, {"rum", "ro"},
            {"slo", "sk"}, {"tib", "bo"}, {"wel", "cy"}, {"scc", "sr"}, {"scr", "hr"}};
        for (String[] p : b) {
            THREE_TO_TWO.put(p[0], p[1]);
        }
        NAMES.put("latin", "la");
        NAMES.put("ancient greek", "grc");
        NAMES.put("fraktur", null);
    }

    private Languages() {
    }

    /**
     * The BCP 47 tag for a code or name, or null if it cannot be read as a language.
     *
     * @param code {@code ger}, {@code deu}, {@code de}, {@code en-US}, {@code en_GB}, {@code German}
     * @return the tag ({@code de}, {@code en-US}), or null
     */
    public static String toBcp47(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.isEmpty()) {
            return null;
        }
        String cached = CACHE.get(c);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String tag = compute(c);
        if (CACHE.size() < 10_000) {
            CACHE.put(c, tag == null ? "" : tag);
        }
        return tag;
    }

    private static String compute(String c) {
        String s = c.replace('_', '-');
        if (s.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            String[] parts = s.split("-");
            String lang = parts[0].toLowerCase(Locale.ROOT);
            if (lang.length() == 3) {
                lang = THREE_TO_TWO.getOrDefault(lang, lang);
            }
            if ("und".equals(lang) || "zxx".equals(lang) || "mul".equals(lang) && parts.length == 1) {
                return "und".equals(lang) || "zxx".equals(lang) ? null : lang;
            }
            StringBuilder sb = new StringBuilder(lang);
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                sb.append('-');
                if (p.length() == 2) {
                    sb.append(p.toUpperCase(Locale.ROOT));
                } else if (p.length() == 4 && Character.isLetter(p.charAt(0))) {
                    sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
                } else {
                    sb.append(p.toLowerCase(Locale.ROOT));
                }
            }
            return sb.toString();
        }
        String name = s.toLowerCase(Locale.ROOT);
        return NAMES.get(name);
    }
}
