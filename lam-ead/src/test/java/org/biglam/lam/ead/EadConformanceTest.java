package org.biglam.lam.ead;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code ead} format. */
class EadConformanceTest extends ProviderConformance.ForSample {

    EadConformanceTest() {
        super("ead", "src/test/resources/ead/ead2002-numbered.xml", "sample.xml");
    }
}
