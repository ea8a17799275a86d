package org.biglam.lam.alto.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.alto.internal.AltoModel.Block;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlStreams;

/**
 * Reads a PAGE XML document (PRImA PcGts, 2010 to 2019 schemas, any namespace) into the same page
 * model as ALTO: regions as blocks (nested regions and tables looked into), TextLines as lines,
 * Words as words; text from the lowest level that has it (Word, else TextLine, else TextRegion);
 * the ReadingOrder's region references in order; Coords polygons as their bounding boxes.
 */
public final class PageXmlParser implements AutoCloseable, PageSource {

    private static final Pattern VERSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    /** The structure type in a {@code custom} attribute (Transkribus, eScriptorium): {@code structure {type:heading;}}. */
    private static final Pattern CUSTOM_TYPE = Pattern.compile("structure\\s{0,8}\\{[^}]{0,200}?\\btype\\s{0,8}:\\s{0,8}([^;}\\s][^;}]*)");
    /** The reading order index in a {@code custom} attribute (Transkribus): {@code readingOrder {index:3;}}. */
    private static final Pattern CUSTOM_ORDER = Pattern.compile("readingOrder\\s{0,8}\\{[^}]{0,200}?\\bindex\\s{0,8}:\\s{0,8}(\\d{1,9})");

    private final XMLStreamReader r;
    private final Location location;
    private final ReadLimits limits;
    private final AltoParser.Warnings warnings;
    private final List<String> readingOrder = new ArrayList<>();
    private String version;
    private String imageFilename;
    private boolean warnedCoords;
    private long chars;
    /** The TextLines' reading order indexes from their {@code custom} attributes (Transkribus). */
    private final Map<Line, Integer> lineOrder = new java.util.IdentityHashMap<>();
    /** The page's own regions' reading order indexes from their {@code custom} attributes (Transkribus). */
    private final Map<Block, Integer> regionOrder = new java.util.IdentityHashMap<>();

    /** A node of the reading order: a group or a region reference, with its index. */
    private static final class RoNode {
        String ref;
        long index = Long.MAX_VALUE;
        boolean ordered;
        final List<RoNode> children = new ArrayList<>();
    }

    public PageXmlParser(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            AltoParser.Warnings warnings) {
        this.location = location;
        this.limits = limits;
        this.warnings = warnings;
        try {
            this.r = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw error(e);
        }
    }

    /** The schema version (the namespace's date, such as 2019-07-15), or null. */
    public String version() {
        return version;
    }

    /** The Page's imageFilename, or null. */
    public String imageFilename() {
        return imageFilename;
    }

    /**
     * The regions' types as tags, so that the records of a region's blocks, lines and words (and its
     * page) carry them as {@code page:type}: {@code page:type=heading} to its tag.
     */
    private final Map<String, AltoParser.Tag> types = new java.util.HashMap<>();

    @Override
    public Map<String, AltoParser.Tag> tags() {
        return types;
    }

    @Override
    public List<String> readingOrder() {
        return readingOrder;
    }

    @Override
    public void warnCoordinates(String message, long line) {
        if (!warnedCoords) {
            warnedCoords = true;
            warnings.warn("page-coordinates", message, line);
        }
    }

    private LamFormatException error(XMLStreamException e) {
        return XmlProblems.malformed(location, e, r);
    }

