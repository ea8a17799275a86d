package org.biglam.lam.bench.tei;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
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
 * {@code --rounds} rounds each:
 * <ul>
 *   <li>Saxon-HE builds a TinyTree of each file, fed by the JDK SAX parser as {@code SecureXml}
 *       configures it (the baseline);</li>
 *   <li>the same, plus a compiled XPath {@code string()} of the text (naive text: no choices, no
 *       profile) to compare with lam's Java walk of the tree;</li>
 *   <li>{@code Lam.read} at granularity document (folder walk, detection, StAX cut into a Saxon
 *       tree, header labels, the text walk with the normalized profile, records).</li>
 * </ul>
 * The ratio is lam's records per second over the baseline's documents per second. Target: 0.7.
 *
 * <pre>
 * java -cp "$CP" org.biglam.lam.bench.tei.TeiBenchmark --size-mb 128
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
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lam-tei-bench");
        try {
            if (memory) {
                memoryRun(dir, sizeMb);
            } else {
                speedRun(dir, sizeMb, rounds);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void speedRun(Path dir, int sizeMb, int rounds) throws Exception {
        List<Path> files = generate(dir, sizeMb);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }

        Processor processor = new Processor(false);
        DocumentBuilder builder = processor.newDocumentBuilder();
        var xc = processor.newXPathCompiler();
        xc.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
        XPathExecutable textOf = xc.compile("string(/tei:TEI/tei:text)");
        javax.xml.parsers.SAXParserFactory spf = SecureXml.saxParserFactory();

        double bestBuild = Double.MAX_VALUE;
        double bestXPath = Double.MAX_VALUE;
        double bestLam = Double.MAX_VALUE;
        double cpuBuild = Double.MAX_VALUE;
        double cpuXPath = Double.MAX_VALUE;
        double cpuLam = Double.MAX_VALUE;
        long lamRecords = 0;
        long chars = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            for (Path f : files) {
                XMLReader reader = spf.newSAXParser().getXMLReader();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                    builder.build(new SAXSource(reader, new InputSource(in)));
                }
            }
            double build = (System.nanoTime() - t0) / 1e9;
            double buildCpu = (cpu() - c0) / 1e9;
            bestBuild = Math.min(bestBuild, build);
            cpuBuild = Math.min(cpuBuild, buildCpu);

            t0 = System.nanoTime();
            c0 = cpu();
            long xchars = 0;
            for (Path f : files) {
                XMLReader reader = spf.newSAXParser().getXMLReader();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                    XdmNode doc = builder.build(new SAXSource(reader, new InputSource(in)));
                    XPathSelector sel = textOf.load();
                    sel.setContextItem(doc);
                    xchars += sel.evaluateSingle().getStringValue().length();
                }
            }
            double xpath = (System.nanoTime() - t0) / 1e9;
            double xpathCpu = (cpu() - c0) / 1e9;
            bestXPath = Math.min(bestXPath, xpath);
            cpuXPath = Math.min(cpuXPath, xpathCpu);

            t0 = System.nanoTime();
            c0 = cpu();
            long count = 0;
            long c = 0;
            try (Stream<LamRecord> s = Lam.read(dir, ReadOptions.builder().format("tei").build())) {
                for (LamRecord rec : (Iterable<LamRecord>) s::iterator) {
                    count++;
                    c += rec.text().map(String::length).orElse(0);
                }
            }
            double lam = (System.nanoTime() - t0) / 1e9;
            double lamCpu = (cpu() - c0) / 1e9;
            bestLam = Math.min(bestLam, lam);
            cpuLam = Math.min(cpuLam, lamCpu);
            lamRecords = count;
            chars = c;
            System.out.printf(Locale.ROOT, "round %d (wall / cpu s): saxon build %.2f / %.2f, build+xpath text %.2f / %.2f "
                    + "(%d chars), lam %.2f / %.2f (%d records, %d chars)%n", r + 1, build, buildCpu, xpath, xpathCpu,
                    xchars, lam, lamCpu, count, c);
        }
        int docs = files.size();
        System.out.printf(Locale.ROOT, "%n                               wall clock              cpu time of the reading thread%n");
        System.out.printf(Locale.ROOT, "Saxon-HE tree build alone:    %7.1f docs/s %6.1f MB/s   %7.1f docs/s %6.1f MB/s%n",
                docs / bestBuild, bytes / 1e6 / bestBuild, docs / cpuBuild, bytes / 1e6 / cpuBuild);
        System.out.printf(Locale.ROOT, "Saxon build + XPath string(): %7.1f docs/s %6.1f MB/s   %7.1f docs/s %6.1f MB/s%n",
                docs / bestXPath, bytes / 1e6 / bestXPath, docs / cpuXPath, bytes / 1e6 / cpuXPath);
        System.out.printf(Locale.ROOT, "lam tei, document records:    %7.1f docs/s %6.1f MB/s   %7.1f docs/s %6.1f MB/s"
                + "  (%d records, %d chars)%n", lamRecords / bestLam, bytes / 1e6 / bestLam, lamRecords / cpuLam,
                bytes / 1e6 / cpuLam, lamRecords, chars);
        System.out.printf(Locale.ROOT, "ratio lam / Saxon tree build: %.2f wall, %.2f cpu (target >= 0.7)%n",
                (lamRecords / bestLam) / (docs / bestBuild), (lamRecords / cpuLam) / (docs / cpuBuild));
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
