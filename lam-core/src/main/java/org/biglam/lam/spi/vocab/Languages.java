package org.biglam.lam.spi.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Language codes and names to BCP 47 tags, one table for every format: ISO 639-1 codes, ISO 639-2/T
 * and /B and ISO 639-3 codes (the two-letter code where one exists: {@code ger}, {@code deu} give
 * {@code de}), MARC's discontinued codes ({@code scc} gives {@code sr}, {@code scr} {@code hr}),
 * BCP 47 tags and POSIX locales put in canonical case ({@code en_gb} gives {@code en-GB}), and
 * language names in English, as MARC's code list writes them and in a few other languages
 * ({@code German}, {@code English, Middle (1100-1500)}, {@code Deutsch}, {@code français}).
 * {@code und} and {@code zxx} give no tag. Thread-safe.
 *
 * @since 0.1
 */
public final class Languages {

    /** ISO 639-2/B codes that differ from the /T code. */
    private static final String B_TO_T = "alb=sqi arm=hye baq=eus bur=mya chi=zho cze=ces dut=nld fre=fra geo=kat "
            + "ger=deu gre=ell ice=isl mac=mkd mao=mri may=msa per=fas rum=ron slo=slk tib=bod wel=cym";

    /** MARC's discontinued codes that still occur in old records, to their current code. */
    private static final String OBSOLETE = "cam=khm esp=epo eth=gez far=fao fri=fry gag=glg gua=grn int=ina iri=gle "
            + "lan=oci lap=smi max=glv mla=mlg mol=ron sao=smo scc=srp scr=hrv sho=sna snh=sin sso=sot swz=ssw "
            + "tag=tgl taj=tgk tar=tat tsw=tsn";

    /**
     * Names that the JDK's English display names lack: historic stages as MARC's code list and
     * catalogues write them, and the names most often met in German, French and other catalogues.
     */
    private static final String[][] NAMES_EXTRA = {
        {"grc", "ancient greek", "greek, ancient", "greek, ancient (to 1453)", "altgriechisch", "grec ancien"},
        {"el", "modern greek", "greek, modern", "greek, modern (1453-)", "neugriechisch"},
        {"enm", "middle english", "english, middle (1100-1500)"},
        {"ang", "old english", "english, old (ca. 450-1100)", "anglo-saxon"},
        {"fro", "old french", "french, old (842-ca. 1400)"},
        {"frm", "middle french", "french, middle (ca. 1400-1600)"},
        {"gmh", "middle high german", "german, middle high (ca. 1050-1500)", "mittelhochdeutsch"},
        {"goh", "old high german", "german, old high (ca. 750-1050)", "althochdeutsch"},
        {"dum", "middle dutch", "dutch, middle (ca. 1050-1350)"},
        {"non", "old norse"},
        {"sga", "old irish", "irish, old (to 900)"},
        {"ota", "ottoman turkish", "turkish, ottoman", "turkish, ottoman (1500-1928)"},
        {"cu", "church slavic", "old church slavonic", "church slavonic"},
        {"syc", "syriac", "classical syriac"},
        {"gez", "ethiopic", "geez"},
        {"cop", "coptic"},
        {"gd", "scottish gaelic", "gaelic"},
        {"nds", "low german", "plattdeutsch"},
        {"gsw", "swiss german", "schweizerdeutsch", "alemannic", "alsatian"},
        {"sh", "serbo-croatian", "serbo-croat", "serbokroatisch", "hbs"},
        {"de", "deutsch", "allemand", "tedesco", "alemán"},
        {"en", "englisch", "anglais", "inglese", "inglés"},
        {"fr", "französisch", "français", "francais", "francese", "francés"},
        {"la", "latein", "lateinisch", "latin", "latino", "latín"},
        {"it", "italienisch", "italien", "italiano"},
        {"es", "spanisch", "espagnol", "español", "spagnolo"},
        {"nl", "niederländisch", "néerlandais", "nederlands", "flemish", "dutch"},
        {"pt", "portugiesisch", "portugais", "português"},
        {"ru", "russisch", "russe", "русский"},
        {"pl", "polnisch", "polonais", "polski"},
        {"cs", "tschechisch", "tchèque", "čeština"},
        {"sv", "schwedisch", "suédois", "svenska"},
        {"da", "dänisch", "danois", "dansk"},
        {"no", "norwegisch", "norvégien", "norsk"},
        {"fi", "finnisch", "finnois", "suomi"},
        {"cy", "walisisch", "gallois", "cymraeg"},
        {"ga", "irisch", "irlandais"},
        {"hu", "ungarisch", "hongrois", "magyar"},
        {"tr", "türkisch", "turc", "türkçe"},
        {"fa", "persisch", "persan", "farsi"},
        {"he", "hebräisch", "hébreu"},
        {"ar", "arabisch", "arabe"},
        {"zh", "chinesisch", "chinois"},
        {"ja", "japanisch", "japonais"},
        {"hy", "armenisch", "arménien"},
        {"syc", "syrisch", "syriaque"},
        {"sa", "sanskrit"},
    };

