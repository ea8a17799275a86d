package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lam stats} over fixtures whose counts are known. */
class StatsCommandTest {

    @TempDir
    Path dir;

    Path folder;

    /**
     * Two JSON Lines files of records (one line broken), and a file no format reads: 5 records
     * (3 marc21, 2 alto pages), 1 error, 1 warning.
     */
    @BeforeEach
    void writeFixtures() throws IOException {
        folder = dir.resolve("holdings");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a-catalogue.jsonl"), String.join("\n",
                "{\"id\":\"m1\",\"format\":\"marc21\",\"text\":\"Les misérables\",\"labels\":{\"genre\":[\"fiction\","
                        + "\"Historical fiction\"],\"language\":[\"fr\"]}}",
                "{\"id\":\"m2\",\"format\":\"marc21\",\"text\":\"In memoriam\",\"labels\":{\"genre\":[\"poetry\"],"
                        + "\"language\":[\"en\"]}}",
                "{\"id\":\"m3\" \"format\":\"marc21\"}",
                "{\"id\":\"m4\",\"format\":\"marc21\",\"labels\":{\"genre\":[\"fiction\"],\"language\":[\"en\"]}}",
                ""), StandardCharsets.UTF_8);
        // the images are beside the records (the origin rule lets a local file lead only into its folder)
        String scans = folder.toUri() + "scans/";
        Files.writeString(folder.resolve("b-pages.jsonl"), String.join("\n",
                "{\"id\":\"p1\",\"format\":\"alto\",\"group\":\"issue\",\"text\":\"THE GAZETTE\",\"confidence\":0.5,"
                        + "\"images\":[{\"uri\":\"" + scans + "1.png\"}],\"labels\":{\"language\":[\"en\"]}}",
                "{\"id\":\"p2\",\"format\":\"alto\",\"group\":\"issue\",\"text\":\"ads\",\"confidence\":0.9,"
                        + "\"images\":[{\"uri\":\"" + scans + "2.png\"},{\"uri\":\"" + scans + "2.png\",\"region\":"
                        + "{\"x\":1,\"y\":2,\"w\":3,\"h\":4}}]}",
                ""), StandardCharsets.UTF_8);
        Files.write(folder.resolve("c-scan.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    }

    @Test
    void statsCountsRecordsProblemsTextImagesLabelsAndConfidence() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", "--quiet", folder.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(String.join("\n",
                "records      5 from 2 inputs in 1 document",
                "  alto/page                2",
                "  marc21/record            3",
                "problems     1 errors, 1 warnings",
                "  error malformed          1",
                "  warning unrecognised     1",
                "text         39 characters in 4 records (mean 10)",
                "images       3 references in 2 records (2 distinct)",
                "confidence   mean 0.700 over 2 records",
                "languages    en (3), fr (1)",
                "labels",
                "  language                 4 records, 2 values: en (3), fr (1)",
                "  genre                    3 records, 3 values: fiction (2), Historical fiction (1), poetry (1)",
                ""));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void statsPrintsProblemsOnStandardErrorUnlessQuiet() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", folder.toString());

        assertThat(r.err()).contains("a-catalogue.jsonl").contains("malformed").contains("c-scan.bin");
    }

    @Test
    void statsAsJsonGivesTheSameCountsForTools() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", "--quiet", "--json", "--top", "1", folder.toString());

        assertThat(r.out()).isEqualTo("{\"records\":5,\"inputs\":2,\"documents\":1,"
                + "\"formats\":[{\"format\":\"alto\",\"granularity\":\"page\",\"records\":2},"
                + "{\"format\":\"marc21\",\"granularity\":\"record\",\"records\":3}],"
                + "\"errors\":1,\"warnings\":1,"
                + "\"problems\":[{\"severity\":\"error\",\"kind\":\"malformed\",\"count\":1},"
                + "{\"severity\":\"warning\",\"kind\":\"unrecognised\",\"count\":1}],"
                + "\"text\":{\"records\":4,\"characters\":39},"
                + "\"images\":{\"records\":2,\"references\":3,\"distinct\":2},"
                + "\"confidence\":{\"records\":2,\"mean\":0.700000},"
                + "\"languages\":[{\"value\":\"en\",\"count\":3},{\"value\":\"fr\",\"count\":1}],"
                + "\"labels\":[{\"name\":\"language\",\"records\":4,\"values\":2,\"approximate\":false,"
                + "\"top\":[{\"value\":\"en\",\"count\":3}]},"
                + "{\"name\":\"genre\",\"records\":3,\"values\":3,\"approximate\":false,"
                + "\"top\":[{\"value\":\"fiction\",\"count\":2}]}]}\n");
    }

    @Test
    void statsTakesTheReadingOptionsOfConvert() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", "--quiet", "--limit", "2", "--format", "lam-jsonl",
                "--on-error", "skip", folder.resolve("a-catalogue.jsonl").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("records      2 from 1 input\n  marc21/record            2\n"
                + "problems     0 errors, 0 warnings\n");
    }

    @Test
    void statsUnderFailStopsAtTheFirstProblemAndStillPrintsWhatItCounted() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", "--on-error", "fail",
                folder.resolve("a-catalogue.jsonl").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("lam: error:").contains("line 3");
        assertThat(r.out()).startsWith("records      2 from 1 input\n");
    }

    @Test
    void statsWithAnUnknownGranularityIsAUsageError() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("stats", "--on-error", "sometimes", folder.toString());

        assertThat(r.exit()).isEqualTo(LamCommand.EXIT_USAGE);
    }

    @Test
    void recordStatsKeepsAtMostTheBoundOfDistinctValuesAndSaysSo() {
        RecordStats s = new RecordStats();
        for (int i = 0; i < RecordStats.MAX_DISTINCT + 10; i++) {
            s.accept(org.biglam.lam.LamRecord.builder("r" + i, "marc21").label("identifier", "id" + i)
                    .label("genre", i % 3 == 0 ? "fiction" : "poetry").build());
        }

        assertThat(s.records()).isEqualTo(RecordStats.MAX_DISTINCT + 10);
        assertThat(s.toJson(1)).contains("{\"name\":\"identifier\",\"records\":50010,\"values\":50000,\"approximate\":true");
        assertThat(s.top("genre", 2)).containsExactly(java.util.Map.entry("poetry", 33340L),
                java.util.Map.entry("fiction", 16670L));
    }
}
