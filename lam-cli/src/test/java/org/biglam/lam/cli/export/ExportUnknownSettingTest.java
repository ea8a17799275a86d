package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.body;
import static org.biglam.lam.cli.export.ExportTestSupport.fixture;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card lists the settings that shaped the text: never one no format reads. */
class ExportUnknownSettingTest {

    @TempDir
    Path tmp;

    @Test
    void aSettingAFormatReadsIsListedInTheCard() throws IOException {
        Path out = tmp.resolve("ok");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl", "-q",
                "-O", "marc.names=true");
        assertThat(run.code()).isZero();
        assertThat(body(out.resolve("README.md"))).contains("`marc.names=true`");
    }

    @Test
    void aMisspeltSettingStopsTheExportBeforeAnythingIsWritten() {
        Path out = tmp.resolve("typo");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl", "-q",
                "-O", "marc.names=true", "-O", "dc.lenientt=true");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no format here reads the setting dc.lenientt; did you mean dc.lenient?");
        assertThat(out).doesNotExist();
    }
}
