package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Shapes of real TEI that the corpus does not hold: ParlaMint's tokens and transcriber's
 * descriptions, plays whose speakers are not in the cast list, EpiDoc divisions named by
 * {@code @subtype}, quotations within sentences.
 */
class TeiRealShapesTest {

    private static final String HEADER = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
            + "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>";

    private static String tei(String body) {
        return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">" + HEADER + "<text><body>" + body + "</body></text></TEI>";
    }

    private static List<LamRecord> read(String granularity, String xml, String... settings) {
        ReadOptions.Builder b = ReadOptions.builder().granularity(granularity);
        for (int i = 0; i < settings.length; i += 2) {
            b.set(settings[i], settings[i + 1]);
        }
        return new Harness(b.build()).read(xml, "t.xml");
    }

    private static String text(String xml, String... settings) {
        return read("document", xml, settings).get(0).text().orElseThrow();
    }

    /** ParlaMint: one token a line, {@code join="right"} where no space follows. */
    private static final String PARLAMINT = tei("<div type=\"debateSection\">\n"
            + "<note type=\"narrative\">House of Commons</note>\n"
            + "<u xml:id=\"u1\" who=\"#SpeakerMr\" ana=\"#chair\">\n"
            + " <seg xml:id=\"u1.s1\">\n"
            + "  <s xml:id=\"u1.s1.1\">\n"
            + "   <w xml:id=\"w1\" lemma=\"order\" join=\"right\">Order</w>\n"
            + "   <pc xml:id=\"w2\" lemma=\".\">.</pc>\n"
            + "   <w lemma=\"the\">The</w>\n"
            + "   <pc join=\"right\">(</pc>\n"
            + "   <w lemma=\"hon.\" join=\"right\">hon</w>\n"
            + "   <pc>.</pc>\n"
            + "   <w>Member</w>\n"
            + "   <pc join=\"left\">)</pc>\n"
            + "   <w join=\"right\">said</w>\n"
            + "   <pc>:</pc>\n"
            + "  </s>\n"
            + " </seg>\n"
            + "</u>\n"
            + "<vocal type=\"interruption\"><desc>Hon. Members: Hear, hear.</desc></vocal>\n"
            + "<kinesic type=\"applause\"><desc>Applause</desc></kinesic>\n"
            + "<u who=\"#JohnsonBoris\"><seg><w>Thank</w>\n<w join=\"right\">you</w>\n<pc>.</pc></seg>\n"
            + "<incident><desc>The Prime Minister sat down.</desc></incident></u>\n"
            + "</div>");

    @Test
    void tokensJoinedToTheRightTakeNoSpaceFromTheWhiteSpaceThatLaysThemOut() {
        assertThat(text(PARLAMINT)).isEqualTo("Order. The (hon. Member) said:\n\nThank you.");
        // a token record is still the token alone
        List<LamRecord> tokens = read("token", PARLAMINT);
        assertThat(Fixtures.texts(tokens.subList(0, 3))).containsExactly("Order", ".", "The");
    }

    @Test
    void anUtterancesOwnAnaIsOneOfItsLabels() {
        String xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title>"
                + "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
                + "<encodingDesc><classDecl><taxonomy xml:id=\"subcorpus\"><category xml:id=\"chair\">"
                + "<catDesc>Chairperson</catDesc></category><category xml:id=\"regular\"><catDesc>Regular speaker"
                + "</catDesc></category></taxonomy></classDecl></encodingDesc></teiHeader>"
                + "<text><body><div><u who=\"#S\" ana=\"#chair\"><seg>Order.</seg></u>"
                + "<u who=\"#B\" ana=\"#regular\"><seg>Thank you.</seg></u></div></body></text></TEI>";
        List<LamRecord> us = read("utterance", xml);
        assertThat(us.get(0).label("tei:ana")).containsExactly("Chairperson");
        assertThat(us.get(1).label("tei:ana")).containsExactly("Regular speaker");
        assertThat(read("document", xml).get(0).label("tei:ana")).containsExactly("Chairperson", "Regular speaker");
    }

