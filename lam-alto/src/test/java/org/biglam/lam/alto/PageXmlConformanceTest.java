package org.biglam.lam.alto;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code page} format. */
class PageXmlConformanceTest extends ProviderConformance.ForSample {

    PageXmlConformanceTest() {
        super("page", "src/test/resources/page/page-2019-reading-order-words.xml", "page.xml");
    }
}
