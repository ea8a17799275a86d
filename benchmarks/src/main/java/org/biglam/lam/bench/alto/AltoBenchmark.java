package org.biglam.lam.bench.alto;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.alto.internal.AltoModel;
import org.biglam.lam.alto.internal.AltoParser;
import org.biglam.lam.spi.SecureXml;

/**
 * ALTO page and line records per second against a raw StAX event pass over the same bytes, in the
 * same run; and the same over a tar.gz; and, with {@code --memory}, a run meant for a small heap
 * ({@code -Xmx64m}) that reads a large tar.gz and prints the heap in use.
 *
 * <p>A deterministic generator (seed 4) writes ALTO 4 pages shaped like OCR output of books and
 * newspapers (10 to 30 blocks of 3 to 14 lines of 4 to 11 words; coordinates, WC, SP, hyphenation
 * with HYP and SUBS_CONTENT, some Illustrations) to a temporary folder and a tar.gz of the same
 * pages. Then, best of {@code --rounds} rounds each:
 * <ul>
 *   <li>a raw event pass ({@code next()} to the end of each document) with the JDK parser (as
 *       {@code SecureXml} configures it), Woodstox and Aalto, each set up without DTDs or external
 *       entities;</li>
 *   <li>{@code Lam.read} at granularity page and line (folder walk, detection, reading order, text,
 *       records), which reads ALTO with Aalto.</li>
 * </ul>
 * The ratios are the fastest raw pass's time over lam's: the share of the raw parser's speed lam
 * keeps while making records (also given against the JDK parser's raw pass). Target: at least 0.7.
 * Times are the CPU time of the reading thread (every pass reads on it), best of the rounds;
 * wall-clock times are printed beside them.
 *
 * <p>With {@code --parsers}, instead of {@code Lam.read}: lam-alto's page parser alone (page model,
 * no records) and its reader driven directly (page records, no lam-core engine) on each of the
 * three parsers, the measurement that chose Aalto. It is a run of its own because driving lam-alto's
 * code with three parsers in one JVM makes its calls to the parser slower (no longer monomorphic)
 * than they are in use, where only Aalto runs.
 *
 * <pre>
 * java -cp "$CP" org.biglam.lam.bench.alto.AltoBenchmark --size-mb 256
 * java -cp "$CP" org.biglam.lam.bench.alto.AltoBenchmark --size-mb 256 --parsers
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.alto.AltoBenchmark --memory --size-mb 1024
 * </pre>
 */
public final class AltoBenchmark {

    private static final String[] WORDS = ("der die und in den von zu das mit sich des auf für ist im dem nicht "
            + "ein eine als auch es an werden aus er hat daß sie nach wird bei einer um am sind noch wie "
            + "Regierung Zeitung Berlin Reichstag Gesetz Kaiser Stadt Verein Sitzung Abgeordneten Minister "
            + "the of and to in that was his he it with is for as had you not be her on at by which "
            + "Parliament London Majesty Government Committee railway company meeting Street Society "
            + "über Größe Straße Mädchen früher Hülfe Könige öffentlichen Maßregel Thätigkeit").split(" ");

