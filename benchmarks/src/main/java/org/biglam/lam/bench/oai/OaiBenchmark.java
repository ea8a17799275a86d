package org.biglam.lam.bench.oai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.bench.xml.ParseFloor;
import org.biglam.lam.spi.SecureXml;

/**
 * Saved OAI-PMH pages (lam-oai, with lam-dc and lam-mods reading the payloads), and a harvest from a
 * loopback server.
 *
 * <ul>
 * <li>{@code --size-mb N} (default 200): a folder of generated {@code ListRecords} pages, half
 *     {@code oai_dc}, half MODS, 200 records a page, from a fixed seed; then, for {@code --rounds}
 *     rounds, a raw event pass of the JDK, Woodstox and Aalto StAX parsers over every file, and
 *     {@code Lam.read} of the folder. Prints records a second (CPU time of the reading thread) and
 *     the ratio of lam to the fastest raw pass. {@code --lam-only} leaves the raw passes out (to
 *     profile lam). {@code --floor} also prints {@link ParseFloor}: what Aalto costs a record
 *     when every text and attribute value is read, with and without lam's guards.</li>
 * <li>{@code --harvest N}: harvests N generated {@code oai_dc} records, 500 a page, from a
 *     {@code HttpServer} on 127.0.0.1 through {@code Lam.read("oai:...")} with no delay; prints the
 *     wall time, records a second and the peak heap. Run it with {@code -Xmx64m}.</li>
 * </ul>
 */
public final class OaiBenchmark {