    private static final Map<String, String> CODES = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final java.util.Set<String> TWO_LETTER = java.util.Set.of(Locale.getISOLanguages());
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_MAX = 10_000;

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale l = new Locale(two);
            try {
                String three = l.getISO3Language();
                if (!three.isEmpty()) {
                    CODES.put(three, two);
                }
            } catch (MissingResourceException ignored) {
                // no three-letter code
            }
            String name = l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(two)) {
                NAMES.putIfAbsent(name, two);
            }
        }
        pairs(B_TO_T);
        pairs(OBSOLETE);
        // codes the JDK maps to a retired two-letter code, or not at all
        CODES.put("heb", "he");
        CODES.put("yid", "yi");
        CODES.put("ind", "id");
        for (String[] row : NAMES_EXTRA) {
            for (int i = 1; i < row.length; i++) {
                NAMES.put(row[i], row[0]);
            }
        }
        // the JDK's English name "Hebrew" etc. under retired codes
        NAMES.put("hebrew", "he");
        NAMES.put("yiddish", "yi");
        NAMES.put("indonesian", "id");
    }

    private Languages() {
    }

    private static void pairs(String s) {
        for (String p : s.trim().split(" +")) {
            int eq = p.indexOf('=');
            String target = p.substring(eq + 1);
            CODES.put(p.substring(0, eq), CODES.getOrDefault(target, target));
        }
    }

    /**
     * The BCP 47 tag for one language code or name.
     *
     * @param value a code ({@code en}, {@code eng}, {@code ger}, {@code scc}), a tag or locale
     *     ({@code en-GB}, {@code en_gb}, {@code sr-Latn}), or a name ({@code German},
     *     {@code Ancient Greek}, {@code Deutsch})
     * @return the tag, or null if the value is blank, {@code und}/{@code zxx}, or neither a
     *     well-formed code nor a known name
     */
    public static @Nullable String toBcp47(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        String cached = CACHE.get(v);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String tag = compute(v);
        if (CACHE.size() < CACHE_MAX) {
            CACHE.put(v, tag == null ? "" : tag);
        }
        return tag;
    }

    /**
     * The BCP 47 tags of a value that may name several languages ({@code English; Latin},
     * {@code ger fre}, {@code Deutsch und Französisch}), in order, each once.
     *
     * @param value the value
     * @return the tags; empty if none is known
     */
    public static List<String> tagsIn(String value) {
        List<String> out = new ArrayList<>(2);
        String whole = toBcp47(value);
        if (whole != null) {
            out.add(whole);
            return out;
        }
        if (value == null) {
            return out;
        }
        for (String part : value.strip().split("\\s*[;,/|+]\\s*|\\s+(?:and|und|et|e|y|en|och|og|i)\\s+")) {
            String tag = known(part) ? toBcp47(part) : null;
            if (tag != null && !out.contains(tag)) {
                out.add(tag);
            }
        }
        if (out.isEmpty()) {
            codes(value.strip(), out);
        }
        return out;
    }

    /**
     * Codes parted by white space only ({@code ger fre}, {@code eng lat}): taken only when every
     * part is a code the table knows, so that a phrase of short words is not read as codes.
     */
    private static void codes(String v, List<String> out) {
        if (v.indexOf(' ') < 0 && v.indexOf('\t') < 0) {
            return;
        }
        String[] parts = v.split("\\s+");
        List<String> tags = new ArrayList<>(parts.length);
        for (String part : parts) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.length() < 2 || lower.length() > 3 || !(lower.length() == 2 && TWO_LETTER.contains(lower)
                    || CODES.containsKey(lower))) {
                return;
            }
            String tag = toBcp47(lower);
            if (tag == null) {
                return;
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        out.addAll(tags);
    }

    /**
     * Whether a part of a longer value is a language for sure: a known name, or a code that the
     * table knows, so that words such as "old" or "new" are not taken for codes.
     */
    private static boolean known(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (NAMES.containsKey(lower)) {
            return true;
        }
        String primary = lower.replace('_', '-');
        int dash = primary.indexOf('-');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        return primary.length() == 2 && TWO_LETTER.contains(primary) || CODES.containsKey(primary)
                || NAMES.containsValue(primary);
    }

    private static String compute(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        String named = NAMES.get(lower);
        if (named != null) {
            return named;
        }
        String s = v.replace('_', '-');
        if (!wellFormed(s)) {
            return null;
        }
        String[] parts = s.split("-");
        String primary = parts[0].toLowerCase(Locale.ROOT);
        if (primary.length() == 3) {
            primary = CODES.getOrDefault(primary, primary);
        }
        if (primary.equals("und") || primary.equals("zxx")) {
            return null;
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

    /** {@code [A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*}, without a regular expression. */
    private static boolean wellFormed(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isLetter(s.charAt(i))) {
            i++;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        while (i < n) {
            if (s.charAt(i) != '-') {
                return false;
            }
            int start = ++i;
            while (i < n && (isLetter(s.charAt(i)) || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (i - start < 1 || i - start > 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
