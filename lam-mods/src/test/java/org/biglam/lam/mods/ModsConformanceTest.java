package org.biglam.lam.mods;

import java.io.IOException;
import org.biglam.lam.testing.ProviderConformance;

class ModsConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "mods";
    }

    @Override
    protected byte[] sample() throws IOException {
        return ModsConformanceTest.class.getResourceAsStream("/collection.xml").readAllBytes();
    }

    @Override
    protected String sampleName() {
        return "collection.xml";
    }
}
