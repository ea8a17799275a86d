package org.biglam.lam.iiif.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.biglam.lam.Labels;

/** Maps IIIF metadata labels to lam's uniform label names, and normalises dates and languages. */
final class LabelMapping {

    private static final Map<String, String> UNIFORM = new HashMap<>();
    private static final Map<String, String> LANGUAGES = new HashMap<>();
    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    static {
        map(Labels.TITLE, "title", "titles", "main title", "title(s)", "titel", "titre", "titolo", "título");
        map(Labels.CREATOR, "author", "authors", "author(s)", "creator", "creators", "creator(s)", "artist",
                "artists", "maker", "makers", "photographer", "composer", "autor", "auteur", "verfasser",
                "künstler", "author/creator", "creator/author", "scribe");
        map(Labels.CONTRIBUTOR, "contributor", "contributors", "contributor(s)", "editor", "editors",
                "translator", "illustrator", "engraver", "other contributors", "beteiligte", "mitwirkende");
        map(Labels.DATE, "date", "dates", "date statement", "date created", "created", "creation date",
                "publication date", "date of publication", "date issued", "issued", "datum", "date de publication",
                "year", "jahr", "period", "date(s)", "date of creation", "erscheinungsjahr", "entstehungszeit");
        map(Labels.LANGUAGE, "language", "languages", "language(s)", "sprache", "langue", "lingua", "idioma");
        map(Labels.SUBJECT, "subject", "subjects", "subject(s)", "topic", "topics", "keywords", "keyword",
                "schlagwort", "schlagworte", "sujet", "sujets");
        map(Labels.GENRE, "genre", "genres", "form", "genre/form", "form/genre", "gattung");
        map(Labels.TYPE, "type", "object type", "resource type", "type of resource", "objekttyp", "dokumenttyp");
        map(Labels.PUBLISHER, "publisher", "publishers", "published by", "verlag", "éditeur", "editeur",
                "imprint", "printer", "drucker");
        map(Labels.PLACE, "place", "places", "place of publication", "place of origin", "place of production",
                "publication place", "origin", "erscheinungsort", "ort", "lieu", "lieu de publication");
        map(Labels.IDENTIFIER, "identifier", "identifiers", "other identifier", "shelfmark", "shelf mark",
                "call number", "signatur", "cote", "isbn", "issn", "urn", "doi", "record id", "object number",
                "accession number", "inventory number", "inventarnummer", "manifest id", "persistent url");
        map(Labels.RIGHTS, "rights", "license", "licence", "copyright", "rights statement", "attribution",
                "terms of use", "access rights", "usage", "lizenz", "rechte", "droits", "conditions of use");
        map(Labels.DESCRIPTION, "description", "descriptions", "summary", "abstract", "note", "notes",
                "beschreibung", "résumé", "inhalt");
        map(Labels.COLLECTION, "collection", "collections", "series", "part of", "sammlung", "reihe",
                "fonds", "is part of");
        map(Labels.CLASSIFICATION, "classification", "klassifikation");

        lang("en", "english", "eng", "anglais", "englisch", "en");
        lang("fr", "french", "fre", "fra", "français", "francais", "französisch", "fr");
        lang("de", "german", "ger", "deu", "deutsch", "allemand", "de");
        lang("la", "latin", "lat", "latein", "lateinisch", "la");
        lang("it", "italian", "ita", "italien", "italienisch", "italiano", "it");
        lang("es", "spanish", "spa", "espagnol", "spanisch", "español", "es");
        lang("nl", "dutch", "dut", "nld", "néerlandais", "niederländisch", "nederlands", "nl");
        lang("pt", "portuguese", "por", "portugais", "portugiesisch", "pt");
        lang("el", "greek, modern", "modern greek", "gre", "ell", "el");
        lang("grc", "greek", "ancient greek", "greek, ancient", "greek, ancient (to 1453)", "grc", "griechisch",
                "grec");
        lang("he", "hebrew", "heb", "hébreu", "hebräisch", "he");
        lang("ar", "arabic", "ara", "arabe", "arabisch", "ar");
        lang("zh", "chinese", "chi", "zho", "chinois", "chinesisch", "zh");
        lang("ja", "japanese", "jpn", "japonais", "japanisch", "ja");
        lang("ru", "russian", "rus", "russe", "russisch", "ru");
        lang("pl", "polish", "pol", "polonais", "polnisch", "pl");
        lang("cs", "czech", "cze", "ces", "tchèque", "tschechisch", "cs");
        lang("sv", "swedish", "swe", "suédois", "schwedisch", "sv");
        lang("da", "danish", "dan", "danois", "dänisch", "da");
        lang("no", "norwegian", "nor", "norvégien", "norwegisch", "no");
        lang("fi", "finnish", "fin", "finnois", "finnisch", "fi");
        lang("cy", "welsh", "wel", "cym", "gallois", "walisisch", "cy");
        lang("ga", "irish", "gle", "irlandais", "irisch", "ga");
        lang("gd", "scottish gaelic", "gaelic", "gla", "gd");
        lang("hu", "hungarian", "hun", "hongrois", "ungarisch", "hu");
        lang("tr", "turkish", "tur", "turc", "türkisch", "tr");
        lang("ota", "ottoman turkish", "turkish, ottoman", "turkish, ottoman (1500-1928)", "ota");
        lang("fa", "persian", "per", "fas", "persan", "persisch", "fa");
        lang("syc", "syriac", "syr", "syc", "syriaque", "syrisch");
        lang("hy", "armenian", "arm", "hye", "arménien", "armenisch", "hy");
        lang("sa", "sanskrit", "san", "sa");
        lang("ang", "old english", "english, old (ca. 450-1100)", "ang");
        lang("enm", "middle english", "english, middle (1100-1500)", "enm");
        lang("fro", "old french", "french, old (842-ca. 1400)", "fro");
        lang("frm", "middle french", "french, middle (ca. 1400-1600)", "frm");
        lang("gmh", "middle high german", "german, middle high (ca. 1050-1500)", "gmh");
        lang("goh", "old high german", "german, old high (ca. 750-1050)", "goh");
        lang("cu", "church slavic", "old church slavonic", "chu", "cu");
        lang("gez", "ethiopic", "geez", "gez");
        lang("cop", "coptic", "cop");
        lang("yi", "yiddish", "yid", "yi");
        lang("ko", "korean", "kor", "ko");
        lang("hi", "hindi", "hin", "hi");
        lang("bo", "tibetan", "tib", "bod", "bo");
    }

