package org.biglam.lam.tei.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.tree.tiny.TinyElementImpl;
import net.sf.saxon.tree.tiny.TinyNodeImpl;
import net.sf.saxon.tree.tiny.TinyTextImpl;
import net.sf.saxon.tree.tiny.TinyTree;
import net.sf.saxon.tree.tiny.WhitespaceTextImpl;
import net.sf.saxon.type.Type;
import org.biglam.lam.ImageRef;
import org.biglam.lam.tei.TeiOptions;
import org.biglam.lam.tei.TeiOptions.Feature;
import org.biglam.lam.tei.TeiOptions.Reading;

/**
 * Walks a TEI document's Saxon tree in Java, in document order, and collects the text of the units
 * of one granularity with the choices of a {@link TeiOptions} profile, their parts, images and
 * analytic labels. Walking the tree in Java (rather than with XPath or XSLT) lets one pass do the
 * text, the choices, page milestones and units together. Not thread-safe; reused for the documents
 * of one input.
 */
final class TextWalker {

    static final NamespaceUri TEI = NamespaceUri.of(TeiNames.TEI_NS);
    static final NamespaceUri EXAMPLES = NamespaceUri.of(TeiNames.EXAMPLES_NS);
    static final NamespaceUri XML = NamespaceUri.XML;
    static final NamespaceUri NONE = NamespaceUri.NULL;

    /** One unit: a document, division, page, paragraph, utterance, sentence or token. */
    static final class Unit {
        final String kind;
        final NodeInfo element;
        final String fragment;
        final boolean fragmentIsXmlId;
        String part;
        final TextBuffer text = new TextBuffer();
        final Map<String, LinkedHashSet<String>> labels = new LinkedHashMap<>();
        ImageRef image;
        final long line;

        Unit(String kind, NodeInfo element, String fragment, boolean fragmentIsXmlId, long line) {
            this.kind = kind;
            this.element = element;
            this.fragment = fragment;
            this.fragmentIsXmlId = fragmentIsXmlId;
            this.line = line;
        }

