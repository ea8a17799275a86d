package org.biglam.lam.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Work into partitions, the way Spark's file sources do it ({@code FilePartition}): a split size
 * from {@code maxPartitionBytes}, {@code openCostInBytes} and the parallelism, the pieces sorted by
 * size, largest first, then packed "next fit": a partition is closed when the next piece would take
 * it past the split size, and each piece counts its bytes plus the cost of opening it. Pure
 * functions of numbers, tested without a session.
 */
public final class Packing {

    private Packing() {
    }

    /**
     * Spark's split size: {@code min(maxPartitionBytes, max(openCost, totalBytes / minPartitions))},
     * where every piece counts its size plus the open cost.
     *
     * @param sizes the pieces' sizes in bytes
     * @param maxPartitionBytes {@code spark.sql.files.maxPartitionBytes}
     * @param openCost {@code spark.sql.files.openCostInBytes}
     * @param minPartitions {@code spark.sql.files.minPartitionNum}, else the default parallelism
     * @return the split size
     */
    public static long maxSplitBytes(long[] sizes, long maxPartitionBytes, long openCost, int minPartitions) {
        long total = 0;
        for (long s : sizes) {
            total = saturatedAdd(total, saturatedAdd(s, openCost));
        }
        long perCore = total / Math.max(1, minPartitions);
        return Math.min(maxPartitionBytes, Math.max(openCost, perCore));
    }

    /**
     * Packs pieces into partitions: sorted by size, largest first (ties keep their order), then
     * next fit.
     *
     * @param sizes the pieces' sizes in bytes
     * @param maxSplitBytes the split size ({@link #maxSplitBytes})
     * @param openCost what opening one piece costs, in bytes
     * @return each partition's pieces, as indexes into {@code sizes}, in the order they are read
     */
    public static List<int[]> pack(long[] sizes, long maxSplitBytes, long openCost) {
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        List<int[]> partitions = new ArrayList<>();
        int[] current = new int[16];
        int n = 0;
        long currentSize = 0;
        for (int i : order) {
            if (n > 0 && currentSize + sizes[i] > maxSplitBytes) {
                partitions.add(Arrays.copyOf(current, n));
                n = 0;
                currentSize = 0;
            }
            if (n == current.length) {
                current = Arrays.copyOf(current, n * 2);
            }
            current[n++] = i;
            currentSize = saturatedAdd(currentSize, saturatedAdd(sizes[i], openCost));
        }
        if (n > 0) {
            partitions.add(Arrays.copyOf(current, n));
        }
        return partitions;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
