package org.biglam.lam.bench.independent;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.bench.alto.AltoBenchmark;
import org.biglam.lam.bench.tei.TeiBenchmark;
import org.biglam.lam.spi.SecureXml;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * lam measured the way an outside harness measures it: {@code Lam.read} once per file and once per
 * folder, with nothing but the granularity set (so the format is detected, as a user's call does),
 * against two baselines over the same files, in one run, wall time and CPU time side by side.
 *
 * <p>Inputs are the other benchmarks' deterministic generators: ALTO pages from {@link AltoBenchmark}
 * (seed 4) and TEI documents from {@link TeiBenchmark} (seed 5). For each, best of {@code --rounds}
 * rounds, the passes taking turns within each round:
 * <ul>
 *   <li><b>aalto</b>: Aalto's plain StAX event pass, {@code next()} to the end of each file, one
 *       {@code XMLStreamReader} per file from one factory set up as the other benchmarks set it up
 *       (no DTD, no external entities, namespace aware);</li>
 *   <li><b>saxon</b>: Saxon-HE's default tree build, {@code new Processor(false).newDocumentBuilder()}
 *       (made once), {@code build(file)} for each file (Saxon's own default parser, not lam's secured
 *       SAX parser);</li>
 *   <li><b>lam folder</b>: one {@code Lam.read(folder, options)}, every record's text touched;</li>
 *   <li><b>lam per file</b>: one {@code Lam.read(file, options)} for each file.</li>
 * </ul>
 * ALTO is read at granularity page, TEI at granularity document. For each pass the harness prints
 * the best wall time and the best CPU time of the reading thread (every pass reads on the calling
 * thread), and, for the round that gave the best wall time, the CPU time of the whole process
 * (the reading thread plus GC and JIT compiler threads), the collections' count and time, and the
 * JIT's compile time; then the ratios lam/baseline (the baseline's time over lam's: the share of the
 * baseline's speed lam keeps), wall and CPU, per folder and per file. Meant to be run with
 * {@code -Xmx256m}, the outside harness's heap.
 *
 * <pre>
 * java -Xmx256m -cp "$CP" org.biglam.lam.bench.independent.IndependentBenchmark
 * java -Xmx256m -cp "$CP" org.biglam.lam.bench.independent.IndependentBenchmark --only alto --alto-mb 100 --rounds 5
 * </pre>
 *
 * <p>Options: {@code --alto-mb N} (ALTO pages to generate, default 100), {@code --tei-mb N} (TEI
 * documents, MiB, default 64), {@code --rounds N} (default 3), {@code --only alto|tei} (one format),
 * {@code --forced} (also time {@code Lam.read} with the format named, no detection, and
 * {@code Lam.detect} of each file alone),
 * {@code --rounds-detail} (print every round, to see the JIT warm up), {@code --project-baselines}
 * (also the baselines of the project's own benchmarks: for ALTO Aalto's event pass through a call
 * site that the JDK's and Woodstox's readers share, as in {@code AltoBenchmark}; for TEI Saxon's tree
 * built from the JDK's SAX parser as {@code SecureXml} sets it up, a new one per file, as in
 * {@code TeiBenchmark}; best in a run of its own, since loading the other parsers can change how the
 * JIT compiles code they share with lam), {@code --floor} (ALTO: also Aalto's pass reading what
 * any StAX reader must read to make lam's page records, every element's and attribute's name, each
 * {@code String}'s {@code CONTENT} as a String and its {@code WC}, {@code HPOS} and {@code WIDTH} as
 * numbers from the parser's buffer through Stax2's typed access, and nothing else: the most a StAX-based ALTO reader can
 * keep of Aalto's plain pass).
 */
public final class IndependentBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private IndependentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int altoMb = 100;
        int teiMb = 64;
        int rounds = 3;
        String only = null;
        boolean forced = false;
        boolean detail = false;
        boolean project = false;
        boolean floor = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--alto-mb":
                    altoMb = Integer.parseInt(args[++i]);
                    break;
                case "--tei-mb":
                    teiMb = Integer.parseInt(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--only":
                    only = args[++i];
                    if (!only.equals("alto") && !only.equals("tei")) {
                        throw new IllegalArgumentException("--only takes alto or tei");
                    }
                    break;
                case "--forced":
                    forced = true;
                    break;
                case "--rounds-detail":
                    detail = true;
                    break;
                case "--project-baselines":
                    project = true;
                    break;
                case "--floor":
                    floor = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i] + " (options: --alto-mb N, "
                            + "--tei-mb N, --rounds N, --only alto|tei, --forced, --rounds-detail, --project-baselines, --floor)");
            }
        }
        System.out.printf(Locale.ROOT, "java %s, max heap %d MB, %d processors, GC %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), gcNames());
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        if (heapMb < 200 || heapMb > 300) {
            System.out.printf(Locale.ROOT, "note: the heap is %d MB; the outside harness ran with -Xmx256m%n", heapMb);
        }
        Path dir = Files.createTempDirectory("lam-independent-bench");
        try {
            if (!"tei".equals(only)) {
                Path pages = dir.resolve("alto");
                Files.createDirectories(pages);
                long[] gen = AltoBenchmark.generate(pages, dir.resolve("alto.tar.gz"), altoMb * 1_000_000L,
                        new Random(4), true);
                Files.delete(dir.resolve("alto.tar.gz"));
                System.out.printf(Locale.ROOT, "ALTO: %d pages, %.1f MB%n", gen[0], gen[2] / 1e6);
                run("ALTO", "alto", "page", pages, files(pages), gen[2], rounds, forced, detail, project, floor);
            }
            if (!"alto".equals(only)) {
                Path docs = dir.resolve("tei");
                Files.createDirectories(docs);
                List<Path> files = TeiBenchmark.generate(docs, teiMb);
                long bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                run("TEI", "tei", "document", docs, files, bytes, rounds, forced, detail, project, false);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(", ", names);
    }

    // ------------------------------------------------------------------ passes

    private static XMLInputFactory aalto() {
        return secure(new com.fasterxml.aalto.stax.InputFactoryImpl());
    }

    private static XMLInputFactory secure(XMLInputFactory f) {
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return f;
    }

    private static long aaltoPass(XMLInputFactory f, List<Path> files) throws Exception {
        long events = 0;
        for (Path p : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    r.next();
                    events++;
                }
                r.close();
            }
        }
        return events;
    }

    /**
     * Aalto's pass reading what lam's ALTO page records need and nothing else (see {@code --floor}):
     * the least any StAX-based reader of ALTO must add to the plain pass.
     */
    private static long altoAttributesPass(XMLInputFactory f, List<Path> files) throws Exception {
        long sink = 0;
        Digits digits = new Digits();
        for (Path p : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
                XMLStreamReader2 r = (XMLStreamReader2) f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    boolean string = "String".equals(r.getLocalName());
                    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                        String a = r.getAttributeLocalName(i);
                        if (!string) {
                            sink += a.length();
                        } else if (a.equals("CONTENT")) {
                            sink += r.getAttributeValue(i).length();
                        } else if (a.equals("WC") || a.equals("HPOS") || a.equals("WIDTH")) {
                            r.getAttributeAs(i, digits);
                            sink += digits.value;
                        }
                    }
                }
                r.close();
            }
        }
        return sink;
    }

    /**
     * A number's digits read straight from the parser's buffer, the cheapest way Stax2 allows
     * ({@code 1203}, {@code 0.93} as 93): what reading a coordinate or a confidence costs at least.
     */
    private static final class Digits extends TypedValueDecoder {
        long value;

        @Override
        public void decode(String input) {
            decode(input.toCharArray(), 0, input.length());
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            long v = 0;
            for (int i = start; i < end; i++) {
                char c = buffer[i];
                if (c >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                } else if (c != '.') {
                    throw new IllegalArgumentException("not a number");
                }
            }
            value = v;
        }

        @Override
        public void handleEmptyValue() {
            value = 0;
        }
    }

    /** The same as {@link #aaltoPass}, but a call site of its own, which AltoBenchmark's other parsers share. */
    private static long sharedSitePass(XMLInputFactory f, List<Path> files) throws Exception {
        long events = 0;
        for (Path p : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    r.next();
                    events++;
                }
                r.close();
            }
        }
        return events;
    }

    /** TeiBenchmark's baseline: Saxon's tree built from the JDK's SAX parser as SecureXml sets it up, one per file. */
    private static long secureSaxonPass(DocumentBuilder builder, javax.xml.parsers.SAXParserFactory spf,
            List<Path> files) throws Exception {
        long docs = 0;
        for (Path p : files) {
            org.xml.sax.XMLReader reader = spf.newSAXParser().getXMLReader();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) {
                builder.build(new javax.xml.transform.sax.SAXSource(reader, new org.xml.sax.InputSource(in)));
            }
            docs++;
        }
        return docs;
    }

    private static long saxonPass(DocumentBuilder builder, List<Path> files) throws Exception {
        long docs = 0;
        for (Path p : files) {
            builder.build(p.toFile());
            docs++;
        }
        return docs;
    }

    private static long lam(Path input, ReadOptions options) {
        long chars = 0;
        try (Stream<LamRecord> s = Lam.read(input, options)) {
            Iterator<LamRecord> it = s.iterator();
            while (it.hasNext()) {
                chars += it.next().text().map(String::length).orElse(0) + 1;
            }
        }
        return chars;
    }

    private static long lamPerFile(List<Path> files, ReadOptions options) {
        long chars = 0;
        for (Path p : files) {
            chars += lam(p, options);
        }
        return chars;
    }

    /** What detection costs: {@code Lam.detect} of each file (open, look-ahead, every provider's probe). */
    private static long detectPerFile(List<Path> files, ReadOptions options) {
        long n = 0;
        for (Path p : files) {
            n += Lam.detect(p.toString(), options).size();
        }
        return n;
    }

    // ------------------------------------------------------------------ timing

    /** One pass's best figures over the rounds, and what the other threads did in its best wall round. */
    private static final class Result {
        long wall = Long.MAX_VALUE;
        long cpu = Long.MAX_VALUE;
        long processCpu;
        long gcCount;
        long gcMillis;
        long jitMillis;
        long firstWall;
        long count;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    private static long jitMillis() {
        var c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    private static void time(Map<String, Result> results, String name, boolean detail, Callable<Long> task)
            throws Exception {
        long gc0 = gcCount();
        long gcMs0 = gcMillis();
        long jit0 = jitMillis();
        long proc0 = OS.getProcessCpuTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = task.call();
        long wall = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long proc = OS.getProcessCpuTime() - proc0;
        Result r = results.computeIfAbsent(name, k -> new Result());
        if (r.count != 0 && r.count != count) {
            throw new IllegalStateException(name + " gave " + count + " then " + r.count);
        }
        if (r.firstWall == 0) {
            r.firstWall = wall;
        }
        if (wall < r.wall) {
            r.wall = wall;
            r.processCpu = proc;
            r.gcCount = gcCount() - gc0;
            r.gcMillis = gcMillis() - gcMs0;
            r.jitMillis = jitMillis() - jit0;
        }
        r.cpu = Math.min(r.cpu, cpu);
        r.count = count;
        if (detail) {
            System.out.printf(Locale.ROOT, "  %-26s wall %7.3f s  thread cpu %7.3f s  process cpu %7.3f s%n", name,
                    wall / 1e9, cpu / 1e9, proc / 1e9);
        }
    }

    private static void run(String title, String format, String granularity, Path folder, List<Path> files,
            long bytes, int rounds, boolean forced, boolean detail, boolean project, boolean floor)
            throws Exception {
        XMLInputFactory aalto = aalto();
        DocumentBuilder saxon = new Processor(false).newDocumentBuilder();
        ReadOptions detect = ReadOptions.builder().granularity(granularity).build();
        ReadOptions named = ReadOptions.builder().format(format).granularity(granularity).build();
        XMLInputFactory jdk = project ? SecureXml.inputFactory(ReadLimits.defaults()) : null;
        XMLInputFactory woodstox = project ? secure(new com.ctc.wstx.stax.WstxInputFactory()) : null;
        javax.xml.parsers.SAXParserFactory spf = project ? SecureXml.saxParserFactory() : null;
        Map<String, Result> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            if (detail) {
                System.out.printf(Locale.ROOT, "%s round %d%n", title, round);
            }
            time(results, "aalto event pass", detail, () -> aaltoPass(aalto, files));
            time(results, "saxon DocumentBuilder", detail, () -> saxonPass(saxon, files));
            time(results, "lam folder", detail, () -> lam(folder, detect));
            time(results, "lam per file", detail, () -> lamPerFile(files, detect));
            if (forced) {
                time(results, "lam folder, format named", detail, () -> lam(folder, named));
                time(results, "lam per file, format named", detail, () -> lamPerFile(files, named));
                time(results, "Lam.detect per file", detail, () -> detectPerFile(files, detect));
            }
            if (floor) {
                time(results, "aalto, ALTO's attributes", detail, () -> altoAttributesPass(aalto, files));
            }
            if (project && format.equals("alto")) {
                // AltoBenchmark's raw pass: one call site for the JDK's, Woodstox's and Aalto's readers
                sharedSitePass(jdk, files);
                sharedSitePass(woodstox, files);
                time(results, "aalto, shared call site", detail, () -> sharedSitePass(aalto, files));
            } else if (project) {
                time(results, "saxon from SecureXml SAX", detail, () -> secureSaxonPass(saxon, spf, files));
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %d files, %.1f MB, %s records, best of %d rounds, -Xmx%d m%n", title,
                files.size(), bytes / 1e6, granularity, rounds, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s | in the best wall round: %8s %5s %7s %7s%n",
                "pass", "wall s", "cpu s", "MB/s w", "MB/s c", "proc cpu", "GCs", "GC ms", "JIT ms");
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            System.out.printf(Locale.ROOT, "%-28s %8.3f %8.3f %8.1f %8.1f | %8.3f %5d %7d %7d   (first round wall %.3f)%n",
                    e.getKey(), r.wall / 1e9, r.cpu / 1e9, bytes / 1e6 / (r.wall / 1e9), bytes / 1e6 / (r.cpu / 1e9),
                    r.processCpu / 1e9, r.gcCount, r.gcMillis, r.jitMillis, r.firstWall / 1e9);
        }
        System.out.printf(Locale.ROOT, "ratio (baseline time / lam time)       vs aalto: wall   cpu   vs saxon: wall   cpu%n");
        for (String lam : results.keySet()) {
            if (!lam.startsWith("lam ")) {
                continue;
            }
            Result l = results.get(lam);
            Result a = results.get("aalto event pass");
            Result s = results.get("saxon DocumentBuilder");
            System.out.printf(Locale.ROOT, "%-7s %-30s          %5.2f %5.2f             %5.2f %5.2f%n", title, lam,
                    (double) a.wall / l.wall, (double) a.cpu / l.cpu, (double) s.wall / l.wall,
                    (double) s.cpu / l.cpu);
        }
        Result attributes = results.get("aalto, ALTO's attributes");
        if (attributes != null) {
            Result a = results.get("aalto event pass");
            System.out.printf(Locale.ROOT, "%-7s %-30s          %5.2f %5.2f   (the most a StAX reader keeps)%n", title,
                    "aalto, ALTO's attributes", (double) a.wall / attributes.wall, (double) a.cpu / attributes.cpu);
        }
        Result folderNamed = results.get(forced ? "lam folder, format named" : "lam folder");
        for (String base : List.of("aalto, shared call site", "saxon from SecureXml SAX")) {
            Result b = results.get(base);
            if (b != null) {
                System.out.printf(Locale.ROOT, "%-7s %s / %s (the project's own measure): wall %.2f  cpu %.2f%n",
                        title, forced ? "lam folder, format named" : "lam folder", base,
                        (double) b.wall / folderNamed.wall, (double) b.cpu / folderNamed.cpu);
            }
        }
    }
}
