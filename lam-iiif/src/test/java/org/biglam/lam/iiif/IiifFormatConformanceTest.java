package org.biglam.lam.iiif;

import java.io.IOException;
import java.nio.file.Files;
import org.biglam.lam.testing.ProviderConformance;

class IiifFormatConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "iiif";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(IiifTesting.fixture("same-object-v3.json"));
    }

    @Override
    protected String sampleName() {
        return "manifest.json";
    }
}
