package org.biglam.lam.alto;

import java.io.IOException;
import java.nio.file.Files;
import org.biglam.lam.testing.ProviderConformance;

class AltoConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "alto";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Read.ALTO.resolve("v4-reading-order-tags-hyphenation.xml"));
    }

    @Override
    protected String sampleName() {
        return "page.xml";
    }
}
