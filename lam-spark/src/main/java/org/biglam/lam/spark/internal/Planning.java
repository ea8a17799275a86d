package org.biglam.lam.spark.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spark.HadoopFileStore;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;
import org.biglam.lam.store.WorkUnit;

/**
 * The driver's part: inputs listed on Hadoop's file systems and planned by lam ({@link Lam#plan}:
 * folder rules, METS claims), zip files cut into entry ranges ({@link Lam#split}), and the units
 * packed into partitions with Spark's rules ({@link Packing}).
 */
public final class Planning {

    /**
     * The numbers the packing uses.
     *
     * @param maxPartitionBytes the most bytes in a partition
     * @param openCost what opening one unit costs, in bytes
     * @param minPartitions the parallelism the split size aims at
     * @param entriesPerPartition the most zip entries in one unit
     */
    public record Settings(long maxPartitionBytes, long openCost, int minPartitions, int entriesPerPartition) {
    }

    /** The most problems of the planning the driver keeps and ships as rows (the first task's). */
    static final int MAX_PLAN_PROBLEMS = 10_000;

    private Planning() {
    }

    /** Options for Hadoop's configuration rather than lam: {@code fs.*}, {@code dfs.*}, {@code hadoop.*}. */
    public static boolean isHadoopKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.startsWith("fs.") || k.startsWith("dfs.") || k.startsWith("hadoop.");
    }

    /**
     * Plans a read.
     *
     * @param paths the paths given to {@code load(...)}
     * @param hadoop the Hadoop configuration
     * @param options the source's options
     * @param settings the packing's numbers
     * @return the partitions
     * @throws IOException if an input cannot be listed
     * @throws IllegalArgumentException if a path does not exist
     */
    public static LamPartition[] plan(List<String> paths, Configuration hadoop, LamOptions options, Settings settings)
            throws IOException {
        HadoopFileStore store = new HadoopFileStore(hadoop);
        List<String> uris = new ArrayList<>();
        for (String p : paths) {
            String uri = store.qualify(p);
            if (!store.exists(uri)) {
                throw new IllegalArgumentException("lam: path does not exist: " + uri);
            }
            uris.add(uri);
        }
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        ReadOptions ro = options.readOptions(ErrorPolicy.SKIP).toBuilder().onProblem(problems::add).build();
        FileStore walk = filtered(store, options.pathGlobFilter(), options.recursive());
        List<WorkUnit> units = new ArrayList<>();
        for (WorkUnit u : Lam.plan(uris, walk, ro)) {
            if (u.isZip()) {
                units.addAll(Lam.split(u, store, settings.entriesPerPartition(), ro));
            } else {
                units.add(u);
            }
        }
        List<ProblemValues> planProblems = new ArrayList<>();
        for (Problem p : problems) {
            if (options.mode() == Mode.FAILFAST && p.severity() == Problem.Severity.ERROR) {
                throw new LamFormatException(p.message(), p.location());
            }
            if (planProblems.size() < MAX_PLAN_PROBLEMS) {
                planProblems.add(ProblemValues.of(p));
            }
        }
        return partitions(units, planProblems, settings);
    }

    /**
     * Packs units into partitions with Spark's rules; the planning's problems go with the first.
     *
     * @param units the units, in read order
     * @param planProblems the planning's problems
     * @param s the numbers
     * @return the partitions
     */
    public static LamPartition[] partitions(List<WorkUnit> units, List<ProblemValues> planProblems, Settings s) {
        long[] sizes = new long[units.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Math.max(0, units.get(i).size());
        }
        long split = Packing.maxSplitBytes(sizes, s.maxPartitionBytes(), s.openCost(), s.minPartitions());
        List<int[]> packed = Packing.pack(sizes, split, s.openCost());
        List<LamPartition> out = new ArrayList<>(packed.size() + 1);
        for (int[] part : packed) {
            List<WorkUnit> us = new ArrayList<>(part.length);
            for (int i : part) {
                us.add(units.get(i));
            }
            out.add(new LamPartition(List.copyOf(us), out.isEmpty() ? List.copyOf(planProblems) : List.of()));
        }
        if (out.isEmpty() && !planProblems.isEmpty()) {
            out.add(new LamPartition(List.of(), List.copyOf(planProblems)));
        }
        return out.toArray(new LamPartition[0]);
    }

    /** The store as the walk sees it: files whose name fails the glob, and sub-folders unless recursive, left out. */
    static FileStore filtered(FileStore store, String glob, boolean recursive) throws IOException {
        if (glob == null && recursive) {
            return store;
        }
        GlobFilter filter = glob == null ? null : new GlobFilter(glob);
        return new FileStore() {
            @Override
            public Optional<InputFile> file(String uri) throws IOException {
                return store.file(uri);
            }

            @Override
            public boolean isFolder(String uri) throws IOException {
                return store.isFolder(uri);
            }

            @Override
            public List<Entry> list(String folderUri) throws IOException {
                List<Entry> out = new ArrayList<>();
                for (Entry e : store.list(folderUri)) {
                    if (e.folder() ? recursive : filter == null || filter.accept(new Path(e.name()))) {
                        out.add(e);
                    }
                }
                return out;
            }

            @Override
            public String resolve(String baseUri, String href) {
                return store.resolve(baseUri, href);
            }
        };
    }
}
