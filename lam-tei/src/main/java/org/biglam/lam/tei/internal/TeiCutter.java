package org.biglam.lam.tei.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.sf.saxon.s9api.XdmNode;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.Entities;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlStreams;

/**
 * Cuts an XML input into one Saxon tree per TEI document with a streaming StAX pass (lam-core's
 * guarded Aalto), so that a corpus file of any size is read holding one document at a time. Each
 * {@code TEI} (or P4 {@code TEI.2}) element's events are fed straight into Saxon's TinyTree builder
 * ({@link SaxonTinyTreeFeed}), as Saxon's own SAX bridge would feed it (the same names, namespaces,
 * attributes and text nodes) without the bridge; nothing else of the input is kept but the headers
 * of the {@code teiCorpus} elements around it.
 *
 * <p>Legacy documents without a namespace (TEI P4 {@code TEI.2}, P5 files that forgot it) are moved
 * into the TEI namespace as they are built, {@code TEI.2} and {@code teiCorpus.2} become
 * {@code TEI} and {@code teiCorpus}, and P4's {@code id} and {@code lang} attributes become
 * {@code xml:id} and {@code xml:lang}, so that everything downstream reads one vocabulary.
 *
 * <p>Not thread-safe.
 */
final class TeiCutter {

    /** What a piece of the input is. */
    enum Kind {
        /** A {@code TEI} element. */
        DOCUMENT,
        /** A root element that is neither {@code TEI} nor {@code teiCorpus}: read as one document. */
        FRAGMENT
    }

    /**
     * One document cut from the input.
     *
     * @param root the tree's document node
     * @param kind what it is
     * @param corpusHeaders the {@code teiHeader} trees of the corpora around it, outermost first
     * @param ordinal its position among the documents of the input, from 0
     * @param line the line its start tag is on, or -1
     * @param top whether it is the input's root element (the input holds only this document)
     * @param corpusLang the {@code xml:lang} the innermost {@code teiCorpus} around it that has one
     *     gives it, or null
     */
    record Piece(XdmNode root, Kind kind, List<XdmNode> corpusHeaders, int ordinal, long line, boolean top,
            String corpusLang) {
    }

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final XMLStreamReader r;
    /** Every tree of this input is built through it. */
    private final SaxonTinyTreeFeed feed;
    private final ReadContext ctx;
    private final int maxRecordBytes;
    /** Namespace declarations of the open elements outside any document: prefix, uri pairs. */
    private final List<String[]> outerNamespaces = new ArrayList<>();
    private final List<Integer> outerNamespaceMarks = new ArrayList<>();
    /** Corpus headers by corpus depth (null where a corpus has none yet). */
    private final List<XdmNode> corpusHeaders = new ArrayList<>();
    /** The {@code xml:lang} of each corpus around, by corpus depth (null where it has none). */
    private final List<String> corpusLangs = new ArrayList<>();
    private final Set<String> unknownEntities = new HashSet<>();
    private boolean legacy;
    /** The DOCTYPE declaration, with any internal subset: entities declared there are refused. */
    private String internalSubset = "";
    private boolean started;
    private boolean finished;
    private int depth;
    private int ordinal;
    private long approxBytes;

