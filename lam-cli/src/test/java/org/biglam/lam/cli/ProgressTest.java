package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.biglam.lam.LamRecord;
import org.biglam.lam.RecordSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar: what it draws, and that it shows in a terminal and not in a pipe. */
class ProgressTest {

    @TempDir
    Path dir;

    private Path file(String name, int bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[bytes]);
        return f;
    }

    private static LamRecord at(Path file, long offset) {
        return LamRecord.builder("r", "marc21").source(new RecordSource(file.toUri().toString(), null, 0, offset, -1))
                .build();
    }

    @Test
    void theLineShowsRecordsBytesShareRateAndAnEtaWhenTheSizeIsKnown() throws IOException {
        Path a = file("a.mrc", 1000);
        Path b = file("b.mrc", 1000);
        try (Progress p = Progress.start(new PrintStream(new ByteArrayOutputStream()), true,
                List.of(a.toString(), b.toString()))) {
            p.record(at(a, 0));
            p.record(at(a, 600));
            p.record(at(b, 0));
            String line = p.line(100);
            assertThat(line).startsWith("lam: 3 rec  1000 B/2.0 KiB [").contains("]  50%").contains(" rec/s")
                    .contains("ETA ");
            assertThat(line.length()).isLessThanOrEqualTo(100);
            assertThat(p.line(40)).hasSize(40);
            assertThat(p.records()).isEqualTo(3);
        }
    }

    @Test
    void theLineShowsCountsAndRateOnlyWhenTheSizeIsUnknown() {
        try (Progress p = Progress.start(new PrintStream(new ByteArrayOutputStream()), true, List.of("-"))) {
            p.record(LamRecord.builder("r", "tei").build());
            assertThat(p.line(80)).startsWith("lam: 1 records  ").contains("rec/s").doesNotContain("[").doesNotContain("ETA");
        }
    }

    @Test
    void aFolderCountsTheSizeOfItsFiles() throws IOException {
        file("x/one", 100);
        file("x/two", 50);
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        assertThat(Progress.measure(List.of(dir.resolve("x").toString(), "https://example.org/m.json", "-"), sizes))
                .isEqualTo(150);
        assertThat(sizes).hasSize(2);
    }

    @Test
    void sizesAndDurationsReadAsPeopleWriteThem() {
        assertThat(Progress.bytes(999)).isEqualTo("999 B");
        assertThat(Progress.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Progress.bytes(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(Progress.duration(59)).isEqualTo("0:59");
        assertThat(Progress.duration(3725)).isEqualTo("1:02:05");
    }

    @Test
    void messagesPrintedWhileTheBarIsShownClearItFirst() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setProperty("lam.progress.delay", "0");
        try (Progress p = Progress.start(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, List.of("-"))) {
            long until = System.currentTimeMillis() + 5000;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("records") && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            p.err().println("lam: warning [x] here");
        } finally {
            System.clearProperty("lam.progress.delay");
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\rlam: 0 records");
        assertThat(out.indexOf("lam: warning")).isGreaterThan(out.indexOf("lam: 0 records"));
        // the bar is cleared before the message: a carriage return, blanks, a carriage return
        assertThat(out).containsPattern("\r +\rlam: warning \\[x\\] here\n");
    }

    @Test
    void anOffProgressDrawsNothingAndGivesStandardError() {
        try (Progress p = Progress.off()) {
            assertThat(p.enabled()).isFalse();
            assertThat(p.err()).isSameAs(System.err);
            p.record(LamRecord.builder("r", "tei").build());
            assertThat(p.records()).isEqualTo(1);
        }
    }

    // --- the bar in a real terminal (a pseudo-terminal made by script(1)) and in a pipe ---

    private Path bigInput() throws IOException {
        Path f = dir.resolve("big.jsonl");
        try (Writer w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < 60_000; i++) {
                w.write("{\"id\":\"r" + i + "\",\"format\":\"marc21\",\"text\":\"record number " + i + "\"}\n");
            }
        }
        return f;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> lam(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Dlam.progress.delay=0", "-cp",
                System.getProperty("java.class.path"), LamCommand.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String quote(List<String> cmd) {
        StringBuilder sb = new StringBuilder();
        for (String c : cmd) {
            sb.append(sb.length() == 0 ? "" : " ").append('\'').append(c.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    private static Path script() {
        for (String d : List.of("/usr/bin/script", "/bin/script")) {
            if (Files.isExecutable(Path.of(d))) {
                return Path.of(d);
            }
        }
        return null;
    }

    private String inTerminal(List<String> cmd) throws Exception {
        return inTerminal(cmd, " > /dev/null");
    }

    private String inTerminal(List<String> cmd, String redirect) throws Exception {
        Path script = script();
        assumeTrue(script != null, "script(1) is not installed: the progress bar is not tested in a terminal");
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "script(1) is called the util-linux way: the progress bar is tested in a terminal on Linux only");
        Path out = dir.resolve("terminal.out");
        Process p = new ProcessBuilder(script.toString(), "-qec", quote(cmd) + redirect, "/dev/null")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("lam ended").isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void convertShowsTheBarOnStandardErrorInATerminal() throws Exception {
        Path in = bigInput();
        String shown = inTerminal(lam("convert", in.toString(), "-o", dir.resolve("out.jsonl").toString()));

        assertThat(shown).contains("\rlam: ").contains(" rec  ").contains("/s").contains("[");
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(60_000);
    }

    @Test
    void convertShowsNoBarWhenItsRecordsGoToTheSameTerminal() throws Exception {
        Path in = bigInput();
        String shown = inTerminal(lam("convert", "--limit", "20000", in.toString()), "");

        assertThat(shown).contains("{\"id\":\"r19999\"").doesNotContain("\rlam: ");
    }

    @Test
    void statsShowsTheBarTooButNotWhenQuiet() throws Exception {
        Path in = bigInput();
        assertThat(inTerminal(lam("stats", in.toString()))).contains("\rlam: ");
        assertThat(inTerminal(lam("stats", "--quiet", in.toString()))).doesNotContain("\rlam: ");
    }

    @Test
    void convertShowsNoBarWhenStandardErrorIsAPipe() throws Exception {
        Path in = bigInput();
        Process p = new ProcessBuilder(lam("convert", in.toString(), "-o", dir.resolve("out.jsonl").toString()))
                .redirectError(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).isZero();
        assertThat(new String(err, StandardCharsets.UTF_8)).isEmpty();
    }
}
