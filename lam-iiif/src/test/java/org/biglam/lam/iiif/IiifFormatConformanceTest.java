package org.biglam.lam.iiif;

import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code iiif} format. */
class IiifFormatConformanceTest extends ProviderConformance.ForSample {

    IiifFormatConformanceTest() {
        super("iiif", "src/test/resources/iiif/same-object-v3.json", "manifest.json");
    }
}
