package org.biglam.lam.edm;

import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void dump() throws Exception {
        try (java.io.PrintStream out = new java.io.PrintStream("/tmp/edm-dump.txt")) {
            for (Path f : Corpus.files("edm")) {
                List<LamRecord> rs = Harness.read(f);
                out.println("== " + f + " " + rs.size());
                for (int i : new int[] {0, rs.size() - 1}) {
                    if (i >= 0 && i < rs.size()) {
                        LamRecord r = rs.get(i);
                        out.println(r.id() + " " + r.labels() + " IMG=" + r.images() + " TEXT=" + r.text().orElse(null));
                    }
                }
            }
        }
    }
}
