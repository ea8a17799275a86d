package org.biglam.lam.tei.internal;

import org.biglam.lam.spi.vocab.Languages;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.type.Type;
import org.biglam.lam.Labels;

/**
 * Reads a {@code teiHeader} into the uniform labels, with XPath expressions compiled once per
 * provider ({@link Compiled}, thread-safe) and loaded once per reader ({@code HeaderLabels}, not
 * thread-safe).
 *
 * <table>
 * <caption>Labels from the header</caption>
 * <tr><th>label</th><th>from</th></tr>
 * <tr><td>title</td><td>titleStmt/title, main titles first</td></tr>
 * <tr><td>creator</td><td>titleStmt/author (else a letter's sender, else the source's authors), as
 *     "Surname, Forename"</td></tr>
 * <tr><td>contributor</td><td>titleStmt/editor, respStmt names, principal</td></tr>
 * <tr><td>date</td><td>creation dates and a letter's date of sending, then the source's dates (else
 *     the publication date), as a year or range</td></tr>
 * <tr><td>language</td><td>langUsage/language/@ident as BCP 47 (else the document's xml:lang)</td></tr>
 * <tr><td>publisher, place</td><td>the source's publisher and place, then the edition's; the place of
 *     creation or of a letter's sending first</td></tr>
 * <tr><td>identifier</td><td>publicationStmt idno, msIdentifier idno</td></tr>
 * <tr><td>rights</td><td>availability: licence/@target, licence, p, @status</td></tr>
 * <tr><td>subject, genre, classification</td><td>keywords terms; catRef resolved to its category's
 *     description; classCode</td></tr>
 * <tr><td>collection</td><td>seriesStmt/title, and the titles of the teiCorpus around</td></tr>
 * <tr><td>description</td><td>profileDesc/abstract</td></tr>
 * </table>
 */
final class HeaderLabels {

    /** How the nodes an expression selects become values. */
    private enum Mode {
        TEXT, NAME, DATE, LANG, PUBLISHER, CATREF
    }

    private enum Field {
        TITLE(Labels.TITLE, Mode.TEXT, "tei:fileDesc/tei:titleStmt/tei:title[not(@type) or @type = ('main', 'full')],"
                + " tei:fileDesc/tei:titleStmt/tei:title[@type and not(@type = ('main', 'full'))]"),
        CREATOR(Labels.CREATOR, Mode.NAME, "let $a := tei:fileDesc/tei:titleStmt/tei:author,"
                + " $s := tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"
                + "/(tei:persName | tei:orgName | tei:name) return"
                + " if (exists($a)) then $a else if (exists($s)) then $s"
                + " else tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblFull/tei:titleStmt"
                + " | tei:biblStruct/tei:monogr | tei:biblStruct/tei:analytic)/tei:author"),
        CONTRIBUTOR(Labels.CONTRIBUTOR, Mode.NAME, "tei:fileDesc/tei:titleStmt/(tei:editor | tei:principal"
                + " | tei:respStmt/(tei:persName | tei:name | tei:orgName))"),
        DATE(Labels.DATE, Mode.DATE, "let $s := tei:fileDesc/tei:sourceDesc,"
                + " $d := (tei:profileDesc/tei:creation//(tei:date | tei:origDate),"
                + " tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,"
                + " $s/(tei:bibl | tei:bibl/tei:imprint | tei:biblFull/tei:publicationStmt"
                + " | tei:biblStruct/tei:monogr/tei:imprint)/tei:date, $s/tei:msDesc//tei:origDate) return"
                + " if (exists($d)) then $d else tei:fileDesc/tei:publicationStmt/tei:date"),
        LANGUAGE(Labels.LANGUAGE, Mode.LANG, "tei:profileDesc/tei:langUsage/tei:language"),
        PUBLISHER(Labels.PUBLISHER, Mode.PUBLISHER, "tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:bibl/tei:imprint"
                + " | tei:biblFull/tei:publicationStmt | tei:biblStruct/tei:monogr/tei:imprint)/tei:publisher,"
                + " tei:fileDesc/tei:publicationStmt/tei:publisher"),
        PLACE(Labels.PLACE, Mode.TEXT, "tei:profileDesc/tei:creation//tei:placeName,"
                + " tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/(tei:placeName | tei:settlement),"
                + " tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:bibl/tei:imprint | tei:biblFull/tei:publicationStmt"
                + " | tei:biblStruct/tei:monogr/tei:imprint)/tei:pubPlace, tei:fileDesc/tei:publicationStmt/tei:pubPlace"),
        IDENTIFIER(Labels.IDENTIFIER, Mode.TEXT, "tei:fileDesc/tei:publicationStmt//tei:idno[not(tei:idno)],"
                + " tei:fileDesc/tei:sourceDesc//tei:msIdentifier/tei:idno"),
        RIGHTS(Labels.RIGHTS, Mode.TEXT, "let $a := tei:fileDesc/tei:publicationStmt/tei:availability return"
                + " ($a/tei:licence/@target, $a/tei:licence, $a/tei:p, $a/@status)"),
        SUBJECT(Labels.SUBJECT, Mode.TEXT, "tei:profileDesc/tei:textClass/tei:keywords//(tei:term | tei:item)"),
        GENRE(Labels.GENRE, Mode.CATREF, "tei:profileDesc/tei:textClass/tei:catRef/@target"),
        CLASSIFICATION(Labels.CLASSIFICATION, Mode.TEXT, "tei:profileDesc/tei:textClass/tei:classCode"),
        COLLECTION(Labels.COLLECTION, Mode.TEXT, "tei:fileDesc/tei:seriesStmt/tei:title"),
        DESCRIPTION(Labels.DESCRIPTION, Mode.TEXT, "tei:profileDesc/tei:abstract");

