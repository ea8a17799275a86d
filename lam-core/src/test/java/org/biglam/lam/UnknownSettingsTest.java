package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;
import org.biglam.lam.testing.TestLinesFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting no format reads: warned about once per read, first, with the declared setting it is
 * likely a typo of, when it looks meant for lam; left alone when it belongs to another tool.
 */
class UnknownSettingsTest {

    @TempDir
    Path dir;

    private static ReadOptions.Builder skip() {
        return ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP);
    }

    private static List<String> messages(ReadOptions options) {
        return Lam.unknownSettings(options).stream().map(Problem::message).collect(Collectors.toList());
    }

    private Path lines() throws Exception {
        return Files.writeString(dir.resolve("a.testlines"), "LAMTEST\none\ntwo\n");
    }

    @Test
    void aMisspeltSettingIsWarnedAboutOnceBeforeTheRecordsNamingItAndTheSettingMeant() throws Exception {
        List<Problem> heard = new ArrayList<>();
        ReadOptions options = skip().set("test-lines.uper", "true").onProblem(heard::add).build();
        try (LamReader reader = Lam.open(List.of(lines().toString()), options)) {
            assertThat(reader.stream().map(r -> r.text().orElseThrow())).containsExactly("one", "two");
            assertThat(reader.warningCount()).isEqualTo(1);
            assertThat(reader.problems()).isEqualTo(heard);
        }
        assertThat(heard).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.kind()).isEqualTo("unknown-setting");
            assertThat(p.location()).isEqualTo(Location.of("options", null));
            assertThat(p.message()).isEqualTo("no format here reads the setting test-lines.uper; "
                    + "did you mean test-lines.upper?");
        });
        assertThat(Lam.unknownSettings(options)).isEqualTo(heard);
    }

    @Test
    void aCursorGivesTheWarningAsItsFirstItemAndSoDoesTheReadOfAUnitOfWork() throws Exception {
        ReadOptions options = skip().set("test-lines.uper", "true").build();
        try (RecordCursor c = Lam.open(List.of(lines().toString()), options).cursor()) {
            assertThat(c.next()).isTrue();
            assertThat(c.isRecord()).isFalse();
            assertThat(c.problem().kind()).isEqualTo("unknown-setting");
            assertThat(c.next()).isTrue();
            assertThat(c.record().text()).contains("one");
        }
        List<WorkUnit> units = Lam.plan(List.of(lines().toString()), FileStore.local(), options);
        try (RecordCursor c = Lam.read(units.get(0), FileStore.local(), options)) {
            List<String> items = new ArrayList<>();
            while (c.next()) {
                items.add(c.isRecord() ? c.record().text().orElseThrow() : c.problem().kind());
            }
            assertThat(items).containsExactly("unknown-setting", "one", "two");
        }
    }

    @Test
    void declaredSettingsAndMembersOfADeclaredFamilyPassAndAreRead() throws Exception {
        ReadOptions options = skip().set(TestLinesFormat.UPPER, "true").set("test-lines.tag.colour", "red").build();
        assertThat(Lam.unknownSettings(options)).isEmpty();
        try (LamReader reader = Lam.open(List.of(lines().toString()), options)) {
            assertThat(reader.stream().map(r -> r.text().orElseThrow() + " " + r.label("colour")))
                    .containsExactly("ONE [red]", "TWO [red]");
            assertThat(reader.problems()).isEmpty();
        }
    }

    @Test
    void settingsOfOtherToolsPassSilently() {
        ReadOptions options = skip().set("fs.s3a.endpoint", "http://minio:9000").set("hadoop.tmp.dir", "/tmp")
                .set("spark.sql.files.maxPartitionBytes", "1m").set("mapreduce.input.fileinputformat.split.minsize", "1")
                .set("myapp.batch", "7").build();
        assertThat(Lam.unknownSettings(options)).isEmpty();
    }

    @Test
    void aSettingInAFormatsNamespaceOrLamsIsWarnedAboutEvenWithNothingNear() {
        assertThat(messages(skip().set("test-lines.nothing-like-it", "1").build())).containsExactly(
                "no format here reads the setting test-lines.nothing-like-it "
                        + "(the test-lines settings: test-lines.upper, test-lines.tag.*)");
        assertThat(messages(skip().set("lam-jsonl.strict", "true").set("lam.threads", "4").build())).containsExactly(
                "no format here reads the setting lam-jsonl.strict (the formats' settings: lam formats)",
                "no format here reads the setting lam.threads (the formats' settings: lam formats)");
        // in the order of the settings' names: lam-jsonl before lam.threads ('-' before '.')
    }

    @Test
    void aTypoInTheNamespaceInCapitalsOrInAFamilyIsTakenForTheSettingMeant() {
        assertThat(messages(skip().set("test-line.upper", "true").set("TEST-LINES.upper", "true")
                .set("test-lines.tags.colour", "red").build())).containsExactly(
                "no format here reads the setting TEST-LINES.upper; did you mean test-lines.upper?",
                "no format here reads the setting test-line.upper; did you mean test-lines.upper?",
                "no format here reads the setting test-lines.tags.colour; did you mean test-lines.tag.colour?");
    }

    @Test
    void aReadWithoutSettingsHasNoSuchWarning() throws Exception {
        try (LamReader reader = Lam.open(List.of(lines().toString()), skip().build())) {
            assertThat(reader.stream().count()).isEqualTo(2);
            assertThat(reader.warningCount()).isZero();
        }
    }
}
