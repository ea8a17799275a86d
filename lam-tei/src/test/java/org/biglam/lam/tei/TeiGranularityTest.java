package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.biglam.lam.UnsupportedFormatException;
import org.junit.jupiter.api.Test;

/** Each granularity on fixtures written for it, with exact ids, texts and labels. */
class TeiGranularityTest {

    private static String base(String fixture) {
        return Fixtures.path(fixture).getParent().toUri().toString();
    }

    @Test
    void pagesRunFromOnePbToTheNextWithTheirFacsimileImages() {
        List<LamRecord> pages = Fixtures.read("pages-facsimile.xml", "page");
        assertThat(Fixtures.ids(pages)).containsExactly("pages-facsimile.xml#page-0", "pages-facsimile.xml#page-1",
                "pages-facsimile.xml#pb2", "pages-facsimile.xml#page-3", "pages-facsimile.xml#page-4",
                "pages-facsimile.xml#page-5");
        assertThat(Fixtures.texts(pages)).containsExactly("Before the first page.",
                "First page, which runs on\n\ninto a paragraph that is cut by a page", "break in the middle.", null,
                "Fourth page.", null);
        assertThat(pages.stream().map(r -> r.firstLabel("part").orElse(null)).collect(Collectors.toList()))
                .containsExactly(null, "1", "2", "3", "4", "5");
        assertThat(pages).allSatisfy(r -> assertThat(r.group()).contains("pages-facsimile.xml"));
        String dir = base("pages-facsimile.xml");
        assertThat(pages.get(0).images()).isEmpty();
        assertThat(pages.get(1).images()).containsExactly(
                ImageRef.builder(dir + "images/page1.jpg").mime("image/jpeg").build());
        assertThat(pages.get(2).images()).containsExactly(
                ImageRef.builder(dir + "images/page2.png").mime("image/png").build());
        assertThat(pages.get(3).images()).containsExactly(ImageRef.builder(dir + "scans/p3.tif").build());
        assertThat(pages.get(4).images()).containsExactly(
                ImageRef.builder("https://example.org/iiif/p4/full/full/0/default.jpg").build());
        assertThat(pages.get(5).images()).containsExactly(ImageRef.builder(dir + "images/page1.jpg")
                .mime("image/jpeg").region(new Region(100, 200, 1000, 500)).build());
        assertThat(pages.get(1).source().orElseThrow().index()).hasValue(1);
    }

    @Test
    void divisionsOfAP4OldBaileyFileCarryTheirTrialsInterpCategories() {
        List<LamRecord> trials = Fixtures.read("oldbailey-p4.xml", "div");
        assertThat(Fixtures.ids(trials)).containsExactly("oldbailey-p4.xml#t17800112-1", "oldbailey-p4.xml#t17800112-2");
        LamRecord first = trials.get(0);
        assertThat(first.text()).contains("JOHN SMITH was indicted for stealing a silver watch, value 40 s. the property "
                + "of Mary Jones , at St. Giles\u2019s \u2014 the 2d of January.\n\nGUILTY. Transported.");
        assertThat(first.labels()).containsEntry("title",
                List.of("Old Bailey Proceedings, 12th January 1780 (a test fixture in their style)"))
                .containsEntry("language", List.of("en"))
                .containsEntry("tei:div:type", List.of("trialAccount"))
                .containsEntry("tei:interp:offenceCategory", List.of("theft"))
                .containsEntry("tei:interp:offenceSubcategory", List.of("grandLarceny"))
                .containsEntry("tei:interp:verdictCategory", List.of("guilty"))
                .containsEntry("tei:interp:punishmentCategory", List.of("transport"))
                .containsEntry("tei:interp:gender", List.of("male", "female"))
                .containsEntry("tei:persName", List.of("JOHN SMITH", "Mary Jones"))
                .containsEntry("tei:placeName", List.of("St. Giles\u2019s"))
                .doesNotContainKey("tei:interp:collection");
        assertThat(trials.get(1).labels()).containsEntry("tei:interp:offenceCategory", List.of("deception"))
                .containsEntry("tei:interp:verdictCategory", List.of("notGuilty"))
                .doesNotContainKey("tei:interp:punishmentCategory");
    }

    @Test
    void divisionsCanBeChosenByTypeOrLevel() {
        ReadOptions byType = ReadOptions.builder().format("tei").granularity("div").set("tei.div", "sessionsPaper").build();
        List<LamRecord> sessions = Fixtures.read("oldbailey-p4.xml", byType);
        assertThat(Fixtures.ids(sessions)).containsExactly("oldbailey-p4.xml#f17800112-1");
        assertThat(sessions.get(0).labels()).containsEntry("tei:interp:collection", List.of("BAILEY"))
                .containsEntry("tei:interp:offenceCategory", List.of("theft", "deception"));
        ReadOptions level0 = ReadOptions.builder().format("tei").granularity("div").set("tei.div", "0").build();
        assertThat(Fixtures.ids(Fixtures.read("oldbailey-p4.xml", level0))).containsExactly("oldbailey-p4.xml#f17800112-1");
    }

