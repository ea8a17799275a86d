package org.biglam.lam.marc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Codes in words, for the {@code names} option: MARC country codes (the MARC Code List for
 * Countries, kept as data in {@code countries.tsv}), relator codes (MARC's three letters and
 * UNIMARC's three digits, {@code relators.tsv}), and the English names of languages and ISO 3166
 * countries from the JDK's locale data (the BCP 47 tags themselves come from lam-core).
 */
final class Codes {

    private static final Map<String, String> COUNTRIES = load("countries.tsv");
    private static final Map<String, String> RELATORS = load("relators.tsv");

    private Codes() {
    }

    private static Map<String, String> load(String name) {
        Map<String, String> m = new HashMap<>(512);
        try (InputStream in = Codes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    m.put(line.substring(0, tab), line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The name of a MARC country code (008/15-17, blanks allowed), or null. */
    static String marcCountry(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return c.isEmpty() ? null : COUNTRIES.get(c);
    }

    /** The English name of an ISO 3166-1 alpha-2 country code (UNIMARC 102 $a), or null. */
    static String isoCountry(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))) {
            return null;
        }
        String n = new Locale("", c).getDisplayCountry(Locale.ENGLISH);
        return n.isEmpty() || n.equals(c) ? null : n;
    }

    /** The English name of a language by its BCP 47 tag ({@code fr}: French), or null. */
    static String language(String tag) {
        String n = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return n.isEmpty() || n.equalsIgnoreCase(tag) ? null : n;
    }

    /** The term of a relator code ({@code aut}, {@code 070}), or null. */
    static String relator(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (c.endsWith(".")) {
            c = c.substring(0, c.length() - 1);
        }
        return RELATORS.get(c);
    }
}
