package org.biglam.lam.tei.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.om.NamespaceBinding;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.tree.tiny.TinyDocumentImpl;
import net.sf.saxon.type.Type;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;
import org.junit.jupiter.api.Test;

/**
 * What {@link SaxonTinyTreeFeed} relies on in Saxon, checked against the Saxon on the class path: a
 * tree fed through it must be the tree Saxon's own {@code DocumentBuilder} builds from the same
 * document (serialized alike; the same names, fingerprints, namespaces in scope, attributes, types,
 * IDs, languages, text nodes and node classes, white space kept compactly where Saxon keeps it so).
 * A failure here means a Saxon upgrade changed what the feed does with Saxon's internal receiver
 * API, and says what to re-check before TEI is read wrong.
 */
class SaxonTinyTreeFeedTest {

    private static final String RECHECK = " Re-check SaxonTinyTreeFeed (and TextWalker, which reads the TinyTree it builds) "
            + "against this Saxon version (" + net.sf.saxon.Version.getProductVersion() + ") before upgrading.";

    private static final String TEI_NS = TeiNames.TEI_NS;

    private static final TeiEngine ENGINE = new TeiEngine();
    private static final Processor SAXON = ENGINE.processor();

    /** A P5 document with what the feed treats apart: namespaces, prefixes, attributes, text, white space. */
    private static final String P5 = "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<TEI xmlns='" + TEI_NS + "' xmlns:xlink='http://www.w3.org/1999/xlink' xml:id='d1' xml:lang='de'>\n"
            + "  <teiHeader><fileDesc><titleStmt><title type='main'>Brief</title></titleStmt></fileDesc></teiHeader>\n"
            + "  <text xml:space='preserve'>\n"
            + "    <body>\n"
            // namespaced attributes (a prefix declared around the element, one declared on it)
            + "      <p xml:id='p1' rend='x' xlink:href='#a'>Text <hi rend='i'>und</hi> mehr &amp; <![CDATA[<roh>]]>"
            + " &#x2014; &#160;Ende &#x1D504; &lt;</p>\n"
            + "      <ref xmlns:x='urn:x' x:type='t' target='#p1'/>\n"
            // the TEI namespace under a prefix of its own, on an element and an attribute
            + "      <p xml:lang='en'><tei:hi xmlns:tei='" + TEI_NS + "' tei:rend='b'>bold</tei:hi></p>\n"
            // a prefix rebound inside itself, on elements and attributes
            + "      <a:x xmlns:a='urn:one' a:att='1'><a:y xmlns:a='urn:two' a:att='2'><a:z/></a:y><a:w a:att='3'/></a:x>\n"
            // a default namespace changed, then undeclared
            + "      <egXML xmlns='http://www.tei-c.org/ns/Examples'><p>example</p>"
            + "<p xmlns=''>no namespace <q>still none</q> <tei:p xmlns:tei='" + TEI_NS + "'>back</tei:p></p></egXML>\n"
            + "      <ab xmlns='urn:other' xmlns:xlink='urn:not-xlink' xlink:type='rebound'>other <lb/></ab>\n"
            // white space alone: right after a start tag, between tags, before an end tag
            + "      <p>   </p>\n"
            + "      <p>\n\t  </p>\n"
            + "      <lb/>   <lb/>  \n"
            + "      <p>" + "lang und breit, ".repeat(700) + "</p>\n"
            + "    </body>\n"
            + "  </text>\n"
            + "</TEI>\n";

    @Test
    void saxonOnTheClassPathIsTheLineTheFeedWasWrittenFor() {
        String version = net.sf.saxon.Version.getProductVersion();
        assertThat(major(version)).withFailMessage("Saxon %s is on the class path; SaxonTinyTreeFeed was written against "
                + "Saxon %s.x (SAXON_LINE), whose internal Receiver API (Builder, NamespaceMap, AttributeInfo, "
                + "ReceiverOption, StringTool.compress) it feeds directly: run SaxonTinyTreeFeedTest and the TEI "
                + "corpus tests, re-check the assumptions in SaxonTinyTreeFeed's Javadoc, then set SAXON_LINE."
                + RECHECK, version, SaxonTinyTreeFeed.SAXON_LINE).isEqualTo(SaxonTinyTreeFeed.SAXON_LINE);
    }

