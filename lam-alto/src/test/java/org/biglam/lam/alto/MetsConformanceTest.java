package org.biglam.lam.alto;

import java.io.IOException;
import java.nio.file.Files;
import org.biglam.lam.testing.ProviderConformance;

class MetsConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "mets";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Read.METS.resolve("mets.xml"));
    }

    @Override
    protected String sampleName() {
        return "mets.xml";
    }
}