    private AltoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = 256;
        int rounds = 3;
        boolean memory = false;
        boolean parsers = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb":
                    sizeMb = Integer.parseInt(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--memory":
                    memory = true;
                    break;
                case "--parsers":
                    parsers = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lam-alto-bench");
        try {
            Path pages = dir.resolve("pages");
            Files.createDirectories(pages);
            Path tgz = dir.resolve("pages.tar.gz");
            long t0 = System.nanoTime();
            long[] gen = generate(pages, tgz, sizeMb * 1_000_000L, new Random(4), !memory);
            System.out.printf(Locale.ROOT, "generated %d pages, %d lines, %.1f MB of ALTO (tar.gz %.1f MB) in %.1f s%n",
                    gen[0], gen[1], gen[2] / 1e6, Files.size(tgz) / 1e6, (System.nanoTime() - t0) / 1e9);
            if (memory) {
                memoryRun(tgz, gen);
            } else {
                speedRun(pages, tgz, gen, rounds, parsers);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ generator

    /**
     * Writes ALTO pages ({@code NNNNN/page-NNNNNN.xml}) until they hold {@code target} bytes to a tar.gz
     * and, when {@code writeFolder}, to {@code folder} as well; returns pages, lines and bytes. Also used
     * by {@code bench.independent.IndependentBenchmark} (with {@code new Random(4)}, as here).
     */
    public static long[] generate(Path folder, Path tgz, long target, Random rnd, boolean writeFolder)
            throws IOException {
        long bytes = 0;
        long lines = 0;
        int page = 0;
        GzipParameters gp = new GzipParameters();
        gp.setCompressionLevel(1);
        try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(tgz), 1 << 16);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fo, gp);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            while (bytes < target) {
                page++;
                StringBuilder sb = new StringBuilder(200_000);
                lines += page(sb, page, rnd);
                byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                String name = String.format(Locale.ROOT, "%05d/page-%06d.xml", page / 1000, page);
                if (writeFolder) {
                    Path f = folder.resolve(name);
                    Files.createDirectories(f.getParent());
                    Files.write(f, b);
                }
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(b.length);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
                bytes += b.length;
            }
        }
        return new long[] {page, lines, bytes};
    }

    private static String word(Random rnd) {
        return WORDS[rnd.nextInt(WORDS.length)];
    }

