package org.biglam.lam.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.biglam.lam.store.WorkUnit;
import org.junit.jupiter.api.Test;

/** Spark's file-source packing, as a function of numbers: no session. */
class PackingTest {

    private static final long MIB = 1L << 20;

    @Test
    void splitSizeIsSparksFormula() {
        long[] tenMiB = new long[10];
        Arrays.fill(tenMiB, MIB);
        // total = 10 * (1 + 4) MiB = 50 MiB; per core (4) 12.5 MiB; min(128 MiB, max(4 MiB, 12.5 MiB))
        assertThat(Packing.maxSplitBytes(tenMiB, 128 * MIB, 4 * MIB, 4)).isEqualTo(50 * MIB / 4);
        // few bytes: the open cost is the floor
        assertThat(Packing.maxSplitBytes(new long[] {10}, 128 * MIB, 4 * MIB, 2)).isEqualTo(4 * MIB);
        // much: maxPartitionBytes is the ceiling
        assertThat(Packing.maxSplitBytes(new long[] {100_000 * MIB}, 128 * MIB, 4 * MIB, 2)).isEqualTo(128 * MIB);
    }

    @Test
    void nextFitOnSizesLargestFirst() {
        long[] tenMiB = new long[10];
        Arrays.fill(tenMiB, MIB);
        // each file counts 5 MiB against 12.5 MiB: a third fits (10 + 1 <= 12.5), a fourth does not
        List<int[]> parts = Packing.pack(tenMiB, 50 * MIB / 4, 4 * MIB);
        assertThat(parts).extracting(p -> p.length).containsExactly(3, 3, 3, 1);
        assertThat(parts.get(0)).containsExactly(0, 1, 2); // equal sizes keep their order

        long[] mixed = {1, 100 * MIB, 5, 60 * MIB, 70 * MIB};
        List<int[]> m = Packing.pack(mixed, 128 * MIB, 4 * MIB);
        // 100 MiB, then 70 would pass 128: a partition of its own; 70 + 4 + 60 > 128; 60 + 4 + 5 + 4 + 1
        assertThat(m).containsExactly(new int[] {1}, new int[] {4}, new int[] {3, 2, 0});
    }

    @Test
    void aHundredThousandSmallFilesAsSparkPacksThem() {
        int n = 100_000;
        List<WorkUnit> units = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // 1,000 to 3,999 bytes, deterministic
            units.add(WorkUnit.of("hdfs://nn/scans/p" + i + ".xml", 1_000 + (i * 7919L) % 3_000, "hdfs://nn/scans/", true));
        }
        Planning.Settings defaults = new Planning.Settings(128 * MIB, 4 * MIB, 2, 4096);
        LamPartition[] parts = Planning.partitions(units, List.of(), defaults);
        // each file counts its bytes plus 4 MiB: 32 fit under 128 MiB (31 x 4 MiB + bytes + the 32nd's bytes)
        assertThat(parts).hasSize(3125);
        assertThat(parts).allSatisfy(p -> assertThat(p.units()).hasSize(32));
        // every file once
        assertThat(Arrays.stream(parts).flatMap(p -> p.units().stream()).distinct().count()).isEqualTo(n);
        // largest first: the first partition holds 3,999-byte files
        assertThat(parts[0].units()).allSatisfy(u -> assertThat(u.size()).isEqualTo(3_999));
        assertThat(parts[3124].units()).allSatisfy(u -> assertThat(u.size()).isEqualTo(1_000));

        // with a smaller open cost (the option openCostInBytes), fewer, fuller partitions
        LamPartition[] fewer = Planning.partitions(units, List.of(), new Planning.Settings(128 * MIB, 64 * 1024, 2, 4096));
        assertThat(fewer).hasSize(51);
        assertThat(Arrays.stream(fewer).mapToInt(p -> p.units().size()).sum()).isEqualTo(n);
    }

    @Test
    void zipRangesArePackedLikeFiles() {
        // a 50,000-entry zip cut into ranges of 4,096 entries: 13 units, each the compressed size of its entries
        WorkUnit zip = WorkUnit.of("s3a://b/pages.zip", 50_000L * 2_000, null, false);
        List<WorkUnit> ranges = new ArrayList<>();
        for (int from = 0; from < 50_000; from += 4096) {
            int to = Math.min(50_000, from + 4096);
            ranges.add(zip.entries(from, to, (to - from) * 2_000L));
        }
        LamPartition[] parts = Planning.partitions(ranges, List.of(), new Planning.Settings(128 * MIB, 4 * MIB, 2, 4096));
        // 12 ranges of 8,192,000 bytes and one of 848 entries, each counting 4 MiB more: 152 MB in all,
        // so the split is half of it (two cores), 77,262,976 bytes: 6 ranges fit in one partition, 7 in the other
        assertThat(parts).hasSize(2);
        assertThat(parts[0].units()).extracting(WorkUnit::entryFrom).containsExactly(0, 4096, 8192, 12288, 16384, 20480);
        assertThat(parts[1].units()).hasSize(7);
        assertThat(parts[1].units().get(6).entryTo()).isEqualTo(50_000);
    }

    @Test
    void planningProblemsGoWithTheFirstPartition() {
        ProblemValues p = new ProblemValues("ERROR", "io", "cannot list", "hdfs://nn/x", null, -1, -1, -1);
        LamPartition[] none = Planning.partitions(List.of(), List.of(p), new Planning.Settings(128 * MIB, 4 * MIB, 2, 1));
        assertThat(none).hasSize(1);
        assertThat(none[0].planProblems()).containsExactly(p);
        assertThat(Planning.partitions(List.of(), List.of(), new Planning.Settings(128 * MIB, 4 * MIB, 2, 1))).isEmpty();
    }
}
