package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.spi.Html;

/**
 * Reads IIIF label-like values in both versions: v3 language maps ({@code {"en": ["..."]}}), v2
 * strings, arrays of strings, and {@code {"@value", "@language"}} objects; picks one language
 * (the preferred one, else {@code none}, else the first given), and strips HTML.
 */
final class Values {

    private final String prefer;

    /** @param prefer the preferred language tag, or null */
    Values(String prefer) {
        this.prefer = prefer == null ? null : prefer.toLowerCase(Locale.ROOT);
    }

    /** The values of a label-like node in the chosen language, HTML stripped; empty if none. */
    List<String> pick(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return List.of();
        }
        if (n.isTextual()) {
            String s = clean(n.textValue());
            return s == null ? List.of() : List.of(s);
        }
        if (n.isNumber() || n.isBoolean()) {
            return List.of(n.asText());
        }
        if (n.isObject()) {
            if (n.has("@value") || n.has("value") && !n.has("label")) {
                // a single v2 tagged value (or a bent v3 {"value": ...})
                JsonNode v = n.has("@value") ? n.get("@value") : n.get("value");
                if (v.isObject() || v.isArray()) {
                    return pick(v);
                }
                String s = clean(v.asText());
                return s == null ? List.of() : List.of(s);
            }
            return pickMap(n);
        }
        if (n.isArray()) {
            return pickArray(n);
        }
        return List.of();
    }

    /** The first value of {@link #pick}, or null. */
    String first(JsonNode n) {
        List<String> v = pick(n);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The first value, or the values joined with "; " when several. */
    String joined(JsonNode n) {
        List<String> v = pick(n);
        if (v.isEmpty()) {
            return null;
        }
        return v.size() == 1 ? v.get(0) : String.join("; ", v);
    }

    private List<String> pickMap(JsonNode map) {
        JsonNode chosen = null;
        if (prefer != null) {
            chosen = matchLanguage(map.fields());
        }
        if (chosen == null) {
            chosen = map.get("none");
        }
        if (chosen == null) {
            chosen = map.get("@none");
        }
        if (chosen == null) {
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (it.hasNext() && chosen == null) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("@") || e.getKey().equals("@none")) {
                    chosen = e.getValue();
                }
            }
        }
        if (chosen == null) {
            return List.of();
        }
        List<String> out = values(chosen);
        if (out.isEmpty() && map.size() > 1) {
            // the chosen language has nothing ({"en": [], "none": ["MS 1"]}, or blanks): none, else the first that has
            JsonNode none = map.get("none");
            if (none != null && none != chosen) {
                out = values(none);
            }
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (out.isEmpty() && it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() != chosen && (!e.getKey().startsWith("@") || e.getKey().equals("@none"))) {
                    out = values(e.getValue());
                }
            }
        }
        return out;
    }

    /** The values of one language of a language map, HTML stripped, blanks left out. */
    private List<String> values(JsonNode chosen) {
        List<String> out = new ArrayList<>(2);
        for (JsonNode v : Json.many(chosen)) {
            String s = v.isTextual() ? clean(v.textValue()) : (v.isValueNode() ? clean(v.asText()) : null);
            if (s == null && v.isObject()) {
                s = first(v);
            }
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private JsonNode matchLanguage(Iterator<Map.Entry<String, JsonNode>> fields) {
        JsonNode prefix = null;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals(prefer)) {
                return e.getValue();
            }
            if (prefix == null && (k.startsWith(prefer + "-") || prefer.startsWith(k + "-"))) {
                prefix = e.getValue();
            }
        }
        return prefix;
    }

    private List<String> pickArray(JsonNode arr) {
        // v2: strings and/or {"@value", "@language"} objects; choose a language among the tagged ones
        boolean tagged = false;
        for (JsonNode e : arr) {
            if (e.isObject() && e.has("@language")) {
                tagged = true;
                break;
            }
        }
        List<String> out = new ArrayList<>(arr.size());
        if (!tagged) {
            for (JsonNode e : arr) {
                out.addAll(pick(e));
            }
            return out;
        }
        String lang = chooseLanguage(arr);
        for (JsonNode e : arr) {
            String l = e.isObject() && e.has("@language") ? e.get("@language").asText().toLowerCase(Locale.ROOT)
                    : "none";
            if (l.equals(lang)) {
                out.addAll(pick(e.isObject() ? e.get("@value") : e));
            }
        }
        return out;
    }

    private String chooseLanguage(JsonNode arr) {
        String firstLang = null;
        String prefixMatch = null;
        boolean none = false;
        for (JsonNode e : arr) {
            String l = e.isObject() && e.has("@language") ? e.get("@language").asText().toLowerCase(Locale.ROOT)
                    : "none";
            if (prefer != null) {
                if (l.equals(prefer)) {
                    return l;
                }
                if (prefixMatch == null && (l.startsWith(prefer + "-") || prefer.startsWith(l + "-"))) {
                    prefixMatch = l;
                }
            }
            if (l.equals("none")) {
                none = true;
            }
            if (firstLang == null) {
                firstLang = l;
            }
        }
        if (prefixMatch != null) {
            return prefixMatch;
        }
        return none ? "none" : firstLang;
    }

    /** Strips HTML tags and surrounding white space, decodes character references; null for blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
            s = stripHtml(s);
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** HTML as text (lam-core's {@link Html#toText}). */
    static String stripHtml(String s) {
        return Html.toText(s);
    }

}
