package org.biglam.lam.alto;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code hocr} format. */
class HocrConformanceTest extends ProviderConformance.ForSample {

    HocrConformanceTest() {
        super("hocr", "src/test/resources/hocr/two-pages-html-not-xml.hocr", "page.hocr");
    }
}