    private static int page(StringBuilder sb, int n, Random rnd) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# "
                        + "http://www.loc.gov/alto/v4/alto-4-2.xsd\">\n")
                .append("  <Description>\n    <MeasurementUnit>pixel</MeasurementUnit>\n")
                .append("    <sourceImageInformation><fileName>images/").append(n).append(".jpg</fileName>")
                .append("</sourceImageInformation>\n  </Description>\n")
                .append("  <Styles><TextStyle ID=\"TS1\" FONTSIZE=\"9\" FONTFAMILY=\"Fraktur\"/></Styles>\n")
                .append("  <Layout>\n    <Page ID=\"P").append(n).append("\" PHYSICAL_IMG_NR=\"").append(n)
                .append("\" WIDTH=\"3000\" HEIGHT=\"4200\">\n")
                .append("      <PrintSpace HPOS=\"0\" VPOS=\"0\" WIDTH=\"3000\" HEIGHT=\"4200\">\n");
        int blocks = 10 + rnd.nextInt(21);
        int lines = 0;
        int word = 0;
        int y = 100;
        boolean pendingPart2 = false;
        String part2 = null;
        String subs = null;
        for (int b = 1; b <= blocks; b++) {
            if (rnd.nextInt(12) == 0) {
                sb.append("        <Illustration ID=\"P").append(n).append("_IL").append(b)
                        .append("\" HPOS=\"200\" VPOS=\"").append(y).append("\" WIDTH=\"800\" HEIGHT=\"600\"/>\n");
            }
            int nl = 3 + rnd.nextInt(12);
            sb.append("        <TextBlock ID=\"P").append(n).append("_TB").append(b).append("\" HPOS=\"150\" VPOS=\"")
                    .append(y).append("\" WIDTH=\"2700\" HEIGHT=\"").append(nl * 60).append("\" STYLEREFS=\"TS1\">\n");
            for (int l = 0; l < nl; l++) {
                lines++;
                sb.append("          <TextLine ID=\"P").append(n).append("_TL").append(lines)
                        .append("\" HPOS=\"150\" VPOS=\"").append(y).append("\" WIDTH=\"2700\" HEIGHT=\"50\">\n");
                int nw = 4 + rnd.nextInt(8);
                int x = 150;
                for (int w = 0; w < nw; w++) {
                    word++;
                    String content;
                    String subsAttrs = "";
                    if (pendingPart2 && w == 0) {
                        content = part2;
                        subsAttrs = " SUBS_TYPE=\"HypPart2\" SUBS_CONTENT=\"" + subs + "\"";
                        pendingPart2 = false;
                    } else {
                        content = word(rnd);
                    }
                    boolean hyphenate = w == nw - 1 && rnd.nextInt(15) == 0;
                    if (hyphenate) {
                        String whole = word(rnd) + word(rnd).toLowerCase(Locale.ROOT);
                        int cut = Math.max(1, whole.length() / 2);
                        content = whole.substring(0, cut);
                        part2 = whole.substring(cut);
                        subs = whole;
                        subsAttrs = " SUBS_TYPE=\"HypPart1\" SUBS_CONTENT=\"" + whole + "\"";
                        pendingPart2 = true;
                    }
                    int width = 20 * content.length();
                    sb.append("            <String ID=\"P").append(n).append("_S").append(word)
                            .append("\" HPOS=\"").append(x).append("\" VPOS=\"").append(y)
                            .append("\" WIDTH=\"").append(width).append("\" HEIGHT=\"48\" WC=\"0.")
                            .append(50 + rnd.nextInt(50)).append("\" CONTENT=\"").append(content).append('"')
                            .append(subsAttrs).append("/>\n");
                    x += width;
                    if (hyphenate) {
                        sb.append("            <HYP CONTENT=\"-\" HPOS=\"").append(x).append("\" VPOS=\"").append(y)
                                .append("\" WIDTH=\"15\"/>\n");
                    } else if (w < nw - 1) {
                        sb.append("            <SP WIDTH=\"18\" HPOS=\"").append(x).append("\" VPOS=\"").append(y)
                                .append("\"/>\n");
                        x += 18;
                    }
                }
                sb.append("          </TextLine>\n");
                y += 60;
            }
            sb.append("        </TextBlock>\n");
            y += 40;
        }
        sb.append("      </PrintSpace>\n    </Page>\n  </Layout>\n</alto>\n");
        return lines;
    }

    // ------------------------------------------------------------------ parsers

    private static XMLInputFactory secure(XMLInputFactory f) {
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return f;
    }

    private static Map<String, XMLInputFactory> factories() {
        Map<String, XMLInputFactory> m = new LinkedHashMap<>();
        m.put("jdk", SecureXml.inputFactory(ReadLimits.defaults()));
        m.put("woodstox", secure(new com.ctc.wstx.stax.WstxInputFactory()));
        m.put("aalto", secure(new com.fasterxml.aalto.stax.InputFactoryImpl()));
        return m;
    }

    private static long rawPass(XMLInputFactory f, InputStream in) throws XMLStreamException {
        XMLStreamReader r = f.createXMLStreamReader(in);
        long events = 0;
        while (r.hasNext()) {
            r.next();
            events++;
        }
        r.close();
        return events;
    }

    private static long modelPass(XMLInputFactory f, InputStream in) {
        AltoParser p = new AltoParser(f, in, Location.of("bench", null), ReadLimits.defaults(),
                new AltoParser.Needs(false, false, false, true), (k, m, l) -> { });
        long pages = 0;
        AltoModel.Page page;
        while ((page = p.nextPage()) != null) {
            pages += page.lines.size() > 0 ? 1 : 1;
        }
        p.close();
        return pages;
    }

    /** A file as an {@link org.biglam.lam.spi.Input}, for driving the reader directly. */
    private static final class FileInput implements org.biglam.lam.spi.Input {
        private final Path file;
        private final InputStream in;

        FileInput(Path file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        @Override
        public String uri() {
            return file.toUri().toString();
        }

        @Override
        public String entry() {
            return null;
        }

        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public InputStream stream() {
            return in;
        }

        @Override
        public java.util.Optional<Path> file() {
            return java.util.Optional.of(file);
        }

        @Override
        public java.util.Optional<org.biglam.lam.spi.Input> resolve(String href) {
            return java.util.Optional.empty();
        }

        @Override
        public String resolveUri(String href) {
            return file.resolveSibling(href).toUri().toString();
        }
    }

    /** The smallest read context: the default options, a granularity, warnings dropped. */
    private static org.biglam.lam.spi.ReadContext context(org.biglam.lam.spi.Input input, String granularity) {
        return org.biglam.lam.spi.ReadContext.of(input, ReadOptions.defaults(), granularity);
    }

    /** lam-alto's reader driven directly (no lam-core engine) on a given parser factory. */
    private static long readerPass(Path file, XMLInputFactory f, String granularity) throws Exception {
        long n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            FileInput input = new FileInput(file, in);
            try (org.biglam.lam.alto.internal.AltoReader r = new org.biglam.lam.alto.internal.AltoReader(input,
                    context(input, granularity), f)) {
                while (r.next() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    interface Pass {
        long run(InputStream in) throws Exception;
    }

    private static long overFolder(List<Path> files, Pass pass) throws Exception {
        long n = 0;
        for (Path f : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                n += pass.run(in);
            }
        }
        return n;
    }

    private static long overTarGz(Path tgz, Pass pass) throws Exception {
        long n = 0;
        try (InputStream fi = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
                GzipCompressorInputStream gz = new GzipCompressorInputStream(fi);
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            while (tar.getNextEntry() != null) {
                n += pass.run(new BufferedInputStream(tar, 1 << 16) {
                    @Override
                    public void close() {
                        // the entry stream belongs to the tar
                    }
                });
            }
        }
        return n;
    }

    private static long lam(Path input, String granularity) {
        ReadOptions o = ReadOptions.builder().format("alto").granularity(granularity).build();
        long n = 0;
        try (Stream<LamRecord> s = Lam.read(input, o)) {
            Iterator<LamRecord> it = s.iterator();
            while (it.hasNext()) {
                LamRecord r = it.next();
                n += r.text().isPresent() ? 1 : 1;
            }
        }
        return n;
    }

    private static final class Result {
        long best = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        long count;
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Runs a pass, keeping its best CPU time (of this thread: every pass reads on the calling thread)
     * and its best wall-clock time. CPU time is what the ratios use, since wall-clock time on a
     * shared machine measures the neighbours as much as the code.
     */
    private static void time(Map<String, Result> results, String name, java.util.concurrent.Callable<Long> task)
            throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = task.call();
        long wall = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Result r = results.computeIfAbsent(name, k -> new Result());
        r.best = Math.min(r.best, cpu);
        r.bestWall = Math.min(r.bestWall, wall);
        r.count = count;
    }

    private static void speedRun(Path folder, Path tgz, long[] gen, int rounds, boolean parsers) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Map<String, XMLInputFactory> factories = factories();
        Map<String, Result> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, XMLInputFactory> e : factories.entrySet()) {
                XMLInputFactory f = e.getValue();
                time(results, "folder raw events " + e.getKey(), () -> overFolder(files, in -> rawPass(f, in)));
            }
            if (parsers) {
                for (Map.Entry<String, XMLInputFactory> e : factories.entrySet()) {
                    XMLInputFactory f = e.getValue();
                    time(results, "folder alto page model " + e.getKey(), () -> overFolder(files,
                            in -> modelPass(f, in)));
                }
                for (Map.Entry<String, XMLInputFactory> e : factories.entrySet()) {
                    XMLInputFactory f = e.getValue();
                    time(results, "folder alto reader page " + e.getKey(), () -> {
                        long n = 0;
                        for (Path p : files) {
                            n += readerPass(p, f, "page");
                        }
                        return n;
                    });
                }
            } else {
                time(results, "folder lam page records", () -> lam(folder, "page"));
                time(results, "folder lam line records", () -> lam(folder, "line"));
                for (Map.Entry<String, XMLInputFactory> e : factories.entrySet()) {
                    XMLInputFactory f = e.getValue();
                    time(results, "tar.gz raw events " + e.getKey(), () -> overTarGz(tgz, in -> rawPass(f, in)));
                }
                time(results, "tar.gz lam page records", () -> lam(tgz, "page"));
                time(results, "tar.gz lam line records", () -> lam(tgz, "line"));
            }
            System.out.printf(Locale.ROOT, "round %d done%n", round + 1);
        }
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %12s %12s%n", "pass (best of " + rounds + ")", "cpu s",
                "wall s", "count", "MB/s (cpu)");
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %12d %12.1f%n", e.getKey(), r.best / 1e9,
                    r.bestWall / 1e9, r.count, gen[2] / 1e6 / (r.best / 1e9));
        }
        String fastestFolder = fastest(results, "folder raw events ");
        long rawFolder = results.get(fastestFolder).best;
        if (parsers) {
            System.out.printf(Locale.ROOT, "fastest raw pass: %s%n", fastestFolder);
            for (String p : List.of("jdk", "woodstox", "aalto")) {
                long reader = results.get("folder alto reader page " + p).best;
                System.out.printf(Locale.ROOT, "ratio alto reader page records on %-8s vs fastest raw %.2f   "
                        + "vs its own raw %.2f%n", p, (double) rawFolder / reader,
                        (double) results.get("folder raw events " + p).best / reader);
            }
            return;
        }
        String fastestTar = fastest(results, "tar.gz raw events ");
        long rawJdk = results.get("folder raw events jdk").best;
        long rawTar = results.get(fastestTar).best;
        System.out.printf(Locale.ROOT, "fastest raw pass: %s; %s%n", fastestFolder, fastestTar);
        System.out.printf(Locale.ROOT, "pages/s  folder %.0f  tar.gz %.0f;  lines/s  folder %.0f  tar.gz %.0f%n",
                gen[0] / (results.get("folder lam page records").best / 1e9),
                gen[0] / (results.get("tar.gz lam page records").best / 1e9),
                gen[1] / (results.get("folder lam line records").best / 1e9),
                gen[1] / (results.get("tar.gz lam line records").best / 1e9));
        ratio("folder page records", rawFolder, results.get("folder lam page records").best, rawJdk);
        ratio("folder line records", rawFolder, results.get("folder lam line records").best, rawJdk);
        ratio("tar.gz page records", rawTar, results.get("tar.gz lam page records").best,
                results.get("tar.gz raw events jdk").best);
        ratio("tar.gz line records", rawTar, results.get("tar.gz lam line records").best,
                results.get("tar.gz raw events jdk").best);
    }

    private static String fastest(Map<String, Result> results, String prefix) {
        String best = null;
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().startsWith(prefix) && (best == null || e.getValue().best < results.get(best).best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static void ratio(String what, long raw, long lam, long rawJdk) {
        System.out.printf(Locale.ROOT, "ratio %-20s vs fastest raw %.2f   vs JDK raw %.2f   (target >= 0.7)%n", what,
                (double) raw / lam, (double) rawJdk / lam);
    }

    private static void memoryRun(Path tgz, long[] gen) {
        System.out.printf(Locale.ROOT, "max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
        for (String g : List.of("page", "line")) {
            long start = System.nanoTime();
            ReadOptions o = ReadOptions.builder().format("alto").granularity(g).build();
            long n = 0;
            long chars = 0;
            try (Stream<LamRecord> s = Lam.read(tgz, o)) {
                Iterator<LamRecord> it = s.iterator();
                while (it.hasNext()) {
                    LamRecord r = it.next();
                    n++;
                    chars += r.text().map(String::length).orElse(0);
                }
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d records, %d chars of text from %.1f MB of ALTO in %.1f s; "
                    + "peak heap (sum of pool peaks) %.1f MB%n", g, n, chars, gen[2] / 1e6,
                    (System.nanoTime() - start) / 1e9, peak / 1e6);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
        }
    }
}
