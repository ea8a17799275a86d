package org.biglam.lam.tei.internal;

import javax.xml.stream.XMLInputFactory;
import net.sf.saxon.s9api.Processor;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.SecureXml;

/**
 * What a provider shares between its readers: one Saxon {@link Processor} and the header
 * expressions compiled once with it. Thread-safe.
 */
public final class TeiEngine {

    private final Processor processor;
    private final HeaderLabels.Compiled header;
    private volatile ReadLimits factoryLimits;
    private volatile XMLInputFactory factory;

    /** Creates the processor (Saxon-HE, no licensed features) and compiles the expressions. */
    public TeiEngine() {
        this.processor = new Processor(false);
        this.header = new HeaderLabels.Compiled(processor);
    }

    /** The Saxon processor. */
    public Processor processor() {
        return processor;
    }

    HeaderLabels.Compiled header() {
        return header;
    }

    /**
     * The StAX factory for these limits, made once ({@code SecureXml}'s settings, with entity
     * references reported rather than replaced). A configured factory is shared to create readers.
     */
    XMLInputFactory inputFactory(ReadLimits limits) {
        XMLInputFactory f = factory;
        if (f != null && limits.equals(factoryLimits)) {
            return f;
        }
        synchronized (this) {
            if (factory != null && limits.equals(factoryLimits)) {
                return factory;
            }
            f = SecureXml.inputFactory(limits);
            // entity references are reported, not expanded: known character entities are filled in,
            // entities a document declares are refused, anything else is left out with a warning
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            factoryLimits = limits;
            factory = f;
            return f;
        }
    }
}
