package org.biglam.lam.alto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biglam.lam.testing.ProviderConformance;

class HocrConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "hocr";
    }

    @Override
    protected byte[] sample() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/hocr/two-pages-html-not-xml.hocr"));
    }

    @Override
    protected String sampleName() {
        return "page.hocr";
    }
}
