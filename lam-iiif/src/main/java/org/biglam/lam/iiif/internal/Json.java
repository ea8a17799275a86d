package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Version-tolerant access to IIIF JSON: {@code id}/{@code @id}, {@code type}/{@code @type}, one-or-many values. */
final class Json {

    private Json() {
    }

    /** The node's id: {@code id}, else {@code @id}; or the node itself if it is a string; else null. */
    static String id(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return blankToNull(n.textValue());
        }
        if (!n.isObject()) {
            return null;
        }
        JsonNode v = n.get("id");
        if (v == null || !v.isTextual()) {
            v = n.get("@id");
        }
        return v != null && v.isTextual() ? blankToNull(v.textValue()) : null;
    }

    /**
     * The node's type without a prefix ({@code sc:Manifest} gives {@code Manifest},
     * {@code dctypes:Image} gives {@code Image}); the first of several; null if none.
     */
    static String type(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode v = n.get("type");
        if (v == null) {
            v = n.get("@type");
        }
        if (v != null && v.isArray() && v.size() > 0) {
            v = v.get(0);
        }
        if (v == null || !v.isTextual()) {
            return null;
        }
        return stripPrefix(v.textValue());
    }

    static String stripPrefix(String s) {
        int colon = s.indexOf(':');
        if (colon > 0 && colon < s.length() - 1 && s.indexOf('/') < 0) {
            return s.substring(colon + 1);
        }
        return s;
    }

    /** A property's string value, or null. */
    static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return blankToNull(v.textValue());
        }
        if (v.isNumber()) {
            return v.asText();
        }
        return null;
    }

    /** A property's whole number value (also from a numeric string), or -1. */
    static long number(JsonNode n, String field) {
        if (n == null) {
            return -1;
        }
        JsonNode v = n.get(field);
        if (v == null) {
            return -1;
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return d >= 0 && d < Long.MAX_VALUE ? Math.round(d) : -1;
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.textValue().strip());
                return d >= 0 && d < Long.MAX_VALUE ? Math.round(d) : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** A property's values as a list: an array's elements, or the single value; empty if absent or null. */
    static List<JsonNode> many(JsonNode n, String field) {
        if (n == null) {
            return List.of();
        }
        JsonNode v = n.get(field);
        return many(v);
    }

    /** A value as a list: an array's elements (read-only), or the single value; empty if null or absent. */
    static List<JsonNode> many(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return List.of();
        }
        if (v instanceof TreeBuilder.ListNode) {
            return ((TreeBuilder.ListNode) v).items();
        }
        if (v.isArray()) { // an array lam did not parse (TreeReader makes ListNodes)
            List<JsonNode> out = new ArrayList<>(v.size());
            v.forEach(out::add);
            return out;
        }
        return Collections.singletonList(v);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The motivations of an annotation, without prefixes, lower-case. */
    private static final java.util.Map<String, List<String>> KNOWN_MOTIVATIONS = new java.util.HashMap<>();

    static {
        for (String m : new String[] {"painting", "supplementing", "commenting", "tagging", "describing",
            "transcribing", "classifying", "identifying", "linking", "highlighting", "editing", "bookmarking",
            "moderating", "questioning", "replying", "assessing"}) {
            KNOWN_MOTIVATIONS.put(m, List.of(m));
            KNOWN_MOTIVATIONS.put("sc:" + m, List.of(m));
            KNOWN_MOTIVATIONS.put("oa:" + m, List.of(m));
        }
    }

    static List<String> motivations(JsonNode anno) {
        JsonNode single = anno.get("motivation");
        if (single != null && single.isTextual()) {
            List<String> known = KNOWN_MOTIVATIONS.get(single.textValue());
            if (known != null) {
                return known;
            }
        }
        List<JsonNode> ms = many(single);
        if (ms.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(ms.size());
        for (JsonNode m : ms) {
            String s = m.isTextual() ? m.textValue() : id(m);
            if (s != null) {
                out.add(stripPrefix(s).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
