package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Every MARC file of the shared corpus, read with the record counts of its MANIFEST.tsv. */
class MarcCorpusTest {

    /** Where our count differs from MANIFEST.tsv, and why. */
    private static final Map<String, Integer> COUNT_OVERRIDES = Map.of(
            // MANIFEST counts every <record> tag: 2 SRU records wrap 5 MARC records (2 bibliographic, 3 holdings)
            "marcxml/metafacture-core/metafacture-io/src/test/resources/__files/"
                    + "sru_dnb-b0478aa7-2e7c-4301-a463-c189da335428.xml", 5);

    private static Map<String, Integer> manifestCounts() throws IOException {
        Path manifest = Corpus.root().orElseThrow().resolve("MANIFEST.tsv");
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] cols = line.split("\t", -1);
            if (cols.length > 7 && cols[7].matches("\\d+")) {
                counts.put(cols[0], Integer.parseInt(cols[7]));
            }
        }
        counts.putAll(COUNT_OVERRIDES);
        return counts;
    }

    private void readsEveryFileWithItsCount(String format) throws IOException {
        List<Path> files = Corpus.files(format);
        Map<String, Integer> counts = manifestCounts();
        Path root = Corpus.root().orElseThrow();
        int checked = 0;
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            if (!counts.containsKey(rel)) {
                continue;
            }
            Reading r = Reading.file(f, ReadOptions.builder().errorPolicy(org.biglam.lam.ErrorPolicy.SKIP));
            assertThat(r.errors()).as("errors in %s", rel).isEmpty();
            assertThat(r.records).as("records of %s", rel).hasSize(counts.get(rel));
            assertThat(r.records).allSatisfy(rec -> assertThat(rec.format()).isEqualTo(format.equals("marc-in-json")
                    ? "marc-json" : format));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void readsEveryIso2709FileOfTheCorpusWithTheManifestCounts() throws IOException {
        readsEveryFileWithItsCount("marc21");
    }

    @Test
    void readsEveryMarcXmlFileOfTheCorpusWithTheManifestCounts() throws IOException {
        readsEveryFileWithItsCount("marcxml");
    }

    @Test
    void readsEveryMarcInJsonFileOfTheCorpusWithTheManifestCounts() throws IOException {
        readsEveryFileWithItsCount("marc-in-json");
    }

    private static Reading read(String relative) {
        return Reading.file(Corpus.file(relative), ReadOptions.builder().errorPolicy(org.biglam.lam.ErrorPolicy.SKIP));
    }

    @Test
    void givesTheSameLabelsForTheSameRecordsInAllThreeFormats() {
        Reading iso = read("marc21/traject/test/test_support/test_data.utf8.mrc");
        Reading xml = read("marcxml/traject/test/test_support/test_data.utf8.marc.xml");
        Reading json = read("marc-in-json/traject/test/test_support/test_data.utf8.json");
        assertThat(iso.records).hasSize(30);
        for (int i = 0; i < 30; i++) {
            LamRecord a = iso.records.get(i);
            assertThat(xml.records.get(i).labels()).as("record %d", i).isEqualTo(a.labels());
            assertThat(json.records.get(i).labels()).as("record %d", i).isEqualTo(a.labels());
            assertThat(xml.records.get(i).text()).isEqualTo(a.text());
        }
    }

    @Test
    void decodesMarc8CatalogueRecords() {
        Reading r = read("marc21/marc4j/test/resources/chabon-loc.mrc");
        LamRecord first = r.records.get(0);
        assertThat(first.id()).isEqualTo("11939876");
        assertThat(first.label("title")).containsExactly("The amazing adventures of Kavalier and Clay : a novel");
        assertThat(first.label("creator")).containsExactly("Chabon, Michael");
        assertThat(first.label("subject")).contains("Heroes in mass media -- Fiction", "New York (N.Y.) -- Fiction");
        assertThat(first.label("identifier")).containsExactly("11939876", "lccn:00029063", "isbn:0679450041");
        assertThat(first.label("classification")).containsExactly("PS3553.H15 A82 2000", "813.54");
        Reading cyr = read("marc21/marc4j/test/resources/cyrillic_capital_e.mrc");
        assertThat(cyr.records.get(0).label("title")).containsExactly("Vor, shpion i ubiĭt͡sa", "Вор, шпион и убийца");
        assertThat(cyr.records.get(0).label("publisher")).containsExactly("ĖKSMO");
    }

    @Test
    void addsAlternateScript880FieldsToTheLabelsTheyLinkTo() {
        LamRecord r = read("marc21/traject/test/test_support/hebrew880s.marc").records.get(0);
        assertThat(r.label("title")).containsExactly("Anarkhizm be-\"Tsiyon\" : ben Marṭin Buber le-Aharon Daṿid Gordon",
                "אנרכיזם ב״ציון״ : בין מרטין בובר לאהרן דוד גורדון");
        assertThat(r.label("creator")).containsExactly("Ratsabi, Shalom", "רצבי, שלום");
        assertThat(r.label("place")).containsExactly("Tel Aviv", "תל אביב");
        assertThat(r.label("language")).containsExactly("he");
    }

    @Test
    void splitsPackedLanguageCodesAndMapsThemToBcp47() {
        LamRecord r = read("marc21/traject/test/test_support/packed_041a_lang.marc").records.get(0);
        assertThat(r.label("language")).containsExactly("en", "fr", "de", "it", "es", "ru");
    }

    @Test
    void normalisesDatesWithUnknownDigitsToARange() {
        LamRecord r = read("marc21/traject/test/test_support/date_with_u.marc").records.get(0);
        assertThat(r.label("date")).containsExactly("1840/1899");
        assertThat(r.label("type")).containsExactly("text", "serial");
    }

    @Test
    void readsDublinCoreRecordsOfAnOaiPmhResponse() {
        Reading r = read("marcxml/traject/test/test_support/sample-oai-pmh.xml");
        assertThat(r.records).hasSize(10);
        LamRecord second = r.records.get(1);
        assertThat(second.id()).isEqualTo("oai:sciencehistoryorg:fq977t769");
        assertThat(second.label("title")).containsExactly("Spice Storage");
        assertThat(second.label("creator")).containsExactly("Norda Essential Oil and Chemical Company");
        assertThat(second.label("dc:date")).containsExactly("1950s");
    }

    @Test
    void readsAWindows1251CatalogueWhenTold() {
        Reading guessed = read("marc21/pymarc/test/1251.dat");
        assertThat(guessed.warnings("encoding")).isNotEmpty();
        Reading told = Reading.file(Corpus.file("marc21/pymarc/test/1251.dat"),
                ReadOptions.builder().set("marc.encoding", "windows-1251"));
        assertThat(told.records).hasSize(6);
        assertThat(told.records.get(0).label("title").get(0)).matches(".*[А-Яа-я]{3,}.*");
        assertThat(told.warnings("encoding")).isEmpty();
    }
}
