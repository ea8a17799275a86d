package org.biglam.lam.bench.tei;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.SecureXml;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * TEI document records per second against Saxon-HE's tree build alone over the same files, in the
 * same run; and, with {@code --memory}, one large generated {@code teiCorpus} file read with a small
 * heap ({@code -Xmx256m}) to show that memory stays constant.
 *
 * <p>A deterministic generator (seed 5) writes TEI P5 documents shaped like edited letters and
 * journal volumes (a full header: titles, author, editors, dates, langUsage, availability/licence,
 * keywords; a facsimile; a body of divisions with heads, paragraphs with {@code hi}, names, dates,
 * {@code choice} pairs of each kind, {@code lb} and {@code lb break="no"}, {@code pb facs}, notes,
 * {@code del}/{@code add}/{@code supplied}), 20 to 120 KB each, to a temporary folder. Then, best of
 * {@code --rounds} rounds each, in wall time and in the CPU time of the reading thread (with the time
 * the collectors took, all threads):
 * <ul>
 *   <li>Saxon-HE's default tree build of each file, {@code new Processor(false).newDocumentBuilder()
 *       .build(file)}, as an outside harness measures it (the baseline of the target);</li>
 *   <li>Saxon-HE building a TinyTree of each file fed by the JDK SAX parser as {@code SecureXml}
 *       configures it (the baseline before issue 17);</li>
 *   <li>Aalto's plain event pass over each file (every event, every text's length);</li>
 *   <li>the secured build plus a compiled XPath {@code string()} of the text (naive text: no choices,
 *       no profile) to compare with lam's walk;</li>
 *   <li>{@code Lam.read} at granularity document once for the folder, and once per file (detection,
 *       the cut into documents, header labels, the text walk with the normalized profile, records).</li>
 * </ul>
 * The ratios are lam's records per second over each baseline's documents per second. Target: 0.7 of
 * Saxon's default tree build, in wall time and in CPU time, at {@code -Xmx256m}. {@code --only}
 * {@code baselines}, {@code xpath}, {@code lam} (or a comma-separated list) runs some of the passes.
 *
 * <pre>
 * java -Xmx256m -cp "$CP" org.biglam.lam.bench.tei.TeiBenchmark --size-mb 64
 * java -Xmx256m -cp "$CP" org.biglam.lam.bench.tei.TeiBenchmark --memory --size-mb 1024
 * </pre>
 */
public final class TeiBenchmark {

    private static final String[] WORDS = ("der die und in den von zu das mit sich des auf für ist im dem nicht "
            + "ein eine als auch es an werden aus er hat daß sie nach wird bei einer um am sind noch wie "
            + "Maschine Dampf Verfahren Fabrik Eisen Wasser Kupfer Zucker Versuche Gewerbe Erfindung "
            + "the of and to in that was his he it with is for as had you not be her on at by which "
            + "letter mother brother regiment battle weather harvest money health Sunday "
            + "über Größe Straße früher Hülfe öffentlichen Maßregel Thätigkeit").split(" ");
    private static final String[] NAMES = {"Johann Dingler", "Anna Meier", "Karl Schmidt", "Mary Jones",
        "John Smith", "Friedrich Krupp", "Marie Curie", "Wilhelm Weber"};
    private static final String[] PLACES = {"Augsburg", "Berlin", "London", "Stuttgart", "Kiel", "Wien",
        "Manchester", "Paris"};

