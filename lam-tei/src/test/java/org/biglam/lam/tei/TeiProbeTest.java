package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.biglam.lam.spi.MatchStrength;
import org.junit.jupiter.api.Test;

class TeiProbeTest {

    private static MatchStrength probe(String head) {
        byte[] b = head.getBytes(StandardCharsets.UTF_8);
        return new TeiFormat().probe(b, b.length);
    }

    @Test
    void recognisesP5DocumentsAndCorporaByTheirNamespace() {
        assertThat(probe("<?xml version='1.0'?><TEI xmlns='http://www.tei-c.org/ns/1.0'>")).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>")).isEqualTo(MatchStrength.FULL_MATCH);
    }

    @Test
    void recognisesP4DocumentsWithADoctype() {
        assertThat(probe("<?xml version='1.0'?>\n<!DOCTYPE TEI.2 SYSTEM 'tei2.dtd'>\n<TEI.2><teiHeader>"))
                .isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe("<TEI><teiHeader>")).isEqualTo(MatchStrength.SOLID_MATCH);
    }

    @Test
    void rejectsOtherXmlAndNonXml() {
        assertThat(probe("<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'>")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(probe("{\"@context\": \"http://iiif.io/api/presentation/3/context.json\"}"))
                .isEqualTo(MatchStrength.NO_MATCH);
        assertThat(probe("")).isLessThan(MatchStrength.WEAK_MATCH);
    }
}
