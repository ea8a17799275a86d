package org.biglam.lam.tei;

import java.io.IOException;
import java.io.InputStream;
import org.biglam.lam.testing.ProviderConformance;

/** The shared provider conformance test, for {@code tei}. */
class TeiFormatConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "tei";
    }

    @Override
    protected byte[] sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tei/choice-pairs.xml")) {
            return in.readAllBytes();
        }
    }

    @Override
    protected String sampleName() {
        return "choice-pairs.xml";
    }
}
