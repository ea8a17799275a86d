package org.biglam.lam.dc;

import java.io.IOException;
import org.biglam.lam.testing.ProviderConformance;

class DcConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "dc";
    }

    @Override
    protected byte[] sample() throws IOException {
        return DcConformanceTest.class.getResourceAsStream("/qdc.xml").readAllBytes();
    }

    @Override
    protected String sampleName() {
        return "qdc.xml";
    }
}