        final String label;
        final Mode mode;
        final String xpath;

        Field(String label, Mode mode, String xpath) {
            this.label = label;
            this.mode = mode;
            this.xpath = xpath;
        }
    }

    /** The expressions, compiled once; thread-safe. */
    static final class Compiled {
        private final EnumMap<Field, XPathExecutable> exes = new EnumMap<>(Field.class);
        /**
         * Loaded selectors, one set per thread: a header is read within one call, so readers that
         * take turns on a thread can share them.
         */
        private final ThreadLocal<EnumMap<Field, XPathSelector>> selectors = ThreadLocal.withInitial(() -> {
            EnumMap<Field, XPathSelector> m = new EnumMap<>(Field.class);
            exes.forEach((f, exe) -> m.put(f, exe.load()));
            return m;
        });

        Compiled(Processor processor) {
            XPathCompiler c = processor.newXPathCompiler();
            c.declareNamespace("tei", TeiNames.TEI_NS);
            try {
                for (Field f : Field.values()) {
                    exes.put(f, c.compile(f.xpath));
                }
            } catch (SaxonApiException e) {
                throw new IllegalStateException("a TEI header expression does not compile", e);
            }
        }
    }

    private static final Set<String> NOT_NAME = Set.of("affiliation", "email", "address", "idno", "note", "ptr",
            "roleName", "resp", "date", "bibl");
    private static final Set<String> NOT_PUBLISHER = Set.of("address", "email", "ptr", "idno", "note");

    private final Compiled compiled;
    private final TextWalker renderer;

    HeaderLabels(Compiled compiled, TextWalker renderer) {
        this.compiled = compiled;
        this.renderer = renderer;
    }

