package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/** What a user of the published artifacts does first: read a folder of holdings. */
class ReadsHoldingsTest {

    @Test
    void readsEveryFormatOfTheBundledHoldings() {
        Map<String, Integer> perFormat = new TreeMap<>();
        try (Stream<LamRecord> records = Lam.read(Path.of(System.getProperty("holdings")), ReadOptions.defaults())) {
            records.forEach(r -> perFormat.merge(r.format(), 1, Integer::sum));
        }
        for (String format : new String[] {"marc21", "marcxml", "tei", "mets", "iiif"}) {
            assertTrue(perFormat.getOrDefault(format, 0) > 0, "no " + format + " record in " + perFormat);
        }
        assertEquals(Lam.formats().size(), Lam.formats().stream().map(f -> f.id()).distinct().count());
    }
}