    @Test
    void descriptionsOfIncidentsAndNoisesAreLeftOutLikeNotesAndKeptWithThem() {
        assertThat(Fixtures.texts(read("utterance", PARLAMINT))).containsExactly(
                "Order. The (hon. Member) said:", "Thank you.");
        assertThat(text(PARLAMINT, "tei.enable", "notes")).isEqualTo("House of Commons\n\n"
                + "Order. The (hon. Member) said:\n\nHon. Members: Hear, hear.\n\nApplause\n\n"
                + "Thank you.\n\nThe Prime Minister sat down.");
    }

    @Test
    void theSpeakersNameIsALabelThoughTheProfileLeavesItOutOfTheText() {
        String play = tei("<div type=\"scene\"><sp who=\"#Barnardo\"><speaker>BARNARDO</speaker><l>Who's there?</l></sp>"
                + "<sp><speaker>Fran.</speaker><l>Nay, answer me.</l></sp></div>");
        List<LamRecord> sps = read("utterance", play);
        assertThat(Fixtures.texts(sps)).containsExactly("Who's there?", "Nay, answer me.");
        assertThat(sps.get(0).label("tei:speaker")).containsExactly("BARNARDO");
        assertThat(sps.get(0).label("tei:who")).containsExactly("Barnardo");
        assertThat(sps.get(1).label("tei:speaker")).containsExactly("Fran.");
        assertThat(read("utterance", play, "tei.profile", "diplomatic").get(1).label("tei:speaker"))
                .containsExactly("Fran.");
    }

    @Test
    void aDivisionKindNamedInSubtypeAsEpiDocHasItChoosesTheDivisions() {
        String perseus = tei("<div type=\"edition\" n=\"urn:cts:greekLit:tlg0016.tlg001.perseus-grc2\" xml:lang=\"grc\">"
                + "<div type=\"textpart\" subtype=\"book\" n=\"1\">"
                + "<div type=\"textpart\" subtype=\"chapter\" n=\"1\"><p>Ἡροδότου Ἁλικαρνησσέος ἱστορίης ἀπόδεξις ἥδε,</p></div>"
                + "<div type=\"textpart\" subtype=\"chapter\" n=\"2\"><p>Περσέων μέν νυν οἱ λόγιοι</p></div>"
                + "</div></div>");
        List<LamRecord> chapters = read("div", perseus, "tei.div", "chapter");
        assertThat(Fixtures.texts(chapters)).containsExactly("Ἡροδότου Ἁλικαρνησσέος ἱστορίης ἀπόδεξις ἥδε,",
                "Περσέων μέν νυν οἱ λόγιοι");
        assertThat(chapters.get(1).label("part")).containsExactly("2");
        assertThat(read("div", perseus, "tei.div", "book")).hasSize(1);
    }

    @Test
    void aQuotationWithinASentenceRunsOnAndOneBetweenParagraphsIsABlock() {
        String xml = tei("<div><p>He said <quote>hello</quote> and <q>bye</q>, as <cit><quote>all men</quote>"
                + "<bibl>Cic.</bibl></cit> do.</p>"
                + "<quote>A block quotation.</quote><p>After.</p>"
                + "<epigraph><cit><quote><l>Arma virumque cano</l></quote><bibl>Verg.</bibl></cit></epigraph></div>");
        assertThat(text(xml)).isEqualTo("He said hello and bye, as all men Cic. do.\n\nA block quotation.\n\nAfter.\n\n"
                + "Arma virumque cano\n\nVerg.");
    }

