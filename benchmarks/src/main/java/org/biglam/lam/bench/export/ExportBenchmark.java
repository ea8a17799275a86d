package org.biglam.lam.bench.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.biglam.lam.cli.LamCommand;

/**
 * {@code lam export} of text rows (JSON Lines, Parquet, WebDataset shards with a dataset card)
 * against {@code lam convert} to JSON Lines of the same input, in the same run, through the same
 * command line entry point: both read the same records, so the ratio is the cost of splitting,
 * sharding, the row schema and the shard format. Run with {@code -Xmx256m} and {@code --size-mb
 * 1100} to show that memory stays bounded while more than 1 GB of shards are written.
 *
 * <p>Arguments: {@code --size-mb N} (input size, default 256), {@code --dir D} (default a temp
 * folder), {@code --layouts jsonl,parquet,webdataset}, {@code --label NAME} (a classification export,
 * which reads the input twice: once for the class names), {@code --rounds N} (default 1; best counts).
 */
public final class ExportBenchmark {

    private static final String[] WORDS = ("the of and a to in is was that for it with as his on be at by had "
            + "which this from or have an they were are but not all she her one their there been has more "
            + "Whitby harbour vessel herring merchant parish register abbey Scoresby whaling captain ſo daſ "
            + "Kirche Stadt Hafen").split(" ");
    private static final String[] GENRES = {"fiction", "poetry", "history", "sermon", "newspaper", "travel"};
    private static final String[] LANGS = {"en", "de", "fr", "nl"};

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = 256;
        Path dir = null;
        int rounds = 1;
        List<String> layouts = List.of("jsonl", "parquet", "webdataset");
        String label = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb":
                    sizeMb = Long.parseLong(args[++i]);
                    break;
                case "--dir":
                    dir = Path.of(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--label":
                    label = args[++i];
                    break;
                case "--export-args":
                    extra = List.of(args[++i].strip().split("\\s+"));
                    break;
                case "--layouts":
                    layouts = List.of(args[++i].split(","));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = dir == null ? Files.createTempDirectory("lam-export-bench") : Files.createDirectories(dir);
        Path input = work.resolve("pages.jsonl");
        long records = generate(input, sizeMb << 20);
        long inBytes = Files.size(input);
        System.out.printf(Locale.ROOT, "input: %d records, %.1f MB of lam-jsonl, max heap %d MB%n", records,
                inBytes / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        HeapWatch heap = new HeapWatch();
        heap.start();

        double convertBest = Double.MAX_VALUE;
        double convertCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            Path out = work.resolve("convert.jsonl");
            long c0 = cpu();
            long t0 = System.nanoTime();
            int code = LamCommand.commandLine().execute("convert", input.toString(), "-o", out.toString(), "-q");
            double s = (System.nanoTime() - t0) / 1e9;
            check(code, "convert");
            double cs = (cpu() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "convert -> jsonl: %.2f s (%.2f s CPU), %.1f MB/s, wrote %.1f MB%n", s, cs,
                    inBytes / 1e6 / s, Files.size(out) / 1e6);
            convertCpu = Math.min(convertCpu, cs);
            Files.delete(out);
            convertBest = Math.min(convertBest, s);
        }
        for (String layout : layouts) {
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                Path out = work.resolve("export-" + layout);
                heap.reset();
                long c0 = cpu();
                long t0 = System.nanoTime();
                List<String> cmd = new ArrayList<>(List.of("export", input.toString(), "--out", out.toString(),
                        "--as", layout, "--text", "--split", "train=0.8,validation=0.1,test=0.1",
                        "--seed", "1", "--shard-size", "256MB", "-q"));
                if (label != null) {
                    cmd.addAll(List.of("--label", label));
                }
                cmd.addAll(extra);
                int code = LamCommand.commandLine().execute(cmd.toArray(new String[0]));
                double s = (System.nanoTime() - t0) / 1e9;
                double cs = (cpu() - c0) / 1e9;
                check(code, "export " + layout);
                long written = size(out.resolve("data"));
                long shards;
                try (Stream<Path> st = Files.list(out.resolve("data"))) {
                    shards = st.count();
                }
                System.out.printf(Locale.ROOT,
                        "export -> %-10s: %.2f s (%.2f s CPU), %.1f MB/s of input, wrote %.1f MB in %d shards, peak heap "
                                + "used %d MB, ratio to convert %.2f (CPU %.2f)%n",
                        layout, s, cs, inBytes / 1e6 / s, written / 1e6, shards, heap.peak() >> 20, convertBest / s,
                        convertCpu / cs);
                delete(out);
                best = Math.min(best, s);
            }
        }
        heap.stopWatching();
        if (dir == null) {
            delete(work);
        } else {
            Files.deleteIfExists(input);
        }
    }

    /** CPU time of this thread (the command runs on it), in nanoseconds: a figure a shared machine disturbs less. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void check(int code, String what) {
        if (code != 0) {
            throw new IllegalStateException(what + " exited with " + code);
        }
    }

    /** Writes lam-jsonl page records: 40 pages per book, labels on every page. */
    static long generate(Path file, long bytes) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        long n = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(4096);
            while (written < bytes) {
                long book = n / 40;
                sb.setLength(0);
                sb.append("{\"id\":\"book").append(book).append(".xml#page-").append(n % 40 + 1)
                        .append("\",\"format\":\"alto\",\"source\":{\"uri\":\"file:///data/book").append(book)
                        .append(".xml\",\"index\":").append(n % 40).append("},\"group\":\"book").append(book)
                        .append(".xml\",\"text\":\"");
                int words = 80 + rnd.nextInt(400);
                for (int i = 0; i < words; i++) {
                    if (i > 0) {
                        sb.append(i % 12 == 0 ? "\\n" : " ");
                    }
                    sb.append(WORDS[rnd.nextInt(WORDS.length)]);
                }
                sb.append("\",\"labels\":{\"title\":[\"Book ").append(book).append("\"],\"genre\":[\"")
                        .append(GENRES[(int) (book % GENRES.length)]).append("\"],\"language\":[\"")
                        .append(LANGS[(int) (book % LANGS.length)]).append("\"],\"date\":[\"")
                        .append(1700 + book % 250).append("\"]},\"confidence\":0.9}\n");
                w.write(sb.toString());
                written += sb.length();
                n++;
            }
        }
        return n;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Samples the heap in use every 50 ms and keeps the peak. */
    static final class HeapWatch extends Thread {
        private volatile long peak;
        private volatile boolean running = true;
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();

        HeapWatch() {
            setDaemon(true);
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    pools.add(p);
                }
            }
        }

        @Override
        public void run() {
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean p : pools) {
                    used += p.getUsage().getUsed();
                }
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            peak = 0;
        }

        long peak() {
            return peak;
        }

        void stopWatching() {
            running = false;
        }
    }
}
