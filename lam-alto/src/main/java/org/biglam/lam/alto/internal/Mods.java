package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.vocab.Languages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.Labels;

/** MODS descriptions to lam's uniform labels. */
public final class Mods {

    private Mods() {
    }

    /**
     * The source statement of the digitised item: a {@code note} of the {@code relatedItem} of type
     * {@code original} (where a newspaper issue names the collection it was digitised in), or a
     * {@code note} of type {@code source note}.
     */
    public static final String SOURCE = "mods:source";
    /** The identifier of the publication the item is part of: {@code relatedItem type="host"}. */
    public static final String HOST_IDENTIFIER = "mods:hostIdentifier";

    private static boolean isSourceNote(Node note) {
        String t = note.attr("type");
        return t != null && (t.equalsIgnoreCase("source note") || t.equalsIgnoreCase("source"));
    }

    /**
     * The labels of one {@code mods} element: title, creator, contributor, date, language, subject,
     * genre, type, publisher, place, identifier, rights, description, classification, the host
     * item's title as collection, its identifier as {@value #HOST_IDENTIFIER}, and the source
     * statement as {@value #SOURCE}.
     *
     * @param mods the mods element
     * @return label name to values, in order
     */
    public static Map<String, List<String>> labels(Node mods) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Node c : mods.children) {
            switch (c.name) {
                case "titleInfo":
                    add(out, Labels.TITLE, title(c));
                    break;
                case "name":
                    name(c, out);
                    break;
                case "originInfo":
                    origin(c, out);
                    break;
                case "language":
                    for (Node t : c.children("languageTerm")) {
                        add(out, Labels.LANGUAGE, Languages.toBcp47(t.text()));
                    }
                    break;
                case "subject":
                    for (Node t : c.children) {
                        if (!t.children.isEmpty()) {
                            for (Node u : t.children) {
                                add(out, Labels.SUBJECT, u.text());
                            }
                        } else {
                            add(out, Labels.SUBJECT, t.text());
                        }
                    }
                    break;
                case "genre":
                    add(out, Labels.GENRE, c.text());
                    break;
                case "typeOfResource":
                    add(out, Labels.TYPE, c.text());
                    break;
                case "identifier":
                    if (!"invalid".equals(c.attr("invalid"))) {
                        add(out, Labels.IDENTIFIER, c.text());
                    }
                    break;
                case "recordInfo":
                    for (Node t : c.children("recordIdentifier")) {
                        add(out, Labels.IDENTIFIER, t.text());
                    }
                    break;
                case "accessCondition":
                    add(out, Labels.RIGHTS, c.text().isEmpty() ? c.attr("href") : c.text());
                    break;
                case "abstract":
                    add(out, Labels.DESCRIPTION, c.text());
                    break;
                case "classification":
                    add(out, Labels.CLASSIFICATION, c.text());
                    break;
                case "relatedItem": {
                    String type = c.attr("type");
                    if ("host".equals(type) || "series".equals(type)) {
                        for (Node t : c.children("titleInfo")) {
                            add(out, Labels.COLLECTION, title(t));
                        }
                    }
                    if ("host".equals(type)) {
                        for (Node t : c.children("identifier")) {
                            if (!"invalid".equals(t.attr("invalid"))) {
                                add(out, HOST_IDENTIFIER, t.text());
                            }
                        }
                    }
                    for (Node t : c.children("note")) {
                        if ("original".equals(type) || isSourceNote(t)) {
                            add(out, SOURCE, t.text());
                        }
                    }
                    break;
                }
                case "note":
                    if (isSourceNote(c)) {
                        add(out, SOURCE, c.text());
                    }
                    break;
                default:
                    break;
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        out.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }

    private static void add(Map<String, Set<String>> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value.strip());
        }
    }

    private static String title(Node ti) {
        StringBuilder sb = new StringBuilder();
        Node ns = ti.child("nonSort");
        if (ns != null && !ns.text().isEmpty()) {
            sb.append(ns.text()).append(' ');
        }
        Node t = ti.child("title");
        if (t == null || t.text().isEmpty()) {
            return null;
        }
        sb.append(t.text());
        Node sub = ti.child("subTitle");
        if (sub != null && !sub.text().isEmpty()) {
            sb.append(" : ").append(sub.text());
        }
        return sb.toString();
    }

    private static void name(Node n, Map<String, Set<String>> out) {
        String display = null;
        Node df = n.child("displayForm");
        if (df != null && !df.text().isEmpty()) {
            display = df.text();
        } else {
            List<String> parts = new ArrayList<>();
            String family = null;
            String given = null;
            for (Node p : n.children("namePart")) {
                String type = p.attr("type");
                if ("family".equals(type)) {
                    family = p.text();
                } else if ("given".equals(type)) {
                    given = p.text();
                } else if (type == null) {
                    parts.add(p.text());
                }
            }
            if (family != null) {
                display = given != null ? family + ", " + given : family;
            } else if (!parts.isEmpty()) {
                display = String.join(" ", parts);
            } else {
                display = given;
            }
        }
        boolean creator = false;
        for (Node role : n.children("role")) {
            for (Node t : role.children("roleTerm")) {
                String v = t.text().toLowerCase(Locale.ROOT);
                if (v.equals("aut") || v.equals("author") || v.equals("cre") || v.equals("creator")) {
                    creator = true;
                }
            }
        }
        if (n.child("role") == null && "yes".equals(n.attr("usage"))) {
            creator = true;
        }
        add(out, creator ? Labels.CREATOR : Labels.CONTRIBUTOR, display);
    }

    private static void origin(Node o, Map<String, Set<String>> out) {
        List<Node> dates = new ArrayList<>();
        for (Node c : o.children) {
            switch (c.name) {
                case "dateIssued":
                case "dateCreated":
                case "copyrightDate":
                case "dateCaptured":
                    if ("yes".equals(c.attr("keyDate"))) {
                        dates.add(0, c);
                    } else if (!"dateCaptured".equals(c.name)) {
                        dates.add(c);
                    }
                    break;
                case "publisher":
                    add(out, Labels.PUBLISHER, c.text());
                    break;
                case "place":
                    for (Node t : c.children("placeTerm")) {
                        if (!"code".equals(t.attr("type"))) {
                            add(out, Labels.PLACE, t.text());
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        for (Node d : dates) {
            String point = d.attr("point");
            String v = d.text();
            if ("end".equals(point)) {
                continue;
            }
            if ("start".equals(point)) {
                for (Node e : dates) {
                    if ("end".equals(e.attr("point")) && !e.text().isEmpty()) {
                        v = v + "/" + e.text();
                    }
                }
            }
            add(out, Labels.DATE, v);
        }
    }
}
