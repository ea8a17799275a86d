package org.biglam.lam.mods.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.vocab.Dates;
import org.biglam.lam.spi.ImageLinks;
import org.biglam.lam.spi.vocab.Languages;
import org.biglam.lam.spi.vocab.Punctuation;

/**
 * One MODS record ({@code mods} element) to lam's labels, text and images: the project's one MODS
 * mapping, used for MODS files, MODS in OAI-PMH responses and MODS in METS {@code dmdSec}s. The
 * module's README has the table. Thread-safe (no state).
 */
public final class ModsMapper {

    /** The MODS namespace (3.x). */
    public static final String NS = "http://www.loc.gov/mods/v3";
    /**
     * The source statement of the digitised item: a {@code note} of the {@code relatedItem} of type
     * {@code original} (where a newspaper issue names the collection it was digitised in), or a
     * {@code note} of type {@code source note}.
     */
    public static final String SOURCE = "mods:source";
    /** The identifier of the publication the item is part of: {@code relatedItem type="host"}. */
    public static final String HOST_IDENTIFIER = "mods:hostIdentifier";

    private static final Set<String> CREATOR_ROLES = Set.of("aut", "author", "cre", "creator", "art", "artist",
            "cmp", "composer", "pht", "photographer", "ill", "illustrator");
    private static final Set<String> DATES = Set.of("dateIssued", "dateCreated", "copyrightDate", "dateCaptured",
            "dateValid", "dateModified", "dateOther");
    private static final Set<String> MAIN_DATES = Set.of("dateIssued", "dateCreated", "copyrightDate");

    /** Label names made so far, by prefix and then name: each made once, not once a value. */
    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> LABELS = new ConcurrentHashMap<>();
    /** Names beyond this many per prefix (a record of made-up types) are made each time. */
    private static final int MAX_KEPT_LABELS = 512;

    private ModsMapper() {
    }

    /** The label {@code prefix + name}, made once. */
    private static String label(String prefix, String name) {
        ConcurrentHashMap<String, String> kept = LABELS.computeIfAbsent(prefix, k -> new ConcurrentHashMap<>());
        String label = kept.get(name);
        if (label == null) {
            label = prefix + name;
            if (kept.size() < MAX_KEPT_LABELS) {
                kept.putIfAbsent(name, label);
            }
        }
        return label;
    }