    private static final String[] WORDS = ("harbour whitby letter voyage journal map survey photograph church "
            + "parish register council minutes estate plan railway station school log book diary sketch "
            + "portrait landscape fishing boats market street mill river bridge castle abbey").split(" ");
    private static final String[] LANGS = {"eng", "ger", "fre", "dut", "lat", "en", "de", "English", "German"};
    private static final int PER_PAGE = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OaiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = 200;
        int rounds = 3;
        long harvest = -1;
        boolean lamOnly = false;
        boolean floor = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--harvest" -> harvest = Long.parseLong(args[++i]);
                case "--lam-only" -> lamOnly = true;
                case "--floor" -> floor = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (harvest > 0) {
            harvest(harvest);
            return;
        }
        Path dir = Files.createTempDirectory("lam-oai-bench");
        try {
            long t0 = System.nanoTime();
            long[] gen = generate(dir, sizeMb << 20, new Random(42));
            System.out.printf(Locale.ROOT, "generated %d pages, %d records, %.1f MB in %.1f s%n", gen[0], gen[1],
                    gen[2] / 1e6, (System.nanoTime() - t0) / 1e9);
            speed(dir, gen, rounds, lamOnly, floor);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String words(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    static void dcRecord(StringBuilder sb, long id, Random rnd) {
        sb.append("<record><header><identifier>oai:bench:").append(id).append("</identifier><datestamp>2020-0")
                .append(1 + rnd.nextInt(9)).append("-1").append(rnd.nextInt(10)).append("</datestamp><setSpec>set")
                .append(rnd.nextInt(20)).append("</setSpec></header><metadata>\n")
                .append("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("  <dc:title xml:lang=\"en\">").append(words(rnd, 6)).append("</dc:title>\n")
                .append("  <dc:creator>").append(words(rnd, 1)).append(", ").append(words(rnd, 1)).append("; ")
                .append(words(rnd, 1)).append(", A.</dc:creator>\n")
                .append("  <dc:subject>").append(words(rnd, 2)).append("; ").append(words(rnd, 1)).append("</dc:subject>\n")
                .append("  <dc:description>").append(words(rnd, 40)).append("</dc:description>\n")
                .append("  <dc:publisher>").append(words(rnd, 3)).append("</dc:publisher>\n")
                .append("  <dc:date>").append(1700 + rnd.nextInt(300)).append("</dc:date>\n")
                .append("  <dc:type>Text</dc:type>\n  <dc:format>image/jpeg</dc:format>\n")
                .append("  <dc:identifier>https://example.org/items/").append(id).append("</dc:identifier>\n")
                .append("  <dc:identifier>https://example.org/iiif/").append(id).append("/full/max/0/default.jpg</dc:identifier>\n")
                .append("  <dc:language>").append(LANGS[rnd.nextInt(LANGS.length)]).append("</dc:language>\n")
                .append("  <dc:rights>http://rightsstatements.org/vocab/NoC-US/1.0/</dc:rights>\n")
                .append("</oai_dc:dc></metadata></record>\n");
    }

    static void modsRecord(StringBuilder sb, long id, Random rnd) {
        int y = 1700 + rnd.nextInt(300);
        sb.append("<record><header><identifier>oai:bench:").append(id).append("</identifier><datestamp>2020-01-01</datestamp>")
                .append("</header><metadata>\n<mods xmlns=\"http://www.loc.gov/mods/v3\">\n")
                .append("  <titleInfo><nonSort>The </nonSort><title>").append(words(rnd, 5)).append("</title><subTitle>")
                .append(words(rnd, 3)).append("</subTitle></titleInfo>\n")
                .append("  <name type=\"personal\" usage=\"primary\"><namePart type=\"family\">").append(words(rnd, 1))
                .append("</namePart><namePart type=\"given\">").append(words(rnd, 1)).append("</namePart><namePart type=\"date\">")
                .append(y - 40).append('-').append(y + 10).append("</namePart><role><roleTerm type=\"code\" authority=\"marcrelator\">aut</roleTerm></role></name>\n")
                .append("  <typeOfResource>text</typeOfResource><genre authority=\"marcgt\">book</genre>\n")
                .append("  <originInfo><place><placeTerm type=\"text\">").append(words(rnd, 1)).append("</placeTerm></place><publisher>")
                .append(words(rnd, 2)).append("</publisher><dateIssued encoding=\"marc\" keyDate=\"yes\">").append(y).append("</dateIssued></originInfo>\n")
                .append("  <language><languageTerm type=\"code\" authority=\"iso639-2b\">").append(LANGS[rnd.nextInt(5)]).append("</languageTerm></language>\n")
                .append("  <physicalDescription><extent>").append(100 + rnd.nextInt(400)).append(" p.</extent></physicalDescription>\n")
                .append("  <abstract>").append(words(rnd, 40)).append("</abstract>\n")
                .append("  <subject authority=\"lcsh\"><topic>").append(words(rnd, 1)).append("</topic><geographic>").append(words(rnd, 1))
                .append("</geographic></subject>\n")
                .append("  <relatedItem type=\"host\"><titleInfo><title>").append(words(rnd, 3)).append("</title></titleInfo></relatedItem>\n")
                .append("  <identifier type=\"uri\">https://example.org/items/").append(id).append("</identifier>\n")
                .append("  <location><url access=\"preview\">https://example.org/thumbs/").append(id).append(".jpg</url></location>\n")
                .append("  <accessCondition type=\"use and reproduction\">CC BY 4.0</accessCondition>\n")
                .append("  <recordInfo><recordIdentifier>rec").append(id).append("</recordIdentifier></recordInfo>\n")
                .append("</mods></metadata></record>\n");
    }

    static String page(long first, int n, boolean mods, String token, Random rnd) {
        StringBuilder sb = new StringBuilder(n * 1600);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
                .append("<responseDate>2024-01-01T00:00:00Z</responseDate>\n<request verb=\"ListRecords\">https://example.org/oai</request>\n<ListRecords>\n");
        for (int i = 0; i < n; i++) {
            if (mods) {
                modsRecord(sb, first + i, rnd);
            } else {
                dcRecord(sb, first + i, rnd);
            }
        }
        if (token != null) {
            sb.append("<resumptionToken cursor=\"").append(first).append("\">").append(token).append("</resumptionToken>\n");
        } else {
            sb.append("<resumptionToken/>\n");
        }
        return sb.append("</ListRecords>\n</OAI-PMH>\n").toString();
    }

    private static long[] generate(Path dir, long target, Random rnd) throws IOException {
        long bytes = 0;
        long pages = 0;
        long records = 0;
        while (bytes < target) {
            boolean mods = pages % 2 == 1;
            String p = page(records + 1, PER_PAGE, mods, "t" + (pages + 1), rnd);
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format(Locale.ROOT, "page-%06d.xml", pages)), b);
            bytes += b.length;
            pages++;
            records += PER_PAGE;
        }
        return new long[] {pages, records, bytes};
    }