    @Test
    void thePomAsksForTheLineTheFeedWasWrittenFor() throws IOException {
        Path pom = Path.of("..", "pom.xml");
        assumeTrue(Files.isRegularFile(pom), "the parent pom is not at ../pom.xml (run from lam-tei)");
        Matcher m = Pattern.compile("<saxon\\.version>([^<]+)</saxon\\.version>").matcher(Files.readString(pom));
        assertThat(m.find()).withFailMessage("../pom.xml no longer sets saxon.version").isTrue();
        assertThat(major(m.group(1))).withFailMessage("the pom asks for Saxon %s; SaxonTinyTreeFeed was written against "
                + "Saxon %s.x (SAXON_LINE): re-check it before upgrading, then set SAXON_LINE.", m.group(1),
                SaxonTinyTreeFeed.SAXON_LINE).isEqualTo(SaxonTinyTreeFeed.SAXON_LINE);
    }

    private static int major(String version) {
        return Integer.parseInt(version.trim().split("\\.")[0]);
    }

    @Test
    void buildsATinyTreeAsTheProcessorsDocumentBuilderDoes() throws Exception {
        XdmNode fed = fed(P5, false);
        assertThat(fed.getUnderlyingNode()).withFailMessage("the feed no longer builds a TinyTree (got %s): the "
                + "processor's default tree model changed, and TextWalker reads the TinyTree's arrays." + RECHECK,
                fed.getUnderlyingNode().getClass().getName()).isInstanceOf(TinyDocumentImpl.class);
        assertThat(saxon(P5).getUnderlyingNode()).isInstanceOf(TinyDocumentImpl.class);
    }

    @Test
    void treeFedFromADocumentIsTheTreeSaxonBuildsFromIt() throws Exception {
        XdmNode fed = fed(P5, false);
        assertSameTree(fed, saxon(P5), "the P5 document");
        // and not only alike: xml:id is an ID, xml:lang a language, white space kept as written
        List<String> seen = strings(fed, "name(id('p1')), lang('en', (//*:hi)[2]), lang('de', id('p1')), "
                + "string-length((//*:p)[last() - 1]), (//*:p)[last() - 2] = '   '");
        assertThat(seen).withFailMessage("id(), lang() or the white space of a tree built through SaxonTinyTreeFeed "
                + "changed: %s." + RECHECK, seen).containsExactly("p", "true", "true", "4", "true");
    }

    @Test
    void textFedInPiecesMakesOneTextNodeAsSaxonsBridgeDoes() throws Exception {
        // parsers hand text in pieces where they like (buffer ends, CDATA, character references)
        XdmNode fed = fed(P5, true);
        assertSameTree(fed, saxon(P5), "the P5 document, its text fed a few characters at a time");
        assertThat(strings(fed, "count(//text()[preceding-sibling::node()[1][self::text()]])"))
                .withFailMessage("adjacent text fed between two tags no longer makes one text node." + RECHECK)
                .containsExactly("0");
    }

    @Test
    void oneFeedBuildsTreeAfterTreeAndDropsOneLeftUnfinished() throws Exception {
        SaxonTinyTreeFeed feed = ENGINE.treeFeed();
        XdmNode first = feed(feed, P5, false);
        // a tree given up half way (TeiCutter does so with a document over maxRecordBytes)
        feed.startDocument();
        feed.inScope("q", "urn:left-over");
        feed.startElement("", TEI_NS, "TEI");
        feed.namespace("z", "urn:z");
        feed.endStartTag();
        start(feed, "", TEI_NS, "text");
        char[] text = "left over".toCharArray();
        feed.characters(text, 0, text.length);
        XdmNode second = feed(feed, P5, true);
        assertSameTree(first, saxon(P5), "the first tree of a feed");
        assertSameTree(second, saxon(P5), "a tree fed after one left unfinished");
    }

