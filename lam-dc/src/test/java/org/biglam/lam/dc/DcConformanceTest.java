package org.biglam.lam.dc;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code dc} format. */
class DcConformanceTest extends ProviderConformance.ForSample {

    DcConformanceTest() {
        super("dc", "src/test/resources/qdc.xml", "qdc.xml");
    }
}
