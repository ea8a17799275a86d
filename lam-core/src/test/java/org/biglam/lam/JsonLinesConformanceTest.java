package org.biglam.lam;

import java.nio.charset.StandardCharsets;
import org.biglam.lam.testing.ProviderConformance;

/** What every provider is held to, for the {@code lam-jsonl} format. */
class JsonLinesConformanceTest extends ProviderConformance.ForSample {

    JsonLinesConformanceTest() {
        super("lam-jsonl", ("{\"id\":\"a\",\"format\":\"tei\",\"source\":{\"uri\":\"file:///t.xml\"},\"text\":\"one\"}\n"
                + "{\"id\":\"b\",\"format\":\"tei\",\"source\":{\"uri\":\"file:///t.xml\"},\"text\":\"two\"}\n")
                .getBytes(StandardCharsets.UTF_8), "sample");
    }
}