    private TeiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = 128;
        int rounds = 3;
        boolean memory = false;
        String only = null;
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
                case "--only":
                    only = args[++i];
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lam-tei-bench");
        try {
            if (memory) {
                memoryRun(dir, sizeMb);
            } else {
                speedRun(dir, sizeMb, rounds, only);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One measured way of reading the files: its best wall and CPU time over the rounds. */
    private static final class Pass {
        final String name;
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        double gc = Double.MAX_VALUE;
        long units;
        long chars;

        Pass(String name) {
            this.name = name;
        }

        double perSecWall(long n) {
            return n / wall;
        }

        double perSecCpu(long n) {
            return n / cpu;
        }
    }

    /** What one pass over the files does; returns the units (documents, records or events) it made. */
    private interface Body {
        long run(long[] chars) throws Exception;
    }

    private static void measure(Pass p, Body body, int round) throws Exception {
        long[] chars = new long[1];
        long g0 = gcMillis();
        long t0 = System.nanoTime();
        long c0 = cpu();
        long units = body.run(chars);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpu() - c0) / 1e9;
        double gc = (gcMillis() - g0) / 1e3;
        p.wall = Math.min(p.wall, wall);
        p.cpu = Math.min(p.cpu, cpu);
        p.gc = Math.min(p.gc, gc);
        p.units = units;
        p.chars = chars[0];
        System.out.printf(Locale.ROOT, "round %d  %-34s wall %6.2f s  cpu %6.2f s  gc %5.2f s  (%d, %d chars)%n",
                round, p.name, wall, cpu, gc, units, chars[0]);
    }

    private static void speedRun(Path dir, int sizeMb, int rounds, String only) throws Exception {
        List<Path> files = generate(dir, sizeMb);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);

        Processor processor = new Processor(false);
        DocumentBuilder builder = processor.newDocumentBuilder();
        var xc = processor.newXPathCompiler();
        xc.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        XPathExecutable textOf = xc.compile("string(/tei:TEI/tei:text)");
        javax.xml.parsers.SAXParserFactory spf = SecureXml.saxParserFactory();
        // the outside harness's baselines: Saxon's default tree build of a file, and Aalto's plain event pass
        DocumentBuilder defaultBuilder = new Processor(false).newDocumentBuilder();
        XMLInputFactory aalto = new com.fasterxml.aalto.stax.InputFactoryImpl();
        aalto.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        aalto.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        aalto.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        ReadOptions tei = ReadOptions.builder().format("tei").build();

        Pass saxDefault = new Pass("Saxon default DocumentBuilder");
        Pass saxSecure = new Pass("Saxon fed by the secured JDK SAX");
        Pass aaltoPass = new Pass("Aalto plain event pass");
        Pass xpath = new Pass("Saxon (secured SAX) + XPath text");
        Pass lamFolder = new Pass("lam tei, one Lam.read per folder");
        Pass lamFiles = new Pass("lam tei, one Lam.read per file");
        List<Pass> all = List.of(saxDefault, saxSecure, aaltoPass, xpath, lamFolder, lamFiles);
        for (int r = 1; r <= rounds; r++) {
            if (only == null || only.contains("baselines")) {
                measure(saxDefault, chars -> {
                    for (Path f : files) {
                        defaultBuilder.build(f.toFile());
                    }
                    return files.size();
                }, r);
                measure(saxSecure, chars -> {
                    for (Path f : files) {
                        XMLReader reader = spf.newSAXParser().getXMLReader();
                        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                            builder.build(new SAXSource(reader, new InputSource(in)));
                        }
                    }
                    return files.size();
                }, r);
                measure(aaltoPass, chars -> {
                    long events = 0;
                    for (Path f : files) {
                        try (InputStream in = Files.newInputStream(f)) {
                            XMLStreamReader x = aalto.createXMLStreamReader(in);
                            while (x.hasNext()) {
                                int e = x.next();
                                if (e == XMLStreamConstants.CHARACTERS) {
                                    chars[0] += x.getTextLength();
                                }
                                events++;
                            }
                            x.close();
                        }
                    }
                    return events;
                }, r);
            }
            if (only == null || only.contains("xpath")) {
                measure(xpath, chars -> {
                    for (Path f : files) {
                        XMLReader reader = spf.newSAXParser().getXMLReader();
                        try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                            XdmNode doc = builder.build(new SAXSource(reader, new InputSource(in)));
                            XPathSelector sel = textOf.load();
                            sel.setContextItem(doc);
                            chars[0] += sel.evaluateSingle().getStringValue().length();
                        }
                    }
                    return files.size();
                }, r);
            }
            if (only == null || only.contains("lam")) {
                measure(lamFolder, chars -> {
                    long count = 0;
                    try (Stream<LamRecord> s = Lam.read(dir, tei)) {
                        for (LamRecord rec : (Iterable<LamRecord>) s::iterator) {
                            count++;
                            chars[0] += rec.text().map(String::length).orElse(0);
                        }
                    }
                    return count;
                }, r);
                measure(lamFiles, chars -> {
                    long count = 0;
                    for (Path f : files) {
                        try (Stream<LamRecord> s = Lam.read(f, tei)) {
                            for (LamRecord rec : (Iterable<LamRecord>) s::iterator) {
                                count++;
                                chars[0] += rec.text().map(String::length).orElse(0);
                            }
                        }
                    }
                    return count;
                }, r);
            }
        }
        int docs = files.size();
        System.out.printf(Locale.ROOT, "%n%d documents, %.1f MB; best of %d rounds%n", docs, bytes / 1e6, rounds);
        System.out.printf(Locale.ROOT, "%-34s %24s   %24s   %s%n", "", "wall clock", "cpu time of the reading thread",
                "gc (all threads)");
        for (Pass p : all) {
            if (p.units == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-34s %8.1f docs/s %6.1f MB/s   %8.1f docs/s %6.1f MB/s   %5.2f s%s%n", p.name,
                    docs / p.wall, bytes / 1e6 / p.wall, docs / p.cpu, bytes / 1e6 / p.cpu, p.gc,
                    p == lamFolder || p == lamFiles ? String.format(Locale.ROOT, "  (%d records, %d chars)", p.units,
                            p.chars) : "");
        }
        for (Pass lam : List.of(lamFolder, lamFiles)) {
            if (lam.units == 0) {
                continue;
            }
            for (Pass base : List.of(saxDefault, saxSecure, aaltoPass)) {
                if (base.units == 0) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "ratio %-32s / %-32s %.2f wall, %.2f cpu%s%n", lam.name, base.name,
                        (lam.units / lam.wall) / (docs / base.wall), (lam.units / lam.cpu) / (docs / base.cpu),
                        base == saxDefault ? "  (target >= 0.7)" : "");
            }
        }
    }

    /**
     * Writes the speed run's documents (seed 5, 20 to 120 KB each, {@code doc-NNNNN.xml}) to {@code dir}
     * until they hold {@code sizeMb} MiB, and prints how many there are; also used by
     * {@code bench.independent.IndependentBenchmark}.
     */
    public static List<Path> generate(Path dir, int sizeMb) throws IOException {
        Random random = new Random(5);
        long target = (long) sizeMb << 20;
        long bytes = 0;
        List<Path> files = new ArrayList<>();
        int n = 0;
        while (bytes < target) {
            Path f = dir.resolve(String.format(Locale.ROOT, "doc-%05d.xml", n++));
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                bytes += document(w, random, n, 20_000 + random.nextInt(100_000));
            }
            files.add(f);
        }
        System.out.printf(Locale.ROOT, "generated %d TEI documents, %.1f MB, in %s%n", files.size(), bytes / 1e6, dir);
        return files;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static void memoryRun(Path dir, int sizeMb) throws Exception {
        Random random = new Random(5);
        long target = (long) sizeMb << 20;
        Path corpus = dir.resolve("corpus.xml");
        long bytes = 0;
        int docs = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(corpus, StandardCharsets.UTF_8), 1 << 16)) {
            bytes += write(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                    + "<teiHeader><fileDesc><titleStmt><title>A generated corpus</title></titleStmt>"
                    + "<publicationStmt><publisher>lam benchmarks</publisher></publicationStmt>"
                    + "<sourceDesc><p>Generated.</p></sourceDesc></fileDesc></teiHeader>\n");
            while (bytes < target) {
                docs++;
                bytes += document(w, random, docs, 20_000 + random.nextInt(100_000));
            }
            bytes += write(w, "</teiCorpus>\n");
        }
        System.out.printf(Locale.ROOT, "generated one teiCorpus of %d documents, %.1f MB; max heap %d MB%n", docs,
                bytes / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        long count = 0;
        long chars = 0;
        long peak = 0;
        try (Stream<LamRecord> s = Lam.read(corpus, ReadOptions.builder().format("tei").build())) {
            for (LamRecord rec : (Iterable<LamRecord>) s::iterator) {
                count++;
                chars += rec.text().map(String::length).orElse(0);
                if ((count & 255) == 0) {
                    Runtime rt = Runtime.getRuntime();
                    peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long poolPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "lam read %d records (%d chars) in %.1f s: %.1f docs/s, %.1f MB/s%n", count,
                chars, secs, count / secs, bytes / 1e6 / secs);
        System.out.printf(Locale.ROOT, "heap in use, highest sample: %d MB; sum of heap pools' peaks: %d MB%n",
                peak >> 20, poolPeak >> 20);
    }

    /** CPU time of this thread, in nanoseconds: steadier than wall time on a shared machine. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long write(Writer w, String s) throws IOException {
        w.write(s);
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** Writes one TEI document of about {@code size} bytes; returns the bytes written. */
    private static long document(Writer w, Random r, int n, int size) throws IOException {
        StringBuilder sb = new StringBuilder(size + 4096);
        int year = 1750 + r.nextInt(150);
        sb.append("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"d").append(n).append("\">\n<teiHeader>\n"
                + "<fileDesc>\n<titleStmt>\n<title type=\"main\">").append(words(r, 5))
                .append("</title>\n<title type=\"sub\">Nr. ").append(n).append("</title>\n<author><persName><surname>")
                .append(NAMES[r.nextInt(NAMES.length)].split(" ")[1]).append("</surname><forename>")
                .append(NAMES[r.nextInt(NAMES.length)].split(" ")[0]).append("</forename></persName></author>\n"
                        + "<respStmt><persName><surname>Editor</surname><forename>Erika</forename></persName>"
                        + "<resp>Transcription</resp></respStmt>\n</titleStmt>\n<publicationStmt>\n"
                        + "<publisher><orgName>Example Text Archive</orgName><email>info@example.org</email></publisher>\n"
                        + "<pubPlace>Berlin</pubPlace><date type=\"publication\">2024-01-0").append(1 + r.nextInt(9))
                .append("</date>\n<availability><licence target=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
                        + "<p>CC BY-SA 4.0</p></licence></availability>\n<idno type=\"URN\">urn:example:").append(n)
                .append("</idno>\n</publicationStmt>\n<sourceDesc><bibl><title>").append(words(r, 4))
                .append("</title><date when=\"").append(year).append("-0").append(1 + r.nextInt(9))
                .append("-1").append(r.nextInt(10)).append("\">").append(year).append("</date></bibl></sourceDesc>\n"
                        + "</fileDesc>\n<profileDesc><langUsage><language ident=\"deu\">German</language></langUsage>"
                        + "<textClass><keywords><term>").append(WORDS[r.nextInt(WORDS.length)])
                .append("</term></keywords><classCode scheme=\"#dwds\">Brief</classCode></textClass></profileDesc>\n"
                        + "</teiHeader>\n<facsimile xml:base=\"img/\">\n");
        int pages = 2 + size / 8000;
        for (int p = 1; p <= pages; p++) {
            sb.append("<graphic xml:id=\"d").append(n).append("-f").append(p).append("\" url=\"p").append(p)
                    .append(".jpg\" mimeType=\"image/jpeg\"/>\n");
        }
        sb.append("</facsimile>\n<text>\n<body>\n");
        int page = 0;
        int div = 0;
        while (sb.length() < size) {
            div++;
            sb.append("<div type=\"article\" n=\"").append(div).append("\">\n<head>").append(words(r, 3 + r.nextInt(5)))
                    .append("</head>\n");
            int ps = 3 + r.nextInt(8);
            for (int i = 0; i < ps; i++) {
                if (r.nextInt(4) == 0 && page < pages) {
                    page++;
                    sb.append("<pb n=\"").append(page).append("\" facs=\"#d").append(n).append("-f").append(page)
                            .append("\"/>\n");
                }
                sb.append("<p>");
                int lines = 3 + r.nextInt(10);
                for (int l = 0; l < lines; l++) {
                    sb.append(words(r, 4 + r.nextInt(8)));
                    switch (r.nextInt(12)) {
                        case 0:
                            sb.append(" <persName>").append(NAMES[r.nextInt(NAMES.length)]).append("</persName>");
                            break;
                        case 1:
                            sb.append(" in <placeName>").append(PLACES[r.nextInt(PLACES.length)]).append("</placeName>");
                            break;
                        case 2:
                            sb.append(" <choice><sic>Maschiene</sic><corr>Maschine</corr></choice>");
                            break;
                        case 3:
                            sb.append(" <choice><abbr>d.</abbr><expan>den</expan></choice>");
                            break;
                        case 4:
                            sb.append(" <choice><orig>Theil</orig><reg>Teil</reg></choice>");
                            break;
                        case 5:
                            sb.append(" <hi rendition=\"#wide\">").append(words(r, 2)).append("</hi>");
                            break;
                        case 6:
                            sb.append(" <del>").append(words(r, 1)).append("</del><add>").append(words(r, 1)).append("</add>");
                            break;
                        case 7:
                            sb.append("<note place=\"foot\">").append(words(r, 8)).append("</note>");
                            break;
                        case 8:
                            sb.append(" <date when=\"").append(year).append("\">").append(year).append("</date>");
                            break;
                        case 9:
                            sb.append(" Fa<lb break=\"no\"/>brik");
                            break;
                        default:
                            break;
                    }
                    sb.append("<lb/>\n");
                }
                sb.append("</p>\n");
            }
            sb.append("</div>\n");
        }
        sb.append("</body>\n</text>\n</TEI>\n");
        return write(w, sb.toString());
    }
}
