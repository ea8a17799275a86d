package org.biglam.lam;

import java.nio.charset.StandardCharsets;
import org.biglam.lam.testing.ProviderConformance;

class JsonLinesConformanceTest extends ProviderConformance {

    @Override
    protected String formatId() {
        return "lam-jsonl";
    }

    @Override
    protected byte[] sample() {
        return ("{\"id\":\"a\",\"format\":\"tei\",\"source\":{\"uri\":\"file:///t.xml\"},\"text\":\"one\"}\n"
                + "{\"id\":\"b\",\"format\":\"tei\",\"source\":{\"uri\":\"file:///t.xml\"},\"text\":\"two\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
