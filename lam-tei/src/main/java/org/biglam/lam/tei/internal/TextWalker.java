package org.biglam.lam.tei.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

        /** The image a {@code pb/@facs} or {@code lb/@facs} points to, or null. */
        ImageRef image(String facs, NodeInfo pb);

        /**
         * The image of a {@code surface}, {@code zone} or {@code line} of a {@code sourceDoc}: its
         * surface's graphic, with the coordinates of the element or of the nearest zone around it as
         * the region; or null.
         */
        ImageRef imageOf(NodeInfo surfaceZoneOrLine);
    }

    /** The name pool of the trees walked, and the fingerprints of attributes read on every element. */
    private NamePool pool;
    private int xmlSpaceFp;
    private int anaFp;
    private int breakFp;
    private int typeFp;
    private int rendFp;

    private static final Set<String> ENTITIES = Set.of("persName", "placeName", "orgName", "date", "name", "rs");

    /**
     * The label of a {@code name} or {@code rs} by its {@code @type}, as ParlaMint's named-entity
     * annotation ({@code <name type="PER">}) and many editions ({@code <rs type="person">}) write
     * them; null for another type.
     */
    static String typedEntityLabel(String type) {
        if (type == null) {
            return null;
        }
        switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "per":
            case "pers":
            case "person":
            case "persname":
                return "tei:persName";
            case "loc":
            case "place":
            case "placename":
            case "geogname":
                return "tei:placeName";
            case "org":
            case "organisation":
            case "organization":
            case "orgname":
                return "tei:orgName";
            default:
                return null;
        }
    }

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
    /** The unit a milestone started ({@code pb} for pages, {@code lb} for lines), or null. */
    private Unit page;
    /** The document element being walked. */
    private NodeInfo root;
    /** Whether the document's {@code sourceDoc} is read rather than its {@code text}. */
    private boolean readSourceDoc;
    /** Whether {@code lb}, {@code cb} and {@code pb} start line units (granularity line, reading {@code text}). */
    private boolean lineUnitsFromBreaks;
    private int divDepth;
    private String sentence;
    private boolean rendering;

    /** Learns the fingerprints of the attributes read on every element, for this name pool. */
    private void usePool(NamePool namePool) {
        if (pool != namePool) {
            xmlSpaceFp = namePool.allocateFingerprint(XML, "space");
            anaFp = namePool.allocateFingerprint(NONE, "ana");
            breakFp = namePool.allocateFingerprint(NONE, "break");
            typeFp = namePool.allocateFingerprint(NONE, "type");
            rendFp = namePool.allocateFingerprint(NONE, "rend");
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
        this.root = root;
        this.readSourceDoc = readsSourceDoc(root);
        this.lineUnitsFromBreaks = granularity == Granularity.LINE && !readSourceDoc;
        if (granularity == Granularity.DOCUMENT) {
            Unit doc = new Unit("document", root, null, false, root.getLineNumber());
            openUnit(doc);
        } else if (granularity == Granularity.PAGE) {
            page = new Unit("page", null, "page-0", false, root.getLineNumber());
            openUnit(page);
        } else if (lineUnitsFromBreaks) {
            page = new Unit("line", null, "line-0", false, root.getLineNumber());
            openUnit(page);
        }
        element(root, false, false);
        while (!open.isEmpty()) {
            closeUnit(open.get(open.size() - 1));
        }
        return new ArrayList<>(units);
    }

    /**
     * Whether a document's text is read from its {@code sourceDoc}: when it has one and either has
     * no {@code text} or the options choose the {@code sourceDoc}.
     */
    private boolean readsSourceDoc(NodeInfo doc) {
        if ("sourceDoc".equals(doc.getLocalPart())) {
            return true;
        }
        if (firstChild(doc, "sourceDoc") == null) {
            return false;
        }
        return opt.source() == TeiOptions.Source.SOURCE_DOC || firstChild(doc, "text") == null;
    }

    /**
     * The text of a node as the profile reads it, on one line, with no side effects: for headings,
     * speakers and header fields.
     *
     * @param node an element or attribute
     * @param skip local names of elements to leave out, or an empty set
     */
    String render(NodeInfo node, Set<String> skip) {
        return render(node, skip, false);
    }

    /**
     * As {@link #render(NodeInfo, Set)}; with {@code contentOnly}, the element's content is read
     * whatever the profile does with the element itself (a {@code speaker}, which the text leaves
     * out, still names its speaker).
     */
    private String render(NodeInfo node, Set<String> skip, boolean contentOnly) {
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
            if (contentOnly) {
                children(node, false, "preserve".equals(node.getAttributeValue(XML, "space")));
            } else {
                element(node, false, false);
            }
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
        TeiNames.Role role = k.role;
        if (rendering && skip.contains(ln)) {
            return;
        }
        String ana = null;
        if (!rendering) {
            ana = attr(el, anaFp, NONE, "ana");
            if (ana != null && !open.isEmpty()) {
                ana(ana);
            }
        }
        switch (k.tag) {
            case PB:
                // a pb inside a dropped note still starts a page; an lb there is the note's own line
                if (!rendering && (granularity == Granularity.PAGE || (lineUnitsFromBreaks && !silent))) {
                    milestoneUnit(el, granularity == Granularity.PAGE ? "page" : "line", false);
                }
                milestone(el, silent, TextBuffer.SPACE, false);
                return;
            case LB:
                if (!rendering && !silent && lineUnitsFromBreaks) {
                    milestoneUnit(el, "line", true);
                }
                milestone(el, silent, lineBreaks ? TextBuffer.LINE : TextBuffer.SPACE, true);
                return;
            case CB:
                if (!rendering && !silent && lineUnitsFromBreaks) {
                    milestoneUnit(el, "line", false);
                }
                milestone(el, silent, TextBuffer.SPACE, false);
                return;
            case CHOICE:
                choice(el, silent, preserve);
                return;
            case APP:
                app(el, silent, preserve);
                return;
            case DEL:
                children(el, silent || !opt.isEnabled(Feature.DELETIONS), preserve);
                return;
            case SUPPLIED:
                children(el, silent || !opt.isEnabled(Feature.SUPPLIED), preserve);
                return;
            case NOTE:
                block(el, silent || !opt.isEnabled(Feature.NOTES), preserve, TextBuffer.PARA);
                return;
            case FW:
                block(el, silent || !opt.isEnabled(Feature.FORME_WORK), preserve, TextBuffer.LINE);
                return;
            case FIG_DESC:
                block(el, silent || !opt.isEnabled(Feature.FIGURE_DESCRIPTIONS), preserve, TextBuffer.LINE);
                return;
            case SPEAKER:
                block(el, silent || !opt.isEnabled(Feature.SPEAKERS), preserve, TextBuffer.LINE);
                return;
            case EX:
                children(el, silent || !keepEx, preserve);
                return;
            case AM:
                children(el, silent || !keepAm, preserve);
                return;
            case SIC:
                legacyChoice(el, "corr", Reading.CORR, silent, preserve);
                return;
            case CORR:
                legacyChoice(el, "sic", Reading.SIC, silent, preserve);
                return;
            case ABBR:
                legacyChoice(el, "expan", Reading.EXPAN, silent, preserve);
                return;
            case EXPAN:
                legacyChoice(el, "abbr", Reading.ABBR, silent, preserve);
                return;
            case ORIG:
                legacyChoice(el, "reg", Reading.REG, silent, preserve);
                return;
            case REG:
                legacyChoice(el, "orig", Reading.ORIG, silent, preserve);
                return;
            case INTERP:
                if (!rendering) {
                    interp(el);
                }
                return;
            case W:
                word(el, silent, preserve);
                return;
            case PC:
                punctuation(el, silent, preserve);
                return;
            case ROLE:
            case ROLE_DESC:
            case ACTOR:
            case CELL:
                separated(el, silent, preserve);
                return;
            case SOURCE_DOC:
                if (!readSourceDoc) {
                    return;
                }
                break;
            case TEXT:
                if (readSourceDoc && root.equals(el.getParent())) {
                    return;
                }
                break;
            case SURFACE:
                if (!rendering && !silent && granularity == Granularity.PAGE && readSourceDoc) {
                    surface(el, preserve);
                    return;
                }
                break;
            case DESC:
                if (describesSurface(el)) {
                    // a description of the image, like figDesc
                    block(el, silent || !opt.isEnabled(Feature.FIGURE_DESCRIPTIONS), preserve, TextBuffer.LINE);
                    return;
                }
                if (describesEvent(el)) {
                    // a transcriber's description of applause, laughter or an interruption, like a note
                    block(el, silent || !opt.isEnabled(Feature.NOTES), preserve, TextBuffer.PARA);
                    return;
                }
                break;
            case QUOTE:
                if (!TeiNames.standsAsBlock(el)) {
                    // a quotation within a sentence runs on with it
                    role = TeiNames.Role.INLINE;
                }
                break;
            case CIT:
                if (!TeiNames.standsAsBlock(el)) {
                    // within a sentence: its quotation and its source are words apart
                    AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
                    NodeInfo n;
                    while ((n = it.next()) != null) {
                        if (n.getNodeKind() == Type.ELEMENT) {
                            if (!silent && !preserve) {
                                for (int i = 0; i < sinks.size(); i++) {
                                    sinks.get(i).softSpace();
                                }
                            }
                            element(n, silent, preserve);
                        } else if (n.getNodeKind() == Type.TEXT && !silent) {
                            for (int i = 0; i < sinks.size(); i++) {
                                if (preserve) {
                                    sinks.get(i).raw(n.getStringValue());
                                } else {
                                    sinks.get(i).text(n.getStringValue());
                                }
                            }
                        }
                    }
                    return;
                }
                break;
            default:
                break;
        }
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
            String label = "tei:" + ln;
            if ("date".equals(ln)) {
                value = firstNonNull(el.getAttributeValue(NONE, "when"), firstNonNull(el.getAttributeValue(NONE,
                        "when-iso"), el.getAttributeValue(NONE, "value")));
            } else if ("name".equals(ln) || "rs".equals(ln)) {
                label = typedEntityLabel(el.getAttributeValue(NONE, "type"));
            }
            if (label != null) {
                entity = new Entity(label, value);
                entities.add(entity);
                sinks.add(entity.text);
            }
        }
        if (unit != null) {
            openUnit(unit);
            if (ana != null) {
                // the unit's own analysis: ParlaMint's <u ana="#chair">
                ana(ana);
            }
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
        final int namespace;
        final String local;
        /** The handling of its own in {@code element}, or {@link Tag#OTHER}. */
        final Tag tag;
        final TeiNames.Role role;
        final boolean div;
        final int divLevel;
        final boolean entity;

        Kind(NamespaceUri ns, String local) {
            this.namespace = ns.equals(TEI) ? TEI_NS : ns.equals(EXAMPLES) ? EXAMPLES_NS : OTHER_NS;
            this.local = local;
            this.tag = namespace == TEI_NS ? Tag.of(local) : Tag.OTHER;
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

    /**
     * A {@code pb}, {@code lb} or {@code cb}: a break of this level, or, where it falls inside a
     * word ({@link #inWord}), the halves joined. Joining drops a hyphen before the break unless line
     * breaks are kept; a kept {@code lb} inside a word is a newline with its hyphen.
     */
    private void milestone(NodeInfo el, boolean silent, int level, boolean lb) {
        if (silent) {
            return;
        }
        if (inWord(el)) {
            if (lineBreaks && lb) {
                brk(TextBuffer.LINE);
                return;
            }
            boolean dropHyphen = !lineBreaks;
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).join(dropHyphen);
            }
        } else if (lineBreaks && lb) {
            brk(level);
        } else {
            // a break with no marking after a not sign, which handwritten-text recognition
            // (Transkribus) writes only for a word broken at the line's end: the halves join
            String brk = null;
            for (int i = 0; i < sinks.size(); i++) {
                TextBuffer b = sinks.get(i);
                if (b.endsWith(TextBuffer.LINE_END_HYPHEN)) {
                    if (brk == null) {
                        brk = attr(el, breakFp, NONE, "break");
                        brk = brk == null ? "" : brk.strip();
                    }
                    if (brk.isEmpty()) {
                        b.join(!lineBreaks);
                        continue;
                    }
                }
                b.brk(level);
            }
        }
    }

    /**
     * Whether a break falls inside a word, in the conventions real corpora use: {@code break="no"}
     * (TEI P5, the Deutsches Textarchiv); {@code type="hyphenInWord"}, with or without
     * {@code rend="hidden"} (the Text Creation Partnership: EEBO, ECCO, Evans); and
     * {@code rend="hyphenated"} or {@code type="hyphenated"}. An explicit {@code break="yes"} or
     * {@code break="maybe"} wins over the others.
     */
    private boolean inWord(NodeInfo el) {
        String brk = attr(el, breakFp, NONE, "break");
        if (brk != null) {
            String b = brk.strip();
            if ("no".equals(b)) {
                return true;
            }
            if ("yes".equals(b) || "maybe".equals(b)) {
                return false;
            }
        }
        String type = attr(el, typeFp, NONE, "type");
        if (type != null && hasWordBreakToken(type)) {
            return true;
        }
        String rend = attr(el, rendFp, NONE, "rend");
        return rend != null && hasWordBreakToken(rend);
    }

    /** What separates the tokens of {@code @type} and {@code @rend}, stray quotes included. */
    private static final Pattern TOKENS = Pattern.compile("[\\s\"';,]+");

    /** Whether a {@code @type} or {@code @rend} value names a break inside a word. */
    static boolean hasWordBreakToken(String value) {
        for (String token : TOKENS.split(value)) {
            if (token.equalsIgnoreCase("hyphenInWord") || token.equalsIgnoreCase("hyphenated")
                    || token.equalsIgnoreCase("inWord")) {
                return true;
            }
        }
        return false;
    }

    /** A {@code surface} of a {@code sourceDoc} at the page granularity: a page with its graphic. */
    private void surface(NodeInfo el, boolean preserve) {
        if (page != null) {
            closeUnit(page);
        }
        String id = el.getAttributeValue(XML, "id");
        String pos = positional("page");
        Unit u = new Unit("page", el, id != null ? id : pos, id != null, el.getLineNumber());
        u.part = el.getAttributeValue(NONE, "n");
        u.image = context.imageOf(el);
        page = u;
        open.add(0, u);
        units.add(u);
        sinks.add(0, u.text);
        block(el, false, preserve, TextBuffer.PARA);
        closeUnit(u);
        page = null;
    }

    /** Whether a {@code desc} describes a surface or zone (metadata, not transcription). */
    private static boolean describesSurface(NodeInfo desc) {
        NodeInfo parent = desc.getParent();
        if (parent == null || !TEI.equals(parent.getNamespaceUri())) {
            return false;
        }
        String ln = parent.getLocalPart();
        return "surface".equals(ln) || "zone".equals(ln) || "surfaceGrp".equals(ln);
    }

    /**
     * Whether a {@code desc} describes a non-verbal event of a spoken text ({@code incident},
     * {@code kinesic}, {@code vocal}): words of the transcriber, not of the speakers.
     */
    private static boolean describesEvent(NodeInfo desc) {
        NodeInfo parent = desc.getParent();
        if (parent == null || !TEI.equals(parent.getNamespaceUri())) {
            return false;
        }
        String ln = parent.getLocalPart();
        return "incident".equals(ln) || "kinesic".equals(ln) || "vocal".equals(ln);
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
                sinks.get(i).cancelSpace();
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
        } else if (soft) {
            // joined to the right: the white space that lays out the tokens is no boundary
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).glue();
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
        String s = null;
        String join = null;
        if (!silent && !preserve) {
            join = el.getAttributeValue(NONE, "join");
            s = el.getStringValue().strip();
            boolean closing = !s.isEmpty() && ",.;:!?)]}»”’%".indexOf(s.charAt(0)) >= 0;
            if ("left".equals(join) || "both".equals(join)) {
                for (int i = 0; i < sinks.size(); i++) {
                    sinks.get(i).cancelSpace();
                }
            } else if (join == null && closing) {
                for (int i = 0; i < sinks.size(); i++) {
                    sinks.get(i).cancelSoftSpace();
                }
            }
        }
        boolean hyphen = !silent && marksHyphen(el, s != null ? s : el.getStringValue().strip());
        if (hyphen) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).startHyphen();
            }
        }
        if (!rendering && !silent && granularity == Granularity.TOKEN && !hasOpen("token")) {
            token(el, preserve);
        } else {
            children(el, silent, preserve);
        }
        if (hyphen) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).endHyphen();
            }
        }
        if ("right".equals(join) || "both".equals(join)) {
            // an opening bracket or quote joined to the word after it
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).glue();
            }
        }
    }

    /**
     * Whether a {@code pc} may be the hyphen of a word broken over a line: its text is one hyphen
     * ({@code -}, {@code ‐}, {@code ¬}, {@code ⸗}, {@code =}, a soft hyphen), or its {@code @type},
     * {@code @subtype} or {@code @function} says hyphen. It is dropped only where a break inside a
     * word follows it.
     */
    private static boolean marksHyphen(NodeInfo pc, String text) {
        if (text.length() == 1 && TextBuffer.HYPHENS.indexOf(text.charAt(0)) >= 0) {
            return true;
        }
        for (String a : new String[] {"type", "subtype", "function"}) {
            String v = pc.getAttributeValue(NONE, a);
            if (v != null && v.toLowerCase(Locale.ROOT).contains("hyphen")) {
                return true;
            }
        }
        return false;
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
                    // EpiDoc and CTS editions (Perseus, First1KGreek) name the kind in @subtype:
                    // <div type="textpart" subtype="chapter">
                    String want = opt.divType().get();
                    return want.equals(el.getAttributeValue(NONE, "type"))
                            || want.equals(el.getAttributeValue(NONE, "subtype"));
                }
                return divDepth == opt.divLevel().orElse(TeiOptions.DEFAULT_DIV_LEVEL);
            case PARAGRAPH:
                return ("p".equals(ln) || "ab".equals(ln)) && !hasOpen("paragraph");
            case UTTERANCE:
                return ("u".equals(ln) || "sp".equals(ln)) && !hasOpen("utterance");
            case SENTENCE:
                return "s".equals(ln) && !hasOpen("sentence");
            case LINE:
                return readSourceDoc && !hasOpen("line") && ("line".equals(ln) || ("zone".equals(ln) && holdsText(el)));
            default:
                return false;
        }
    }

    /** Whether a zone holds text of its own: no line or zone inside, and some text. */
    private static boolean holdsText(NodeInfo zone) {
        AxisIterator it = zone.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        boolean text = false;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT) {
                String ln = n.getLocalPart();
                if ("line".equals(ln) || "zone".equals(ln) || "surface".equals(ln)) {
                    return false;
                }
                if (!"graphic".equals(ln) && !"desc".equals(ln)) {
                    text = true;
                }
            } else if (n.getNodeKind() == Type.TEXT && !n.getStringValue().isBlank()) {
                text = true;
            }
        }
        return text;
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
            case LINE:
                kind = "line";
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
        } else if ("line".equals(kind)) {
            u.image = context.imageOf(el);
        }
        return u;
    }

    private void speakers(NodeInfo el, Unit u) {
        AxisIterator it = el.iterateAxis(AxisInfo.CHILD);
        NodeInfo n;
        while ((n = it.next()) != null) {
            if (n.getNodeKind() == Type.ELEMENT && "speaker".equals(n.getLocalPart())
                    && n.getNamespaceUri().equals(TEI)) {
                u.label("tei:speaker", render(n, Set.of("note"), true));
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

    /**
     * Starts the unit a milestone begins: a page at {@code pb}, a line at {@code lb} (and at
     * {@code pb} and {@code cb}, which end a line too). Its image is the one {@code @facs} points to;
     * for a line only an {@code lb}'s.
     */
    private void milestoneUnit(NodeInfo el, String kind, boolean facs) {
        if (page != null) {
            closeUnit(page);
        }
        String id = facs || "page".equals(kind) ? el.getAttributeValue(XML, "id") : null;
        String pos = positional(kind);
        page = new Unit(kind, el, id != null ? id : pos, id != null, el.getLineNumber());
        if (facs || "page".equals(kind)) {
            page.part = el.getAttributeValue(NONE, "n");
            String f = el.getAttributeValue(NONE, "facs");
            if (f != null && !f.isBlank()) {
                page.image = context.image(f.strip(), el);
            }
        }
        // the page or line is the outermost unit: it goes first among the sinks
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