    private static XMLInputFactory secure(XMLInputFactory f) {
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    private static long rawPass(XMLInputFactory f, List<Path> files) throws IOException, XMLStreamException {
        long events = 0;
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
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

    private static void speed(Path dir, long[] gen, int rounds, boolean lamOnly, boolean floor) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(files::add);
        }
        Map<String, XMLInputFactory> factories = new LinkedHashMap<>();
        factories.put("jdk", SecureXml.inputFactory(ReadLimits.defaults()));
        factories.put("woodstox", secure(new com.ctc.wstx.stax.WstxInputFactory()));
        factories.put("aalto", secure(new com.fasterxml.aalto.stax.InputFactoryImpl()));
        Map<String, Long> best = new LinkedHashMap<>();
        long lamBest = Long.MAX_VALUE;
        long lamWall = Long.MAX_VALUE;
        long lamRecords = 0;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, XMLInputFactory> e : factories.entrySet()) {
                if (lamOnly) {
                    best.put(e.getKey(), 1L);
                    continue;
                }
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                rawPass(e.getValue(), files);
                long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                best.merge(e.getKey(), cpu, Math::min);
            }
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long n = 0;
            try (Stream<LamRecord> s = Lam.read(dir, ReadOptions.defaults())) {
                Iterator<LamRecord> it = s.iterator();
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            lamBest = Math.min(lamBest, THREADS.getCurrentThreadCpuTime() - cpu0);
            lamWall = Math.min(lamWall, System.nanoTime() - w0);
            lamRecords = n;
        }
        String fastest = null;
        for (Map.Entry<String, Long> e : best.entrySet()) {
            System.out.printf(Locale.ROOT, "raw %-8s %8.0f rec/s  (%.2f s CPU, %.0f MB/s)%n", e.getKey(),
                    gen[1] / (e.getValue() / 1e9), e.getValue() / 1e9, gen[2] / 1e6 / (e.getValue() / 1e9));
            if (fastest == null || e.getValue() < best.get(fastest)) {
                fastest = e.getKey();
            }
        }
        System.out.printf(Locale.ROOT, "lam      %8.0f rec/s  (%d records, %.2f s CPU, %.2f s wall)%n",
                lamRecords / (lamBest / 1e9), lamRecords, lamBest / 1e9, lamWall / 1e9);
        System.out.printf(Locale.ROOT, "ratio to the fastest raw pass (%s): %.2f; to woodstox: %.2f%n", fastest,
                best.get(fastest) / (double) lamBest, best.get("woodstox") / (double) lamBest);
        if (floor) {
            ParseFloor.measure(files, rounds).print(lamRecords, lamBest);
        }
    }

    /** Harvests n generated records from a loopback server, 500 a page. */
    private static void harvest(long n) throws Exception {
        int perPage = 500;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/oai", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            int at = q.indexOf("resumptionToken=");
            long page = at < 0 ? 0 : Long.parseLong(q.substring(at + 17));
            long first = page * perPage + 1;
            int count = (int) Math.min(perPage, n - page * perPage);
            String token = first + count - 1 < n ? "p" + (page + 1) : null;
            byte[] body = page(first, count, false, token, new Random(page)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "oai:http://127.0.0.1:" + server.getAddress().getPort() + "/oai?metadataPrefix=oai_dc";
            System.out.printf(Locale.ROOT, "max heap %.0f MB%n", Runtime.getRuntime().maxMemory() / 1e6);
            long t0 = System.nanoTime();
            long records = 0;
            long chars = 0;
            ReadOptions o = ReadOptions.builder().set("oai.delay", "0").build();
            try (Stream<LamRecord> s = Lam.read(url, o)) {
                Iterator<LamRecord> it = s.iterator();
                while (it.hasNext()) {
                    LamRecord r = it.next();
                    records++;
                    chars += r.text().map(String::length).orElse(0);
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "harvested %d records (%d pages, %d chars of text) in %.1f s: %.0f rec/s; "
                    + "peak heap (sum of pool peaks) %.1f MB%n", records, (n + perPage - 1) / perPage, chars, secs,
                    records / secs, peak / 1e6);
        } finally {
            server.stop(0);
        }
    }
}