    /**
     * Adds a record's labels, text and images to a builder.
     *
     * @param mods the {@code mods} element
     * @param b the record's builder
     */
    public static void map(Node mods, LamRecord.Builder b) {
        List<String> abstracts = new ArrayList<>(1);
        List<Node> dates = new ArrayList<>(4);
        List<ImageRef> images = new ArrayList<>(1);
        // the title marked primary first (wherever it stands, whatever its type), then the untyped ones
        for (Node c : mods.children) {
            if (c.name.equals("titleInfo") && "primary".equals(c.attr("usage"))) {
                b.label(Labels.TITLE, title(c));
            }
        }
        for (Node c : mods.children) {
            if (c.name.equals("titleInfo") && c.attr("type") == null) {
                b.label(Labels.TITLE, title(c));
            }
        }
        for (Node c : mods.children) {
            switch (c.name) {
                case "titleInfo":
                    if (c.attr("type") != null) {
                        String t = title(c);
                        b.label(Labels.TITLE, t);
                        b.label(label("mods:titleInfo:", c.attr("type")), t);
                    }
                    break;
                case "name":
                    name(c, b);
                    break;
                case "originInfo":
                    origin(c, b, dates);
                    break;
                case "language":
                    for (Node t : c.children("languageTerm")) {
                        // one term may list several languages ("English; French", "eng; fre"): a tag each
                        List<String> tags = Languages.tagsIn(t.text());
                        if (!tags.isEmpty()) {
                            b.labels(Labels.LANGUAGE, tags);
                        } else {
                            b.label("mods:languageTerm", t.text());
                        }
                    }
                    break;
                case "subject":
                    subject(c, b);
                    break;
                case "genre":
                    b.label(Labels.GENRE, c.text());
                    break;
                case "typeOfResource":
                    b.label(Labels.TYPE, c.text());
                    break;
                case "physicalDescription":
                    for (Node p : c.children) {
                        b.label(label("mods:", p.name), p.text());
                    }
                    break;
                case "abstract":
                    // shareable="no" (MODS 3.6): licensed from a vendor, not to be passed on
                    if (!c.text().isEmpty() && !"no".equals(c.attr("shareable"))) {
                        abstracts.add(c.paragraphs());
                        b.label(Labels.DESCRIPTION, c.text());
                    }
                    break;
                case "note":
                    b.label("mods:note", c.text());
                    if (isSourceNote(c)) {
                        b.label(SOURCE, c.text());
                    }
                    break;
                case "tableOfContents":
                    if (!"no".equals(c.attr("shareable"))) {
                        b.label(label("mods:", c.name), c.text());
                    }
                    break;
                case "targetAudience":
                case "edition":
                    b.label(label("mods:", c.name), c.text());
                    break;
                case "accessCondition":
                    b.label(Labels.RIGHTS, c.text().isEmpty() ? c.attr("href") : c.text());
                    break;
                case "identifier":
                    identifier(c, b, images);
                    break;
                case "classification":
                    b.label(Labels.CLASSIFICATION, c.text());
                    break;
                case "relatedItem":
                    related(c, b);
                    break;
                case "location":
                    location(c, b, images);
                    break;
                case "recordInfo":
                    for (Node t : c.children("recordIdentifier")) {
                        b.label(Labels.IDENTIFIER, t.text());
                        b.label("mods:recordIdentifier", t.text());
                    }
                    break;
                default:
                    break;
            }
        }
        dates(dates, b);
        List<String> seen = new ArrayList<>(images.size());
        for (ImageRef img : images) {
            if (!seen.contains(img.uri())) {
                seen.add(img.uri());
                b.image(img);
            }
        }
        if (!abstracts.isEmpty()) {
            b.text(String.join("\n\n", abstracts));
        }
    }

    /**
     * The id a record gives itself: its {@code recordInfo/recordIdentifier}, else its {@code ID}
     * attribute; null if neither.
     *
     * @param mods the {@code mods} element
     * @return the id, or null
     */
    public static String ownId(Node mods) {
        Node ri = mods.child("recordInfo");
        if (ri != null) {
            Node id = ri.child("recordIdentifier");
            if (id != null && !id.text().isEmpty()) {
                return id.text();
            }
        }
        String id = mods.attr("ID");
        return id == null || id.isBlank() ? null : id.strip();
    }

    /**
     * A title as it is read: nonSort, title, subTitle, partNumber and partName, with a space only
     * where one belongs ({@code The} + {@code Hobbit}, but {@code [} + {@code Brief]} and
     * {@code L'} + {@code amour} without).
     *
     * @param ti a {@code titleInfo} element
     * @return the title, or null when it has no title
     */
    static String title(Node ti) {
        StringBuilder sb = new StringBuilder();
        for (Node p : ti.children) {
            switch (p.name) {
                case "nonSort": {
                    String ns = p.raw();
                    int from = 0;
                    while (from < ns.length() && isRegexSpace(ns.charAt(from))) {
                        from++;
                    }
                    ns = ns.substring(from);
                    if (!ns.isEmpty()) {
                        int to = ns.length();
                        while (to > 0 && isRegexSpace(ns.charAt(to - 1))) {
                            to--;
                        }
                        sb.append(ns, 0, to);
                        char last = ns.charAt(ns.length() - 1);
                        if (Character.isWhitespace(last)) {
                            sb.append(' ');
                        } else if (Character.isLetterOrDigit(last) || last == '.' || last == ',') {
                            sb.append(' ');
                        }
                    }
                    break;
                }
                case "title":
                    if (!p.text().isEmpty()) {
                        sb.append(p.text());
                    }
                    break;
                case "subTitle":
                    if (!p.text().isEmpty()) {
                        sb.append(endsWithPunct(sb, ":;=") ? " " : " : ").append(p.text());
                    }
                    break;
                case "partNumber":
                case "partName":
                    if (!p.text().isEmpty()) {
                        sb.append(endsWithPunct(sb, ".,:;") ? " " : ". ").append(p.text());
                    }
                    break;
                default:
                    break;
            }
        }
        // the ISBD punctuation a title from MARC keeps at its end ("Title /"); inside, it joined the parts.
        // An abbreviated title (MARC 210: "Sp. Musc. Frond.") is abbreviations to its end: kept as it is
        String t = "abbreviated".equals(ti.attr("type")) ? sb.toString().strip()
                : Punctuation.trimEnd(sb.toString().strip());
        return t.isEmpty() ? null : t;
    }

