package org.biglam.lam.ead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code ead} format. */
class EadConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "ead";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/ead/ead2002-numbered.xml"));
    }

    @Override
    protected String sampleName() {
        return "sample.xml";
    }
}
