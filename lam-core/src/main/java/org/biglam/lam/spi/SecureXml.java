package org.biglam.lam.spi;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import org.biglam.lam.ReadLimits;

/**
 * XML parser factories set up the one safe way every lam reader uses: no DTD is fetched, no
 * external entity is resolved (XXE), entities declared in a document's own DTD are not expanded
 * (so entity bombs are refused), and the JDK's limits on nesting, attributes and entity sizes are
 * applied. A document that names a DTD it does not ship (as TEI P4 files do) still reads.
 *
 * <p>lam's StAX readers parse with {@link AaltoXml}, which adds lam's own bounds to Aalto; this
 * class is for the JDK's parsers (detection, TEI's StAX and DOM, MARCXML's SAX).
 *
 * <p>Each call returns a new factory; factories are not thread-safe to configure but may be shared
 * to create parsers once configured (StAX) as the JDK documents.
 *
 * @since 0.1
 */
public final class SecureXml {

    private static final String JDK_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/";
    private static final String WOODSTOX_PROPERTY = "com.ctc.wstx.";

    private SecureXml() {
    }

    /**
     * A StAX input factory (the JDK's own, never one found on the class path): no DTD support, no
     * external entities, namespace aware, coalescing off, with JDK limits from {@code limits}.
     *
     * @param limits the limits, for nesting depth
     * @return a new factory
     */
    public static XMLInputFactory inputFactory(ReadLimits limits) {
        return secure(XMLInputFactory.newDefaultFactory(), limits);
    }

    /**
     * Sets up another StAX implementation (Woodstox, say, for speed) the same safe way: no DTD
     * support, no external entities, namespace aware, and the limits in the JDK's and Woodstox's
     * own property names (a factory ignores names it does not know). A format module that uses
     * this must test that its factory refuses XXE, entity bombs and deep nesting.
     *
     * @param factory a new factory, not yet shared
     * @param limits the limits, for nesting depth and text sizes
     * @return the same factory, configured
     * @since 0.1
     */
    public static XMLInputFactory secure(XMLInputFactory factory, ReadLimits limits) {
        XMLInputFactory f = factory;
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        trySet(f, JDK_PROPERTY + "maxElementDepth", Integer.toString(limits.maxNestingDepth()));
        trySet(f, JDK_PROPERTY + "elementAttributeLimit", "10000");
        trySet(f, JDK_PROPERTY + "entityExpansionLimit", "1000");
        trySet(f, JDK_PROPERTY + "maxGeneralEntitySizeLimit", Integer.toString(limits.maxStringLength()));
        trySet(f, JDK_PROPERTY + "totalEntitySizeLimit", Integer.toString(limits.maxStringLength()));
        trySet(f, WOODSTOX_PROPERTY + "maxElementDepth", limits.maxNestingDepth());
        trySet(f, WOODSTOX_PROPERTY + "maxAttributesPerElement", 10_000);
        trySet(f, WOODSTOX_PROPERTY + "maxAttributeSize", limits.maxStringLength());
        trySet(f, WOODSTOX_PROPERTY + "maxTextLength", limits.maxStringLength());
        trySet(f, WOODSTOX_PROPERTY + "maxEntityCount", 1_000);
        trySet(f, WOODSTOX_PROPERTY + "maxEntityDepth", 10);
        return f;
    }

    private static void trySet(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException ignored) {
            // a factory that does not know the property has no such feature to turn off
        }
    }

    /**
     * A SAX parser factory (the JDK's own): namespace aware, secure processing on, external
     * general and parameter entities off, external DTDs not loaded.
     *
     * @return a new factory
     */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refused a security feature", e);
        }
        return f;
    }

    /**
     * A DOM document builder factory (the JDK's own) set up like {@link #saxParserFactory()}.
     *
     * @return a new factory
     */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser refused a security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }
}