    @Test
    void aCorpusGivesOneRecordPerDocumentWithTheCorpusHeaderAround() {
        List<LamRecord> docs = Fixtures.read("corpus-three.xml");
        // the third document has no text: no record, no error
        assertThat(Fixtures.ids(docs)).containsExactly("corpus-three.xml#l1", "corpus-three.xml#doc-2");
        assertThat(Fixtures.texts(docs)).containsExactly("Dear Karl, we are well in Kiel.", "We ask for leave.");
        Map<String, List<String>> one = docs.get(0).labels();
        assertThat(one).containsEntry("title", List.of("Letter one"))
                .containsEntry("creator", List.of("Meier, Anna"))
                .containsEntry("date", List.of("1916"))
                .containsEntry("language", List.of("de"))
                .containsEntry("subject", List.of("war", "family"))
                .containsEntry("genre", List.of("Private letter"))
                .containsEntry("collection", List.of("Three letters"))
                .containsEntry("publisher", List.of("Example Archive"))
                .containsEntry("rights", List.of("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0", "free"))
                .containsEntry("tei:persName", List.of("Karl"))
                .containsEntry("tei:placeName", List.of("Kiel"));
        Map<String, List<String>> two = docs.get(1).labels();
        assertThat(two).containsEntry("date", List.of("1917/1918"))
                .containsEntry("genre", List.of("Petition"))
                .containsEntry("language", List.of("en"))
                .containsEntry("tei:interp:tone", List.of("polite"));
        assertThat(docs.get(1).group()).contains("corpus-three.xml#doc-2");
        assertThat(docs.get(1).source().orElseThrow().index()).hasValue(1);
    }

    @Test
    void paragraphsOfACorpusDocumentAreNamedAfterTheirDocument() {
        List<LamRecord> ps = Fixtures.read("corpus-three.xml", "paragraph");
        assertThat(Fixtures.ids(ps)).containsExactly("corpus-three.xml#l1/p-1", "corpus-three.xml#doc-2/p-1");
        assertThat(ps.get(1).group()).contains("corpus-three.xml#doc-2");
    }

    @Test
    void tokensCarryLemmaPartOfSpeechSentenceAndTheNamesAroundThem() {
        List<LamRecord> tokens = Fixtures.read("tokens.xml", "token");
        assertThat(Fixtures.texts(tokens)).containsExactly("Mary", "Shelley", "wrote", "in", "Geneva", ".", "It",
                "rained", ",", "often", ".");
        assertThat(Fixtures.ids(tokens).subList(0, 6)).containsExactly("tokens.xml#w-1", "tokens.xml#w-2",
                "tokens.xml#w-3", "tokens.xml#w-4", "tokens.xml#w-5", "tokens.xml#pc-1");
        assertThat(tokens.get(0).labels()).containsEntry("tei:lemma", List.of("Mary"))
                .containsEntry("tei:pos", List.of("NNP")).containsEntry("tei:sentence", List.of("s1"))
                .containsEntry("tei:persName", List.of("Mary Shelley")).containsEntry("language", List.of("en"));
        assertThat(tokens.get(2).labels()).containsEntry("tei:msd", List.of("Tense=Past"))
                .doesNotContainKey("tei:persName");
        assertThat(tokens.get(4).labels()).containsEntry("tei:placeName", List.of("Geneva"));
        assertThat(tokens.get(5).labels()).containsEntry("tei:pos", List.of("."));
        assertThat(tokens.get(7).labels()).containsEntry("tei:sentence", List.of("s-2"));
    }

    @Test
    void sentencesAndParagraphsJoinTheirTokensWithSpacesButNotBeforePunctuation() {
        assertThat(Fixtures.texts(Fixtures.read("tokens.xml", "sentence")))
                .containsExactly("Mary Shelley wrote in Geneva.", "It rained, often.");
        assertThat(Fixtures.ids(Fixtures.read("tokens.xml", "sentence"))).containsExactly("tokens.xml#s1", "tokens.xml#s-2");
        assertThat(Fixtures.texts(Fixtures.read("tokens.xml", "paragraph")))
                .containsExactly("Mary Shelley wrote in Geneva. It rained, often.");
    }

    @Test
    void anUnknownGranularityIsRefusedWhenOpening() {
        assertThatThrownBy(() -> Fixtures.read("tokens.xml", "chapter"))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("chapter");
    }

    @Test
    void aLanguageWithoutACodeNamingSeveralGivesATagEach() throws Exception {
        String tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>Charter"
                + "</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
                + "<profileDesc><langUsage><language>Middle English and Latin</language></langUsage></profileDesc>"
                + "</teiHeader><text><body><p>Knowe all men</p></body></text></TEI>";
        List<LamRecord> out = new java.util.ArrayList<>();
        try (var s = org.biglam.lam.Lam.read(new java.io.ByteArrayInputStream(tei.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "charter.xml", org.biglam.lam.ReadOptions.defaults())) {
            s.forEach(out::add);
        }
        assertThat(out).singleElement().satisfies(r -> assertThat(r.label("language")).containsExactly("enm", "la"));
    }
}