    /** White space as a regular expression's {@code \\s} means it: space, tab, line breaks, form feed. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean endsWithPunct(StringBuilder sb, String punct) {
        int i = sb.length() - 1;
        while (i >= 0 && sb.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || punct.indexOf(sb.charAt(i)) >= 0;
    }

    /** A name as it is shown: displayForm, else family, given, terms of address and dates. */
    static String displayName(Node n) {
        Node df = n.child("displayForm");
        if (df != null && !df.text().isEmpty()) {
            String v = Punctuation.trimEnd(df.text());
            if (!v.isEmpty()) {
                return v;
            }
        }
        String family = null;
        String given = null;
        String date = null;
        String address = null;
        List<String> parts = new ArrayList<>(2);
        for (Node p : n.children("namePart")) {
            String type = p.attr("type");
            String v = p.text();
            if (v.isEmpty()) {
                continue;
            }
            if ("family".equals(type)) {
                family = family == null ? v : family + " " + v;
            } else if ("given".equals(type)) {
                given = given == null ? v : given + " " + v;
            } else if ("date".equals(type)) {
                date = v;
            } else if ("termsOfAddress".equals(type)) {
                address = v;
            } else {
                parts.add(v);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (family != null) {
            sb.append(family);
            if (given != null) {
                comma(sb).append(given);
            }
        } else if (!parts.isEmpty()) {
            sb.append(String.join(" ", parts));
        } else if (given != null) {
            sb.append(given);
        }
        if (sb.length() == 0) {
            return null;
        }
        if (address != null) {
            comma(sb).append(address);
        }
        if (date != null) {
            comma(sb).append(date);
        }
        // a name from MARC keeps its cataloguing punctuation at the end ("Darwin, Charles,", "1809-1882.");
        // inside, it separated the parts
        String v = Punctuation.trimEnd(sb.toString());
        return v.isEmpty() ? null : v;
    }

    /**
     * Appends the comma between a name's parts, or only its space when the part before ends with
     * one (a name from MARC keeps its punctuation: {@code Fleischer, Max,} + {@code 1861-1930}).
     */
    private static StringBuilder comma(StringBuilder sb) {
        return sb.charAt(sb.length() - 1) == ',' ? sb.append(' ') : sb.append(", ");
    }

    private static void name(Node n, LamRecord.Builder b) {
        String display = displayName(n);
        if (display == null) {
            return;
        }
        boolean creator = "primary".equals(n.attr("usage")) || "yes".equals(n.attr("usage"));
        for (Node role : n.children("role")) {
            for (Node t : role.children("roleTerm")) {
                String v = t.text().toLowerCase(Locale.ROOT);
                if (v.endsWith(".")) {
                    v = v.substring(0, v.length() - 1);
                }
                if (CREATOR_ROLES.contains(v)) {
                    creator = true;
                }
                if (!v.isEmpty()) {
                    b.label(label("mods:role:", v), display);
                }
            }
        }
        b.label(creator ? Labels.CREATOR : Labels.CONTRIBUTOR, display);
    }

    private static void origin(Node o, LamRecord.Builder b, List<Node> dates) {
        for (Node c : o.children) {
            if (DATES.contains(c.name)) {
                if (!c.text().isEmpty()) {
                    dates.add(c);
                    String q = c.attr("qualifier");
                    String raw = c.text();
                    String point = c.attr("point");
                    b.label(label("mods:", c.name), point == null ? raw : raw + " (" + point + ")");
                    if (q != null) {
                        b.label("mods:dateQualifier", q);
                    }
                }
            } else if (c.name.equals("publisher")) {
                b.label(Labels.PUBLISHER, statement(c.text()));
            } else if (c.name.equals("place")) {
                for (Node t : c.children("placeTerm")) {
                    String type = t.attr("type");
                    String authority = t.attr("authority");
                    // a term without a type is a code when its authority is a list of codes
                    if ("code".equals(type) || type == null && authority != null
                            && (authority.equals("marccountry") || authority.equals("iso3166"))) {
                        b.label("mods:placeCode", t.text());
                    } else {
                        b.label(Labels.PLACE, statement(t.text()));
                    }
                }
            } else if (c.name.equals("edition") || c.name.equals("issuance") || c.name.equals("frequency")) {
                b.label(label("mods:", c.name), c.text());
            }
        }
    }

    /**
     * A place or publisher as MARC's rules give it: the ISBD punctuation and brackets a value from
     * MARC keeps trimmed ({@code Leiden :}, {@code E.J. Brill,}, {@code [London]}); null for a
     * placeholder of an unknown one ({@code [S.l.]}, {@code [s.n.]}).
     */
    private static String statement(String v) {
        String t = Punctuation.trim(v);
        return t.isEmpty() || Punctuation.placeholder(t) ? null : t;
    }

    /**
     * The normalised dates: the key dates if the record marks any, else its issued, created and
     * copyright dates; a start and an end of the same element make one range.
     */
    private static void dates(List<Node> dates, LamRecord.Builder b) {
        boolean keyed = false;
        for (Node d : dates) {
            if ("yes".equals(d.attr("keyDate"))) {
                keyed = true;
                break;
            }
        }
        for (int i = 0; i < dates.size(); i++) {
            Node d = dates.get(i);
            boolean take = keyed ? "yes".equals(d.attr("keyDate")) || partnerOfKey(dates, i) : MAIN_DATES.contains(d.name);
            if (!take) {
                continue;
            }
            String point = d.attr("point");
            if ("end".equals(point)) {
                if (i > 0 && "start".equals(dates.get(i - 1).attr("point")) && dates.get(i - 1).name.equals(d.name)) {
                    continue; // taken with its start
                }
                String y = year(d);
                if (y != null) {
                    b.label(Labels.DATE, Dates.span(null, y));
                }
                continue;
            }
            if ("start".equals(point)) {
                String lo = year(d);
                String hi = null;
                if (i + 1 < dates.size() && "end".equals(dates.get(i + 1).attr("point"))
                        && dates.get(i + 1).name.equals(d.name)) {
                    hi = year(dates.get(i + 1));
                }
                b.label(Labels.DATE, Dates.span(lo == null ? null : first(lo), hi == null ? null : last(hi)));
                continue;
            }
            b.label(Labels.DATE, year(d));
        }
    }

    private static boolean partnerOfKey(List<Node> dates, int i) {
        Node d = dates.get(i);
        if (!"end".equals(d.attr("point")) || i == 0) {
            return false;
        }
        Node s = dates.get(i - 1);
        return "yes".equals(s.attr("keyDate")) && s.name.equals(d.name);
    }

    private static String first(String span) {
        int slash = span.indexOf('/');
        return slash < 0 ? span : span.substring(0, slash);
    }

    private static String last(String span) {
        int slash = span.lastIndexOf('/');
        return slash < 0 ? span : span.substring(slash + 1);
    }

    /**
     * The normalised year or range of one date element; marc-encoded ({@code 1835uuuu}) too, whose
     * end {@code 9999} is none (an open range).
     */
    private static String year(Node d) {
        String v = d.text();
        if ("marc".equals(d.attr("encoding"))) {
            if (v.equals("9999") && "end".equals(d.attr("point"))) {
                return null; // MARC's end of a range still going (a serial still published): an open end
            }
            int[] y = Dates.codedYear(v, 0);
            if (y != null) {
                return y[0] == y[1] ? Integer.toString(y[0]) : y[0] + "/" + y[1];
            }
        }
        return Dates.normalise(v);
    }

    private static void subject(Node s, LamRecord.Builder b) {
        List<String> parts = new ArrayList<>(3);
        Node start = null;
        for (Node t : s.children) {
            if (start != null) {
                // a temporal range given as its start and end: one part, not two subdivisions
                if (t.name.equals("temporal") && "end".equals(t.attr("point"))) {
                    parts.add(start.text().isEmpty() || t.text().isEmpty() ? start.text() + t.text()
                            : start.text() + "/" + t.text());
                    start = null;
                    continue;
                }
                parts.add(start.text());
                start = null;
            }
            switch (t.name) {
                case "temporal":
                    if ("start".equals(t.attr("point"))) {
                        start = t;
                    } else {
                        parts.add(t.text());
                    }
                    break;
                case "topic":
                case "geographic":
                case "genre":
                case "occupation":
                    parts.add(t.text());
                    if (t.name.equals("geographic")) {
                        b.label("mods:subject:geographic", t.text());
                    }
                    break;
                case "name":
                    parts.add(displayName(t));
                    break;
                case "titleInfo":
                    parts.add(title(t));
                    break;
                case "hierarchicalGeographic":
                    for (Node h : t.children) {
                        parts.add(h.text());
                    }
                    break;
                default:
                    break;
            }
        }
        if (start != null) {
            parts.add(start.text());
        }
        parts.removeIf(p -> p == null || p.isEmpty());
        if (!parts.isEmpty()) {
            b.label(Labels.SUBJECT, String.join(" -- ", parts));
        } else if (!s.text().isEmpty()) {
            b.label(Labels.SUBJECT, s.text());
        }
    }

    private static void identifier(Node c, LamRecord.Builder b, List<ImageRef> images) {
        if ("yes".equals(c.attr("invalid")) || c.text().isEmpty()) {
            return;
        }
        b.label(Labels.IDENTIFIER, c.text());
        String type = c.attr("type");
        if (type != null && !type.isBlank()) {
            b.label(label("mods:identifier:", type.strip()), c.text());
        }
        ImageRef img = ImageLinks.toImage(ImageLinks.clean(c.text()));
        if (img != null) {
            images.add(img);
        }
    }

    private static void related(Node c, LamRecord.Builder b) {
        String type = c.attr("type");
        List<String> titles = new ArrayList<>(1);
        for (Node t : c.children("titleInfo")) {
            String title = title(t);
            if (title != null) {
                titles.add(title);
            }
        }
        if ("host".equals(type) || "series".equals(type)) {
            b.labels(Labels.COLLECTION, titles);
        } else if (type != null) {
            b.labels(label("mods:relatedItem:", type), titles);
        }
        if ("host".equals(type)) {
            for (Node t : c.children("identifier")) {
                if (!"yes".equals(t.attr("invalid")) && !"invalid".equals(t.attr("invalid"))) {
                    b.label(HOST_IDENTIFIER, t.text());
                }
            }
        }
        for (Node t : c.children("note")) {
            if ("original".equals(type) || isSourceNote(t)) {
                b.label(SOURCE, t.text());
            }
        }
    }

    private static boolean isSourceNote(Node note) {
        String t = note.attr("type");
        return t != null && (t.equalsIgnoreCase("source note") || t.equalsIgnoreCase("source"));
    }

    private static void location(Node c, LamRecord.Builder b, List<ImageRef> images) {
        for (Node p : c.children) {
            switch (p.name) {
                case "url": {
                    String u = p.text();
                    if (u.isEmpty()) {
                        break;
                    }
                    b.label("mods:url", u);
                    // the image's link with the spaces and characters a URI may not hold percent-encoded
                    String link = ImageLinks.clean(u);
                    String access = p.attr("access");
                    ImageRef img = "preview".equals(access) || "raw object".equals(access)
                            ? ImageLinks.toObjectImage(link) : ImageLinks.toImage(link);
                    if (img != null) {
                        images.add(img);
                    }
                    break;
                }
                case "physicalLocation":
                case "shelfLocator":
                    b.label(label("mods:", p.name), p.text());
                    break;
                case "holdingSimple":
                    // MODS 3.4 on: a copy's shelf mark and sublocation, as most records from MARC give them
                    for (Node copy : p.children("copyInformation")) {
                        for (Node h : copy.children) {
                            if (h.name.equals("shelfLocator") || h.name.equals("subLocation")) {
                                b.label(label("mods:", h.name), h.text());
                            }
                        }
                    }
                    break;
                default:
                    break;
            }
        }
    }
}