    @Test
    void namespacesDeclaredAroundTheDocumentAreInScopeOfItsRoot() throws Exception {
        // TeiCutter feeds a corpus's declarations to each TEI document inside it, innermost last
        SaxonTinyTreeFeed feed = ENGINE.treeFeed();
        feed.startDocument();
        feed.inScope("", TEI_NS);
        feed.inScope("xlink", "http://www.w3.org/1999/xlink");
        feed.inScope("a", "urn:one");
        feed.inScope("a", "urn:two");
        start(feed, "", TEI_NS, "TEI", "xml", "http://www.w3.org/XML/1998/namespace", "id", "t1");
        start(feed, "a", "urn:two", "x", "xlink", "http://www.w3.org/1999/xlink", "href", "#t1");
        feed.endElement();
        feed.endElement();
        XdmNode fed = feed.endDocument();
        String expected = "<TEI xmlns='" + TEI_NS + "' xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:a='urn:two' "
                + "xml:id='t1'><a:x xlink:href='#t1'/></TEI>";
        assertSameTree(fed, saxon(expected), "a document with namespaces declared around it");
    }

    @Test
    void namesBindTheirOwnPrefixesAsSaxonsNamespaceReducerWould() throws Exception {
        // no declaration fed for these: the feed must bind each name's prefix itself, and take a name
        // in no namespace as undeclaring the default namespace
        SaxonTinyTreeFeed feed = ENGINE.treeFeed();
        feed.startDocument();
        feed.inScope("a", "urn:one");
        start(feed, "", TEI_NS, "TEI");
        start(feed, "b", "urn:b", "y", "c", "urn:c", "z", "1");
        start(feed, "a", "urn:two", "x", "a", "urn:two", "w", "2");
        start(feed, "", "", "plain", "", "", "n", "3");
        feed.endElement();
        feed.endElement();
        feed.endElement();
        start(feed, "a", "urn:one", "v");
        feed.endElement();
        feed.endElement();
        XdmNode fed = feed.endDocument();
        String expected = "<TEI xmlns='" + TEI_NS + "' xmlns:a='urn:one'><b:y xmlns:b='urn:b' xmlns:c='urn:c' c:z='1'>"
                + "<a:x xmlns:a='urn:two' a:w='2'><plain xmlns='' n='3'/></a:x></b:y><a:v/></TEI>";
        assertSameTree(fed, saxon(expected), "a document fed with no namespace declarations");
    }

    /** P4 and P5 without a namespace, with what TeiCutter moves, and their P5 equivalents as Saxon builds them. */
    private static final String P4 = "<?xml version='1.0'?>\n"
            + "<TEI.2 id='d2' lang='de'>\n"
            + " <teiHeader><fileDesc><titleStmt><title>P4</title></titleStmt></fileDesc></teiHeader>\n"
            + " <text><body>\n"
            + "  <p id='p1' lang='en' rend='x'>one <hi>two</hi></p>\n"
            + "  <p xml:lang='fr' n='id'>already in the XML namespace</p>\n"
            + "  <svg:svg xmlns:svg='http://www.w3.org/2000/svg' id='s'><svg:g/></svg:svg>\n"
            + "  <egXML xmlns='http://www.tei-c.org/ns/Examples'><p>x</p></egXML>\n"
            + "  <p>  </p>\n"
            + " </body></text>\n"
            + "</TEI.2>\n";

    private static final String P4_AS_P5 = "<?xml version='1.0'?>\n"
            + "<TEI xmlns='" + TEI_NS + "' xml:id='d2' xml:lang='de'>\n"
            + " <teiHeader><fileDesc><titleStmt><title>P4</title></titleStmt></fileDesc></teiHeader>\n"
            + " <text><body>\n"
            + "  <p xml:id='p1' xml:lang='en' rend='x'>one <hi>two</hi></p>\n"
            + "  <p xml:lang='fr' n='id'>already in the XML namespace</p>\n"
            + "  <svg:svg xmlns:svg='http://www.w3.org/2000/svg' id='s'><svg:g/></svg:svg>\n"
            + "  <egXML xmlns='http://www.tei-c.org/ns/Examples'><p>x</p></egXML>\n"
            + "  <p>  </p>\n"
            + " </body></text>\n"
            + "</TEI>\n";

