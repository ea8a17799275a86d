package org.biglam.lam.oai;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code oai-pmh} format. */
class OaiPmhConformanceTest extends ProviderConformance.ForSample {

    OaiPmhConformanceTest() {
        super("oai-pmh", "src/test/resources/pages/page1.xml", "page1.xml");
    }
}
