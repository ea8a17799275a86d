package org.biglam.lam.tei.internal;

import javax.xml.stream.XMLInputFactory;
import net.sf.saxon.om.TreeModel;
import net.sf.saxon.s9api.Processor;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.AaltoXml;

/**
 * What a provider shares between its readers: one Saxon {@link Processor} and the header
 * expressions compiled once with it. Thread-safe.
 */
public final class TeiEngine {

    private final Processor processor;
    private final HeaderLabels.Compiled header;
    /** The tree model documents are built in: the processor's default, as its {@code DocumentBuilder} takes. */
    private final TreeModel treeModel;

    /** Creates the processor (Saxon-HE, no licensed features) and compiles the expressions. */
    public TeiEngine() {
        this.processor = new Processor(false);
        this.header = new HeaderLabels.Compiled(processor);
        this.treeModel = processor.newDocumentBuilder().getTreeModel();
    }

    /** A new feed of trees into this processor's tree model, for one reader. */
    SaxonTinyTreeFeed treeFeed() {
        return new SaxonTinyTreeFeed(processor.getUnderlyingConfiguration(), treeModel);
    }

    /** The Saxon processor. */
    public Processor processor() {
        return processor;
    }

    HeaderLabels.Compiled header() {
        return header;
    }

    /**
     * The StAX factory for these limits: lam-core's guarded Aalto, with entity references reported
     * rather than refused (known character entities are filled in, entities a document declares are
     * refused, anything else is left out with a warning). Made once per limits and shared.
     */
    XMLInputFactory inputFactory(ReadLimits limits) {
        return AaltoXml.entityReportingFactory(limits);
    }
}
