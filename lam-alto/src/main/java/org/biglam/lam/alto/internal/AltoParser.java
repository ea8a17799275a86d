package org.biglam.lam.alto.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlStreams;

/**
 * Reads an ALTO document (any version, any namespace or none) with StAX, one page at a time: the
 * header (measurement unit, image file name, tags, reading order) as it goes by, then each
 * {@code Page} of the {@code Layout} as an {@link AltoModel.Page}. What a particular StAX parser
 * offers beyond StAX (Aalto's buffer, interned names) is reached through {@link ParserFastPaths},
 * chosen once per document; this class names no parser's classes.
 */
public final class AltoParser implements AutoCloseable, PageSource {

    /** What to keep of each element's attributes; coordinates are read only where needed. */
    public static final class Needs {
        final boolean blockBoxes;
        final boolean lineBoxes;
        final boolean wordBoxes;
        final boolean ids;

        /**
         * @param blockBoxes coordinates of blocks
         * @param lineBoxes coordinates of lines
         * @param wordBoxes coordinates of words
         * @param ids IDs of words (kept anyway when the document has a ReadingOrder)
         */
        public Needs(boolean blockBoxes, boolean lineBoxes, boolean wordBoxes, boolean ids) {
            this.blockBoxes = blockBoxes;
            this.lineBoxes = lineBoxes;
            this.wordBoxes = wordBoxes;
            this.ids = ids;
        }
    }

    /** A tag of the Tags section: its label name and value. */
    public record Tag(String name, String value) {
    }

    /** Warnings the parser collects (kind, message, line). */
    public interface Warnings {
        void warn(String kind, String message, long line);
    }

