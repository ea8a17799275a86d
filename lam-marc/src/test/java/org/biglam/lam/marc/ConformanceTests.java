package org.biglam.lam.marc;

import org.biglam.lam.testing.ProviderConformance;
import org.junit.jupiter.api.Nested;

/** The shared provider conformance test, once per MARC provider. */
class ConformanceTests {

    @Nested
    class Marc21 extends ProviderConformance.ForSample {
        Marc21() {
            super("marc21", MarcBytes.concat(
                    WriteFixtures.book(MarcBytes.utf8(), "c-1", "Conformance one", "One, Ona").bytes(),
                    WriteFixtures.book(MarcBytes.marc8(), "c-2", "Conformance twö", "Two, Tèo").bytes()),
                    "sample.mrc");
        }
    }

    @Nested
    class MarcXml extends ProviderConformance.ForSample {
        MarcXml() {
            super("marcxml", Reading.bytes("marcxml-collection-without-namespace.xml"), "sample.xml");
        }
    }

    @Nested
    class MarcJson extends ProviderConformance.ForSample {
        MarcJson() {
            super("marc-json", Reading.bytes("marc-in-json-array.json"), "sample.json");
        }
    }

    @Nested
    class MarcEdit extends ProviderConformance.ForSample {
        MarcEdit() {
            super("mrk", Reading.bytes("twin.mrk"), "sample.mrk");
        }
    }
}