    @Test
    void aLettersSenderDateAndPlaceAreItsCreatorDateAndPlace() {
        String letter = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
                + "<title>Schiller an Goethe, 12. März 1799</title><editor>Anna Editor</editor></titleStmt>"
                + "<publicationStmt><publisher>Uni X</publisher><date when=\"2020\"/></publicationStmt>"
                + "<sourceDesc><msDesc><msIdentifier><settlement>Weimar</settlement><repository>GSA</repository>"
                + "<idno>28/1044</idno></msIdentifier></msDesc></sourceDesc></fileDesc>"
                + "<profileDesc><correspDesc>"
                + "<correspAction type=\"sent\"><persName ref=\"http://d-nb.info/gnd/118607626\">Schiller, Friedrich"
                + "</persName><placeName>Jena</placeName><date when=\"1799-03-12\"/></correspAction>"
                + "<correspAction type=\"received\"><persName>Goethe, Johann Wolfgang</persName>"
                + "<placeName>Weimar</placeName></correspAction></correspDesc></profileDesc></teiHeader>"
                + "<text><body><div type=\"letter\"><opener><salute>Lieber Freund,</salute></opener>"
                + "<p>Ich sende Ihnen hier den Wallenstein.</p></div></body></text></TEI>";
        LamRecord r = read("document", letter).get(0);
        assertThat(r.label("creator")).containsExactly("Schiller, Friedrich");
        assertThat(r.label("contributor")).containsExactly("Anna Editor");
        assertThat(r.label("date")).containsExactly("1799");
        assertThat(r.label("place")).containsExactly("Jena");
        // an author in the titleStmt still comes first
        LamRecord authored = read("document", letter.replace("<editor>", "<author>Schiller</author><editor>")).get(0);
        assertThat(authored.label("creator")).containsExactly("Schiller");
    }

    @Test
    void aDocumentInACorpusTakesTheCorpussXmlLang() {
        String corpus = "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"de\">" + HEADER
                + "<TEI>" + HEADER + "<text><body><p>Erster.</p></body></text></TEI>"
                + "<TEI xml:lang=\"fr\">" + HEADER + "<text><body><p>Deuxième.</p></body></text></TEI>"
                + "<teiCorpus>" + HEADER + "<TEI>" + HEADER + "<text><body><p>Zweiter.</p></body></text></TEI></teiCorpus>"
                + "</teiCorpus>";
        List<LamRecord> docs = read("document", corpus);
        assertThat(docs).extracting(d -> d.label("language")).containsExactly(List.of("de"), List.of("fr"),
                List.of("de"));
        // a language the corpus header names wins over the corpus element's xml:lang
        String described = corpus.replaceFirst("</fileDesc>", "</fileDesc><profileDesc><langUsage>"
                + "<language ident=\"deu-Latf\">German</language></langUsage></profileDesc>");
        assertThat(read("document", described).get(0).label("language")).containsExactly("de-Latf");
    }

    @Test
    void aPageBreakPointingToAWholeFacsimileAsTranskribusExportsItGetsItsImage() {
        String xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">" + HEADER
                + "<facsimile xml:id=\"facs_1\"><surface ulx=\"0\" uly=\"0\" lrx=\"2480\" lry=\"3508\">"
                + "<graphic url=\"0001.jpg\" width=\"2480px\" height=\"3508px\"/>"
                + "<zone points=\"100,200 1000,200 1000,400 100,400\" rendition=\"TextRegion\" xml:id=\"facs_1_r1\">"
                + "<zone points=\"110,210 990,210 990,260 110,260\" rendition=\"Line\" xml:id=\"facs_1_r1l1\"/>"
                + "</zone></surface></facsimile>"
                + "<facsimile xml:id=\"facs_2\"><surface><graphic url=\"0002.jpg\"/></surface></facsimile>"
                + "<text><body><pb facs=\"#facs_1\" n=\"1\"/><p facs=\"#facs_1_r1\">"
                + "<lb facs=\"#facs_1_r1l1\" n=\"N001\"/>Erste Zeile</p>"
                + "<pb facs=\"#facs_2\" n=\"2\"/><p>Zweite Seite</p></body></text></TEI>";
        Harness h = new Harness(ReadOptions.builder().granularity("page").build());
        List<LamRecord> pages = h.read(xml, "t.xml");
        assertThat(Fixtures.texts(pages)).containsExactly("Erste Zeile", "Zweite Seite");
        assertThat(pages.get(0).images().get(0).uri()).endsWith("/data/0001.jpg");
        assertThat(pages.get(0).images().get(0).region()).isEmpty();
        assertThat(pages.get(1).images().get(0).uri()).endsWith("/data/0002.jpg");
        assertThat(h.warnings).isEmpty();
        List<LamRecord> lines = read("line", xml);
        assertThat(lines.get(0).images().get(0).region()).isPresent();
    }

