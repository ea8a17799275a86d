package org.biglam.lam.alto;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code alto} format. */
class AltoConformanceTest extends ProviderConformance.ForSample {

    AltoConformanceTest() {
        super("alto", "src/test/resources/alto/v4-reading-order-tags-hyphenation.xml", "page.xml");
    }
}
