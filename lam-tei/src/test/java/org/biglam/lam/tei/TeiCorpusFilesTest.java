package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real TEI files of the shared corpus (skipped when it is absent). */
class TeiCorpusFilesTest {

    private static List<LamRecord> read(Path file, String granularity) {
        return read(file, ReadOptions.builder().format("tei").granularity(granularity).build());
    }

    private static List<LamRecord> read(Path file, ReadOptions options) {
        try (Stream<LamRecord> s = Lam.read(file, options)) {
            return s.collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"document", "div", "page", "paragraph", "utterance", "sentence", "token", "line"})
    void everyCorpusFileIsReadAtEveryGranularityWithoutAnException(String granularity) {
        List<Path> files = Corpus.files("tei").stream().filter(p -> p.toString().endsWith(".xml"))
                .collect(Collectors.toList());
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);
        for (Path f : files) {
            assertThatCode(() -> {
                List<LamRecord> records = read(f, granularity);
                assertThat(records).allSatisfy(r -> {
                    assertThat(r.format()).isEqualTo("tei");
                    assertThat(r.group()).isPresent();
                });
                assertThat(records.stream().map(LamRecord::id).distinct().count())
                        .as("ids unique in %s", f).isEqualTo(records.size());
            }).as("%s at %s", f, granularity).doesNotThrowAnyException();
        }
    }

    @Test
    void everyCorpusFileGivesADocumentRecordWithText() {
        for (Path f : Corpus.files("tei")) {
            // testcorpus holds three documents; testnames has an empty body (no text, so no record)
            if (!f.toString().endsWith(".xml") || f.endsWith("testcorpus.xml") || f.endsWith("testnames.xml")) {
                continue;
            }
            List<LamRecord> docs = read(f, "document");
            assertThat(docs).as("%s", f).hasSize(1);
            assertThat(docs.get(0).text()).as("%s", f).isPresent();
        }
    }

    @Test
    void stylesheetsTestChoosesCorrAndRegOrSicAndOrigByProfile() {
        Path f = Corpus.file("tei/Stylesheets/Test/test.xml");
        String normalized = read(f, "document").get(0).text().orElseThrow();
        assertThat(normalized).contains("the support of 1728 of our subjects", "other marks of our favor.",
                "fyrnefnd gvnnhilldr.").doesNotContain("1724");
        // the egXML example markup is not text
        assertThat(normalized).contains("an egXML in a list:\n\ndivs with no heads");
        String diplomatic = read(f, ReadOptions.builder().format("tei").set("tei.profile", "diplomatic").build())
                .get(0).text().orElseThrow();
        assertThat(diplomatic).contains("the support of 1724 of our subjects", "other marks of our favour.",
                "fyrnefnd gvnhillde.", "heii\nol kr").doesNotContain("1728");
        LamRecord doc = read(f, "document").get(0);
        assertThat(doc.label("title")).containsExactly("A Christmas Carol");
        assertThat(doc.label("creator")).containsExactly("Dickens, Charles");
    }

    @Test
    void dinglerVolumeHasOnePagePerPbWithItsFacsImage() {
        Path f = Corpus.file("tei/dingler/sources/volumes/pj001.xml");
        List<LamRecord> pages = read(f, "page");
        assertThat(pages).hasSize(823);
        LamRecord first = pages.get(0);
        assertThat(first.id()).isEqualTo("pj001.xml#pj001_pbbinding_recto_001");
        assertThat(first.label("part")).containsExactly("binding_recto");
        assertThat(first.images()).hasSize(1);
        assertThat(first.images().get(0).uri()).endsWith("/dingler/sources/volumes/32258227Z/00000001");
        LamRecord vi = pages.stream().filter(p -> p.id().equals("pj001.xml#pj001_pbVI_001")).findFirst().orElseThrow();
        assertThat(vi.text().orElseThrow()).startsWith("Dem Herrn geheimen Hofrath Cotta von Cottendorf")
                .endsWith("Augsburg im April 1820.\n\nDingler.");
        assertThat(vi.labels()).containsEntry("title", List.of("Polytechnisches Journal", "Band 1, Jahrgang 1820"))
                .containsEntry("date", List.of("1820"))
                .containsEntry("language", List.of("de"))
                .containsEntry("place", List.of("Stuttgart", "Berlin"))
                .containsEntry("classification", List.of("Wissenschaft"));
        assertThat(vi.label("rights")).startsWith("https://creativecommons.org/licenses/by-sa/4.0/deed.de");
        assertThat(vi.label("publisher")).startsWith("J. G. Cotta'sche Buchhandlung");
    }

    @Test
    void copadocsPagesResolveFacsPointersThroughTheFacsimileAndJoinBrokenWords() {
        Path f = Corpus.files("tei").stream().filter(p -> p.toString().endsWith("aufzeichnungen_ca1917_a.xml"))
                .findFirst().orElseThrow();
        List<LamRecord> pages = read(f, "page");
        assertThat(pages).hasSize(10);
        assertThat(pages.get(0).images().get(0).uri()).endsWith("/f/dor2499f03a.jpg");
        assertThat(pages.get(0).images().get(0).mime()).contains("image/jpeg");
        String text = read(f, "document").get(0).text().orElseThrow();
        assertThat(text).contains("über jede Handlung immer tiefer hinein gerate", "die meinen Geist zwingt")
                .doesNotContain("tie fer").contains("oder Später");
    }

    @Test
    void testdramaGivesUtterancesWithTheirSpeakers() {
        Path f = Corpus.file("tei/TEI/P5/Test/testdrama.xml");
        List<LamRecord> sps = read(f, "utterance");
        assertThat(sps).hasSize(52);
        assertThat(Fixtures.texts(sps.subList(0, 3))).containsExactly("Who's there?",
                "Nay, answer me: stand, and unfold yourself.", "Long live the king!");
        assertThat(sps.get(0).labels()).containsEntry("tei:speaker", List.of("Bernardo"))
                .containsEntry("tei:who", List.of("Barnardo")).containsEntry("title", List.of("Hamlet"))
                .containsEntry("language", List.of("en"));
        assertThat(sps.get(1).label("tei:speaker")).containsExactly("Francisco");
        assertThat(sps.get(0).id()).isEqualTo("testdrama.xml#sp-1");
        // speakers are labels, not text
        assertThat(read(f, "document").get(0).text().orElseThrow())
                .contains("Enter to him BERNARDO.\n\nWho's there?\n\nNay, answer me: stand, and unfold yourself.");
    }

    @Test
    void testcorpusGivesOneRecordPerTeiWithTheCorpusTitleAsCollection() {
        Path f = Corpus.file("tei/TEI/P5/Test/testcorpus.xml");
        List<LamRecord> docs = read(f, "document");
        assertThat(Fixtures.ids(docs)).containsExactly("testcorpus.xml#doc-1", "testcorpus.xml#doc-2",
                "testcorpus.xml#doc-3");
        assertThat(docs).allSatisfy(d -> assertThat(d.label("collection")).containsExactly("A corpus test"));
        assertThat(docs.get(0).text().orElseThrow()).startsWith("The Adventures of Sherlock Holmes\n\n");
    }

    @Test
    void soldatenbriefLetterHasItsDateLanguageAndAuthorFromTheHeader() {
        LamRecord letter = read(Corpus.file("tei/soldatenbriefe/data/letter-001.xml"), "document").get(0);
        assertThat(letter.labels()).containsEntry("creator", List.of("Binn, Nikolaus"))
                .containsEntry("date", List.of("1745"))
                .containsEntry("language", List.of("de"))
                .containsEntry("classification", List.of("Gebrauchsliteratur", "Brief"))
                .containsEntry("tei:date", List.of("1745-06-19"));
        assertThat(letter.text().orElseThrow()).startsWith("SB-Nr. 1: Nikolaus Binn (Unteroffizier), 19.06.1745, "
                + "Norddeutsch\n\nGott zum gruß.");
    }

    @Test
    void theWholeCorpusReadsUnderSkipWithoutProblems() {
        ReadOptions o = ReadOptions.builder().format("tei").errorPolicy(ErrorPolicy.SKIP).build();
        try (var reader = Lam.open(Corpus.dir("tei"), o)) {
            long n = reader.stream().count();
            assertThat(n).isGreaterThanOrEqualTo(26);
            assertThat(reader.errorCount()).isZero();
        }
    }

    @Test
    void anEeboTcpBookJoinsTheWordsItsHiddenLineBreaksSplit() {
        Path f = Corpus.file("tei/Stylesheets/Test2/inputFiles/testP5ExTcp1.xml");
        String normalized = read(f, "document").get(0).text().orElseThrow();
        assertThat(normalized).contains("happen'd to the Author in his Travels; particularly his Conferences with",
                "Fran. Coggan,").doesNotContain("Au thor");
        String diplomatic = read(f, ReadOptions.builder().format("tei").set("tei.profile", "diplomatic").build())
                .get(0).text().orElseThrow();
        assertThat(diplomatic).contains("the Au\nthor in his Travels");
    }

    @Test
    void theSlovenianSermonsAreReadFromTheirSourceDocLineByLine() {
        Path f = Corpus.file("tei/Stylesheets/Test/test32.xml");
        ReadOptions.Builder sourceDoc = ReadOptions.builder().format("tei").set("tei.source", "sourceDoc");
        List<LamRecord> lines = read(f, sourceDoc.granularity("line").build());
        // 917 line elements, 23 of which hold only marginal notes, which the profile leaves out
        assertThat(lines).hasSize(894);
        assertThat(lines.get(0).id()).isEqualTo("test32.xml#sl1.1");
        assertThat(lines.get(1).text()).hasValue("Na 16. nedeljo po Binkuštih.");
        assertThat(lines.get(0).images()).extracting(i -> i.uri())
                .containsExactly("http://nl.ijs.si/e-zrc/slomsek/facs/sl1-01.tif");
        List<LamRecord> pages = read(f, ReadOptions.builder().format("tei").set("tei.source", "sourceDoc")
                .granularity("page").build());
        assertThat(pages).hasSize(25);
        assertThat(pages.get(0).id()).isEqualTo("test32.xml#sl1f.1");
        // by default the reading text in text is read, not the transcription
        String text = read(f, "document").get(0).text().orElseThrow();
        assertThat(text).doesNotContain("Binkuštih.\nK krščanskemu");
    }
}
