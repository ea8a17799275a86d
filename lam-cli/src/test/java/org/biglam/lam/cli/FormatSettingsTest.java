package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings every format on lam's class path declares, as the command line and the engine hold
 * them: each accepted, a misspelt one refused with the setting meant, other tools' left to them.
 */
class FormatSettingsTest {

    @TempDir
    Path dir;

    /** Every setting every format here declares, a family's as one member, with a value. */
    private static Map<String, String> everyDeclaredSetting() {
        Map<String, String> all = new TreeMap<>();
        for (FormatInfo f : Lam.formats()) {
            for (String s : f.settings()) {
                all.put(s.endsWith(".*") ? s.substring(0, s.length() - 1) + "member" : s, "1");
            }
        }
        return all;
    }

    private Path jsonl() throws IOException {
        return Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"a1\",\"text\":\"alpha\"}\n");
    }

    @Test
    void everyFormatModuleDeclaresTheSettingsItsReadersRead() {
        assertThat(everyDeclaredSetting().keySet()).contains("alto.hyphenation", "alto.resolution", "dc.lenient",
                "ead.lenient", "edm.enrichments", "edm.lenient", "iiif.fetch", "iiif.prefer-language", "lido.lenient",
                "marc.encoding", "marc.flavour", "marc.map.member", "mods.lenient", "oai.deleted", "oai.delay",
                "oai.lenient", "oai.resume", "tei.div", "tei.profile", "tei.source");
        assertThat(Lam.formats().stream().filter(f -> f.id().equals("mets")).findFirst().orElseThrow().settings())
                .containsExactly("alto.hyphenation", "alto.resolution");
    }

    /**
     * The settings' names as the modules keep them, in their options classes and providers: each is
     * declared by a format, so that a constant added without its declaration is found here.
     */
    @Test
    void everySettingConstantOfEveryModuleIsDeclared() throws ReflectiveOperationException {
        List<String> constants = new ArrayList<>();
        for (String name : new String[] {"org.biglam.lam.alto.AltoOptions", "org.biglam.lam.iiif.IiifOptions",
            "org.biglam.lam.marc.MarcOptions", "org.biglam.lam.tei.TeiOptions", "org.biglam.lam.dc.DcFormat",
            "org.biglam.lam.mods.ModsFormat", "org.biglam.lam.ead.EadFormat", "org.biglam.lam.lido.LidoFormat",
            "org.biglam.lam.edm.EdmFormat", "org.biglam.lam.oai.internal.OaiSettings"}) {
            for (Field f : Class.forName(name).getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && (f.getName().startsWith("SETTING_") || name.endsWith("Format") || name.endsWith("Settings"))) {
                    String key = (String) f.get(null);
                    if (key.matches("[a-z-]+\\..+")) {
                        constants.add(key);
                    }
                }
            }
        }
        assertThat(constants).hasSizeGreaterThan(30).contains("marc.map.*", "oai.token-with-prefix", "edm.enrichments");
        assertThat(constants).allSatisfy(k -> assertThat(Lam.formats()).as(k)
                .anyMatch(f -> f.settings().contains(k)));
    }

    @Test
    void everyDeclaredSettingOfEveryFormatIsAcceptedWithoutAWarning() throws IOException {
        Map<String, String> all = everyDeclaredSetting();
        ReadOptions.Builder b = ReadOptions.builder();
        all.forEach(b::set);
        assertThat(Lam.unknownSettings(b.build())).isEmpty();
        List<String> args = new ArrayList<>(List.of("convert", jsonl().toString()));
        all.forEach((k, v) -> args.addAll(List.of("-O", k + "=" + v)));
        ConvertCommandTest.Run r = ConvertCommandTest.run(args.toArray(String[]::new));
        assertThat(r.err()).doesNotContain("setting");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(1);
    }

    @Test
    void aMisspeltSettingIsAUsageErrorNamingItAndTheSettingMeant() throws IOException {
        ConvertCommandTest.Run r = ConvertCommandTest.run("convert", jsonl().toString(), "-O", "dc.lenientt=true",
                "-O", "marc.encoding=utf-8");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lam: no format here reads the setting dc.lenientt; did you mean dc.lenient?\n"
                + "lam: 'lam formats' lists the settings each format reads\n");
    }

    @Test
    void aSettingNoFormatReadsIsRefusedWhateverItsNamespace() throws IOException {
        ConvertCommandTest.Run r = ConvertCommandTest.run("convert", jsonl().toString(), "-O", "mets.hyphenation=keep",
                "-O", "foo.bar=1", "-O", "fs.defaultFS=file:///");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lam: no format here reads the setting foo.bar\n"
                + "lam: no format here reads the setting fs.defaultFS\n"
                + "lam: no format here reads the setting mets.hyphenation; did you mean alto.hyphenation?\n"
                + "lam: 'lam formats' lists the settings each format reads\n");
    }

    @Test
    void theEngineLeavesHadoopsAndSparksSettingsAloneAndWarnsAboutOneMeantForAFormat() {
        ReadOptions other = ReadOptions.builder().set("fs.s3a.endpoint", "http://minio:9000")
                .set("hadoop.security.authentication", "simple").set("dfs.replication", "2")
                .set("spark.sql.files.maxPartitionBytes", "1m").build();
        assertThat(Lam.unknownSettings(other)).isEmpty();
        ReadOptions typo = other.toBuilder().set("oai.lenint", "true").build();
        assertThat(Lam.unknownSettings(typo)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("unknown-setting");
            assertThat(p.message()).isEqualTo("no format here reads the setting oai.lenint; did you mean oai.lenient?");
        });
    }

    @Test
    void formatsListsEachFormatsSettingsOnAnIndentedLineBelowIt() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("formats");
        List<String> lines = r.lines();
        int dc = lines.indexOf(lines.stream().filter(l -> l.startsWith("dc ")).findFirst().orElseThrow());
        assertThat(lines.get(dc + 1)).isEqualTo("           settings: dc.lenient");
        int marc = lines.indexOf(lines.stream().filter(l -> l.startsWith("marc21 ")).findFirst().orElseThrow());
        assertThat(lines.get(marc + 1)).isEqualTo("           settings: marc.encoding, marc.flavour, marc.flavor, "
                + "marc.names, marc.text, marc.map.*");
        int jsonl = lines.indexOf(lines.stream().filter(l -> l.startsWith("lam-jsonl ")).findFirst().orElseThrow());
        assertThat(lines.get(jsonl + 1)).doesNotStartWith(" ");
        assertThat(lines.stream().filter(l -> !l.startsWith(" ")).count()).isEqualTo(Lam.formats().size());
    }

    /** {@code -O key=} in the project's docs; each must be a setting some format declares. */
    @Test
    void everySettingTheDocsShowIsOneAFormatDeclares() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Pattern option = Pattern.compile("-O '?([A-Za-z0-9-]+\\.[A-Za-z0-9.:_-]+)=");
        TreeSet<String> shown = new TreeSet<>();
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p.resolve("README.md"))).forEach(p -> docs.add(p.resolve("README.md")));
        }
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        docs.add(root.resolve("README.md"));
        docs.add(root.resolve("lam-cli/EXPORT.md"));
        for (Path d : docs) {
            Matcher m = option.matcher(Files.readString(d));
            while (m.find()) {
                shown.add(m.group(1));
            }
        }
        assertThat(shown).contains("marc.encoding", "alto.hyphenation", "ead.lenient");
        assertThat(shown).allSatisfy(k -> assertThat(Lam.formats()).as(k).anyMatch(f -> f.readsSetting(k)));
    }
}
