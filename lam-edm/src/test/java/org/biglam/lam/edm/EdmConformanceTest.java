package org.biglam.lam.edm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code edm} format. */
class EdmConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "edm";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/edm/external.xml"));
    }

    @Override
    protected String sampleName() {
        return "sample.xml";
    }
}
