package org.biglam.lam.tei.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.saxon.Configuration;
import net.sf.saxon.event.Builder;
import net.sf.saxon.event.PipelineConfiguration;
import net.sf.saxon.event.ReceiverOption;
import net.sf.saxon.expr.parser.Loc;
import net.sf.saxon.om.AttributeInfo;
import net.sf.saxon.om.EmptyAttributeMap;
import net.sf.saxon.om.FingerprintedQName;
import net.sf.saxon.om.NamespaceMap;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NoNamespaceName;
import net.sf.saxon.om.NodeName;
import net.sf.saxon.om.SequenceTool;
import net.sf.saxon.om.TreeModel;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.str.StringTool;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.type.BuiltInAtomicType;
import net.sf.saxon.type.Untyped;

/**
 * Feeds Saxon's TinyTree builder through its {@code Receiver} API (Saxon's internal event interface
 * below s9api): a tree is built from parser events the way Saxon's own SAX bridge,
 * {@link net.sf.saxon.event.ReceivingContentHandler}, builds it, without the bridge and without SAX.
 * Everything lam-tei does with Saxon's builder is here; {@link TeiCutter} speaks only of documents,
 * elements, namespace declarations, attributes and text. It relies on these, checked by
 * {@code SaxonTinyTreeFeedTest}, which fails, saying what to re-check, on a Saxon release other than
 * {@link #SAXON_LINE} or when a release changes them:
 *
 * <ul>
 * <li>the tree model's {@link Builder} takes an element with {@link ReceiverOption#ALL_NAMESPACES}
 * and {@link ReceiverOption#NAMESPACE_OK}: the {@link NamespaceMap} given is the element's whole
 * set of in-scope namespaces, taken as it is, without Saxon's namespace reducer in front; so this
 * class binds every name's prefix itself, and takes an unprefixed name in no namespace as
 * undeclaring the default namespace, as the reducer would;
 * <li>names ({@link FingerprintedQName}, {@link NoNamespaceName}) may be made without the name pool:
 * the builder allocates their fingerprints;
 * <li>the text between two tags is given as one text node ({@link ReceiverOption#WHOLE_TEXT_NODE}),
 * made by {@link StringTool#compress}, compressed as the bridge does (not for text right after a
 * start tag that ends at an end tag): this decides which white space the TinyTree stores compactly
 * (as {@code WhitespaceTextImpl} nodes, which {@link TextWalker} reads too);
 * <li>elements are {@link Untyped} and attributes {@link BuiltInAtomicType#UNTYPED_ATOMIC}, as in a
 * tree built without a schema; {@code xml:id} is an ID to {@code id()}.
 * </ul>
 *
 * <p>A tree is fed as {@link #startDocument}, {@link #inScope} for namespaces declared outside it,
 * then for each element {@link #startElement}, its {@link #namespace} declarations, its
 * {@link #attribute}s and {@link #endStartTag}, its {@link #characters} and children, and
 * {@link #endElement}; {@link #endDocument} gives the tree. Comments and processing instructions
 * are not fed (lam leaves them out). Names are made once per feed and kept (a small table).
 *
 * <p>Not thread-safe: one per reader.
 */
final class SaxonTinyTreeFeed {

    /**
     * The Saxon major release this class was written against and checked with (the pom's
     * {@code saxon.version}); {@code SaxonTinyTreeFeedTest} fails on any other.
     */
    static final int SAXON_LINE = 12;

    private final Configuration config;
    private final TreeModel treeModel;
    /** The pipeline every tree of this feed is built in (made on the first). */
    private PipelineConfiguration pipe;
    private Builder builder;
    private final NodeNames names = new NodeNames();
    /** The namespaces in scope of each open element, those around the document at 0. */
    private NamespaceMap[] openNamespaces = new NamespaceMap[64];
    private int open;
    /** The start tag being made: its name, its namespaces so far, its attributes. */
    private NodeName element;
    private NamespaceMap scope;
    private final List<AttributeInfo> atts = new ArrayList<>();
    /** Whether an attribute of the start tag has a prefix (to be bound). */
    private boolean prefixedAtts;
    /** Text not yet given to the tree: adjacent text, CDATA and entities make one text node. */
    private char[] chars = new char[4096];
    private int charsUsed;
    private boolean afterStartTag;

    /**
     * A feed of trees in this configuration.
     *
     * @param config the processor's configuration
     * @param treeModel the tree model to build (the processor's default: the TinyTree)
     */
    SaxonTinyTreeFeed(Configuration config, TreeModel treeModel) {
        this.config = config;
        this.treeModel = treeModel;
    }

