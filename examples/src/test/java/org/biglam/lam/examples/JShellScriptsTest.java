package org.biglam.lam.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs each script of {@code examples/jshell} with the JDK's {@code jshell} and lam.jar on the class
 * path, from the repository root, as the README tells people to, and checks what it prints.
 * Skipped with a message when lam.jar has not been built ({@code mvn package} builds it before this
 * module) or when the JDK has no jshell.
 */
class JShellScriptsTest {

    static Path root;
    static Path lamJar;
    static Path jshell;

    @BeforeAll
    static void findJShellAndLamJar() {
        Path here = Path.of("").toAbsolutePath();
        root = Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
        lamJar = root.resolve("lam-cli/target/lam.jar");
        jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        assumeTrue(Files.isRegularFile(lamJar), "lam-cli/target/lam.jar is not built: run mvn package first");
        assumeTrue(Files.isExecutable(jshell), "this JDK has no jshell at " + jshell);
    }

    static String run(String script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jshell", ".out");
        try {
            Process p = new ProcessBuilder(jshell.toString(), "-J-Djava.util.prefs.userRoot=" + out.getParent(),
                    "--class-path", lamJar.toString(), "examples/jshell/" + script)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(script + " did not end within 3 minutes");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(text).as(script + " printed no errors").doesNotContain("Error:").doesNotContain("Exception");
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void firstRecordsReadsTheCatalogueFiltersFictionAndShowsTheLabels() throws Exception {
        List<String> lines = run("01-first-records.jsh").lines().toList();

        assertThat(lines).contains("8 records", "en  A Christmas carol in prose : being a ghost story of Christmas",
                "fr  Les misérables", "es  El ingenioso hidalgo don Quixote de la Mancha",
                "title = [Les misérables]", "genre = [Historical fiction, fiction]");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("LamRecord[lamex0001 (marc21) text=\"A Christmas carol"));
    }

    @Test
    void describeCountsTheHoldingsByFormatWithTheirProblemsAndLabels() throws Exception {
        String out = run("02-describe.jsh");

        // the METS document claims its ALTO files, so the newspaper's pages come once; images are left out quietly
        assertThat(out).contains("records      26 from 7 inputs", "  marc21/record            8", "  mets/page                2",
                "  tei/document             2", "problems     0 errors, 0 warnings",
                "languages    en (12), da (2), de (2), es (2), fr (2)",
                "26 records, 2895 characters, top genres {Albumen prints=6, fiction=6, non-fiction=4}");
    }

    @Test
    void ocrWordsShowsTheUnsureWordsWithTheirRegionsAndTheIllustration() throws Exception {
        List<String> lines = run("03-ocr-words.jsh").lines().toList();

        assertThat(lines).contains("Sunderland,  0.71  20,72,66,10", "tbe          0.43  131,272,18,10");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("LamRecord[0001.xml#block-P1_IL1 (alto)")
                .contains("alto:type=[engraving]"));
    }

    @Test
    void archivesReadsAFindingAidByComponentAndALidoExportByObject() throws Exception {
        List<String> lines = run("04-archives.jsh").lines().toList();

        assertThat(lines).contains("FA-1#s1  Correspondence  <  Papers of John Smith",
                "FA-1#c1.1.1  A letter about wool  <  Papers of John Smith > Correspondence > Letters to his brother, 1870-1875",
                "FA-1  Papers of John Smith  <  (collection level)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[A letter about wool] [https://example.org/scans/letter%201.jpg]")
                .contains("https://example.org/scans/letter%201.jpg"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("MUS-1  [La Primavera, Spring (alternative)]  [painting]"
                + "  [Botticelli, Sandro (painter)]  [1478/1482]"));
    }

    @Test
    void savedHarvestReadsEachRecordByItsMetadataAndFlagsTheDeletedOne() throws Exception {
        List<String> lines = run("05-saved-harvest.jsh").lines().toList();
        assertThat(lines).contains("dc  oai:archive.example.org:photo-0001  [Whitby harbour at low tide]  []",
                "oai-pmh  oai:archive.example.org:photo-0002  []  [deleted]",
                "mods  oai:archive.example.org:album-01  [The Whitby album : views of the town and harbour]  []");
    }
}
