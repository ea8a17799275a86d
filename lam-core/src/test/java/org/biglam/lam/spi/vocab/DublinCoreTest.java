package org.biglam.lam.spi.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.biglam.lam.LamRecord;
import org.junit.jupiter.api.Test;

class DublinCoreTest {

    @Test
    void keepsEachValueUnderItsPropertyAndMapsItToTheUniformLabel() {
        LamRecord.Builder b = LamRecord.builder("r", "dc");
        DublinCore.add(b, DublinCore.DC, "title", "A history of Whitby");
        DublinCore.add(b, DublinCore.DCTERMS, "issued", "c1779");
        DublinCore.add(b, DublinCore.DC, "language", "eng; lat");
        DublinCore.add(b, DublinCore.DCTERMS, "spatial", "Whitby");
        DublinCore.add(b, DublinCore.DCTERMS, "isPartOf", "Yorkshire pamphlets");
        DublinCore.add(b, DublinCore.DC, "format", "text/xml");
        LamRecord r = b.build();
        assertThat(r.label("dc:title")).containsExactly("A history of Whitby");
        assertThat(r.label("title")).containsExactly("A history of Whitby");
        assertThat(r.label("dcterms:issued")).containsExactly("c1779");
        assertThat(r.label("date")).containsExactly("1779");
        assertThat(r.label("dc:language")).containsExactly("eng; lat");
        assertThat(r.label("language")).containsExactly("en", "la");
        assertThat(r.label("place")).containsExactly("Whitby");
        assertThat(r.label("collection")).containsExactly("Yorkshire pamphlets");
        assertThat(r.label("dc:format")).containsExactly("text/xml");
        assertThat(r.labels()).doesNotContainKey("format");
    }

    @Test
    void leavesOtherNamespacesAndBlankValuesOut() {
        LamRecord.Builder b = LamRecord.builder("r", "dc");
        assertThat(DublinCore.add(b, "http://example.org/", "title", "x")).isFalse();
        assertThat(DublinCore.add(b, DublinCore.DC, "title", "  ")).isFalse();
        assertThat(DublinCore.add(b, DublinCore.DC, "date", "undated")).isTrue();
        LamRecord r = b.build();
        assertThat(r.label("dc:date")).containsExactly("undated");
        assertThat(r.labels()).containsOnlyKeys("dc:date");
    }

    @Test
    void aDcmiPointOrBoxGivesItsNameAsThePlaceAndACoverageOfYearsIsADate() {
        LamRecord.Builder b = LamRecord.builder("r", "dc");
        DublinCore.add(b, DublinCore.DCTERMS, "spatial", "name=Whitby; east=-0.6149; north=54.4858");
        DublinCore.add(b, DublinCore.DCTERMS, "spatial", "northlimit=54.6; eastlimit=-0.5; southlimit=54.3; westlimit=-0.8");
        DublinCore.add(b, DublinCore.DC, "coverage", "1939-1945");
        DublinCore.add(b, DublinCore.DC, "coverage", "Yorkshire (England)");
        LamRecord r = b.build();
        assertThat(r.label("place")).containsExactly("Whitby", "Yorkshire (England)");
        assertThat(r.label("date")).containsExactly("1939/1945");
        // the values as written stay under their own labels
        assertThat(r.label("dcterms:spatial")).hasSize(2);
        assertThat(r.label("dc:coverage")).containsExactly("1939-1945", "Yorkshire (England)");
    }
}
