package org.biglam.lam.alto;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code mets} format. */
class MetsConformanceTest extends ProviderConformance.ForSample {

    MetsConformanceTest() {
        super("mets", "src/test/resources/mets/package/mets.xml", "mets.xml");
    }
}
