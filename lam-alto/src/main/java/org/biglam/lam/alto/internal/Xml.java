package org.biglam.lam.alto.internal;

import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.SecureXml;

/** Secure StAX factories, one per set of limits (factories are thread-safe once configured). */
public final class Xml {

    private static final ConcurrentHashMap<ReadLimits, XMLInputFactory> FACTORIES = new ConcurrentHashMap<>();

    private Xml() {
    }

    /** The secure factory for these limits. */
    public static XMLInputFactory factory(ReadLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, SecureXml::inputFactory);
    }
}