    private long line() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    private String attr(String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * Reads the document's page.
     *
     * @return the page, or null if the document has none
     */
    public Page read() {
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!"PcGts".equals(r.getLocalName())) {
                        throw new LamFormatException("not a PAGE XML document: the root element is "
                                + r.getLocalName(), location.withLine(line(), 0));
                    }
                    String ns = r.getNamespaceURI();
                    Matcher m = VERSION.matcher(ns == null ? "" : ns);
                    version = m.find() ? m.group(1) : null;
                    return pcGts();
                }
            }
            throw new LamFormatException("not a PAGE XML document: no root element", location);
        } catch (XMLStreamException | RuntimeException e) {
            throw error(XmlProblems.asParseError(e));
        }
    }

    private Page pcGts() throws XMLStreamException {
        Page page = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("Page".equals(r.getLocalName()) && page == null) {
                    page = page();
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return page;
    }

    private void skip() throws XMLStreamException {
        XmlStreams.skipElement(r);
    }

    private Page page() throws XMLStreamException {
        Page page = new Page();
        page.lineNumber = line();
        page.width = attr("imageWidth");
        page.height = attr("imageHeight");
        page.lang = attr("primaryLanguage");
        page.id = attr("id");
        imageFilename = attr("imageFilename");
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("ReadingOrder".equals(n)) {
                    RoNode root = new RoNode();
                    group(root);
                    flatten(root, readingOrder, new java.util.HashSet<>());
                } else if (isRegion(n)) {
                    region(page, null, n);
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                for (int i = 0; i < page.lines.size(); i++) {
                    page.lines.get(i).index = i;
                }
                if (readingOrder.isEmpty()) {
                    customRegionOrder(page);
                }
                return page;
            }
        }
    }

    private void group(RoNode into) throws XMLStreamException {
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if (n.contains("Group") || n.startsWith("RegionRef")) {
                    RoNode node = new RoNode();
                    node.ref = attr("regionRef");
                    String idx = attr("index");
                    if (idx != null) {
                        double v = Numbers.parse(idx);
                        if (!Double.isNaN(v)) {
                            node.index = (long) v;
                        }
                    }
                    node.ordered = n.startsWith("OrderedGroup");
                    into.children.add(node);
                    if (n.contains("Group")) {
                        group(node);
                    } else {
                        skip();
                    }
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    private static void flatten(RoNode node, List<String> out, java.util.Set<String> seen) {
        List<RoNode> kids = new ArrayList<>(node.children);
        kids.sort(Comparator.comparingLong(k -> k.index)); // stable: unindexed keep document order
        for (RoNode k : kids) {
            flatten(k, out, seen);
        }
        // a group's own region (a parent region whose children the group orders) after the children
        // it orders: what of that region they leave out follows them
        if (node.ref != null && seen.add(node.ref)) {
            out.add(node.ref);
        }
    }

    private static final class Equiv {
        String text;
        double conf = Double.NaN;
        long index = Long.MAX_VALUE;
    }

    /** Reads a TextEquiv; keeps it if its index is lower than the one kept so far. */
    private Equiv textEquiv(Equiv best) throws XMLStreamException {
        Equiv e = new Equiv();
        String idx = attr("index");
        if (idx != null && !Double.isNaN(Numbers.parse(idx))) {
            e.index = (long) Numbers.parse(idx);
        }
        String conf = attr("conf");
        if (conf != null) {
            double c = Numbers.parse(conf);
            e.conf = c >= 0 && c <= 1 ? c : Double.NaN;
        }
        String plain = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("Unicode".equals(n)) {
                    e.text = text();
                } else if ("PlainText".equals(n)) {
                    plain = text();
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (e.text == null || e.text.isBlank() && plain != null) {
            e.text = plain; // an empty Unicode beside the PlainText typed in
        }
        if (e.text != null) {
            chars += e.text.length();
            if (chars > limits.maxRecordBytes()) {
                throw new LamLimitExceededException("PAGE document larger than " + limits.maxRecordBytes()
                        + " bytes (maxRecordBytes)", location.withLine(line(), 0));
            }
        }
        if (best == null || e.index < best.index) {
            return e;
        }
        return best;
    }

    private String text() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int d = 1;
        while (d > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                d++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
        return sb.toString();
    }

    /** Reads Coords (points="x,y x,y" or Point children) into the box's raw fields. */
    private void coords(AltoModel.Boxed b) throws XMLStreamException {
        String points = attr("points");
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        boolean any = false;
        if (points != null) {
            for (String p : points.strip().split("\\s+")) {
                int c = p.indexOf(',');
                if (c > 0) {
                    any |= add(box, Numbers.parse(p.substring(0, c)), Numbers.parse(p.substring(c + 1)));
                }
            }
        }
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("Point".equals(r.getLocalName())) {
                    any |= add(box, Numbers.parse(attr("x")), Numbers.parse(attr("y")));
                }
                skip();
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (any) {
            b.hpos = Long.toString(Math.round(box[0]));
            b.vpos = Long.toString(Math.round(box[1]));
            b.width = Long.toString(Math.round(box[2] - box[0]));
            b.height = Long.toString(Math.round(box[3] - box[1]));
        } else if (points != null) {
            warnCoordinates("Coords points not readable: '" + points + "'", line());
        }
    }

    private static boolean add(double[] box, double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
        return true;
    }

    /**
     * Whether an element is a region: PAGE's {@code *Region}s, and the {@code TableCell}s Transkribus
     * writes inside a {@code TableRegion} (each with its TextLines).
     */
    private static boolean isRegion(String name) {
        return name.endsWith("Region") || "TableCell".equals(name);
    }

    /** Reads a region and the regions nested in it; returns whether any of them has text. */
    private boolean region(Page page, Block parent, String element) throws XMLStreamException {
        Block b = new Block();
        b.element = element;
        b.parent = parent;
        b.index = page.blocks.size();
        b.lineNumber = line();
        b.id = attr("id");
        b.type = attr("type");
        b.lang = attr("primaryLanguage");
        page.blocks.add(b);
        if (parent != null) {
            parent.children.add(b);
        }
        if (parent == null) {
            String custom = attr("custom");
            Matcher m = custom == null ? null : CUSTOM_ORDER.matcher(custom);
            if (m != null && m.find()) {
                regionOrder.put(b, Integer.parseInt(m.group(1)));
            }
        }
        if (b.type == null) {
            String custom = attr("custom");
            Matcher m = custom == null ? null : CUSTOM_TYPE.matcher(custom);
            if (m != null && m.find()) {
                b.type = m.group(1).strip();
            }
        }
        switch (element) {
            case "ImageRegion":
            case "GraphicRegion":
            case "ChartRegion":
            case "LineDrawingRegion":
            case "MapRegion":
            case "ChemRegion":
            case "MusicRegion":
                b.illustration = true;
                break;
            default:
                break;
        }
        if (b.type != null && !b.type.isBlank() && !b.illustration) {
            // illustrations carry their type as a label of their own
            String ref = "page:type=" + b.type.strip().replaceAll("\\s+", "_"); // tag references are split at white space
            types.computeIfAbsent(ref, k -> new AltoParser.Tag("page:type", b.type.strip()));
            b.tagrefs = ref;
        }
        Equiv regionText = null;
        int linesWithText = 0;
        boolean nestedText = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("Coords".equals(n)) {
                    coords(b);
                } else if ("TextLine".equals(n)) {
                    if (textLine(page, b)) {
                        linesWithText++;
                    }
                } else if ("TextEquiv".equals(n)) {
                    regionText = textEquiv(regionText);
                } else if (isRegion(n)) {
                    nestedText |= region(page, b, n);
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (linesWithText > 1) {
            orderLines(page, b);
        }
        // a region without Coords (eScriptorium's eSc_dummyblock_ of lines in no region): around its lines
        Boxes.enclose(b, b.lines);
        if (linesWithText > 0 || nestedText) {
            return true; // a region's own text repeats that of its lines, or of the regions nested in it
        }
        if (regionText != null && regionText.text != null && !regionText.text.isBlank()) {
            // text only at region level: its lines become lines without coordinates
            b.lines.removeIf(l -> !l.hasText());
            page.lines.removeIf(l -> l.block == b);
            for (String t : regionText.text.split("\\R")) {
                if (t.isBlank()) {
                    continue;
                }
                Line l = new Line();
                l.block = b;
                l.synthetic = true;
                l.lineNumber = b.lineNumber;
                words(l, t, regionText.conf, page);
                l.index = page.lines.size();
                page.lines.add(l);
                b.lines.add(l);
            }
            return true;
        }
        return false;
    }

    /**
     * Where the page has no ReadingOrder (or one that names no region), the order of its regions'
     * {@code custom} attributes' {@code readingOrder} index (Transkribus writes it on each region as
     * well as in the ReadingOrder), as a ReadingOrder would give it: the regions that have one by their
     * index (equal indexes in document order), then those without one (or without an id) in document
     * order. Only the page's own regions: regions nested in a region keep their document order.
     */
    private void customRegionOrder(Page page) {
        if (regionOrder.isEmpty()) {
            return;
        }
        List<Block> inDocument = new ArrayList<>();
        List<Block> ordered = new ArrayList<>();
        for (Block b : page.blocks) {
            if (b.parent == null) {
                inDocument.add(b);
                if (b.id != null && regionOrder.containsKey(b)) {
                    ordered.add(b);
                }
            }
        }
        ordered.sort(Comparator.comparingInt(regionOrder::get)); // stable: equal indexes keep document order
        List<Block> all = new ArrayList<>(ordered);
        for (Block b : inDocument) {
            if (!regionOrder.containsKey(b) || b.id == null) {
                all.add(b);
            }
        }
        if (all.equals(inDocument)) {
            return; // document order already
        }
        for (Block b : ordered) {
            readingOrder.add(b.id);
        }
    }

    /**
     * Puts a region's lines in the order of their {@code custom} attributes' {@code readingOrder}
     * index (Transkribus keeps a line's place there, not in document order), where every line of the
     * region has one.
     */
    private void orderLines(Page page, Block b) {
        boolean sorted = true;
        int last = Integer.MIN_VALUE;
        for (Line l : b.lines) {
            Integer o = lineOrder.get(l);
            if (o == null) {
                return;
            }
            sorted &= o >= last;
            last = o;
        }
        if (sorted) {
            return;
        }
        List<Line> ordered = new ArrayList<>(b.lines);
        ordered.sort(Comparator.comparingInt(lineOrder::get)); // stable: equal indexes keep document order
        int next = 0;
        for (int i = 0; i < page.lines.size(); i++) {
            if (page.lines.get(i).block == b) {
                page.lines.set(i, ordered.get(next++));
            }
        }
        b.lines.clear();
        b.lines.addAll(ordered);
    }

    /** Reads a TextLine; returns whether it has text. */
    private boolean textLine(Page page, Block b) throws XMLStreamException {
        Line l = new Line();
        l.block = b;
        l.lineNumber = line();
        l.id = attr("id");
        l.lang = attr("primaryLanguage");
        String custom = attr("custom");
        if (custom != null) {
            Matcher m = CUSTOM_ORDER.matcher(custom);
            if (m.find()) {
                lineOrder.put(l, Integer.parseInt(m.group(1)));
            }
        }
        l.index = page.lines.size();
        page.lines.add(l);
        b.lines.add(l);
        Equiv lineText = null;
        List<Word> words = new ArrayList<>();
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("Coords".equals(n)) {
                    coords(l);
                } else if ("Word".equals(n)) {
                    Word w = word(page);
                    if (w != null) {
                        words.add(w);
                    }
                } else if ("TextEquiv".equals(n)) {
                    lineText = textEquiv(lineText);
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (lineText != null && lineText.text != null && !lineText.text.isBlank()
                && (words.isEmpty() || !sameText(words, lineText.text))) {
            // the line's own text wins over its words where they differ (words may be partial)
            words.clear();
            words(l, lineText.text, lineText.conf, page);
        } else {
            boolean first = true;
            for (Word w : words) {
                w.spBefore = !first;
                first = false;
                w.line = l;
                w.index = page.wordCount++;
                l.words.add(w);
            }
            l.hasSp = true;
        }
        return l.hasText();
    }

    private static boolean sameText(List<Word> words, String line) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.content);
        }
        return sb.toString().equals(line.strip().replaceAll("\\s+", " "));
    }

    private void words(Line l, String text, double conf, Page page) {
        l.hasSp = true;
        boolean first = true;
        for (String t : text.strip().split("\\s+")) {
            if (t.isEmpty()) {
                continue;
            }
            Word w = new Word();
            w.kind = AltoModel.WORD;
            w.content = t;
            w.conf = conf;
            w.spBefore = !first;
            first = false;
            w.line = l;
            w.index = page.wordCount++;
            l.words.add(w);
        }
    }

    private Word word(Page page) throws XMLStreamException {
        Word w = new Word();
        w.kind = AltoModel.WORD;
        w.lineNumber = line();
        w.id = attr("id");
        w.lang = attr("language");
        Equiv e = null;
        StringBuilder glyphs = null;
        double glyphConf = 0;
        int glyphsScored = 0;
        boolean glyphsUnscored = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("Coords".equals(n)) {
                    coords(w);
                } else if ("TextEquiv".equals(n)) {
                    e = textEquiv(e);
                } else if ("Glyph".equals(n)) {
                    Equiv g = glyph();
                    if (g != null && g.text != null) {
                        glyphs = glyphs == null ? new StringBuilder() : glyphs;
                        glyphs.append(g.text);
                        if (Double.isNaN(g.conf)) {
                            glyphsUnscored = true;
                        } else {
                            glyphConf += g.conf;
                            glyphsScored++;
                        }
                    }
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        // the mean of the glyphs' confidence, where every glyph with text has one
        double glyphMean = glyphsScored > 0 && !glyphsUnscored ? glyphConf / glyphsScored : Double.NaN;
        if ((e == null || e.text == null || e.text.isBlank()) && glyphs != null) {
            // text only at glyph level (PRImA ground truth, OCR engines' glyph output): the glyphs'
            e = new Equiv();
            e.text = glyphs.toString();
            e.conf = glyphMean;
        } else if (e != null && Double.isNaN(e.conf)) {
            // a word's text without a confidence (OCR-D processors that score only glyphs): its glyphs'
            e.conf = glyphMean;
        }
        if (e == null || e.text == null || e.text.isBlank()) {
            return null;
        }
        w.content = e.text.strip();
        w.conf = e.conf;
        return w;
    }

    /** Reads a Glyph: its TextEquiv of lowest index, or null. */
    private Equiv glyph() throws XMLStreamException {
        Equiv e = null;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("TextEquiv".equals(r.getLocalName())) {
                    e = textEquiv(e);
                } else {
                    skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // the stream belongs to lam
        }
    }
}
