package org.biglam.lam.edm.internal;

import com.ctc.wstx.stax.WstxInputFactory;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.SecureXml;

/** The StAX parser lam-edm reads with: Woodstox, set up by {@link SecureXml#secure} (no DTDs, no external entities, lam's limits). */
public final class XmlSupport {

    private static final ConcurrentHashMap<ReadLimits, XMLInputFactory> FACTORIES = new ConcurrentHashMap<>();

    private XmlSupport() {
    }

    /** The secure Woodstox factory for these limits (factories are thread-safe once configured). */
    public static XMLInputFactory factory(ReadLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, l -> SecureXml.secure(new WstxInputFactory(), l));
    }
}