        void label(String name, String value) {
            if (value != null && !value.isBlank()) {
                labels.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value.strip());
            }
        }
    }

    /** A named entity being read: its text, and the token units opened inside it. */
    private static final class Entity {
        final String label;
        final String value;
        final TextBuffer text = new TextBuffer();
        final List<Unit> inner = new ArrayList<>();

        Entity(String label, String value) {
            this.label = label;
            this.value = value;
        }
    }

    /** Resolves {@code #id} pointers and image references for the document being walked. */
    interface Context {
        /** The element with this xml:id in the document or the corpus headers around it, or null. */
        NodeInfo byId(String id);

        /** The image a {@code pb/@facs} points to, or null. */
        ImageRef image(String facs, NodeInfo pb);
    }

    /** The name pool of the trees walked, and the fingerprints of attributes read on every element. */
    private NamePool pool;
    private int xmlSpaceFp;
    private int anaFp;

    private static final Set<String> ENTITIES = Set.of("persName", "placeName", "orgName", "date");

    private final TeiOptions opt;
    private final Granularity granularity;
    private final boolean keepEx;
    private final boolean keepAm;
    private final boolean lineBreaks;

    // per document
    private Context context;
    private final List<TextBuffer> sinks = new ArrayList<>();
    private final List<Unit> open = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private Unit page;
    private int divDepth;
    private String sentence;
    private boolean rendering;

    /** Learns the fingerprints of the attributes read on every element, for this name pool. */
    private void usePool(NamePool namePool) {
        if (pool != namePool) {
            xmlSpaceFp = namePool.allocateFingerprint(XML, "space");
            anaFp = namePool.allocateFingerprint(NONE, "ana");
            kinds = new Kind[512];
            pool = namePool;
        }
    }

    TextWalker(TeiOptions opt, Granularity granularity) {
        this.opt = opt;
        this.granularity = granularity;
        this.keepEx = opt.prefers(Reading.EXPAN);
        this.keepAm = opt.prefers(Reading.ABBR);
        this.lineBreaks = opt.isEnabled(Feature.LINE_BREAKS);
    }

    /**
     * Walks one document's element (a {@code TEI}, or the root of a fragment) and returns its units
     * in document order of their start, including empty ones.
     */
    List<Unit> walk(NodeInfo root, Context ctx) {
        this.context = ctx;
        usePool(root.getConfiguration().getNamePool());
        sinks.clear();
        open.clear();
        units.clear();
        entities.clear();
        counters.clear();
        page = null;
        divDepth = 0;
        sentence = null;
        rendering = false;
        if (granularity == Granularity.DOCUMENT) {
            Unit doc = new Unit("document", root, null, false, root.getLineNumber());
            openUnit(doc);
        } else if (granularity == Granularity.PAGE) {
            page = new Unit("page", null, "page-0", false, root.getLineNumber());
            openUnit(page);
        }
        element(root, false, false);
        while (!open.isEmpty()) {
            closeUnit(open.get(open.size() - 1));
        }
        return new ArrayList<>(units);
    }

    /**
     * The text of a node as the profile reads it, on one line, with no side effects: for headings,
     * speakers and header fields.
     *
     * @param node an element or attribute
     * @param skip local names of elements to leave out, or an empty set
     */
    String render(NodeInfo node, Set<String> skip) {
        if (node.getNodeKind() != Type.ELEMENT) {
            return collapse(node.getStringValue());
        }
        List<TextBuffer> savedSinks = new ArrayList<>(sinks);
        boolean savedRendering = rendering;
        Set<String> savedSkip = this.skip;
        sinks.clear();
        TextBuffer b = new TextBuffer();
        sinks.add(b);
        rendering = true;
        this.skip = skip;
        try {
            element(node, false, false);
        } finally {
            sinks.clear();
            sinks.addAll(savedSinks);
            rendering = savedRendering;
            this.skip = savedSkip;
        }
        return b.result().replace("\n\n", " ").replace('\n', ' ');
    }

    private Set<String> skip = Set.of();

    static String collapse(String s) {
        TextBuffer b = new TextBuffer();
        b.text(s);
        return b.result();
    }

    // ---- the walk

    private void element(NodeInfo el, boolean silent, boolean preserve) {
        Kind k = kindOf(el);
        String space = attr(el, xmlSpaceFp, XML, "space");
        if (space != null) {
            preserve = "preserve".equals(space);
        }
        if (k.namespace != Kind.TEI_NS) {
            if (k.namespace == Kind.EXAMPLES_NS) {
                return;
            }
            children(el, silent, preserve);
            return;
        }
        String ln = k.local;
        if (rendering && skip.contains(ln)) {
            return;
        }
        if (!rendering) {
            String ana = attr(el, anaFp, NONE, "ana");
            if (ana != null && !open.isEmpty()) {
                ana(ana);
            }
        }
        switch (k.code) {
            case 1: // pb
                if (!rendering && granularity == Granularity.PAGE) {
                    pageBreak(el);
                }
                milestone(el, silent, TextBuffer.SPACE);
                return;
            case 2: // lb
                milestone(el, silent, lineBreaks ? TextBuffer.LINE : TextBuffer.SPACE);
                return;
            case 3: // cb
                milestone(el, silent, TextBuffer.SPACE);
                return;
            case 4: // choice
                choice(el, silent, preserve);
                return;
            case 5: // app
                app(el, silent, preserve);
                return;
            case 6: // del
                children(el, silent || !opt.isEnabled(Feature.DELETIONS), preserve);
                return;
            case 7: // supplied
                children(el, silent || !opt.isEnabled(Feature.SUPPLIED), preserve);
                return;
            case 8: // note
                block(el, silent || !opt.isEnabled(Feature.NOTES), preserve, TextBuffer.PARA);
                return;
            case 9: // fw
                block(el, silent || !opt.isEnabled(Feature.FORME_WORK), preserve, TextBuffer.LINE);
                return;
            case 10: // figDesc
                block(el, silent || !opt.isEnabled(Feature.FIGURE_DESCRIPTIONS), preserve, TextBuffer.LINE);
                return;
            case 11: // speaker
                block(el, silent || !opt.isEnabled(Feature.SPEAKERS), preserve, TextBuffer.LINE);
                return;
            case 12: // ex
                children(el, silent || !keepEx, preserve);
                return;
            case 13: // am
                children(el, silent || !keepAm, preserve);
                return;
            case 14: // sic
                legacyChoice(el, "corr", Reading.CORR, silent, preserve);
                return;
            case 15: // corr
                legacyChoice(el, "sic", Reading.SIC, silent, preserve);
                return;
            case 16: // abbr
                legacyChoice(el, "expan", Reading.EXPAN, silent, preserve);
                return;
            case 17: // expan
                legacyChoice(el, "abbr", Reading.ABBR, silent, preserve);
                return;
            case 18: // orig
                legacyChoice(el, "reg", Reading.REG, silent, preserve);
                return;
            case 19: // reg
                legacyChoice(el, "orig", Reading.ORIG, silent, preserve);
                return;
            case 20: // interp
                if (!rendering) {
                    interp(el);
                }
                return;
            case 21: // w
                word(el, silent, preserve);
                return;
            case 22: // pc
                punctuation(el, silent, preserve);
                return;
            case 23: // role
            case 24: // roleDesc
            case 25: // actor
            case 26: // cell
                separated(el, silent, preserve);
                return;
            default:
                break;
        }
        TeiNames.Role role = k.role;
        if (role == TeiNames.Role.SKIP) {
            return;
        }
        if (rendering || silent) {
            switch (role) {
                case BLOCK:
                    block(el, silent, preserve, TextBuffer.PARA);
                    return;
                case LINE:
                    block(el, silent, preserve, TextBuffer.LINE);
                    return;
                case SILENT:
                    children(el, true, preserve);
                    return;
                default:
                    children(el, silent, preserve);
                    return;
            }
        }
        // units and entities
        boolean isDiv = k.div;
        int savedDivDepth = divDepth;
        String savedSentence = sentence;
        if (isDiv) {
            int lvl = k.divLevel;
            divDepth = lvl >= 0 ? lvl : divDepth + 1;
        }
        if ("s".equals(ln) && granularity == Granularity.TOKEN) {
            String id = el.getAttributeValue(XML, "id");
            String pos = positional("s");
            sentence = id != null ? id : pos;
        }
        Unit unit = startsUnit(el, ln) ? newUnit(el, ln) : null;
        Entity entity = null;
        if (k.entity) {
            String value = null;
            if ("date".equals(ln)) {
                value = firstNonNull(el.getAttributeValue(NONE, "when"), el.getAttributeValue(NONE, "value"));
            }
            entity = new Entity("tei:" + ln, value);
            entities.add(entity);
            sinks.add(entity.text);
        }
        if (unit != null) {
            openUnit(unit);
        }
        switch (role) {
            case BLOCK:
                block(el, false, preserve, TextBuffer.PARA);
                break;
            case LINE:
                block(el, false, preserve, TextBuffer.LINE);
                break;
            case SILENT:
                children(el, true, preserve);
                break;
            default:
                children(el, false, preserve);
                break;
        }
        if (unit != null) {
            closeUnit(unit);
        }
        if (entity != null) {
            sinks.remove(entity.text);
            entities.remove(entities.size() - 1);
            String v = entity.value != null ? entity.value : entity.text.result();
            for (Unit u : open) {
                u.label(entity.label, v);
            }
            for (Unit u : entity.inner) {
                u.label(entity.label, v);
            }
        }
        divDepth = savedDivDepth;
        sentence = savedSentence;
    }

    /** An attribute's value, by fingerprint on a TinyTree (the common case), else by name. */
    private String attr(NodeInfo el, int fp, NamespaceUri ns, String local) {
        if (el instanceof TinyElementImpl) {
            TinyElementImpl t = (TinyElementImpl) el;
            if (t.getTree().getAlphaArray()[t.getNodeNumber()] < 0) {
                return null;
            }
            if (t.getNamePool() == pool) {
                return t.getAttributeValue(fp);
            }
        }
        return el.getAttributeValue(ns, local);
    }

    /** What the walker needs to know about an element's name, worked out once per name. */
    private static final class Kind {
        static final int TEI_NS = 0;
        static final int EXAMPLES_NS = 1;
        static final int OTHER_NS = 2;
        private static final Map<String, Integer> CODES = new HashMap<>();

        static {
        CODES.put("pb", 1);
        CODES.put("lb", 2);
        CODES.put("cb", 3);
        CODES.put("choice", 4);
        CODES.put("app", 5);
        CODES.put("del", 6);
        CODES.put("supplied", 7);
        CODES.put("note", 8);
        CODES.put("fw", 9);
        CODES.put("figDesc", 10);
        CODES.put("speaker", 11);
        CODES.put("ex", 12);
        CODES.put("am", 13);
        CODES.put("sic", 14);
        CODES.put("corr", 15);
        CODES.put("abbr", 16);
        CODES.put("expan", 17);
        CODES.put("orig", 18);
        CODES.put("reg", 19);
        CODES.put("interp", 20);
        CODES.put("w", 21);
        CODES.put("pc", 22);
        CODES.put("role", 23);
        CODES.put("roleDesc", 24);
        CODES.put("actor", 25);
        CODES.put("cell", 26);
        }

        final int namespace;
        final String local;
        /** The special handling in {@code element}: 0 for none. */
        final int code;
        final TeiNames.Role role;
        final boolean div;
        final int divLevel;
        final boolean entity;

        Kind(NamespaceUri ns, String local) {
            this.namespace = ns.equals(TEI) ? TEI_NS : ns.equals(EXAMPLES) ? EXAMPLES_NS : OTHER_NS;
            this.local = local;
            this.code = CODES.getOrDefault(local, 0);
            this.role = TeiNames.role(local);
            this.div = TeiNames.isDiv(local);
            this.divLevel = div ? TeiNames.numberedLevel(local) : -1;
            this.entity = ENTITIES.contains(local);
        }
    }

    /** Kinds by name fingerprint, for the name pool in use. */
    private Kind[] kinds = new Kind[512];

    private Kind kindOf(NodeInfo el) {
        int fp = el.hasFingerprint() ? el.getFingerprint() : -1;
        if (fp >= 0 && fp < kinds.length && kinds[fp] != null) {
            return kinds[fp];
        }
        Kind k = new Kind(el.getNamespaceUri(), el.getLocalPart());
        if (fp >= 0) {
            if (fp >= kinds.length) {
                kinds = java.util.Arrays.copyOf(kinds, Math.max(fp + 1, kinds.length * 2));
            }
            kinds[fp] = k;
        }
        return k;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private void children(NodeInfo el, boolean silent, boolean preserve) {
        if (el instanceof TinyNodeImpl) {
            TinyTree tree = ((TinyNodeImpl) el).getTree();
            int nr = ((TinyNodeImpl) el).getNodeNumber();
            byte kind = tree.getNodeKindArray()[nr];
            if (kind == Type.ELEMENT || kind == Type.DOCUMENT) {
                tinyChildren(tree, nr, silent, preserve);
                return;
            }
            if (kind == Type.TEXTUAL_ELEMENT) {
                // an element whose only child is one text node, stored as one node
                if (!silent && !sinks.isEmpty()) {
                    String s = el.getUnicodeStringValue().toString();
                    for (int i = 0; i < sinks.size(); i++) {
                        if (preserve) {
                            sinks.get(i).raw(s);
                        } else {
                            sinks.get(i).text(s);
                        }
                    }
                }
                return;
            }
        }
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        while ((n = it.next()) != null) {
            int kind = n.getNodeKind();
            if (kind == Type.ELEMENT) {
                element(n, silent, preserve);
            } else if (kind == Type.TEXT && !silent && !sinks.isEmpty()) {
                if (!preserve && n instanceof WhitespaceTextImpl) {
                    // white space only: a word boundary, without making the string
                    for (int i = 0; i < sinks.size(); i++) {
                        sinks.get(i).space();
                    }
                    continue;
                }
                String s = n.getStringValue();
                if (preserve) {
                    for (int i = 0; i < sinks.size(); i++) {
                        sinks.get(i).raw(s);
                    }
                } else {
                    for (int i = 0; i < sinks.size(); i++) {
                        sinks.get(i).text(s);
                    }
                }
            }
        }
    }

    /**
     * The children of a TinyTree element, read straight from the tree's arrays: no iterator and no
     * node object for text, which is most of the nodes.
     */
    private void tinyChildren(TinyTree tree, int nr, boolean silent, boolean preserve) {
        byte[] kinds = tree.getNodeKindArray();
        short[] depth = tree.getNodeDepthArray();
        int[] next = tree.getNextPointerArray();
        int c = nr + 1;
        if (c >= tree.getNumberOfNodes() || depth[c] <= depth[nr]) {
            return;
        }
        while (true) {
            switch (kinds[c]) {
                case Type.ELEMENT:
                case Type.TEXTUAL_ELEMENT:
                    element(tree.getNode(c), silent, preserve);
                    break;
                case Type.TEXT:
                    if (!silent && !sinks.isEmpty()) {
                        String s = TinyTextImpl.getStringValue(tree, c).toString();
                        if (preserve) {
                            for (int i = 0; i < sinks.size(); i++) {
                                sinks.get(i).raw(s);
                            }
                        } else {
                            for (int i = 0; i < sinks.size(); i++) {
                                sinks.get(i).text(s);
                            }
                        }
                    }
                    break;
                case Type.WHITESPACE_TEXT:
                    if (!silent && !sinks.isEmpty()) {
                        if (preserve) {
                            String s = WhitespaceTextImpl.getStringValue(tree, c).toString();
                            for (int i = 0; i < sinks.size(); i++) {
                                sinks.get(i).raw(s);
                            }
                        } else {
                            for (int i = 0; i < sinks.size(); i++) {
                                sinks.get(i).space();
                            }
                        }
                    }
                    break;
                default:
                    // comments, processing instructions, parent pointers
                    break;
            }
            int n = next[c];
            if (n <= c) {
                return;
            }
            c = n;
        }
    }

    private void brk(int level) {
        for (int i = 0; i < sinks.size(); i++) {
            sinks.get(i).brk(level);
        }
    }

    private void block(NodeInfo el, boolean silent, boolean preserve, int level) {
        if (!silent) {
            brk(level);
        }
        children(el, silent, preserve);
        if (!silent) {
            brk(level);
        }
    }

    private void milestone(NodeInfo el, boolean silent, int level) {
        if (silent) {
            return;
        }
        if ("no".equals(el.getAttributeValue(NONE, "break"))) {
            boolean dropHyphen = !lineBreaks;
            if (lineBreaks && "lb".equals(el.getLocalPart())) {
                brk(TextBuffer.LINE);
                return;
            }
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).join(dropHyphen);
            }
        } else {
            brk(level);
        }
    }

    private void choice(NodeInfo el, boolean silent, boolean preserve) {
        NodeInfo chosen = null;
        NodeInfo first = null;
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() != Type.ELEMENT) {
                continue;
            }
            if (first == null) {
                first = n;
            }
            Reading r = readingOf(n);
            if (r != null && opt.prefers(r)) {
                chosen = n;
                break;
            }
        }
        if (chosen == null) {
            // no preferred reading: the first child that is not the other reading of a pair
            it = el.iterateAxis(AxisInfo.CHILD);
            while ((n = it.next()) != null) {
                if (n.getNodeKind() == Type.ELEMENT && readingOf(n) == null) {
                    chosen = n;
                    break;
                }
            }
            if (chosen == null) {
                chosen = first;
            }
        }
        it = el.iterateAxis(AxisInfo.CHILD);
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT) {
                if (n.equals(chosen)) {
                    // a reading chosen in a choice is read as it is, not as a lone sic or abbr
                    children(n, silent, preserve);
                } else {
                    children(n, true, preserve);
                }
            }
        }
    }

    private static Reading readingOf(NodeInfo n) {
        if (!n.getNamespaceUri().equals(TEI)) {
            return null;
        }
        switch (n.getLocalPart()) {
            case "orig":
                return Reading.ORIG;
            case "reg":
                return Reading.REG;
            case "abbr":
                return Reading.ABBR;
            case "expan":
                return Reading.EXPAN;
            case "sic":
                return Reading.SIC;
            case "corr":
                return Reading.CORR;
            default:
                return null;
        }
    }

    private void app(NodeInfo el, boolean silent, boolean preserve) {
        NodeInfo chosen = null;
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        NodeInfo firstRdg = null;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT && n.getNamespaceUri().equals(TEI)) {
                if ("lem".equals(n.getLocalPart())) {
                    chosen = n;
                    break;
                }
                if (firstRdg == null && "rdg".equals(n.getLocalPart())) {
                    firstRdg = n;
                }
            }
        }
        if (chosen == null) {
            chosen = firstRdg;
        }
        it = el.iterateAxis(AxisInfo.CHILD);
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT) {
                children(n, silent || !n.equals(chosen), preserve);
            }
        }
    }

    /** P4's {@code <sic corr="...">} and friends: the other reading is in an attribute. */
    private void legacyChoice(NodeInfo el, String attr, Reading other, boolean silent, boolean preserve) {
        String alt = el.getAttributeValue(NONE, attr);
        if (alt != null && opt.prefers(other)) {
            if (!silent) {
                for (int i = 0; i < sinks.size(); i++) {
                    sinks.get(i).text(alt);
                }
            }
            children(el, true, preserve);
        } else {
            element0(el, silent, preserve);
        }
    }

    /** Reads an element as plain inline content, with unit and entity handling. */
    private void element0(NodeInfo el, boolean silent, boolean preserve) {
        if (rendering || silent || !startsUnit(el, el.getLocalPart())) {
            children(el, silent, preserve);
        } else {
            Unit u = newUnit(el, el.getLocalPart());
            openUnit(u);
            children(el, false, preserve);
            closeUnit(u);
        }
    }

    private void word(NodeInfo el, boolean silent, boolean preserve) {
        String join = el.getAttributeValue(NONE, "join");
        boolean soft = !silent && !preserve;
        if (soft && !"left".equals(join) && !"both".equals(join)) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).softSpace();
            }
        }
        if (soft && ("left".equals(join) || "both".equals(join))) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).cancelSoftSpace();
            }
        }
        if (!rendering && !silent && granularity == Granularity.TOKEN && !hasOpen("token")) {
            token(el, preserve);
        } else {
            children(el, silent, preserve);
        }
        if (soft && !"right".equals(join) && !"both".equals(join)) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).softSpace();
            }
        }
    }

    /** Elements that are separate words even where no white space divides them from their neighbours. */
    private void separated(NodeInfo el, boolean silent, boolean preserve) {
        boolean soft = !silent && !preserve;
        if (soft) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).softSpace();
            }
        }
        children(el, silent, preserve);
        if (soft) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).softSpace();
            }
        }
    }

    /** A token record for a {@code w} or {@code pc}, with its lemma and part of speech. */
    private void token(NodeInfo el, boolean preserve) {
        Unit u = newUnit(el, el.getLocalPart());
        for (Entity e : entities) {
            e.inner.add(u);
        }
        u.label("tei:lemma", firstNonNull(el.getAttributeValue(NONE, "lemma"), el.getAttributeValue(NONE, "hw")));
        u.label("tei:pos", firstNonNull(el.getAttributeValue(NONE, "pos"),
                firstNonNull(el.getAttributeValue(NONE, "type"), el.getAttributeValue(NONE, "c5"))));
        u.label("tei:msd", el.getAttributeValue(NONE, "msd"));
        u.label("tei:norm", el.getAttributeValue(NONE, "norm"));
        u.label("tei:sentence", sentence);
        openUnit(u);
        children(el, false, preserve);
        closeUnit(u);
    }

    private void punctuation(NodeInfo el, boolean silent, boolean preserve) {
        if (!silent && !preserve) {
            String join = el.getAttributeValue(NONE, "join");
            String s = el.getStringValue().strip();
            boolean closing = !s.isEmpty() && ",.;:!?)]}»”’%".indexOf(s.charAt(0)) >= 0;
            if ("left".equals(join) || "both".equals(join) || (join == null && closing)) {
                for (int i = 0; i < sinks.size(); i++) {
                    sinks.get(i).cancelSoftSpace();
                }
            }
        }
        if (!rendering && !silent && granularity == Granularity.TOKEN && !hasOpen("token")) {
            token(el, preserve);
        } else {
            children(el, silent, preserve);
        }
    }

    // ---- units

    private boolean hasOpen(String kind) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).kind.equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsUnit(NodeInfo el, String ln) {
        switch (granularity) {
            case DIV:
                if (!TeiNames.isDiv(ln) || hasOpen("div")) {
                    return false;
                }
                if (opt.divType().isPresent()) {
                    return opt.divType().get().equals(el.getAttributeValue(NONE, "type"));
                }
                return divDepth == opt.divLevel().orElse(TeiOptions.DEFAULT_DIV_LEVEL);
            case PARAGRAPH:
                return ("p".equals(ln) || "ab".equals(ln)) && !hasOpen("paragraph");
            case UTTERANCE:
                return ("u".equals(ln) || "sp".equals(ln)) && !hasOpen("utterance");
            case SENTENCE:
                return "s".equals(ln) && !hasOpen("sentence");
            default:
                return false;
        }
    }

    private String positional(String name) {
        int[] c = counters.computeIfAbsent(name, k -> new int[1]);
        return name + "-" + (++c[0]);
    }

    private Unit newUnit(NodeInfo el, String ln) {
        String kind;
        String posName = ln;
        switch (granularity) {
            case DIV:
                kind = "div";
                posName = "div";
                break;
            case PARAGRAPH:
                kind = "paragraph";
                break;
            case UTTERANCE:
                kind = "utterance";
                break;
            case SENTENCE:
                kind = "sentence";
                break;
            default:
                kind = "token";
                break;
        }
        String id = el.getAttributeValue(XML, "id");
        String pos = positional(posName);
        Unit u = new Unit(kind, el, id != null ? id : pos, id != null, el.getLineNumber());
        String n = el.getAttributeValue(NONE, "n");
        if ("div".equals(kind)) {
            NodeInfo head = firstChild(el, "head");
            String h = head == null ? null : render(head, Set.of("note"));
            u.part = h != null && !h.isBlank() ? h : n;
            u.label("tei:div:type", el.getAttributeValue(NONE, "type"));
        } else {
            u.part = n;
        }
        if ("utterance".equals(kind)) {
            speakers(el, u);
        }
        return u;
    }

    private void speakers(NodeInfo el, Unit u) {
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT && "speaker".equals(n.getLocalPart())
                    && n.getNamespaceUri().equals(TEI)) {
                u.label("tei:speaker", render(n, Set.of("note")));
            }
        }
        String who = el.getAttributeValue(NONE, "who");
        if (who != null) {
            for (String ref : who.trim().split("\\s+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                String id = ref.startsWith("#") ? ref.substring(1) : ref;
                u.label("tei:who", id);
                if (!u.labels.containsKey("tei:speaker")) {
                    NodeInfo target = context.byId(id);
                    if (target != null) {
                        NodeInfo name = firstChild(target, "persName");
                        u.label("tei:speaker", render(name != null ? name : target, Set.of("note", "roleDesc", "birth",
                                "death", "occupation", "residence", "bibl")));
                    }
                }
            }
        }
    }

    static NodeInfo firstChild(NodeInfo el, String local) {
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT && local.equals(n.getLocalPart()) && n.getNamespaceUri().equals(TEI)) {
                return n;
            }
        }
        return null;
    }

    private void openUnit(Unit u) {
        open.add(u);
        units.add(u);
        sinks.add(u.text);
    }

    private void closeUnit(Unit u) {
        open.remove(u);
        sinks.remove(u.text);
    }

    private void pageBreak(NodeInfo pb) {
        if (page != null) {
            closeUnit(page);
        }
        String id = pb.getAttributeValue(XML, "id");
        String pos = positional("page");
        page = new Unit("page", pb, id != null ? id : pos, id != null, pb.getLineNumber());
        page.part = pb.getAttributeValue(NONE, "n");
        String facs = pb.getAttributeValue(NONE, "facs");
        if (facs != null && !facs.isBlank()) {
            page.image = context.image(facs.strip(), pb);
        }
        // the page is the outermost unit: it goes first among the sinks
        open.add(0, page);
        units.add(page);
        sinks.add(0, page.text);
    }

    // ---- analytic labels

    private void interp(NodeInfo el) {
        String value = el.getAttributeValue(NONE, "value");
        if (value == null || open.isEmpty()) {
            return;
        }
        String type = el.getAttributeValue(NONE, "type");
        String name = type == null || type.isBlank() ? "tei:interp" : "tei:interp:" + type.strip();
        for (Unit u : open) {
            u.label(name, value);
        }
    }

    private void ana(String ana) {
        for (String ref : ana.trim().split("\\s+")) {
            if (ref.isEmpty()) {
                continue;
            }
            String id = ref.startsWith("#") ? ref.substring(1) : ref;
            NodeInfo target = id.indexOf('#') >= 0 || id.indexOf('/') >= 0 ? null : context.byId(id);
            String name = "tei:ana";
            String value = ref;
            if (target != null && target.getNamespaceUri().equals(TEI)) {
                String ln = target.getLocalPart();
                if ("interp".equals(ln)) {
                    String type = target.getAttributeValue(NONE, "type");
                    if (type == null) {
                        NodeInfo parent = target.getParent();
                        if (parent != null && "interpGrp".equals(parent.getLocalPart())) {
                            type = parent.getAttributeValue(NONE, "type");
                        }
                    }
                    if (type != null && !type.isBlank()) {
                        name = "tei:interp:" + type.strip();
                    }
                    String v = target.getAttributeValue(NONE, "value");
                    value = v != null ? v : render(target, Set.of());
                    if (value.isBlank()) {
                        value = id;
                    }
                } else if ("category".equals(ln)) {
                    value = categoryText(target, id);
                } else {
                    String v = render(target, Set.of());
                    value = v.isBlank() ? id : v;
                }
            }
            for (Unit u : open) {
                u.label(name, value);
            }
        }
    }

    /** The description of a taxonomy category: its catDesc, gloss or desc, else its id. */
    String categoryText(NodeInfo category, String id) {
        for (String child : new String[] {"catDesc", "gloss", "desc", "term"}) {
            NodeInfo d = firstChild(category, child);
            if (d != null) {
                String v = render(d, Set.of());
                if (!v.isBlank()) {
                    return v;
                }
            }
        }
        return id;
    }
}
