package org.biglam.lam.tei.internal;

import net.sf.saxon.s9api.Processor;

/**
 * What a provider shares between its readers: one Saxon {@link Processor} and the header
 * expressions compiled once with it. Thread-safe.
 */
public final class TeiEngine {

    private final Processor processor;
    private final HeaderLabels.Compiled header;

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
}
