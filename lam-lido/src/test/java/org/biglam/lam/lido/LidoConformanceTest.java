package org.biglam.lam.lido;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code lido} format. */
class LidoConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "lido";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/lido/wrap-1.0.xml"));
    }

    @Override
    protected String sampleName() {
        return "sample.xml";
    }
}