    TeiCutter(InputStream in, XMLInputFactory factory, SaxonTinyTreeFeed feed, ReadContext ctx) throws IOException {
        this.feed = feed;
        this.ctx = ctx;
        ReadLimits limits = ctx.limits();
        this.maxRecordBytes = limits.maxRecordBytes();
        PushbackInputStream pin = new PushbackInputStream(in, 8192);
        if (isBlank(pin)) {
            finished = true;
            this.r = null;
            return;
        }
        try {
            this.r = factory.createXMLStreamReader(pin);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads leading white space; true if that is all there is. Pushes back what it read otherwise. */
    private static boolean isBlank(PushbackInputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (true) {
            int n = in.readNBytes(buf, 0, buf.length);
            if (n <= 0) {
                return true;
            }
            int start = 0;
            if (n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                start = 3;
            }
            for (int i = start; i < n; i++) {
                byte b = buf[i];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    in.unread(buf, 0, n);
                    return false;
                }
            }
            if (n < buf.length) {
                return true;
            }
        }
    }

    /** The number of documents cut so far. */
    int ordinal() {
        return ordinal;
    }

    /**
     * Returns the next document, or null at the end of the input.
     *
     * @throws LamFormatException if the XML is malformed (with its line and column)
     */
    Piece next() {
        if (finished) {
            return null;
        }
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    String dtd = r.getText();
                    internalSubset = dtd == null ? "" : dtd;
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = r.getLocalName();
                    String ns = nsOf(r.getNamespaceURI());
                    if (!started) {
                        started = true;
                        legacy = ns.isEmpty();
                    }
                    if (isTei(local)) {
                        Piece p = collect(Kind.DOCUMENT, true);
                        depth--;
                        if (p != null) {
                            return p;
                        }
                    } else if (isCorpus(local)) {
                        pushOuterNamespaces();
                        corpusHeaders.add(null);
                        String lang = r.getAttributeValue(XML_NS, "lang");
                        if (lang == null && legacy) {
                            lang = r.getAttributeValue(null, "lang");
                        }
                        corpusLangs.add(lang);
                    } else if ("teiHeader".equals(local) && !corpusHeaders.isEmpty()
                            && corpusHeaders.get(corpusHeaders.size() - 1) == null) {
                        Piece p = collect(Kind.DOCUMENT, false);
                        depth--;
                        if (p != null) {
                            corpusHeaders.set(corpusHeaders.size() - 1, p.root());
                        }
                    } else if (depth == 1) {
                        Piece p = collect(Kind.FRAGMENT, true);
                        depth--;
                        if (p != null) {
                            return p;
                        }
                    } else {
                        pushOuterNamespaces();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (isCorpus(r.getLocalName()) && !corpusHeaders.isEmpty()) {
                        corpusHeaders.remove(corpusHeaders.size() - 1);
                        corpusLangs.remove(corpusLangs.size() - 1);
                    }
                    popOuterNamespaces();
                }
            }
            finished = true;
            return null;
        } catch (XMLStreamException e) {
            finished = true;
            throw malformed(e);
        } catch (LamFormatException e) {
            finished = true;
            throw e;
        }
    }

    private static boolean isTei(String local) {
        return "TEI".equals(local) || "TEI.2".equals(local);
    }

    private static boolean isCorpus(String local) {
        return "teiCorpus".equals(local) || "teiCorpus.2".equals(local);
    }

    private static String nsOf(String ns) {
        return ns == null ? "" : ns;
    }

    private void pushOuterNamespaces() {
        outerNamespaceMarks.add(outerNamespaces.size());
        int nc = r.getNamespaceCount();
        for (int i = 0; i < nc; i++) {
            outerNamespaces.add(new String[] {nsOf(r.getNamespacePrefix(i)), nsOf(r.getNamespaceURI(i))});
        }
    }

    private void popOuterNamespaces() {
        if (!outerNamespaceMarks.isEmpty()) {
            int mark = outerNamespaceMarks.remove(outerNamespaceMarks.size() - 1);
            while (outerNamespaces.size() > mark) {
                outerNamespaces.remove(outerNamespaces.size() - 1);
            }
        }
    }

    /**
     * Feeds the element at the reader's position, and everything inside it, into a new tree.
     * Returns null if the element was too big and was stepped over.
     */
    private Piece collect(Kind kind, boolean counted) throws XMLStreamException {
        long line = r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
        boolean top = depth == 1;
        int index = ordinal;
        List<XdmNode> headers = new ArrayList<>(corpusHeaders.size());
        for (XdmNode h : corpusHeaders) {
            if (h != null) {
                headers.add(h);
            }
        }
        try {
            feed.startDocument();
            // namespaces declared outside the document, innermost last
            for (String[] decl : outerNamespaces) {
                if (!(legacy && decl[0].isEmpty())) {
                    feed.inScope(decl[0], decl[1]);
                }
            }
            if (legacy) {
                feed.inScope("", TeiNames.TEI_NS);
            }
            approxBytes = 0;
            startElement();
            int d = 1;
            while (d > 0) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT:
                        d++;
                        startElement();
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        d--;
                        feed.endElement();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        int len = r.getTextLength();
                        approxBytes += len;
                        feed.characters(r.getTextCharacters(), r.getTextStart(), len);
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        entity();
                        break;
                    default:
                        break;
                }
                if (approxBytes > maxRecordBytes) {
                    tooBig(d, index, counted);
                    return null;
                }
            }
            XdmNode root = feed.endDocument();
            if (counted) {
                ordinal++;
            }
            String lang = null;
            for (int i = corpusLangs.size() - 1; i >= 0 && lang == null; i--) {
                lang = corpusLangs.get(i);
            }
            return new Piece(root, kind, headers, index, line, top, lang);
        } catch (SaxonTinyTreeFeed.BuildException e) {
            throw new LamFormatException("cannot build the tree of TEI document " + index + ": " + e.getMessage(),
                    here().withIndex(index), e.getCause());
        }
    }

    private void tooBig(int d, int index, boolean counted) throws XMLStreamException {
        Location at = here().withIndex(index);
        if (counted) {
            ordinal++;
        }
        // step over the rest of the element without building anything: d elements are open
        for (int open = d; open > 0; open--) {
            XmlStreams.skipElement(r);
        }
        ctx.problem(new LamLimitExceededException("TEI document " + index + " is larger than maxRecordBytes ("
                + maxRecordBytes + " bytes)", at));
    }

    private void entity() {
        String name = r.getLocalName();
        String value = Entities.value(name);
        if (value != null) {
            feed.characters(value.toCharArray(), 0, value.length());
        } else if (java.util.regex.Pattern.compile("<!ENTITY\\s+" + java.util.regex.Pattern.quote(name) + "\\s")
                .matcher(internalSubset).find()) {
            // an entity the document declares itself: external (XXE) or nested (entity bombs) alike
            throw new LamFormatException("entity &" + name + "; is declared in the document's DTD: lam does not "
                    + "expand DTD entities (external entities and entity expansion are refused)", here().withIndex(ordinal));
        } else if (unknownEntities.add(name)) {
            ctx.warn("entity", "entity &" + name + "; is not declared (its DTD is not read); left out",
                    here());
        }
    }

    /**
     * Feeds the start tag at the reader's position, moving a legacy document's names into the TEI
     * namespace (P4's {@code id} and {@code lang} into the XML namespace).
     */
    private void startElement() throws SaxonTinyTreeFeed.BuildException {
        String ns = nsOf(r.getNamespaceURI());
        String local = r.getLocalName();
        String prefix = nsOf(r.getPrefix());
        boolean mapped = legacy && ns.isEmpty();
        if (mapped) {
            ns = TeiNames.TEI_NS;
            prefix = "";
            if ("TEI.2".equals(local)) {
                local = "TEI";
            } else if ("teiCorpus.2".equals(local)) {
                local = "teiCorpus";
            }
        }
        feed.startElement(prefix, ns, local);
        int nc = r.getNamespaceCount();
        for (int i = 0; i < nc; i++) {
            String p = nsOf(r.getNamespacePrefix(i));
            if (!(legacy && p.isEmpty())) {
                feed.namespace(p, nsOf(r.getNamespaceURI(i)));
            }
        }
        int ac = r.getAttributeCount();
        for (int i = 0; i < ac; i++) {
            String ans = nsOf(r.getAttributeNamespace(i));
            String aloc = r.getAttributeLocalName(i);
            String apre = nsOf(r.getAttributePrefix(i));
            String value = r.getAttributeValue(i);
            approxBytes += value.length() + aloc.length() + 4;
            if (mapped && ans.isEmpty() && ("id".equals(aloc) || "lang".equals(aloc))) {
                ans = XML_NS;
                apre = "xml";
            }
            feed.attribute(apre, ans, aloc, value);
        }
        approxBytes += 2L * local.length() + 5;
        feed.endStartTag();
    }

    private Location here() {
        return r == null ? ctx.location() : XmlProblems.at(ctx.location(), r.getLocation());
    }

    private LamFormatException malformed(XMLStreamException e) {
        return XmlProblems.malformed(ctx.location().withIndex(ordinal), e, r);
    }

    /** Releases the parser; the input stream stays open (lam owns it). */
    void close() {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing more to release
            }
        }
        finished = true;
    }
}