    @Test
    void legacyDocumentIsMovedIntoTheTeiNamespaceAsTheSameDocumentInP5() throws Exception {
        List<TeiCutter.Piece> pieces = cut(P4);
        assertThat(pieces).hasSize(1);
        assertSameTree(pieces.get(0).root(), saxon(P4_AS_P5), "the P4 document moved into the TEI namespace");
    }

    @Test
    void legacyCorpusIsMovedIntoTheTeiNamespaceDocumentByDocument() throws Exception {
        String corpus = "<teiCorpus.2 xmlns:xlink='http://www.w3.org/1999/xlink'>"
                + "<teiHeader id='ch'><fileDesc><titleStmt><title>C</title></titleStmt></fileDesc></teiHeader>\n"
                + P4.substring(P4.indexOf("<TEI.2"))
                + "<TEI.2 id='d3'><text><body><p xlink:href='#d2'>three</p></body></text></TEI.2>"
                + "</teiCorpus.2>";
        List<TeiCutter.Piece> pieces = cut(corpus);
        assertThat(pieces).hasSize(2);
        String xlink = " xmlns:xlink='http://www.w3.org/1999/xlink'";
        assertSameTree(pieces.get(0).root(), saxon(P4_AS_P5.replace("<TEI xmlns", "<TEI" + xlink + " xmlns")),
                "the first P4 document of a corpus");
        assertSameTree(pieces.get(1).root(), saxon("<TEI xmlns='" + TEI_NS + "'" + xlink + " xml:id='d3'>"
                + "<text><body><p xlink:href='#d2'>three</p></body></text></TEI>"), "the second P4 document of a corpus");
        assertThat(pieces.get(0).corpusHeaders()).hasSize(1);
        assertSameTree(pieces.get(0).corpusHeaders().get(0), saxon("<teiHeader xmlns='" + TEI_NS + "'" + xlink
                + " xml:id='ch'><fileDesc><titleStmt><title>C</title></titleStmt></fileDesc></teiHeader>"),
                "the header of a P4 corpus");
    }

    @Test
    void p5DocumentInACorpusHasTheCorpussNamespacesInScope() throws Exception {
        String corpus = "<teiCorpus xmlns='" + TEI_NS + "' xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:a='urn:one'>"
                + "<teiHeader><fileDesc><titleStmt><title>C</title></titleStmt></fileDesc></teiHeader>"
                + "<TEI xmlns:a='urn:two' xml:id='t'><text><body><p xlink:href='#t'><a:b>x</a:b></p></body></text></TEI>"
                + "</teiCorpus>";
        List<TeiCutter.Piece> pieces = cut(corpus);
        assertThat(pieces).hasSize(1);
        assertSameTree(pieces.get(0).root(), saxon("<TEI xmlns='" + TEI_NS + "' xmlns:xlink='http://www.w3.org/1999/xlink' "
                + "xmlns:a='urn:two' xml:id='t'><text><body><p xlink:href='#t'><a:b>x</a:b></p></body></text></TEI>"),
                "a P5 document in a corpus");
    }

    @Test
    void p5DocumentThatForgotItsNamespaceIsMovedIntoIt() throws Exception {
        String forgot = "<TEI><text><body><p id='a'>x <hi rend='b'>y</hi></p></body></text></TEI>";
        assertSameTree(cut(forgot).get(0).root(), saxon("<TEI xmlns='" + TEI_NS + "'><text><body><p xml:id='a'>x "
                + "<hi rend='b'>y</hi></p></body></text></TEI>"), "a P5 document without its namespace");
    }

    // ---- building trees

