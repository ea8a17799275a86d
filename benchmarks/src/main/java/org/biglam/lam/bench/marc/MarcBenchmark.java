package org.biglam.lam.bench.marc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.metafacture.biblio.marc21.Marc21Decoder;
import org.metafacture.framework.StreamReceiver;

/**
 * lam-marc against marc4j and Metafacture, in the same run, over generated files.
 *
 * <pre>
 * java -cp "$CP" org.biglam.lam.bench.marc.MarcBenchmark --size-mb 200            # UTF-8, MARC-8, MARCXML
 * java -cp "$CP" org.biglam.lam.bench.marc.MarcBenchmark --size-mb 200 --only utf8 # or marc8, xml, unimarc
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.marc.MarcBenchmark --memory --size-mb 1024
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.marc.MarcBenchmark --memory --only xml --size-mb 2048
 * </pre>
 *
 * <p>Figures: records per second, best of {@code --runs} passes (default 3) after one warm-up
 * pass. lam's figure is {@code LamRecord}s with every label mapped; marc4j's is bare
 * {@code Record}s; Metafacture's is {@code Marc21Decoder} events into a counting receiver, fed by a
 * UTF-8 reader split on the record terminator as its {@code RecordReader} does (metafacture-io is
 * not a dependency of metafacture-biblio, so the splitter is written out here).
 */
public final class MarcBenchmark {

    private MarcBenchmark() {
    }

    /** Counts Metafacture events so the JIT cannot drop the decoding. */
    static final class CountingReceiver implements StreamReceiver {
        long records;
        long literals;
        long chars;

        @Override
        public void startRecord(String identifier) {
            records++;
        }

        @Override
        public void endRecord() {
        }

        @Override
        public void startEntity(String name) {
        }

        @Override
        public void endEntity() {
        }

        @Override
        public void literal(String name, String value) {
            literals++;
            chars += value == null ? 0 : value.length();
        }

        @Override
        public void resetStream() {
        }

        @Override
        public void closeStream() {
        }
    }

    static long lam(Path file, String format) {
        long labels = 0;
        long n = 0;
        ReadOptions o = ReadOptions.builder().format(format).build();
        try (Stream<LamRecord> s = Lam.read(file, o)) {
            var it = s.iterator();
            while (it.hasNext()) {
                LamRecord r = it.next();
                labels += r.labels().size();
                n++;
            }
        }
        if (labels == 0) {
            throw new IllegalStateException("no labels");
        }
        return n;
    }

    static long marc4j(MarcReader r) {
        long n = 0;
        long fields = 0;
        while (r.hasNext()) {
            fields += r.next().getDataFields().size();
            n++;
        }
        if (fields == 0) {
            throw new IllegalStateException("no fields");
        }
        return n;
    }

