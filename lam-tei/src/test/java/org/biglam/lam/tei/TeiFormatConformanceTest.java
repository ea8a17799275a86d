package org.biglam.lam.tei;

import org.biglam.lam.testing.ProviderConformance;

/** The shared provider conformance test, for {@code tei}. */
class TeiFormatConformanceTest extends ProviderConformance.ForSample {

    TeiFormatConformanceTest() {
        super("tei", "src/test/resources/tei/choice-pairs.xml", "choice-pairs.xml");
    }
}
