package org.biglam.lam.alto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.testing.ProviderConformance;

class PageXmlConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "page";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/page/page-2019-reading-order-words.xml"));
    }

    @Override
    protected String sampleName() {
        return "page.xml";
    }
}