    private LabelMapping() {
    }

    private static void map(String uniform, String... labels) {
        for (String l : labels) {
            UNIFORM.put(l, uniform);
        }
    }

    private static void lang(String tag, String... names) {
        for (String n : names) {
            LANGUAGES.put(n, tag);
        }
    }

    /** The uniform label a metadata label maps to, or null. */
    static String uniform(String metadataLabel) {
        if (metadataLabel == null) {
            return null;
        }
        String k = metadataLabel.strip().toLowerCase(Locale.ROOT);
        if (k.endsWith(":")) {
            k = k.substring(0, k.length() - 1).strip();
        }
        return UNIFORM.get(k);
    }

    /**
     * A normalised year ({@code 1779}) or range ({@code 1779/1785}) read from a date, or null if
     * none can be read. The years are the whole runs of ASCII digits that read as one: four
     * digits from 1000 to 2099, or three from 500 to 999.
     */
    static String normaliseDate(String value) {
        if (value == null) {
            return null;
        }
        String first = null;
        String last = null;
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
            }
            if (isYear(value, start, i)) {
                last = value.substring(start, i);
                if (first == null) {
                    first = last;
                }
            }
        }
        if (first == null) {
            return null;
        }
        if (last.equals(first) || Integer.parseInt(last) < Integer.parseInt(first)) {
            return first;
        }
        return first + "/" + last;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the digits {@code s[from, to)} are a year: 1000 to 2099, or 500 to 999. */
    private static boolean isYear(String s, int from, int to) {
        char c = s.charAt(from);
        switch (to - from) {
            case 4:
                return c == '1' || c == '2' && s.charAt(from + 1) == '0';
            case 3:
                return c >= '5';
            default:
                return false;
        }
    }

    /** BCP 47 tags for a language value ("English; Latin" gives [en, la]); empty if none is known. */
    static List<String> languageTags(String value) {
        List<String> out = new ArrayList<>(2);
        if (value == null) {
            return out;
        }
        String whole = value.strip().toLowerCase(Locale.ROOT);
        String tag = LANGUAGES.get(whole);
        if (tag != null) {
            out.add(tag);
            return out;
        }
        for (String part : whole.split("\\s*(?:[;,/|]|\\band\\b|\\bund\\b|\\bet\\b)\\s*")) {
            if (part.isEmpty()) {
                continue;
            }
            tag = LANGUAGES.get(part);
            if (tag == null && TAG.matcher(part).matches() && part.length() == 2) {
                tag = part;
            }
            if (tag != null && !out.contains(tag)) {
                out.add(tag);
            }
        }
        return out;
    }
}