    /**
     * The labels of a header, in the order of {@link Labels#ALL}.
     *
     * @param header the teiHeader element
     * @param ctx resolves catRef targets
     * @return label name to values
     */
    Map<String, List<String>> read(XdmNode header, TextWalker.Context ctx) {
        Map<String, LinkedHashSet<String>> out = new LinkedHashMap<>();
        // the selectors of this thread: a reader may move between threads, never be on two at once
        EnumMap<Field, XPathSelector> selectors = compiled.selectors.get();
        for (Field f : Field.values()) {
            XPathSelector sel = selectors.get(f);
            try {
                sel.setContextItem(header);
                for (XdmItem item : sel) {
                    if (item instanceof XdmNode) {
                        values(f, ((XdmNode) item).getUnderlyingNode(), ctx, out);
                    }
                }
            } catch (SaxonApiException e) {
                // an expression over a tree cannot fail; leave the field out if it does
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        out.forEach((k, v) -> {
            if (!v.isEmpty()) {
                result.put(k, new ArrayList<>(v));
            }
        });
        return result;
    }

    private void add(Map<String, LinkedHashSet<String>> out, String label, String value) {
        if (value != null) {
            String v = value.strip();
            if (!v.isEmpty()) {
                out.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(v);
            }
        }
    }

    private void values(Field f, NodeInfo n, TextWalker.Context ctx, Map<String, LinkedHashSet<String>> out) {
        switch (f.mode) {
            case TEXT:
                add(out, f.label, renderer.render(n, Set.of("note")));
                break;
            case NAME:
                names(n, f.label, out);
                break;
            case DATE:
                // att.datable.w3c, else att.datable.iso (when-iso, notBefore-iso, ...)
                add(out, f.label, TeiDates.normalise(attr(n, "when", "when-iso"), attr(n, "notBefore", "notBefore-iso"),
                        attr(n, "notAfter", "notAfter-iso"), attr(n, "from", "from-iso"), attr(n, "to", "to-iso"),
                        attr(n, "value"), renderer.render(n, Set.of("note"))));
                break;
            case LANG:
                String code = attr(n, "ident");
                if (code == null) {
                    code = n.getAttributeValue(TextWalker.XML, "id");
                }
                String tag = Languages.toBcp47(code);
                if (tag != null) {
                    add(out, f.label, tag);
                } else {
                    // no code: the element's text, which may name several ("English and Latin")
                    for (String t : Languages.tagsIn(renderer.render(n, Set.of()))) {
                        add(out, f.label, t);
                    }
                }
                break;
            case PUBLISHER:
                boolean any = false;
                for (NodeInfo c : n.children()) {
                    if (c.getNodeKind() == Type.ELEMENT && ("orgName".equals(c.getLocalPart())
                            || "name".equals(c.getLocalPart()) || "persName".equals(c.getLocalPart()))) {
                        add(out, f.label, renderer.render(c, Set.of()));
                        any = true;
                    }
                }
                if (!any) {
                    add(out, f.label, renderer.render(n, NOT_PUBLISHER));
                }
                break;
            case CATREF:
                for (String ref : n.getStringValue().trim().split("\\s+")) {
                    if (ref.isEmpty()) {
                        continue;
                    }
                    String id = ref.startsWith("#") ? ref.substring(1) : ref;
                    NodeInfo cat = ctx.byId(id);
                    if (cat != null && "category".equals(cat.getLocalPart())) {
                        add(out, f.label, renderer.categoryText(cat, id));
                    } else {
                        add(out, f.label, id);
                    }
                }
                break;
            default:
                break;
        }
    }

    private static String attr(NodeInfo n, String local) {
        return n.getAttributeValue(TextWalker.NONE, local);
    }

    private static String attr(NodeInfo n, String local, String orElse) {
        String v = n.getAttributeValue(TextWalker.NONE, local);
        return v != null ? v : n.getAttributeValue(TextWalker.NONE, orElse);
    }

    /** Names of people and bodies: "Surname, Forename" where the parts are marked. */
    private void names(NodeInfo n, String label, Map<String, LinkedHashSet<String>> out) {
        String ln = n.getLocalPart();
        if ("persName".equals(ln) || "name".equals(ln) || "orgName".equals(ln)) {
            add(out, label, name(n));
            return;
        }
        boolean any = false;
        for (NodeInfo c : n.children()) {
            if (c.getNodeKind() == Type.ELEMENT) {
                String cl = c.getLocalPart();
                if ("persName".equals(cl) || "name".equals(cl) || "orgName".equals(cl)) {
                    add(out, label, name(c));
                    any = true;
                }
            }
        }
        if (!any) {
            add(out, label, renderer.render(n, NOT_NAME));
        }
    }

    private String name(NodeInfo n) {
        List<String> surnames = new ArrayList<>();
        List<String> forenames = new ArrayList<>();
        for (NodeInfo c : n.children()) {
            if (c.getNodeKind() == Type.ELEMENT) {
                if ("surname".equals(c.getLocalPart())) {
                    surnames.add(renderer.render(c, Set.of()));
                } else if ("forename".equals(c.getLocalPart())) {
                    forenames.add(renderer.render(c, Set.of()));
                }
            }
        }
        if (!surnames.isEmpty()) {
            String s = String.join(" ", surnames).strip();
            String f = String.join(" ", forenames).strip();
            return f.isEmpty() ? s : s + ", " + f;
        }
        return renderer.render(n, NOT_NAME);
    }
}