    /** Saxon's own tree of the document: the processor's {@code DocumentBuilder}, as it comes. */
    private static XdmNode saxon(String xml) throws SaxonApiException {
        return SAXON.newDocumentBuilder().build(new StreamSource(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static XdmNode fed(String xml, boolean inPieces) throws Exception {
        return feed(ENGINE.treeFeed(), xml, inPieces);
    }

    /**
     * Feeds every element and text of the document, parsed by lam's guarded Aalto, through the feed
     * as the parser reports them; {@code inPieces} hands each text over three characters at a time.
     */
    private static XdmNode feed(SaxonTinyTreeFeed feed, String xml, boolean inPieces) throws Exception {
        XMLStreamReader r = ENGINE.inputFactory(ReadLimits.defaults())
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        feed.startDocument();
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT:
                    feed.startElement(nz(r.getPrefix()), nz(r.getNamespaceURI()), r.getLocalName());
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        feed.namespace(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        feed.attribute(nz(r.getAttributePrefix(i)), nz(r.getAttributeNamespace(i)),
                                r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    feed.endStartTag();
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    feed.endElement();
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    char[] text = r.getTextCharacters();
                    int start = r.getTextStart();
                    int end = start + r.getTextLength();
                    for (int at = start; at < end; at += inPieces ? 3 : end - start) {
                        feed.characters(text, at, Math.min(end, at + (inPieces ? 3 : end - start)) - at);
                    }
                    break;
                default:
                    break;
            }
        }
        r.close();
        return feed.endDocument();
    }

    /** Feeds a start tag, its attributes given as prefix, namespace, local name and value, four by four. */
    private static void start(SaxonTinyTreeFeed feed, String prefix, String ns, String local, String... atts)
            throws SaxonTinyTreeFeed.BuildException {
        feed.startElement(prefix, ns, local);
        for (int i = 0; i < atts.length; i += 4) {
            feed.attribute(atts[i], atts[i + 1], atts[i + 2], atts[i + 3]);
        }
        feed.endStartTag();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<TeiCutter.Piece> cut(String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ReadContext ctx = ReadContext.of(Input.of("mem:test.xml", "test.xml", bytes), ReadOptions.defaults(), "document");
        TeiCutter cutter = new TeiCutter(new ByteArrayInputStream(bytes), ENGINE.inputFactory(ctx.limits()),
                ENGINE.treeFeed(), ctx);
        List<TeiCutter.Piece> pieces = new ArrayList<>();
        for (TeiCutter.Piece p = cutter.next(); p != null; p = cutter.next()) {
            pieces.add(p);
        }
        cutter.close();
        return pieces;
    }

    // ---- comparing trees

    /** What XPath sees of every node, in document order. */
    private static final String DESCRIBE = "for $n in (//node() | //@*) return "
            + "if ($n instance of element()) then string-join(("
            + "  'element', name($n), '{' || namespace-uri($n) || '}',"
            + "  'untyped=' || ($n instance of element(*, xs:untyped)),"
            + "  'lang(de)=' || lang('de', $n), 'lang(en)=' || lang('en', $n),"
            + "  'in scope:', sort(in-scope-prefixes($n) ! (. || '=' || namespace-uri-for-prefix(., $n)))), ' ')"
            + " else if ($n instance of attribute()) then string-join(("
            + "  'attribute', name($n), '{' || namespace-uri($n) || '}', '=' || $n,"
            + "  'untypedAtomic=' || ($n instance of attribute(*, xs:untypedAtomic)),"
            + "  'id() finds ' || name(id(string($n), $n))), ' ')"
            + " else if ($n instance of text()) then 'text ' || (if (normalize-space($n) = '') then '(white) ' else '')"
            + "   || string-length($n) || ' [' || $n || ']'"
            + " else if ($n instance of document-node()) then 'document'"
            + " else 'other ' || $n";

    private static void assertSameTree(XdmNode fed, XdmNode saxon, String what) throws SaxonApiException {
        String expected = serialized(saxon);
        assertThat(serialized(fed)).withFailMessage("%s serializes otherwise when built through SaxonTinyTreeFeed:%n%s%n"
                + "than when Saxon's DocumentBuilder builds it:%n%s%n" + RECHECK, what, serialized(fed), expected)
                .isEqualTo(expected);
        List<String> seen = strings(saxon, DESCRIBE);
        assertThat(seen).hasSizeGreaterThan(3);
        assertSameLines(strings(fed, DESCRIBE), seen, "XPath sees " + what + " otherwise when built through "
                + "SaxonTinyTreeFeed than when Saxon's DocumentBuilder builds it");
        assertSameLines(nodes(fed), nodes(saxon), "the tree of " + what + " is made otherwise through "
                + "SaxonTinyTreeFeed than by Saxon's DocumentBuilder (node classes, fingerprints, namespaces, IDs, "
                + "white space kept compactly)");
    }

    /** Equal lists, or a failure naming the first line that differs, then both lists. */
    private static void assertSameLines(List<String> fed, List<String> saxon, String message) {
        int i = 0;
        while (i < fed.size() && i < saxon.size() && fed.get(i).equals(saxon.get(i))) {
            i++;
        }
        String first = "line " + (i + 1) + ": fed '" + (i < fed.size() ? fed.get(i) : "(none)") + "', Saxon's '"
                + (i < saxon.size() ? saxon.get(i) : "(none)") + "'";
        assertThat(fed).withFailMessage("%s; first difference at %s.%s%nFed:%n%s%nSaxon's:%n%s", message, first, RECHECK,
                String.join("\n", fed), String.join("\n", saxon)).isEqualTo(saxon);
    }

    private static String serialized(XdmNode node) throws SaxonApiException {
        return SAXON.newSerializer().serializeNodeToString(node);
    }

    private static List<String> strings(XdmNode node, String xpath) throws SaxonApiException {
        XPathCompiler c = SAXON.newXPathCompiler();
        XPathSelector s = c.compile(xpath).load();
        s.setContextItem(node);
        List<String> out = new ArrayList<>();
        for (XdmItem item : s) {
            out.add(item.getStringValue());
        }
        return out;
    }

    /**
     * What Saxon's Java side sees of every node, in document order: its class (a TinyTree keeps white
     * space compactly in {@code WhitespaceTextImpl} nodes), kind, fingerprint in the processor's name
     * pool, name, whether it is an ID, its namespaces, its text.
     */
    private static List<String> nodes(XdmNode doc) {
        List<String> out = new ArrayList<>();
        describe(doc.getUnderlyingNode(), out);
        return out;
    }

    private static void describe(NodeInfo n, List<String> out) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName()).append(' ').append(n.getNodeKind());
        if (n.getNodeKind() == Type.ELEMENT || n.getNodeKind() == Type.ATTRIBUTE) {
            b.append(" fp=").append(n.getFingerprint()).append(' ').append(n.getDisplayName()).append(" {")
                    .append(n.getNamespaceUri()).append("} id=").append(n.isId());
        }
        if (n.getNodeKind() == Type.ELEMENT) {
            List<String> ns = new ArrayList<>();
            for (NamespaceBinding nb : n.getAllNamespaces()) {
                ns.add(nb.getPrefix() + "=" + nb.getNamespaceUri());
            }
            ns.sort(null);
            b.append(" ns=").append(ns);
        }
        if (n.getNodeKind() == Type.TEXT || n.getNodeKind() == Type.ATTRIBUTE) {
            b.append(" [").append(n.getStringValue()).append(']');
        }
        out.add(b.toString());
        if (n.getNodeKind() == Type.ELEMENT) {
            AxisIterator atts = n.iterateAxis(net.sf.saxon.om.AxisInfo.ATTRIBUTE);
            for (NodeInfo a = atts.next(); a != null; a = atts.next()) {
                describe(a, out);
            }
        }
        if (n.hasChildNodes()) {
            AxisIterator kids = n.iterateAxis(net.sf.saxon.om.AxisInfo.CHILD);
            for (NodeInfo k = kids.next(); k != null; k = kids.next()) {
                describe(k, out);
            }
        }
    }
}
