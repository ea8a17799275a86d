package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, empty, oversized and hostile input. */
class TeiBadInputTest {

    @Test
    void malformedXmlGivesAnErrorWithLineAndColumn() {
        assertThatThrownBy(() -> Fixtures.read("malformed-unclosed.xml"))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("malformed XML: Unexpected end tag: expected </hi>")
                .satisfies(e -> {
                    LamFormatException f = (LamFormatException) e;
                    // the line of the wrong end tag; the column and byte offset are where Aalto stopped
                    assertThat(f.location().orElseThrow().line()).hasValue(4);
                    assertThat(f.location().orElseThrow().column()).isPresent();
                    assertThat(f.location().orElseThrow().offset()).isPresent();
                });
    }

    @Test
    void anEmptyFileGivesNoRecordAndNoError() {
        assertThat(Fixtures.read("empty.xml")).isEmpty();
        assertThat(new Harness().read("  \n\t ", "blank.xml")).isEmpty();
        Harness h = new Harness();
        assertThat(h.read("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", "bare.xml")).isEmpty();
        assertThat(h.problems).isEmpty();
    }

    @Test
    @Timeout(10)
    void anExternalEntityIsRefusedAndNothingIsRead() {
        assertThatThrownBy(() -> Fixtures.read("xxe-file-passwd.xml"))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("&xxe;")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    @Timeout(10)
    void theBillionLaughsAreRefusedQuickly() {
        assertThatThrownBy(() -> Fixtures.read("billion-laughs.xml"))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("&lol9;");
    }

    @Test
    @Timeout(10)
    void deepNestingIsRefused() {
        StringBuilder sb = new StringBuilder("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>");
        for (int i = 0; i < 5000; i++) {
            sb.append("<hi>");
        }
        sb.append("deep");
        for (int i = 0; i < 5000; i++) {
            sb.append("</hi>");
        }
        sb.append("</body></text></TEI>");
        assertThatThrownBy(() -> new Harness().read(sb.toString(), "deep.xml")).isInstanceOf(LamFormatException.class);
    }

    @Test
    @Timeout(20)
    void nestingWithinTheLimitIsReadOrReportedButNeverOverflowsTheStack() throws Exception {
        StringBuilder sb = new StringBuilder("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>");
        for (int i = 0; i < 990; i++) {
            sb.append(i % 2 == 0 ? "<hi>" : "<seg>");
        }
        sb.append("deep");
        for (int i = 989; i >= 0; i--) {
            sb.append(i % 2 == 0 ? "</hi>" : "</seg>");
        }
        sb.append("</p></body></text></TEI>");
        Throwable[] thrown = new Throwable[1];
        List<List<LamRecord>> got = new java.util.ArrayList<>();
        Runnable read = () -> {
            try {
                got.add(new Harness().read(sb.toString(), "deep.xml"));
            } catch (Throwable t) {
                thrown[0] = t;
            }
        };
        // a thread with a small stack: the walk must report, not overflow
        Thread small = new Thread(null, read, "small-stack", 256 * 1024);
        small.start();
        small.join();
        if (thrown[0] != null) {
            assertThat(thrown[0]).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("nested too deeply");
        } else {
            assertThat(Fixtures.texts(got.get(0))).containsExactly("deep");
        }
        // and on an ordinary thread it is read
        assertThat(Fixtures.texts(new Harness().read(sb.toString(), "deep.xml"))).containsExactly("deep");
    }

    @Test
    void aP4FileNamingADtdItDoesNotShipReadsWithHtmlEntitiesFilledIn() {
        Harness h = new Harness();
        List<LamRecord> r = h.read("<?xml version='1.0'?>\n<!DOCTYPE TEI.2 SYSTEM 'http://example.org/tei2.dtd'>\n"
                + "<TEI.2><text><body><p>caf&eacute; &mdash; &unknown; bar</p></body></text></TEI.2>", "p4.xml");
        assertThat(Fixtures.texts(r)).containsExactly("caf\u00e9 \u2014 bar");
        assertThat(h.warnings).containsExactly("entity: entity &unknown; is not declared (its DTD is not read); left out");
    }

    @Test
    void aP4FileGetsTheLettersAndMarksOfIso8879sOtherSetsFilledInToo() {
        // ISOlat2 and ISOnum/ISOpub, which P4 DTDs declare and HTML 4 lacks: letters vanished
        Harness h = new Harness();
        List<LamRecord> r = h.read("<?xml version='1.0'?>\n<!DOCTYPE TEI.2 SYSTEM 'tei2.dtd'>\n<TEI.2><text><body>"
                + "<p>&Amacr;thelst&amacr;n, &lstrok;&oacute;d&zdot; &amp; Tom&abreve;&scedil; &ldquor;&hyphen;&rdquor;"
                + " &dollar;5</p></body></text></TEI.2>", "p4-iso.xml");
        assertThat(Fixtures.texts(r)).containsExactly(
                "\u0100thelst\u0101n, \u0142\u00f3d\u017c & Tom\u0103\u015f \u201e\u2010\u201d $5");
        assertThat(h.warnings).isEmpty();
    }

    @Test
    void anOversizedDocumentOfACorpusIsSkippedAndTheOthersAreRead() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("<p>paragraph ").append(i).append(" of a very large letter</p>");
        }
        String corpus = "<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'>"
                + "<TEI><text><body><p>first</p></body></text></TEI>"
                + "<TEI><text><body>" + big + "</body></text></TEI>"
                + "<TEI><text><body><p>third</p></body></text></TEI></teiCorpus>";
        ReadLimits small = ReadLimits.builder().maxRecordBytes(10_000).build();
        Harness skip = new Harness(ReadOptions.builder().limits(small).errorPolicy(ErrorPolicy.SKIP).build());
        List<LamRecord> r = skip.read(corpus, "corpus.xml");
        assertThat(Fixtures.ids(r)).containsExactly("corpus.xml#doc-1", "corpus.xml#doc-3");
        assertThat(Fixtures.texts(r)).containsExactly("first", "third");
        assertThat(skip.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.location().index()).hasValue(1);
        });
        Harness fail = new Harness(ReadOptions.builder().limits(small).build());
        assertThatThrownBy(() -> fail.read(corpus, "corpus.xml")).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("maxRecordBytes");
    }

    @Test
    void recordsBeforeABreakInACorpusAreKept() {
        String corpus = "<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'>"
                + "<TEI><text><body><p>first</p></body></text></TEI>"
                + "<TEI><text><body><p>broken</body></text></TEI></teiCorpus>";
        Harness h = new Harness(ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build());
        List<LamRecord> got = new java.util.ArrayList<>();
        assertThatThrownBy(() -> got.addAll(h.read(corpus, "corpus.xml")))
                .isInstanceOf(LamFormatException.class)
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().index()).hasValue(1));
        // through lam's facade the first document's record comes out before the error
        try (var s = org.biglam.lam.Lam.read(new java.io.ByteArrayInputStream(corpus.getBytes()), "corpus.xml",
                ReadOptions.builder().format("tei").errorPolicy(ErrorPolicy.SKIP).build())) {
            assertThat(s.map(LamRecord::text).map(t -> t.orElse("")).toList()).containsExactly("first");
        }
    }

    @Test
    void unknownElementsPassTheirTextThrough() {
        List<LamRecord> r = new Harness().read("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>"
                + "<p>one <madeUp>two <deeper>three</deeper></madeUp> <x:y xmlns:x='urn:x'>four</x:y></p>"
                + "</body></text></TEI>", "unknown.xml");
        assertThat(Fixtures.texts(r)).containsExactly("one two three four");
    }

    @Test
    void whitespaceIsKeptUnderXmlSpacePreserve() {
        List<LamRecord> r = new Harness().read("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>"
                + "<p>a   b</p><p xml:space='preserve'>c   d\n  e</p></body></text></TEI>", "space.xml");
        assertThat(Fixtures.texts(r)).containsExactly("a b\n\nc   d\n  e");
    }

    @Test
    void textIsInUnicodeNormalisationFormC() {
        List<LamRecord> r = new Harness().read("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>"
                + "<p>Cafe\u0301</p></body></text></TEI>", "nfc.xml");
        assertThat(Fixtures.texts(r)).containsExactly("Caf\u00e9");
    }
}
