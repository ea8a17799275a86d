package org.biglam.lam.lido;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code lido} format. */
class LidoConformanceTest extends ProviderConformance.ForSample {

    LidoConformanceTest() {
        super("lido", "src/test/resources/lido/wrap-1.0.xml", "sample.xml");
    }
}