    static long metafacture(Path file) throws IOException {
        Marc21Decoder decoder = new Marc21Decoder();
        CountingReceiver counter = new CountingReceiver();
        decoder.setReceiver(counter);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            char[] buf = new char[1 << 16];
            StringBuilder record = new StringBuilder(4096);
            int len;
            while ((len = in.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < len; i++) {
                    if (buf[i] == '\u001d') {
                        record.append(buf, start, i - start);
                        decoder.process(record.toString());
                        record.setLength(0);
                        start = i + 1;
                    }
                }
                record.append(buf, start, len - start);
            }
        }
        return counter.records;
    }

    /** A contender: a name and a task that reads the file and returns its record count. */
    record Contender(String name, Callable<Long> task) {
    }

    /**
     * Runs each contender once to warm up, then {@code runs} rounds in which every contender runs
     * once in turn (so that a busy machine slows them alike), and keeps each one's best rate.
     */
    private static double[] race(int runs, Contender... cs) throws Exception {
        return race(runs, null, cs);
    }

    /**
     * As {@link #race(int, Contender...)}; also keeps each one's best rate in CPU time of the
     * reading thread (in {@code cpu}, if given), which a busy machine disturbs far less than the
     * wall clock.
     */
    private static double[] race(int runs, double[] cpu, Contender... cs) throws Exception {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = new double[cs.length];
        double[] bestCpu = cpu != null ? cpu : new double[cs.length];
        long[] n = new long[cs.length];
        for (Contender c : cs) {
            c.task().call();
        }
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < cs.length; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                n[i] = cs[i].task().call();
                best[i] = Math.max(best[i], n[i] / ((System.nanoTime() - t0) / 1e9));
                bestCpu[i] = Math.max(bestCpu[i], n[i] / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
            }
        }
        for (int i = 0; i < cs.length; i++) {
            System.out.printf("  %-48s %,10d records  %,12.0f records/s  (%,.0f per CPU second)%n", cs[i].name(), n[i],
                    best[i], bestCpu[i]);
        }
        return best;
    }

    private static InputStream in(Path p) throws IOException {
        return new BufferedInputStream(Files.newInputStream(p), 1 << 16);
    }

    private static void memory(Path file, String format) throws IOException {
        long t0 = System.nanoTime();
        long n = lam(file, format);
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("  lam-marc (%s) over %,d bytes with -Xmx%dm: %,d records in %.1f s (%,.0f records/s), "
                + "peak heap %d MB%n", format, Files.size(file), Runtime.getRuntime().maxMemory() >> 20, n, s, n / s,
                peak >> 20);
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = 200;
        int runs = 3;
        boolean memory = false;
        String only = "all";
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb": sizeMb = Long.parseLong(args[++i]); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--memory": memory = true; break;
                case "--only": only = args[++i]; break;
                case "--dir": dir = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path tmp = dir != null ? dir : Files.createTempDirectory("lam-marc-bench");
        long bytes = sizeMb << 20;
        System.out.printf("lam-marc benchmark: %d MB, %d runs, java %s, max heap %d MB, %d cpus%n", sizeMb, runs,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        if (memory && only.equals("xml")) {
            Path big = tmp.resolve("bench-big.xml");
            if (!Files.exists(big) || Files.size(big) < bytes) {
                long n = MarcGenerator.write(big, MarcGenerator.Kind.MARCXML, bytes, 42);
                System.out.printf("generated %s: %,d records, %,d bytes%n", big, n, Files.size(big));
            }
            memory(big, "marcxml");
            return;
        }
        Path utf8 = tmp.resolve("bench-utf8.mrc");
        if (!Files.exists(utf8) || Files.size(utf8) < bytes) {
            long n = MarcGenerator.write(utf8, MarcGenerator.Kind.UTF8, bytes, 42);
            System.out.printf("generated %s: %,d records, %,d bytes%n", utf8, n, Files.size(utf8));
        }
        if (memory) {
            memory(utf8, "marc21");
            return;
        }
        if (only.equals("all") || only.equals("utf8")) {
        System.out.println("UTF-8 ISO 2709 (" + (Files.size(utf8) >> 20) + " MB)");
        double[] u = race(runs,
                new Contender("lam-marc (LamRecords with labels)", () -> lam(utf8, "marc21")),
                new Contender("marc4j MarcStreamReader (Records, no mapping)",
                        () -> marc4j(new MarcStreamReader(in(utf8), "UTF-8"))),
                new Contender("Metafacture Marc21Decoder (events)", () -> metafacture(utf8)));
        System.out.printf("  ratio lam/Metafacture %.2f, lam/marc4j %.2f%n", u[0] / u[2], u[0] / u[1]);

        }
        if (only.equals("all") || only.equals("unimarc")) {
            // the same records, by count, as MARC 21, as UNIMARC and as a file mixing both
            long records;
            try (Stream<LamRecord> s = Lam.read(utf8, ReadOptions.builder().format("marc21").build())) {
                records = s.count();
            }
            Path uni = tmp.resolve("bench-unimarc-" + records + ".mrc");
            Path mixed = tmp.resolve("bench-mixed-" + records + ".mrc");
            Path same = tmp.resolve("bench-marc21-" + records + ".mrc");
            if (!Files.exists(uni) || !Files.exists(mixed) || !Files.exists(same)) {
                MarcGenerator.writeRecords(same, MarcGenerator.Kind.UTF8, records, 42);
                MarcGenerator.writeRecords(uni, MarcGenerator.Kind.UNIMARC, records, 42);
                MarcGenerator.writeRecords(mixed, MarcGenerator.Kind.MIXED, records, 42);
            }
            System.out.printf("UNIMARC in UTF-8, MARC 21 and mixed: the same %,d records (%d, %d, %d MB)%n", records,
                    Files.size(uni) >> 20, Files.size(same) >> 20, Files.size(mixed) >> 20);
            double[] cpu = new double[3];
            double[] um = race(runs, cpu,
                    new Contender("lam-marc MARC 21 (LamRecords with labels)", () -> lam(same, "marc21")),
                    new Contender("lam-marc UNIMARC (LamRecords with labels)", () -> lam(uni, "marc21")),
                    new Contender("lam-marc mixed, every other one UNIMARC", () -> lam(mixed, "marc21")));
            System.out.printf("  ratio UNIMARC/MARC 21 %.2f (CPU time %.2f), mixed/mean of the two %.2f (CPU time %.2f)%n",
                    um[1] / um[0], cpu[1] / cpu[0], um[2] / (2 / (1 / um[0] + 1 / um[1])),
                    cpu[2] / (2 / (1 / cpu[0] + 1 / cpu[1])));
        }
        if (only.equals("all") || only.equals("marc8")) {
        Path marc8 = tmp.resolve("bench-marc8.mrc");
        if (!Files.exists(marc8) || Files.size(marc8) < bytes / 4) {
            long n = MarcGenerator.write(marc8, MarcGenerator.Kind.MARC8, bytes / 4, 42);
            System.out.printf("generated %s: %,d records, %,d bytes%n", marc8, n, Files.size(marc8));
        }
        System.out.println("MARC-8 ISO 2709 (" + (Files.size(marc8) >> 20) + " MB)");
        double[] m = race(runs,
                new Contender("lam-marc (LamRecords with labels)", () -> lam(marc8, "marc21")),
                new Contender("marc4j MarcStreamReader, MARC8 conversion",
                        () -> marc4j(new MarcStreamReader(in(marc8), "MARC8"))),
                new Contender("marc4j MarcPermissiveStreamReader, guessing",
                        () -> marc4j(new MarcPermissiveStreamReader(in(marc8), true, true, "BESTGUESS"))));
        System.out.printf("  ratio lam/MarcStreamReader(MARC8) %.2f%n", m[0] / m[1]);

        }
        if (only.equals("all") || only.equals("xml")) {
        Path xml = tmp.resolve("bench.xml");
        if (!Files.exists(xml) || Files.size(xml) < bytes / 4) {
            long n = MarcGenerator.write(xml, MarcGenerator.Kind.MARCXML, bytes / 4, 42);
            System.out.printf("generated %s: %,d records, %,d bytes%n", xml, n, Files.size(xml));
        }
        System.out.println("MARCXML (" + (Files.size(xml) >> 20) + " MB)");
        double[] x = race(runs,
                new Contender("lam-marc (LamRecords with labels)", () -> lam(xml, "marcxml")),
                new Contender("marc4j MarcXmlReader (Records, no mapping)", () -> marc4j(new MarcXmlReader(in(xml)))));
        System.out.printf("  ratio lam/MarcXmlReader %.2f%n", x[0] / x[1]);
        }
    }
}
