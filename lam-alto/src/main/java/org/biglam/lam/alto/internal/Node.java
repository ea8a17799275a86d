package org.biglam.lam.alto.internal;


import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordSource;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlStreams;
import org.codehaus.stax2.LocationInfo;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;

/**
 * A light element tree for metadata documents (METS): local names, attributes by local name, text.
 * Subtrees of elements named in a skip set are not kept.
 */
public final class Node {

    /** The element's local name. */
    public final String name;
    /** Attributes by local name (first wins). */
    public final Map<String, String> attrs;
    /** Child elements in order. */
    public final List<Node> children = new ArrayList<>(2);
    /** The element's own text (direct text children), or null. */
    private StringBuilder text;
    /** The line the element starts at. */
    public final long line;
    /**
     * For an element read by a metadata module (a {@code dmdSec}'s MODS, by lam-mods; its Dublin
     * Core, by lam-dc; ...): the labels of the first record it made, its subtree not kept; null
     * for other elements (and for one whose reader failed).
     */
    Map<String, List<String>> embedded;

    private Node(String name, Map<String, String> attrs, long line) {
        this.name = name;
        this.attrs = attrs;
        this.line = line;
    }

    /** An attribute by local name, or null. */
    public String attr(String name) {
        return attrs.get(name);
    }

    /** The element's direct text, stripped; "" if none. */
    public String text() {
        return text == null ? "" : text.toString().strip();
    }

    /** The first child of a local name, or null. */
    public Node child(String name) {
        for (Node c : children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The children of a local name. */
    public List<Node> children(String name) {
        List<Node> out = new ArrayList<>();
        for (Node c : children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every descendant of a local name, in document order. */
    public List<Node> descendants(String name) {
        List<Node> out = new ArrayList<>();
        collect(this, name, out);
        return out;
    }

    private static void collect(Node n, String name, List<Node> out) {
        for (Node c : n.children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
            collect(c, name, out);
        }
    }

    /**
     * Reads a document into a tree.
     *
     * @param factory a secure StAX factory
     * @param in the bytes (not closed)
     * @param location for errors
     * @param limits nesting depth and document size
     * @param skip local names whose subtrees are dropped
     * @return the root
     */
    public static Node parse(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            Set<String> skip) {
        return parse(factory, in, location, limits, skip, null);
    }

    /**
     * Reads a METS document into a tree, handing the descriptive metadata of its {@code dmdSec}s to
     * the metadata module that reads it, found by the element's namespace through
     * {@link EmbeddedXmlReader} (lam-mods, lam-dc, lam-marc, lam-ead, lam-lido, lam-edm, whichever
     * are on the path): each element child of a {@code dmdSec}'s {@code mdWrap/xmlData}, and a
     * {@code mods} element in the MODS namespace wherever it is, is kept without its subtree, with
     * the labels of the first record the reader made of it ({@link #embeddedLabels()}). An element
     * no module reads is kept as a tree, with a warning; a {@code dmdSec} whose metadata is
     * elsewhere ({@code mdRef}) or not XML ({@code binData}) gets a warning and is not read.
     *
     * @param factory a secure StAX factory
     * @param in the bytes (not closed)
     * @param location for errors
     * @param limits nesting depth and document size
     * @param skip local names whose subtrees are dropped
     * @param ctx the read's context, for the metadata readers and warnings; null to keep all
     *     metadata as a tree
     * @return the root
     */
    public static Node parse(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            Set<String> skip, ReadContext ctx) {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog
            }
            if (!r.isStartElement()) {
                throw new LamFormatException("empty document: no root element", location);
            }
            Node root = read(r, location, limits, skip, ctx);
            while (r.hasNext()) {
                r.next(); // what follows the root: comments, or an error of the document's
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlProblems.malformed(location, XmlProblems.asParseError(e), r);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream belongs to the caller
                }
            }
        }
    }

    /**
     * Reads the element a parser stands on into a tree, as {@link #parse(XMLInputFactory, InputStream,
     * Location, ReadLimits, Set, ReadContext) parse} reads a document's root (its descriptive metadata
     * handed to the modules that read it, its subtrees named in {@code skip} dropped), and leaves the
     * parser on the element's end: a METS document inside another one (an OAI-PMH record's
     * {@code metadata}).
     *
     * @param r the parser, standing on a {@code START_ELEMENT}
     * @param location for errors
     * @param limits nesting depth (below the element) and size (of what is kept, {@code maxRecordBytes})
     * @param skip local names whose subtrees are dropped
     * @param ctx the read's context, for the metadata readers and warnings; null to keep all
     *     metadata as a tree
     * @return the element's tree
     * @throws XMLStreamException if the XML is not well-formed
     */
    public static Node read(XMLStreamReader r, Location location, ReadLimits limits, Set<String> skip,
            ReadContext ctx) throws XMLStreamException {
        EmbeddedXmlReader mods = ctx == null ? null : EmbeddedXmlReader.find(MODS_NS, "mods").orElse(null);
        ReadContext dmdCtx = ctx == null ? null : new DmdContext(ctx);
        List<Node> stack = new ArrayList<>();
        Node root = null;
        long chars = 0;
        int ev = r.getEventType();
        while (true) {
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (!stack.isEmpty() && skip.contains(name)) {
                    XmlStreams.skipElement(r);
                    ev = r.next();
                    continue;
                }
                Map<String, String> attrs = r.getAttributeCount() == 0 ? Map.of() : new HashMap<>();
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    attrs.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    chars += r.getAttributeValue(i).length();
                }
                javax.xml.stream.Location l = r.getLocation();
                Node n = new Node(name, attrs, l == null ? -1 : l.getLineNumber());
                boolean open = true;
                if (stack.isEmpty()) {
                    root = n;
                } else {
                    stack.get(stack.size() - 1).children.add(n);
                    if (ctx != null) {
                        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                        boolean inDmd = inDmdXmlData(stack);
                        EmbeddedXmlReader reader = mods != null && name.equals("mods") && MODS_NS.equals(ns) ? mods
                                : inDmd ? EmbeddedXmlReader.find(ns, name).orElse(null) : null;
                        if (reader != null) {
                            n.embedded = embedded(reader, r, dmdCtx, n.line, dmdId(stack), location);
                            open = false; // the reader left the parser on the element's end
                        } else if (inDmd) {
                            ctx.warn("mets-dmd-unread", "no module on the path reads the metadata <" + name
                                    + "> in namespace '" + ns + "' of dmdSec " + dmdId(stack)
                                    + ": the records of the METS document go out without its labels",
                                    location.withLine(n.line, 0));
                        } else {
                            unread(stack, n, ctx, location);
                        }
                    }
                }
                if (open) {
                    stack.add(n);
                    chars += 32;
                    if (stack.size() > limits.maxNestingDepth()) {
                        throw new LamLimitExceededException("XML nested deeper than " + limits.maxNestingDepth(),
                                location.withLine(n.line, 0));
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                stack.remove(stack.size() - 1);
                if (stack.isEmpty()) {
                    return root;
                }
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)
                    && !stack.isEmpty()) {
                Node n = stack.get(stack.size() - 1);
                if (n.text == null) {
                    n.text = new StringBuilder();
                }
                n.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                chars += r.getTextLength();
            }
            if (chars > limits.maxRecordBytes()) {
                throw new LamLimitExceededException("document larger than " + limits.maxRecordBytes()
                        + " bytes (maxRecordBytes)", XmlProblems.at(location, r.getLocation()));
            }
            ev = r.next();
        }
    }

