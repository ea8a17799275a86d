package org.biglam.lam.oai;

import java.io.IOException;
import java.nio.file.Files;
import org.biglam.lam.testing.ProviderConformance;

class OaiPmhConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "oai-pmh";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(OaiPmhFormatTest.PAGES.resolve("page1.xml"));
    }

    @Override
    protected String sampleName() {
        return "page1.xml";
    }
}
