package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitPlanTest {

    @Test
    void theSplitOfAKeyIsPinnedSoThatEveryMachineAgrees() {
        // A regression pin, checked against Python's hashlib: the first 8 bytes of
        // SHA-256(seed as 8 bytes big-endian + key in UTF-8), shifted right by 11, times 2^-53.
        // Changing the hash would move records between the splits of published datasets.
        SplitPlan plan = SplitPlan.parse("train=0.5,validation=0.25,test=0.25", 42);
        assertThat(plan.unit("book1.xml")).isEqualTo(0.5915930921439175);
        assertThat(plan.unit("ocm01234567")).isEqualTo(0.37665441797318144);
        assertThat(plan.unit("\u00fc")).isEqualTo(0.2148887396422523);
        assertThat(plan.unit("doc-9")).isEqualTo(0.1164141666598858);
        List<String> got = new ArrayList<>();
        for (String key : List.of("book1.xml", "book2.xml", "ocm01234567", "https://example.org/iiif/m1", "doc-8")) {
            got.add(plan.names().get(plan.splitOf(key)));
        }
        assertThat(got).containsExactly("validation", "validation", "train", "validation", "validation");
    }

    @Test
    void fractionsAreRoughlyHonoured() {
        SplitPlan plan = SplitPlan.parse("train=0.8,validation=0.1,test=0.1", 0);
        int[] counts = new int[3];
        for (int i = 0; i < 20_000; i++) {
            counts[plan.splitOf("group-" + i)]++;
        }
        assertThat(counts[0]).isBetween(15_600, 16_400);
        assertThat(counts[1]).isBetween(1_800, 2_200);
        assertThat(counts[2]).isBetween(1_800, 2_200);
    }

    @Test
    void theSeedChangesTheSplits() {
        SplitPlan a = SplitPlan.parse("train=0.5,test=0.5", 1);
        SplitPlan b = SplitPlan.parse("train=0.5,test=0.5", 2);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            if (a.splitOf("g" + i) != b.splitOf("g" + i)) {
                differ++;
            }
        }
        assertThat(differ).isBetween(400, 600);
    }

    @Test
    void malformedSpecsAreRefused() {
        assertThatThrownBy(() -> SplitPlan.parse("train=0.8,test=0.3", 0)).hasMessageContaining("add up to");
        assertThatThrownBy(() -> SplitPlan.parse("train=0.5,train=0.5", 0)).hasMessageContaining("twice");
        assertThatThrownBy(() -> SplitPlan.parse("tr.ain=1", 0)).hasMessageContaining("split name");
        assertThatThrownBy(() -> SplitPlan.parse("train=x", 0)).hasMessageContaining("NAME=FRACTION");
        assertThatThrownBy(() -> SplitPlan.parse(",", 0)).hasMessageContaining("no split");
        assertThat(SplitPlan.parse("all", 0).names()).containsExactly("all");
    }

    @Test
    void sizesAreParsed() {
        assertThat(ExportSettings.parseSize("500MB")).isEqualTo(500L << 20);
        assertThat(ExportSettings.parseSize("1g")).isEqualTo(1L << 30);
        assertThat(ExportSettings.parseSize("64KiB")).isEqualTo(64L << 10);
        assertThat(ExportSettings.parseSize("1000")).isEqualTo(1000L);
        assertThatThrownBy(() -> ExportSettings.parseSize("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