    private static final String MODS_NS = "http://www.loc.gov/mods/v3";

    /** Whether the open element is a {@code dmdSec}'s {@code mdWrap/xmlData}. */
    private static boolean inDmdXmlData(List<Node> stack) {
        int n = stack.size();
        return n >= 3 && stack.get(n - 1).name.equals("xmlData") && stack.get(n - 2).name.equals("mdWrap")
                && stack.get(n - 3).name.equals("dmdSec");
    }

    /** The ID of the {@code dmdSec} the open element is in, for messages. */
    private static String dmdId(List<Node> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).name.equals("dmdSec")) {
                String id = stack.get(i).attr("ID");
                return id == null ? "(no ID)" : id;
            }
        }
        return "(none)";
    }

    /** Warns of a {@code dmdSec} whose metadata is not read: referred to ({@code mdRef}) or not XML. */
    private static void unread(List<Node> stack, Node n, ReadContext ctx, Location location) {
        Node parent = stack.get(stack.size() - 1);
        boolean ref = n.name.equals("mdRef") && parent.name.equals("dmdSec");
        boolean bin = n.name.equals("binData") && parent.name.equals("mdWrap") && stack.size() >= 2
                && stack.get(stack.size() - 2).name.equals("dmdSec");
        if (!ref && !bin) {
            return;
        }
        String type = n.attr("MDTYPE") != null ? n.attr("MDTYPE") : parent.attr("MDTYPE");
        String what = type == null ? "its metadata" : "its " + type + " metadata";
        ctx.warn("mets-dmd-unread", "dmdSec " + dmdId(stack) + " has " + what + (ref
                ? " in another file (mdRef " + n.attr("href") + "), which is not followed"
                : " as binData, which is not read") + ": the records of the METS document go out without its labels",
                location.withLine(n.line, 0));
    }

    /**
     * The labels of the first record a metadata reader makes of the element the parser stands on
     * (the reader leaves the parser on its end); none, with a warning, if it made none. A reader
     * that fails on its metadata is a problem: under the skip policy the element is passed over,
     * its labels left out (null), and the METS document read on.
     */
    private static Map<String, List<String>> embedded(EmbeddedXmlReader reader, XMLStreamReader r, ReadContext ctx,
            long line, String dmdId, Location location) throws XMLStreamException {
        LamRecord[] first = new LamRecord[1];
        String name = r.getLocalName();
        int depth = r instanceof XMLStreamReader2 ? ((XMLStreamReader2) r).getDepth() : -1;
        XMLStreamReader in = depth < 0 ? r : new Bounded((XMLStreamReader2) r, ctx.limits().maxRecordBytes(),
                "the " + reader.format() + " metadata <" + name + "> of dmdSec " + dmdId, location);
        try {
            reader.read(in, LamRecord.builder(reader.format() + "@" + line, reader.format()).build(), ctx, rec -> {
                if (first[0] == null) {
                    first[0] = rec;
                }
            });
        } catch (RuntimeException e) {
            XMLStreamException x = XmlProblems.parseError(e);
            if (x != null) {
                throw x; // the METS document is malformed, not the metadata
            }
            if (depth < 0 || ctx.options().errorPolicy() == ErrorPolicy.FAIL && e instanceof LamFormatException) {
                throw e; // a problem the reader reported, or one lam cannot step over
            }
            ctx.problem(e instanceof LamFormatException ? (LamFormatException) e
                    : new LamFormatException("cannot read the " + reader.format() + " metadata of dmdSec " + dmdId
                            + ": " + e, location.withLine(line, 0), e));
            XMLStreamReader2 r2 = (XMLStreamReader2) r;
            while (!(r2.getEventType() == XMLStreamConstants.END_ELEMENT && r2.getDepth() == depth)) {
                r2.next();
            }
            return null;
        }
        if (first[0] == null) {
            ctx.warn("mets-dmd-unread", "the " + reader.format() + " reader made no record of the metadata <" + name
                    + "> of dmdSec " + dmdId + ": the records of the METS document go out without its labels",
                    location.withLine(line, 0));
            return Map.of();
        }
        return first[0].labels();
    }

    /**
     * The parser as a metadata reader gets it: it refuses metadata larger than
     * {@code maxRecordBytes} (in bytes of the document, from the element's start to the token the
     * reader stands on) where it passes that size, before a reader that keeps its metadata whole
     * (MODS, MARCXML) holds more; and a METS document embedded in another one as
     * {@link MetsEmbedded} reads it. The parser's byte offsets cost nothing to ask.
     */
    static final class Bounded extends StreamReader2Delegate {
        private final LocationInfo info;
        private final long origin;
        private final long max;
        private final String what;
        private final Location location;

        Bounded(XMLStreamReader2 r, long max, String what, Location location) {
            super(r);
            this.info = r.getLocationInfo();
            this.origin = info.getStartingByteOffset();
            this.max = max;
            this.what = what;
            this.location = location;
        }

        @Override
        public int next() throws XMLStreamException {
            return check(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return check(super.nextTag());
        }

        @Override
        public String getElementText() throws XMLStreamException {
            String text = super.getElementText();
            check(0);
            return text;
        }

        private int check(int event) {
            if (info.getStartingByteOffset() - origin > max) {
                throw new LamLimitExceededException(what + " is larger than maxRecordBytes (" + max + " bytes)",
                        XmlProblems.at(location, getLocation()));
            }
            return event;
        }
    }

    /**
     * The read's context for a metadata reader: granularity {@code collection}, so that a reader
     * whose records can be a collection's or its parts' (EAD) makes the collection's first.
     */
    private static final class DmdContext implements ReadContext {
        private final ReadContext ctx;

        DmdContext(ReadContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public ReadOptions options() {
            return ctx.options();
        }

        @Override
        public ReadLimits limits() {
            return ctx.limits();
        }

        @Override
        public String granularity() {
            return "collection";
        }

        @Override
        public Input input() {
            return ctx.input();
        }

        @Override
        public void problem(LamFormatException problem) {
            ctx.problem(problem);
        }

        @Override
        public void warn(String kind, String message, Location location) {
            ctx.warn(kind, message, location);
        }

        @Override
        public Location location() {
            return ctx.location();
        }

        @Override
        public RecordSource source(long index, long offset, long line) {
            return ctx.source(index, offset, line);
        }
    }

    /** The labels a metadata module made of this element, or null if it was not handed to one. */
    public Map<String, List<String>> embeddedLabels() {
        return embedded;
    }
}
