package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.MatchStrength;
import org.junit.jupiter.api.Test;

class ProbeAndLimitTest {

    private static MatchStrength probe(FormatProvider p, byte[] b) {
        int len = Math.min(b.length, FormatProvider.PROBE_BYTES);
        return p.probe(Arrays.copyOf(b, len), len);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesAnIso2709LeaderAsAFullMatch() {
        Marc21Format p = new Marc21Format();
        assertThat(probe(p, Reading.bytes("marc8-diacritics-and-scripts.mrc"))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe(p, utf8("01234nam a2200289 a 4500"))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe(p, utf8("<collection/>"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(probe(p, utf8("hello world, this is not a leader"))).isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void recognisesMarcXmlByNamespaceOrByItsLeader() {
        MarcXmlFormat p = new MarcXmlFormat();
        assertThat(probe(p, Reading.bytes("marcxml-single-record-with-prefix.xml"))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe(p, Reading.bytes("marcxml-collection-without-namespace.xml")))
                .isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(probe(p, utf8("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record>"
                + "<metadata><record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>")))
                .isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(probe(p, utf8("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>")))
                .isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void recognisesMarcInJsonByItsKeys() {
        MarcJsonFormat p = new MarcJsonFormat();
        assertThat(probe(p, Reading.bytes("marc-in-json-array.json"))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe(p, utf8("{\"fields\": [], \"leader\": \"x\"}"))).isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(probe(p, utf8("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\"}")))
                .isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void detectsEachFormatWithoutBeingTold() {
        assertThat(Reading.skip("marc8-diacritics-and-scripts.mrc").records).extracting(LamRecord::format)
                .containsExactly("marc21");
        assertThat(Reading.skip(Reading.bytes("marcxml-collection-without-namespace.xml"), "records.xml",
                ReadOptions.builder()).records).extracting(LamRecord::format).containsOnly("marcxml");
        assertThat(Reading.skip(Reading.bytes("marc-in-json-array.json"), "records.json",
                ReadOptions.builder()).records).extracting(LamRecord::format).containsOnly("marc-json");
    }

    @Test
    void refusesARecordLongerThanTheLimitAndFindsTheNextOne() {
        byte[] big = WriteFixtures.book(MarcBytes.utf8(), "big", "Big", "Big, Bo")
                .field("520", "  ", "a" + "x".repeat(5000)).bytes();
        byte[] unterminated = Arrays.copyOf(big, big.length - 1);
        byte[] next = WriteFixtures.book(MarcBytes.utf8(), "next", "Next", "Next, Ned").bytes();
        ReadOptions.Builder o = ReadOptions.builder().format("marc21")
                .limits(ReadLimits.builder().maxRecordBytes(2000).build());
        Reading r = Reading.skip(MarcBytes.concat(unterminated, "junk\u001d".getBytes(StandardCharsets.US_ASCII), next),
                "limit.mrc", o);
        assertThat(r.ids()).containsExactly("next");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.message()).contains("maxRecordBytes");
        });
    }

    @Test
    void rejectsAGranularityOtherThanRecord() {
        byte[] bytes = Reading.bytes("marc8-diacritics-and-scripts.mrc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reading.read(bytes, "g.mrc",
                ReadOptions.builder().format("marc21").granularity("page")))
                .isInstanceOf(org.biglam.lam.UnsupportedFormatException.class)
                .hasMessageContaining("record");
    }
}
