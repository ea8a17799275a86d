package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * What the fuzz targets found, each as a small regression fixture in {@code src/test/resources/fixtures/}
 * named after what it shows. A finding not yet fixed by its module's owner is {@code @Disabled} with
 * the issue, so the build stays green; the test beside it pins what lam does today.
 */
class FuzzFindingsTest {

    static Path fixture(String name) {
        try {
            return Path.of(FuzzFindingsTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReadOptions skip(String format) {
        return ReadOptions.builder().format(format).errorPolicy(ErrorPolicy.SKIP).build();
    }

    // Iso2709FuzzTest: marc4j's AnselToUnicode throws ArrayIndexOutOfBoundsException (set_cdt, line 422)
    // on an escape sequence cut short at the end of a subfield; lam-marc reports "unreadable record".

    @Test
    void aRecordWithAMarc8EscapeCutShortIsReportedWithItsPlaceAndItsNeighboursAreRead() {
        Hostile.Outcome out = Hostile.read(fixture("marc8-truncated-escape-between-two-good.mrc"), skip("marc21"));
        assertThat(out.records()).extracting(LamRecord::id).containsSubsequence("good-1", "good-2");
        assertThat(out.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.location().index()).hasValue(1);
            assertThat(p.location().offset()).isPresent();
        });
    }

    @Test
    void aMarc8EscapeCutShortCostsOnlyItsCharactersNotTheRecord() {
        Hostile.Outcome out = Hostile.read(fixture("marc8-truncated-escape-between-two-good.mrc"), skip("marc21"));
        assertThat(out.records()).extracting(LamRecord::id).containsExactly("good-1", "bad-escape", "good-2");
        assertThat(out.records().get(1).text().orElseThrow()).startsWith("Cyrillic ");
        assertThat(out.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("encoding"));
    }

    // AltoFuzzTest (and any input, whatever the format): a zip whose entry is compressed with Zstandard
    // (method 93) makes Commons Compress load zstd-jni, which is not on the class path.

    @Test
    void aZipEntryCompressedWithZstandardWithoutZstdJniIsALocatedProblemAndTheOtherEntriesAreRead() {
        // Before lam-core befbeba: java.lang.NoClassDefFoundError: com/github/luben/zstd/ZstdInputStream escaped
        // from InputCursor$ZipFileLayer.next (zip file) and InputCursor$StreamLayer.next (zip stream).
        Hostile.Outcome out = Hostile.read(fixture("zip-entry-compressed-with-zstandard.zip"), skip("lam-jsonl"));
        assertThat(out.error()).isNull();
        assertThat(out.records()).extracting(LamRecord::id).containsExactly("before", "after");
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().entry()).contains("zstd-entry.jsonl");
            assertThat(p.message()).containsIgnoringCase("zstd");
        });
    }

    @Test
    void aStreamedZipEntryCompressedWithZstandardIsALocatedProblem() throws Exception {
        Hostile.Outcome out = readStream("zip-entry-compressed-with-zstandard.zip", skip("lam-jsonl"));
        assertThat(out.error()).isNull();
        assertThat(out.records()).extracting(LamRecord::id).startsWith("before");
        assertThat(out.problems()).filteredOn(p -> p.severity() == org.biglam.lam.Problem.Severity.ERROR)
                .singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("zstd"));
    }

    @Test
    void aStreamedZipKeepsTheEntriesAfterAnEntryItCannotDecode() throws Exception {
        Hostile.Outcome out = readStream("zip-entry-compressed-with-zstandard.zip", skip("lam-jsonl"));
        assertThat(out.records()).extracting(LamRecord::id).containsExactly("before", "after");
        assertThat(out.problems()).filteredOn(p -> p.severity() == org.biglam.lam.Problem.Severity.ERROR)
                .singleElement().satisfies(p -> assertThat(p.location().entry()).contains("zstd-entry.jsonl"));
    }

    /** Reads a fixture as a stream, as lam reads stdin, HTTP bodies and archives inside archives. */
    private static Hostile.Outcome readStream(String fixture, ReadOptions options) throws Exception {
        return Hostile.read(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(fixture(fixture))),
                "fuzz.xml", options);
    }

    @Test
    void aStreamedZipEntryOfMethod20IsALocatedProblem() throws Exception {
        Hostile.Outcome out = readStream("zip-stream-entry-of-method-20-no-zstd-jni.zip", ReadOptions.builder().format("alto").build());
        assertThat(out.refused()).hasMessageContaining("fuzz.xml");
    }

    @Test
    void aStreamedZipEntryThatMakesCommonsCompressThrowANullPointerExceptionIsALocatedProblem() throws Exception {
        Hostile.Outcome out = readStream("zip-stream-zstd-entry-with-data-descriptor-npe.zip",
                ReadOptions.builder().format("alto").build());
        assertThat(out.refused()).hasMessageContaining("fuzz.xml");
    }

    @Test
    void aStreamedZipEntryThatCannotBeDecodedIsReportedWithItsEntryAndMethod() throws Exception {
        Hostile.Outcome out = readStream("zip-stream-zstd-entry-with-data-descriptor-npe.zip",
                ReadOptions.builder().format("alto").build());
        assertThat(out.refused().location().orElseThrow().entry()).isPresent();
        assertThat(out.error()).hasMessageNotContaining("NullPointerException").hasMessageNotContaining("Cannot invoke");
    }
}
