package org.biglam.lam.alto.internal;

import java.util.concurrent.ConcurrentHashMap;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.SecureXml;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The StAX factories lam-alto reads with.
 *
 * <p>ALTO pages, the bulk of the bytes, go through Aalto ({@link #alto()}), the fastest of the JDK
 * parser, Woodstox and Aalto on ALTO (the benchmark measures all three: Aalto's raw event pass is
 * about 1.5 times Woodstox's and 2.8 times the JDK's). Aalto never expands an entity but the
 * predefined ones and never reads a DTD, but has no limits of its own: {@link AltoParser} bounds
 * nesting, token length and distinct names itself, and each document gets a factory of its own, so
 * that Aalto's name table, which slows down past some tens of thousands of names, never outlives
 * one document.
 *
 * <p>METS and PAGE XML documents go through Woodstox ({@link #factory}), one factory per set of
 * limits (factories are thread-safe once configured), set up by {@link SecureXml#secure} (no DTDs,
 * no external entities, nesting, attribute and text limits).
 */
public final class Xml {

    private static final ConcurrentHashMap<ReadLimits, XMLInputFactory> FACTORIES = new ConcurrentHashMap<>();

    private Xml() {
    }

    /**
     * A new Aalto factory for one ALTO document: no DTD support, no external entities, namespace
     * aware, names interned (as {@link NameGuard} expects), text not coalesced.
     */
    public static XMLInputFactory alto() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory2.P_INTERN_NAMES, true);
        return f;
    }

    /** The secure Woodstox factory for these limits. */
    public static XMLInputFactory factory(ReadLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, l -> SecureXml.secure(new WstxInputFactory(), l));
    }
}