    @Test
    void datesInTheIsoAttributesAreRead() {
        String[][] cases = {
            {"<date notBefore-iso=\"1914\" notAfter-iso=\"1918\">the Great War</date>", "1914/1918"},
            {"<date from-iso=\"1914-07\" to-iso=\"1918-11\">war years</date>", "1914/1918"},
            {"<date when-iso=\"1799-03-12\">a Tuesday</date>", "1799"},
            {"<date when=\"1801\" when-iso=\"1799\">x</date>", "1801"},
        };
        for (String[] c : cases) {
            String xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>D</title>"
                    + "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><bibl>" + c[0]
                    + "</bibl></sourceDesc></fileDesc></teiHeader><text><body><p>On <date when-iso=\"1799-03-12\">"
                    + "Tuesday</date>.</p></body></text></TEI>";
            LamRecord r = read("document", xml).get(0);
            assertThat(r.label("date")).as(c[0]).containsExactly(c[1]);
            assertThat(r.label("tei:date")).containsExactly("1799-03-12");
        }
    }

    @Test
    void aWordBrokenAfterANotSignAsHandwritingRecognitionWritesItIsJoined() {
        String xml = tei("<pb n=\"1\"/><p><lb n=\"N001\"/>Erste Zeile mit Wort¬\n<lb n=\"N002\"/>trennung und Vor¬\n"
                + "<pb n=\"2\"/><lb n=\"N001\"/>lage, aber not¬ <lb break=\"yes\"/>sign, and well-<lb/>known.</p>");
        assertThat(text(xml)).isEqualTo("Erste Zeile mit Worttrennung und Vorlage, aber not¬ sign, and well- known.");
        assertThat(text(xml, "tei.profile", "diplomatic"))
                .isEqualTo("Erste Zeile mit Wort¬\ntrennung und Vor¬lage, aber not¬\nsign, and well-\nknown.");
        // a line and a page keep their half as written
        assertThat(Fixtures.texts(read("line", xml))).containsExactly("Erste Zeile mit Wort¬", "trennung und Vor¬",
                "lage, aber not¬", "sign, and well-", "known.");
        assertThat(Fixtures.texts(read("page", xml))).containsExactly("Erste Zeile mit Worttrennung und Vor¬",
                "lage, aber not¬ sign, and well- known.");
    }

    @Test
    void namesTypedAsPeoplePlacesOrBodiesAreLabelledLikePersNamePlaceNameAndOrgName() {
        String xml = tei("<u who=\"#A\"><seg><s><name type=\"PER\"><w>Boris</w> <w>Johnson</w></name> <w>visited</w> "
                + "<name type=\"LOC\"><w>Kent</w></name> <w>for</w> <name type=\"ORG\"><w>NATO</w></name> <w>on</w> "
                + "<name type=\"MISC\"><w>Brexit</w></name><pc>.</pc></s></seg></u>"
                + "<p><rs type=\"person\" ref=\"#ms\">Mary Smith</rs> of <rs type=\"place\">Bow</rs> stole "
                + "<rs type=\"offenceDescription\">a tankard</rs>.</p>");
        LamRecord doc = read("document", xml).get(0);
        assertThat(doc.text().orElseThrow()).startsWith("Boris Johnson visited Kent for NATO on Brexit.");
        assertThat(doc.label("tei:persName")).containsExactly("Boris Johnson", "Mary Smith");
        assertThat(doc.label("tei:placeName")).containsExactly("Kent", "Bow");
        assertThat(doc.label("tei:orgName")).containsExactly("NATO");
        List<LamRecord> tokens = read("token", xml);
        assertThat(tokens.get(0).label("tei:persName")).containsExactly("Boris Johnson");
        assertThat(tokens.get(3).label("tei:placeName")).containsExactly("Kent");
        assertThat(tokens.get(7).labels()).doesNotContainKeys("tei:persName", "tei:placeName", "tei:orgName");
    }
}
