package org.biglam.lam.marc;

import org.biglam.lam.testing.ProviderConformance;
import org.junit.jupiter.api.Nested;

/** The shared provider conformance test, once per MARC provider. */
class ConformanceTests {

    @Nested
    class Marc21 extends ProviderConformance {
        @Override
        protected String formatId() {
            return "marc21";
        }

        @Override
        protected byte[] sample() {
            return MarcBytes.concat(
                    WriteFixtures.book(MarcBytes.utf8(), "c-1", "Conformance one", "One, Ona").bytes(),
                    WriteFixtures.book(MarcBytes.marc8(), "c-2", "Conformance twö", "Two, Tèo").bytes());
        }

        @Override
        protected String sampleName() {
            return "sample.mrc";
        }
    }

    @Nested
    class MarcXml extends ProviderConformance {
        @Override
        protected String formatId() {
            return "marcxml";
        }

        @Override
        protected byte[] sample() {
            return Reading.bytes("marcxml-collection-without-namespace.xml");
        }

        @Override
        protected String sampleName() {
            return "sample.xml";
        }
    }

    @Nested
    class MarcJson extends ProviderConformance {
        @Override
        protected String formatId() {
            return "marc-json";
        }

        @Override
        protected byte[] sample() {
            return Reading.bytes("marc-in-json-array.json");
        }

        @Override
        protected String sampleName() {
            return "sample.json";
        }
    }

    @Nested
    class MarcEdit extends ProviderConformance {
        @Override
        protected String formatId() {
            return "mrk";
        }

        @Override
        protected byte[] sample() {
            return Reading.bytes("twin.mrk");
        }

        @Override
        protected String sampleName() {
            return "sample.mrk";
        }
    }
}
