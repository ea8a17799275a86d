package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.biglam.lam.spi.FormatProvider;
import org.junit.jupiter.api.Test;

/**
 * The library modules and their dependencies on the module path, as a JPMS user has them: every
 * module descriptor resolves, and every format provider is found by ServiceLoader from its named
 * module. (The tests themselves run on the class path.)
 */
class ModulePathSmokeTest {

    /** lam's library modules and what they need at run time. */
    private static final Pattern MODULE_PATH = Pattern.compile(
            ".*[/\\\\](lam-(core|marc|tei|alto|iiif|ead|lido|edm)([/\\\\]target[/\\\\]classes|-[^/\\\\]*(?<!-tests)\\.jar)"
                    + "|Saxon-HE-[^/\\\\]*\\.jar|xmlresolver-[0-9.]+\\.jar|marc4j-[^/\\\\]*\\.jar"
                    + "|jackson-(core|databind|annotations)-[^/\\\\]*\\.jar"
                    + "|woodstox-core-[^/\\\\]*\\.jar|aalto-xml-[^/\\\\]*\\.jar|stax2-api-[^/\\\\]*\\.jar"
                    + "|commons-(compress|io|lang3|codec)-[^/\\\\]*\\.jar|xz-[^/\\\\]*\\.jar)$");

    /** Run in a child JVM, from the class path, against the module path. */
    public static void main(String[] args) {
        for (FormatProvider p : ServiceLoader.load(FormatProvider.class)) {
            System.out.println(p.id() + " " + p.getClass().getModule().getName());
        }
    }

    @Test
    void everyFormatModuleResolvesAndProvidesItsFormatsOnTheModulePath() throws IOException, InterruptedException {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String modulePath = entries.stream().filter(e -> MODULE_PATH.matcher(e).matches())
                .collect(Collectors.joining(File.pathSeparator));
        String testClasses = entries.stream().filter(e -> e.endsWith("test-classes")).findFirst().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
                "-cp", testClasses, ModulePathSmokeTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().collect(Collectors.toList())).as(out).contains(
                "lam-jsonl org.biglam.lam.core", "marc21 org.biglam.lam.marc", "marcxml org.biglam.lam.marc",
                "marc-json org.biglam.lam.marc", "mrk org.biglam.lam.marc", "tei org.biglam.lam.tei", "alto org.biglam.lam.alto",
                "mets org.biglam.lam.alto", "iiif org.biglam.lam.iiif", "ead org.biglam.lam.ead",
                "lido org.biglam.lam.lido", "edm org.biglam.lam.edm");
    }
}