    private static final Pattern DPI = Pattern.compile(
            "(?i)\\b(?:x?dpi|x?resolution)\\s*[:=]?\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("alto[-_ ]?v?(\\d)[-_.](\\d+)");

    /** The longest token (a tag with its attributes, a comment, a text run) read, in bytes. */
    static final int MAX_TOKEN_BYTES = AaltoXml.MAX_TOKEN_BYTES;
    /**
     * The most distinct element and attribute local names, beyond those ALTO defines, a document may
     * use; with the prefixes, they bound the names Aalto's table must hold (prefix and local name
     * together) to some 16,000, below where it slows down.
     */
    static final int MAX_NAMES = 1024;
    /** The most distinct namespace prefixes a document may declare. */
    static final int MAX_PREFIXES = 16;

    private final AaltoXml.Guard guard;
    private int level;
    /** Whether the loop reading a page's layout runs, checking names as it reads them. */
    private boolean hot;
    private final XMLStreamReader r;
    /** The parser's own ways to read attribute values, chosen for this document's reader. */
    private final ParserFastPaths fast;
    /**
     * Whether the parser interns names ({@link ParserFastPaths#internsNames()}): then the most
     * frequent names are compared to literals by identity before the switches compare by value.
     */
    private final boolean interned;
    private final Location location;
    private final ReadLimits limits;
    private final Needs needs;
    /**
     * Whether lines keep the line of the XML they start on: for line and word records only (the
     * parser makes an object to tell it); blocks keep theirs where their coordinates are kept.
     */
    private final boolean lineNumbers;
    /** Whether words keep the line of the XML they start on (word records, with their boxes). */
    private final boolean wordLines;
    private final Warnings warnings;

    private String namespace;
    private String version;
    private String unit;
    private String fileName;
    private double dpi = Double.NaN;
    private final Map<String, Tag> tags = new HashMap<>();
    private final List<String> readingOrder = new ArrayList<>();
    private boolean rootSeen;
    private boolean ended;
    private int pageCount;
    private int depth;
    private String schemaLocation;
    private String schemaVersionAttr;
    private boolean warnedCoords;
    private boolean warnedConfidence;

    /**
     * Opens a parser over a stream (not closed by the parser).
     *
     * @param factory a secure StAX factory, or null for lam's own: Aalto's readers shared by guarded
     *     loops ({@link AaltoXml#sharedReader})
     * @param in the bytes
     * @param location where the input is, for errors
     * @param limits limits to honour
     * @param needs which attributes to keep
     * @param warnings where to report recovered problems
     */
    public AltoParser(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            Needs needs, Warnings warnings) {
        this.location = location;
        this.limits = limits;
        this.needs = needs;
        this.lineNumbers = needs.lineBoxes || needs.wordBoxes;
        this.wordLines = needs.wordBoxes;
        this.warnings = warnings;
        try {
            this.guard = new AaltoXml.Guard(in, MAX_TOKEN_BYTES, MAX_NAMES, MAX_PREFIXES);
            this.r = factory == null ? AaltoXml.sharedReader(guard) : factory.createXMLStreamReader(guard.stream());
            this.fast = ParserFastPaths.of(r);
            this.interned = fast.internsNames();
        } catch (XMLStreamException e) {
            // the XML declaration or byte order mark, where the parser has no location yet: byte 0
            throw XmlProblems.malformed(location, e);
        }
    }

    /** The root element's namespace URI ("" for none); after the first page or {@link #readHeader()}. */
    public String namespace() {
        return namespace;
    }

    /** The ALTO version read from the namespace, schema location or SCHEMAVERSION, or null. */
    public String version() {
        return version;
    }

    /** The MeasurementUnit as written ({@code pixel}, {@code mm10}, {@code inch1200}), lowercased; pixel by default. */
    public String unit() {
        return unit == null ? "pixel" : unit;
    }

    /** The sourceImageInformation/fileName, stripped, or null. */
    public String fileName() {
        return fileName;
    }

    /** A resolution found in the processing settings (xdpi: 300), or NaN. */
    public double dpi() {
        return dpi;
    }

    /** The tags by ID. */
    @Override
    public Map<String, Tag> tags() {
        return tags;
    }

    /** The element IDs the ReadingOrder names, in order (groups flattened, first mention kept). */
    @Override
    public List<String> readingOrder() {
        return readingOrder;
    }

    private long line() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    /**
     * Reads up to the first Page (or the end), so that the header is known.
     *
     * @return the first page, or null if the document has none
     */
    public Page readHeader() {
        return nextPage();
    }

    /**
     * Reads the next Page.
     *
     * @return the page, or null at the end of the document
     * @throws LamFormatException if the XML is malformed or the root is not alto
     */
    public Page nextPage() {
        if (ended) {
            return null;
        }
        try {
            while (r.hasNext()) {
                int ev = next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (!rootSeen) {
                        root();
                        continue;
                    }
                    if (depth == 2) {
                        String name = r.getLocalName();
                        if (!sameNs()) {
                            skip();
                        } else if ("Description".equals(name)) {
                            description();
                        } else if ("Tags".equals(name)) {
                            tagsSection();
                        } else if ("ReadingOrder".equals(name)) {
                            readingOrderSection();
                        } else if (!"Layout".equals(name)) {
                            skip();
                        }
                    } else if (depth == 3 && "Page".equals(r.getLocalName()) && sameNs()) {
                        return page();
                    } else {
                        skip();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            ended = true;
            if (!rootSeen) {
                throw new LamFormatException("not an ALTO document: no root element", location);
            }
            if (pageCount == 0) {
                warnings.warn("alto-empty", "the ALTO document has no Layout/Page: no records", line());
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            XMLStreamException x = XmlProblems.asParseError(e); // anything else goes on as thrown
            ended = true;
            throw XmlProblems.malformed(location, x, r);
        }
    }

    private boolean sameNs() {
        String ns = r.getNamespaceURI();
        return ns == null ? namespace.isEmpty() : ns.equals(namespace);
    }

    private void root() {
        rootSeen = true;
        String ns = r.getNamespaceURI();
        namespace = ns == null ? "" : ns;
        if (!"alto".equalsIgnoreCase(r.getLocalName())) {
            ended = true;
            throw new LamFormatException("not an ALTO document: the root element is "
                    + r.getLocalName(), location.withLine(line(), 0));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String n = r.getAttributeLocalName(i);
            if ("schemaLocation".equals(n) || "noNamespaceSchemaLocation".equals(n)) {
                schemaLocation = r.getAttributeValue(i);
            } else if ("SCHEMAVERSION".equals(n)) {
                schemaVersionAttr = r.getAttributeValue(i);
            }
        }
        version = Versions.altoVersion(namespace, schemaLocation, schemaVersionAttr);
    }

    /**
     * The next event, every loop's only way forward: bounds nesting depth, the distinct names and
     * prefixes a document may use and, through the {@link AaltoXml.Guard}, the bytes of any one token,
     * which the StAX parser (Aalto) does not bound itself. Entities are never expanded (Aalto
     * refuses any but the predefined ones) and DTDs never read.
     */
    private int next() throws XMLStreamException {
        int ev;
        try {
            ev = r.next();
        } catch (XMLStreamException e) {
            if (guard.tripped()) {
                throw new LamLimitExceededException("XML token longer than " + guard.maxTokenBytes()
                        + " bytes: not ALTO as OCR software writes it", location.withLine(line(), 0), e);
            }
            throw e;
        }
        guard.event();
        if (ev == XMLStreamConstants.START_ELEMENT) {
            if (++level > limits.maxNestingDepth()) {
                throw new LamLimitExceededException("XML nested deeper than " + limits.maxNestingDepth(),
                        location.withLine(line(), 0));
            }
            if (r.getNamespaceCount() > 0) {
                checkPrefixes();
            }
            if (!hot) {
                checkNames();
            }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
            level--;
        }
        return ev;
    }

    /**
     * Checks the current element's name and its attributes' names. Inside a page's own loop (where
     * {@link #hot} is set) the names are checked as they are read: the switches over known names
     * send every other name to {@link #unknown} and every unknown element to {@link #skip}, so every
     * name the parser has to remember is counted but the few dozen ALTO defines.
     */
    private void checkNames() {
        boolean ok = guard.name(r.getLocalName());
        for (int i = 0, n = r.getAttributeCount(); ok && i < n; i++) {
            ok = guard.name(r.getAttributeLocalName(i));
        }
        if (!ok) {
            throw tooManyNames();
        }
    }

    /** An attribute or element name no switch knows: counted. */
    private void unknown(String name) {
        if (!guard.name(name)) {
            throw tooManyNames();
        }
    }

    /**
     * Namespace prefixes are checked where they are declared (a name's prefix must be declared), so
     * that prefixes times local names stay bounded too.
     */
    private void checkPrefixes() {
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String p = r.getNamespacePrefix(i);
            if (p != null && !p.isEmpty() && !guard.prefix(p)) {
                throw tooManyNames();
            }
        }
    }

    private LamLimitExceededException tooManyNames() {
        return new LamLimitExceededException("XML with more than " + guard.maxNames() + " distinct names or "
                + guard.maxPrefixes() + " namespace prefixes: not ALTO as OCR software writes it",
                location.withLine(line(), 0));
    }

    /** Checks an SP element's attribute names, which are otherwise not read. */
    private void spAttributes() {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String a = r.getAttributeLocalName(i);
            if (interned && (a == "HPOS" || a == "VPOS" || a == "WIDTH" || a == "ID")) {
                continue; // by identity, as in word(); the switch decides the rest
            }
            switch (a) {
                case "ID":
                case "HPOS":
                case "VPOS":
                case "WIDTH":
                    break;
                default:
                    unknown(a);
                    break;
            }
        }
    }

    /** Skips the current element's subtree; depth is left as it was before the element. */
    private void skip() throws XMLStreamException {
        checkNames();
        skipChecked();
    }

    /** Skips the current element's subtree, its own names already checked. */
    private void skipChecked() throws XMLStreamException {
        boolean wasHot = hot;
        hot = false;
        XmlStreams.skipElement(this::next);
        hot = wasHot;
        depth--;
    }

    private String text() throws XMLStreamException {
        // getElementText fails on child elements; be lenient and gather text only
        StringBuilder sb = new StringBuilder();
        int d = 1;
        while (d > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (d == 1) {
                    sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                d++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
        depth--;
        return sb.toString().strip();
    }

    private void description() throws XMLStreamException {
        int d = 1;
        while (d > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = r.getLocalName();
                if ("MeasurementUnit".equals(n)) {
                    depth++;
                    unit = text().toLowerCase(Locale.ROOT);
                } else if ("fileName".equals(n) && d == 2) {
                    depth++;
                    String f = text();
                    fileName = f.isEmpty() ? null : f;
                } else if ("processingStepSettings".equals(n)) {
                    depth++;
                    String s = text();
                    if (Double.isNaN(dpi)) {
                        Matcher m = DPI.matcher(s);
                        if (m.find()) {
                            double v = Double.parseDouble(m.group(1));
                            if (v > 0) {
                                dpi = v;
                            }
                        }
                    }
                } else {
                    d++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
        depth--;
    }

    private void tagsSection() throws XMLStreamException {
        int d = 1;
        while (d > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                d++;
                if (d == 2) {
                    tag(r.getLocalName());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
        depth--;
    }

    private void tag(String element) {
        String id = null;
        String type = null;
        String label = null;
        String description = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            switch (r.getAttributeLocalName(i)) {
                case "ID":
                    id = r.getAttributeValue(i);
                    break;
                case "TYPE":
                    type = r.getAttributeValue(i);
                    break;
                case "LABEL":
                    label = r.getAttributeValue(i);
                    break;
                case "DESCRIPTION":
                    description = r.getAttributeValue(i);
                    break;
                default:
                    break;
            }
        }
        if (id == null) {
            return;
        }
        String kind = Versions.tagKind(element);
        String name = "alto:tag:" + (type != null && !type.isBlank() ? type.strip() : kind);
        String value = label != null && !label.isBlank() ? label : description != null && !description.isBlank()
                ? description : null;
        if (value != null) {
            tags.put(id, new Tag(name, value.strip()));
        }
    }

    private void readingOrderSection() throws XMLStreamException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int d = 1;
        while (d > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                d++;
                if ("ElementRef".equals(r.getLocalName())) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if ("REF".equals(r.getAttributeLocalName(i))) {
                            String ref = r.getAttributeValue(i).strip();
                            if (!ref.isEmpty() && seen.add(ref)) {
                                readingOrder.add(ref);
                            }
                        }
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
        depth--;
    }

    private Page page() throws XMLStreamException {
        Page page = new Page();
        page.index = pageCount++;
        page.lineNumber = line();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String n = r.getAttributeLocalName(i);
            switch (n) {
                case "ID":
                    page.id = r.getAttributeValue(i);
                    break;
                case "WIDTH":
                    page.width = r.getAttributeValue(i);
                    break;
                case "HEIGHT":
                    page.height = r.getAttributeValue(i);
                    break;
                case "PHYSICAL_IMG_NR":
                    page.physicalNr = r.getAttributeValue(i);
                    break;
                case "PRINTED_IMG_NR":
                    page.printedNr = r.getAttributeValue(i);
                    break;
                case "LANG":
                case "language":
                case "lang":
                    page.lang = r.getAttributeValue(i);
                    break;
                case "TAGREFS":
                    page.tagrefs = r.getAttributeValue(i);
                    break;
                default:
                    break;
            }
        }
        Block block = null;
        Line line = null;
        boolean spPending = false;
        int start = depth;
        long maxChars = limits.maxRecordBytes();
        hot = true;
        while (true) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = r.getLocalName();
                if (!sameNs()) {
                    skip();
                    continue;
                }
                switch (element(n)) {
                    case E_STRING:
                        if (line == null) {
                            skip();
                            break;
                        }
                        Word w = word(AltoModel.WORD);
                        w.spBefore = spPending || spaceBefore;
                        if (!w.spBefore && !w.content.isEmpty() && !line.words.isEmpty()) {
                            Word prev = line.words.get(line.words.size() - 1);
                            adjacent |= prev.kind == AltoModel.WORD && !prev.content.isEmpty();
                        }
                        // a String of white space is a space between the words around it, as is
                        // white space at either end of a CONTENT
                        spPending = blankContent || spaceAfter;
                        if (wordLines) {
                            w.lineNumber = line();
                        }
                        w.line = line;
                        w.index = page.wordCount++;
                        line.words.add(w);
                        if (w.content != null) {
                            page.chars += w.content.length();
                        }
                        page.chars += 16;
                        if (page.chars > maxChars) {
                            throw new LamLimitExceededException("ALTO page larger than "
                                    + maxChars + " bytes (maxRecordBytes)", location.withLine(line(), 0));
                        }
                        break; // its Glyph, ALTERNATIVE and Shape children are skipped as they come
                    case E_SP:
                        if (line != null) {
                            spPending = true;
                            line.hasSp = true;
                        }
                        spAttributes();
                        break;
                    case E_HYP:
                        if (line != null) {
                            Word h = word(AltoModel.HYP);
                            h.line = line;
                            h.index = -1;
                            line.words.add(h);
                            spPending = false;
                        } else {
                            skip();
                        }
                        break;
                    case E_LINE:
                        if (block == null) {
                            // a TextLine straight in a PrintSpace: give it an anonymous block
                            block = newBlock(page, null, "TextBlock");
                            block.lineNumber = needs.blockBoxes ? line() : -1;
                            anonymous = true;
                        }
                        line = new Line();
                        line.lineNumber = lineNumbers ? line() : -1;
                        readBoxed(line, needs.lineBoxes);
                        line.block = block;
                        adjacent = false;
                        line.index = page.lines.size();
                        page.lines.add(line);
                        block.lines.add(line);
                        spPending = false;
                        break;
                    case E_BLOCK:
                        if (anonymous) {
                            block = block.parent;
                            anonymous = false;
                        }
                        block = newBlock(page, block, n);
                        block.lineNumber = needs.blockBoxes ? line() : -1;
                        readBlock(block);
                        if (!"ComposedBlock".equals(n) && !"TextBlock".equals(n)) {
                            skipChecked();
                            block = block.parent;
                        }
                        break;
                    case E_SPACE:
                        checkNames();
                        break;
                    default:
                        skip();
                        break;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (depth == start) {
                    depth--;
                    hot = false;
                    return page;
                }
                depth--;
                String n = r.getLocalName();
                if (interned && (n == "String" || n == "SP")) {
                    continue; // most ends, by identity (the parser interns names); the rest below
                }
                if ("TextLine".equals(n)) {
                    if (adjacent && line != null && line.hasSp) {
                        spacesByGaps(line);
                    }
                    adjacent = false;
                    line = null;
                } else if ("TextBlock".equals(n) || "ComposedBlock".equals(n)) {
                    if (anonymous) {
                        block = block.parent;
                        anonymous = false;
                    }
                    if (block != null) {
                        block = block.parent;
                    }
                    line = null;
                } else if (anonymous && ("PrintSpace".equals(n) || n.endsWith("Margin"))) {
                    block = block.parent;
                    anonymous = false;
                }
            }
        }
    }

    private boolean anonymous;
    /** Whether the current line has two words that no SP (or String of white space) separates. */
    private boolean adjacent;

    /**
     * The least gap between two words' boxes, in the line's character widths, that separates them
     * where no SP does: below it they are one word split by the OCR ({@code indivi|duals.}, a gap
     * of 0.26), from it two ({@code for|theirs}, 1.23; {@code A|WEEK}, 0.44). An SP is 0.6 to 1.9
     * character widths in nine of ten cases in the ALTO files lam is tested on.
     */
    static final double SPACE_GAP = 0.4;

    /**
     * In a line that has SPs, two Strings without one between them are joined as one word, unless
     * their boxes are {@link #SPACE_GAP} or more of a character width apart, the line's median
     * (robust to a word whose box spans a headline): then they get a space.
     */
    private void spacesByGaps(Line line) {
        List<Word> words = line.words;
        double[] widths = new double[words.size()];
        int n = 0;
        for (Word w : words) {
            double width = width(w);
            int chars = w.kind == AltoModel.WORD ? w.content.length() : 0;
            if (chars > 0 && width > 0) {
                widths[n++] = width / chars;
            }
        }
        if (n == 0) {
            return;
        }
        java.util.Arrays.sort(widths, 0, n);
        double charWidth = n % 2 == 1 ? widths[n / 2] : (widths[n / 2 - 1] + widths[n / 2]) / 2;
        Word prev = null;
        for (Word w : words) {
            if (w.kind != AltoModel.WORD || w.content.isEmpty()) {
                prev = w.kind == AltoModel.HYP ? null : prev;
                continue;
            }
            if (prev != null && !w.spBefore) {
                double gap = left(w) - (left(prev) + width(prev));
                if (gap >= SPACE_GAP * charWidth) {
                    w.spBefore = true;
                }
            }
            prev = w;
        }
    }

    private static double left(Word w) {
        return Float.isNaN(w.x) ? Numbers.parse(w.hpos) : w.x;
    }

    private static double width(Word w) {
        return Float.isNaN(w.w) ? Numbers.parse(w.width) : w.w;
    }

    private static final int E_OTHER = 0;
    private static final int E_STRING = 1;
    private static final int E_SP = 2;
    private static final int E_HYP = 3;
    private static final int E_LINE = 4;
    private static final int E_BLOCK = 5;
    private static final int E_SPACE = 6;

    private static final int A_OTHER = 0;
    private static final int A_ID = 1;
    private static final int A_LANG = 2;
    private static final int A_TAGREFS = 3;
    private static final int A_HPOS = 4;
    private static final int A_VPOS = 5;
    private static final int A_WIDTH = 6;
    private static final int A_HEIGHT = 7;

    /** What a layout element is; the two most frequent by identity where the parser interns names. */
    private int element(String n) {
        if (interned) {
            if (n == "String") {
                return E_STRING;
            }
            if (n == "SP") {
                return E_SP;
            }
        }
        switch (n) {
            case "String":
                return E_STRING;
            case "SP":
                return E_SP;
            case "HYP":
                return E_HYP;
            case "TextLine":
                return E_LINE;
            case "TextBlock":
            case "Illustration":
            case "GraphicalElement":
            case "ComposedBlock":
                return E_BLOCK;
            case "PrintSpace":
            case "TopMargin":
            case "LeftMargin":
            case "RightMargin":
            case "BottomMargin":
                return E_SPACE;
            default:
                return E_OTHER;
        }
    }

    private Block newBlock(Page page, Block parent, String element) {
        Block b = new Block();
        b.element = element;
        b.parent = parent;
        b.index = page.blocks.size();
        page.blocks.add(b);
        if (parent != null) {
            parent.children.add(b);
        }
        return b;
    }

    private void readBlock(Block b) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            switch (r.getAttributeLocalName(i)) {
                case "ID":
                    b.id = r.getAttributeValue(i);
                    break;
                case "TYPE":
                    b.type = r.getAttributeValue(i);
                    break;
                case "HPOS":
                    b.hpos = r.getAttributeValue(i);
                    break;
                case "VPOS":
                    b.vpos = r.getAttributeValue(i);
                    break;
                case "WIDTH":
                    b.width = r.getAttributeValue(i);
                    break;
                case "HEIGHT":
                    b.height = r.getAttributeValue(i);
                    break;
                case "LANG":
                case "language":
                case "lang":
                    b.lang = r.getAttributeValue(i);
                    break;
                case "TAGREFS":
                    b.tagrefs = r.getAttributeValue(i);
                    break;
                default:
                    unknown(r.getAttributeLocalName(i));
                    break;
            }
        }
        switch (b.element) {
            case "Illustration":
            case "GraphicalElement":
                b.illustration = true;
                break;
            case "ComposedBlock":
                b.illustration = Versions.isIllustrationType(b.type);
                break;
            default:
                break;
        }
    }

    private void readBoxed(AltoModel.Boxed b, boolean boxes) throws XMLStreamException {
        for (int i = 0, count = r.getAttributeCount(); i < count; i++) {
            String n = r.getAttributeLocalName(i);
            switch (boxAttribute(n)) {
                case A_ID:
                    b.id = value(i);
                    break;
                case A_LANG:
                    b.lang = value(i);
                    break;
                case A_TAGREFS:
                    b.tagrefs = value(i);
                    break;
                case A_HPOS:
                    if (boxes) {
                        b.hpos = value(i);
                    }
                    break;
                case A_VPOS:
                    if (boxes) {
                        b.vpos = value(i);
                    }
                    break;
                case A_WIDTH:
                    if (boxes) {
                        b.width = value(i);
                    }
                    break;
                case A_HEIGHT:
                    if (boxes) {
                        b.height = value(i);
                    }
                    break;
                default:
                    unknown(n);
                    break;
            }
        }
    }

    /** The attributes of a line or block: by identity for the box where the parser interns names, else by value. */
    private int boxAttribute(String n) {
        if (interned) {
            if (n == "HPOS") {
                return A_HPOS;
            }
            if (n == "VPOS") {
                return A_VPOS;
            }
            if (n == "WIDTH") {
                return A_WIDTH;
            }
            if (n == "HEIGHT") {
                return A_HEIGHT;
            }
        }
        switch (n) {
            case "ID":
                return A_ID;
            case "LANG":
            case "language":
            case "lang":
                return A_LANG;
            case "TAGREFS":
                return A_TAGREFS;
            case "HPOS":
                return A_HPOS;
            case "VPOS":
                return A_VPOS;
            case "WIDTH":
                return A_WIDTH;
            case "HEIGHT":
                return A_HEIGHT;
            default:
                return A_OTHER;
        }
    }

    private Word word(byte kind) throws XMLStreamException {
        Word w = new Word();
        w.kind = kind;
        blankContent = false;
        spaceBefore = false;
        spaceAfter = false;
        String cc = null;
        boolean boxes = needs.wordBoxes;
        boolean wordIds = needs.ids || !readingOrder.isEmpty();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String a = r.getAttributeLocalName(i);
            // A fast path by identity for what every String has, where the parser interns names (as
            // Java does literals); the switch decides everything else, and all of it for a parser
            // that does not intern.
            if (interned) {
                if (a == "CONTENT") {
                    w.content = content(i);
                    continue;
                }
                if (a == "WC") {
                    w.conf = wordConfidence(i);
                    continue;
                }
                if (!boxes) {
                    // HPOS and WIDTH as numbers only, for the gap between words without an SP
                    if (a == "HPOS") {
                        w.x = coordinate(i);
                        continue;
                    }
                    if (a == "WIDTH") {
                        w.w = coordinate(i);
                        continue;
                    }
                    if (a == "VPOS" || a == "HEIGHT") {
                        continue;
                    }
                }
                if (!wordIds && a == "ID") {
                    continue;
                }
            }
            switch (a) {
                case "CONTENT":
                    w.content = content(i);
                    break;
                case "WC":
                    w.conf = wordConfidence(i);
                    break;
                case "CC":
                    cc = r.getAttributeValue(i);
                    break;
                case "SUBS_TYPE": {
                    String s = r.getAttributeValue(i);
                    w.subs = "HypPart1".equalsIgnoreCase(s) ? AltoModel.SUBS_PART1
                            : "HypPart2".equalsIgnoreCase(s) ? AltoModel.SUBS_PART2 : AltoModel.SUBS_OTHER;
                    break;
                }
                case "SUBS_CONTENT":
                    w.subsContent = r.getAttributeValue(i);
                    break;
                case "ID":
                    if (wordIds) {
                        w.id = r.getAttributeValue(i);
                    }
                    break;
                case "LANG":
                case "language":
                case "lang":
                    w.lang = r.getAttributeValue(i);
                    break;
                case "TAGREFS":
                    w.tagrefs = r.getAttributeValue(i);
                    break;
                case "HPOS":
                    if (boxes) {
                        w.hpos = r.getAttributeValue(i);
                    } else {
                        w.x = coordinate(i);
                    }
                    break;
                case "VPOS":
                    if (boxes) {
                        w.vpos = r.getAttributeValue(i);
                    }
                    break;
                case "WIDTH":
                    if (boxes) {
                        w.width = r.getAttributeValue(i);
                    } else {
                        w.w = coordinate(i);
                    }
                    break;
                case "HEIGHT":
                    if (boxes) {
                        w.height = r.getAttributeValue(i);
                    }
                    break;
                default:
                    unknown(a);
                    break;
            }
        }
        if (kind == AltoModel.WORD && w.content == null) {
            warnings.warn("alto-attribute", "String without CONTENT taken as empty", line());
            w.content = "";
        }
        if (Double.isNaN(w.conf) && cc != null && !cc.isEmpty()) {
            w.conf = characterConfidence(cc);
        }
        return w;
    }

    /** An attribute's value, exactly as written, through the parser's fast path where it has one. */
    private String value(int i) throws XMLStreamException {
        return fast.value(i);
    }

    /**
     * A String's CONTENT as {@link #value} reads it, without white space at either end, which is a
     * space before or after the word ({@link #spaceBefore}, {@link #spaceAfter}); "" (and
     * {@link #blankContent} set) where it is all white space, which is a space, not a word.
     */
    private String content(int i) throws XMLStreamException {
        String v = value(i);
        int n = v.length();
        if (n == 0 || !space(v.charAt(0)) && !space(v.charAt(n - 1))) {
            return v;
        }
        int from = 0;
        while (from < n && space(v.charAt(from))) {
            from++;
        }
        while (n > from && space(v.charAt(n - 1))) {
            n--;
        }
        blankContent = from == n;
        spaceBefore = from > 0;
        spaceAfter = n < v.length();
        return v.substring(from, n);
    }

    /** White space, also the no-break and other spaces Unicode has, and the byte order mark. */
    static boolean space(char c) {
        return c <= ' ' || c >= '\u00A0' && (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF'
                || Character.isWhitespace(c));
    }

    /** Whether the CONTENT of the String read last was all white space. */
    private boolean blankContent;
    /** Whether the CONTENT of the String read last began, or ended, with white space. */
    private boolean spaceBefore;
    private boolean spaceAfter;

    /** A coordinate as a number (NaN if it is not a plain decimal number): from the parser's buffer where it can. */
    private float coordinate(int i) throws XMLStreamException {
        return fast.coordinate(i);
    }

    /** A word's WC as a confidence from 0 to 1 (NaN if not one, with a warning). */
    private double wordConfidence(int i) throws XMLStreamException {
        double c = fast.confidence(i);
        return c >= 0 ? c : confidence(fast.confidenceText());
    }

    private double confidence(String v) {
        double c = Numbers.parse(v);
        if (Double.isNaN(c) || c < 0) {
            if (!warnedConfidence) {
                warnedConfidence = true;
                warnings.warn("alto-attribute", "word confidence (WC) not a number from 0 to 1: '" + v
                        + "'; ignored", line());
            }
            return Double.NaN;
        }
        if (c > 1) {
            if (c <= 100) {
                if (!warnedConfidence) {
                    warnedConfidence = true;
                    warnings.warn("alto-attribute", "word confidence (WC) above 1 ('" + v
                            + "'): read as a percentage", line());
                }
                return c / 100;
            }
            return Double.NaN;
        }
        return c;
    }

    /**
     * Reads CC: one digit per character, 0 (sure) to 9 (unsure), as ALTO defines it; or, as some
     * producers write, numbers from 0 to 1 separated by spaces.
     */
    static double characterConfidence(String cc) {
        String s = cc.strip();
        if (s.indexOf('.') >= 0 || s.indexOf(' ') >= 0) {
            double sum = 0;
            int n = 0;
            for (String p : s.split("\\s+")) {
                double v = Numbers.parse(p);
                if (!Double.isNaN(v) && v >= 0 && v <= 1) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
        int sum = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sum += c - '0';
                n++;
            }
        }
        return n == 0 ? Double.NaN : 1.0 - (sum / (9.0 * n));
    }

    /** Warns once per input about coordinates that are missing or not numbers. */
    @Override
    public void warnCoordinates(String message, long line) {
        if (!warnedCoords) {
            warnedCoords = true;
            warnings.warn("alto-coordinates", message, line);
        }
    }

    @Override
    public void close() {
        guard.close();
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing more to release; the stream belongs to lam
        }
    }
}
