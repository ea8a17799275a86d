package org.biglam.lam.edm;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code edm} format. */
class EdmConformanceTest extends ProviderConformance.ForSample {

    EdmConformanceTest() {
        super("edm", "src/test/resources/edm/external.xml", "sample.xml");
    }
}
