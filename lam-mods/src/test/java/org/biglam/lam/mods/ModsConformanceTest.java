package org.biglam.lam.mods;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code mods} format. */
class ModsConformanceTest extends ProviderConformance.ForSample {

    ModsConformanceTest() {
        super("mods", "src/test/resources/collection.xml", "collection.xml");
    }
}