    /** Saxon could not take an event; the message is Saxon's, the cause its exception. */
    static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(XPathException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Starts a new tree with its document node; a tree left unfinished before is dropped. */
    void startDocument() throws BuildException {
        if (pipe == null) {
            pipe = config.makePipelineConfiguration();
        }
        Builder h = treeModel.makeBuilder(pipe);
        h.setLineNumbering(false);
        try {
            h.open();
            h.startDocument(ReceiverOption.NONE);
        } catch (XPathException e) {
            throw new BuildException(e);
        }
        builder = h;
        open = 0;
        charsUsed = 0;
        afterStartTag = false;
        openNamespaces[0] = NamespaceMap.emptyMap();
    }

    /**
     * Puts a namespace in scope of the document's root element though it is declared outside the
     * document (on an element around it); later ones win. Between {@link #startDocument} and the
     * first {@link #startElement}.
     *
     * @param prefix the prefix, empty for the default namespace
     * @param uri the namespace
     */
    void inScope(String prefix, String uri) {
        openNamespaces[0] = bind(openNamespaces[0], prefix, uri);
    }

    /**
     * Begins an element's start tag; its {@link #namespace} declarations and {@link #attribute}s
     * follow, then {@link #endStartTag}.
     *
     * @param prefix the prefix, empty for none
     * @param ns the namespace, empty for none
     * @param local the local name
     */
    void startElement(String prefix, String ns, String local) throws BuildException {
        flush(true);
        element = names.get(prefix, ns, local);
        scope = openNamespaces[open];
        atts.clear();
        prefixedAtts = false;
    }

    /**
     * A namespace declared on the element begun: {@code prefix} empty for the default namespace,
     * {@code uri} empty to undeclare it.
     */
    void namespace(String prefix, String uri) {
        scope = bind(scope, prefix, uri);
    }

    /**
     * An attribute of the element begun.
     *
     * @param prefix the prefix, empty for none
     * @param ns the namespace, empty for none
     * @param local the local name
     * @param value the value, as the parser normalised it
     */
    void attribute(String prefix, String ns, String local, String value) {
        if (!prefix.isEmpty()) {
            prefixedAtts = true;
        }
        atts.add(new AttributeInfo(names.get(prefix, ns, local), BuiltInAtomicType.UNTYPED_ATOMIC, value, Loc.NONE,
                ReceiverOption.NAMESPACE_OK));
    }

    /** Ends the start tag begun: the element, its namespaces and attributes go to the tree. */
    void endStartTag() throws BuildException {
        NamespaceMap s = ensureBound(scope, element);
        if (prefixedAtts) {
            for (int i = 0, n = atts.size(); i < n; i++) {
                NodeName an = atts.get(i).getNodeName();
                if (!an.getPrefix().isEmpty()) {
                    s = ensureBound(s, an);
                }
            }
        }
        try {
            builder.startElement(element, Untyped.getInstance(),
                    atts.isEmpty() ? EmptyAttributeMap.getInstance() : SequenceTool.attributeMapFromList(atts), s,
                    Loc.NONE, ReceiverOption.NAMESPACE_OK | ReceiverOption.ALL_NAMESPACES);
        } catch (XPathException e) {
            throw new BuildException(e);
        }
        afterStartTag = true;
        open++;
        if (open == openNamespaces.length) {
            openNamespaces = Arrays.copyOf(openNamespaces, openNamespaces.length * 2);
        }
        openNamespaces[open] = s;
    }

    /** Text (or CDATA, or an entity's value): kept until the next tag, so that adjacent pieces make one node. */
    void characters(char[] text, int start, int length) {
        if (charsUsed + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + length));
        }
        System.arraycopy(text, start, chars, charsUsed, length);
        charsUsed += length;
    }

    /** Ends the innermost open element. */
    void endElement() throws BuildException {
        // as Saxon's bridge: no white space compression for text right after a start tag
        flush(!afterStartTag);
        afterStartTag = false;
        open--;
        try {
            builder.endElement();
        } catch (XPathException e) {
            throw new BuildException(e);
        }
    }

    /** Ends the tree (every element ended) and gives its document node. */
    XdmNode endDocument() throws BuildException {
        Builder h = builder;
        builder = null;
        try {
            flush(true);
            h.endDocument();
            h.close();
        } catch (XPathException e) {
            throw new BuildException(e);
        }
        return new XdmNode(h.getCurrentRoot());
    }

    /**
     * Gives the kept text to the tree as one text node; {@code compress} lets Saxon store white space
     * compactly (its bridge does not try after a start tag, where white space alone is rare).
     */
    private void flush(boolean compress) throws BuildException {
        if (charsUsed > 0) {
            try {
                builder.characters(StringTool.compress(chars, 0, charsUsed, compress), Loc.NONE,
                        ReceiverOption.WHOLE_TEXT_NODE);
            } catch (XPathException e) {
                throw new BuildException(e);
            }
            charsUsed = 0;
        }
    }

    private static NamespaceMap bind(NamespaceMap scope, String prefix, String uri) {
        return "xmlns".equals(prefix) ? scope : scope.bind(prefix, NamespaceUri.of(uri));
    }

    /** Makes sure a name's prefix is bound to its namespace, as Saxon's namespace reducer does. */
    private static NamespaceMap ensureBound(NamespaceMap scope, NodeName name) {
        String prefix = name.getPrefix();
        NamespaceUri uri = name.getNamespaceUri();
        if (prefix.isEmpty() && uri.isEmpty()) {
            NamespaceUri dflt = scope.getDefaultNamespace();
            return dflt.isEmpty() ? scope : scope.remove("");
        }
        if ("xml".equals(prefix)) {
            return scope;
        }
        NamespaceUri bound = scope.getURIForPrefix(prefix, true);
        return uri.equals(bound) ? scope : scope.put(prefix, uri);
    }

    /**
     * The names of a document's elements and attributes, made once: a small table by the name's
     * parts (the parser interns them, so they are usually the same strings), replaced on a clash.
     */
    private static final class NodeNames {
        private static final int SIZE = 512;
        private final String[] parts = new String[3 * SIZE];
        private final NodeName[] made = new NodeName[SIZE];

        NodeName get(String prefix, String ns, String local) {
            int i = (local.hashCode() * 31 + ns.hashCode() * 7 + prefix.hashCode()) & (SIZE - 1);
            NodeName n = made[i];
            if (n != null && same(parts[3 * i], local) && same(parts[3 * i + 1], ns) && same(parts[3 * i + 2], prefix)) {
                return n;
            }
            n = ns.isEmpty() ? new NoNamespaceName(local) : new FingerprintedQName(prefix, NamespaceUri.of(ns), local);
            made[i] = n;
            parts[3 * i] = local;
            parts[3 * i + 1] = ns;
            parts[3 * i + 2] = prefix;
            return n;
        }

        private static boolean same(String a, String b) {
            return a == b || a.equals(b);
        }
    }
}
