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
    private static final Map<String, String> UNIMARC_GENRES = loadGenres();

    private Codes() {
    }

    /** The lines of a resource that are not comments nor blank. */
    private static java.util.List<String> lines(String name) {
        java.util.List<String> out = new java.util.ArrayList<>(512);
        try (InputStream in = Codes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A table of code, tab, name. */
    private static Map<String, String> load(String name) {
        Map<String, String> m = new HashMap<>(512);
        for (String line : lines(name)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                m.put(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        }
        return m;
    }

    /** {@code unimarc-genres.tsv}: "105/11 a" to "fiction". */
    private static Map<String, String> loadGenres() {
        Map<String, String> m = new HashMap<>(256);
        for (String line : lines("unimarc-genres.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length == 3) {
                m.put(cols[0] + " " + cols[1], cols[2].strip());
            }
        }
        return m;
    }

    /**
     * The genre words of a UNIMARC coded value, or null.
     *
     * @param table the field and positions, as {@code unimarc-genres.tsv} names them ({@code 105/11})
     * @param code the code
     */
    static String unimarcGenre(String table, String code) {
        return UNIMARC_GENRES.get(table + " " + code);
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
