package org.biglam.lam.bench.archives;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.bench.xml.ParseFloor;
import org.biglam.lam.spi.SecureXml;

/**
 * Records per second from EAD finding aids (nested components), LIDO wraps and EDM dumps, against a
 * raw StAX pass of the JDK, Woodstox and Aalto parsers over the same bytes in the same run; the ratio
 * is the fastest raw pass's time over lam's (the share of the parser's speed lam keeps while making
 * records). Target: at least 0.6.
 *
 * <p>Deterministic generators (fixed seed) stream each format piece by piece: an EAD finding aid of
 * series with components nested one to eight deep ({@code c01}..{@code c08}, titles, dates, containers,
 * some {@code dao} links and notes), a {@code lidoWrap} of objects (work type, titles, a production
 * event, measurements, a resource set), and a wrapper of {@code rdf:RDF} graphs alternating external and
 * internal EDM. For speed they are written once to a temporary file; with {@code --memory} a format is
 * instead read straight from its generator (nothing written) to show bounded memory. {@code --floor}
 * also prints {@link ParseFloor}: what Aalto costs a record when every text and attribute value is
 * read, with and without lam's guards:
 *
 * <pre>
 * java -cp "$CP" org.biglam.lam.bench.archives.ArchivesBenchmark --size-mb 200
 * java -cp "$CP" org.biglam.lam.bench.archives.ArchivesBenchmark --size-mb 50 --rounds 3 --only ead --floor
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.archives.ArchivesBenchmark --memory --only ead --size-mb 1024
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.archives.ArchivesBenchmark --memory --only lido --size-mb 1024
 * </pre>
 */
public final class ArchivesBenchmark {

    private static boolean LAM_ONLY;
    private static boolean FLOOR;

    private ArchivesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = 200;
        int rounds = 2;
        boolean memory = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb":
                    sizeMb = Long.parseLong(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--memory":
                    memory = true;
                    break;
                case "--lam-only":
                    LAM_ONLY = true;
                    break;
                case "--only":
                    only = args[++i];
                    break;
                case "--floor":
                    FLOOR = true;
                    break;
                default:
                    throw new IllegalArgumentException(args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "archives benchmark: %d MB, java %s, max heap %d MB, %d cpus%n", sizeMb,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        long bytes = sizeMb << 20;
        for (String format : List.of("ead", "lido", "edm")) {
            if (only != null && !only.equals(format)) {
                continue;
            }
            if (memory) {
                memory(format, bytes);
            } else {
                speed(format, bytes, rounds);
            }
        }
    }

    private static void memory(String format, long bytes) throws IOException {
        long t0 = System.nanoTime();
        long n = 0;
        try (InputStream in = generator(format, bytes);
                Stream<LamRecord> s = Lam.read(in, "generated-" + format + ".xml",
                        ReadOptions.builder().format(format).build())) {
            n = s.count();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "  %-4s streamed from its generator: %.0f MB, %,d records in %.1f s "
                + "(%,.0f records/s) with -Xmx%dm, peak heap (sum of pool peaks) %.1f MB%n", format, bytes / 1e6, n,
                secs, n / secs, Runtime.getRuntime().maxMemory() >> 20, peak / 1e6);
    }

    private static void speed(String format, long bytes, int rounds) throws Exception {
        Path file = Files.createTempFile("lam-bench-" + format, ".xml");
        try {
            try (InputStream in = generator(format, bytes); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            long size = Files.size(file);
            Map<String, XMLInputFactory> factories = factories();
            Map<String, Long> best = new LinkedHashMap<>();
            Map<String, Long> bestCpu = new LinkedHashMap<>();
            long bestLam = Long.MAX_VALUE;
            long bestLamCpu = Long.MAX_VALUE;
            long lamAlloc = Long.MAX_VALUE;
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long records = 0;
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, XMLInputFactory> f : factories.entrySet()) {
                    if (LAM_ONLY) {
                        best.put(f.getKey(), 1L);
                        bestCpu.put(f.getKey(), 1L);
                        continue;
                    }
                    long t = System.nanoTime();
                    long c = threads.getCurrentThreadCpuTime();
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                        rawPass(f.getValue(), in);
                    }
                    best.merge(f.getKey(), System.nanoTime() - t, Math::min);
                    bestCpu.merge(f.getKey(), threads.getCurrentThreadCpuTime() - c, Math::min);
                }
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                long a = allocated();
                try (Stream<LamRecord> s = Lam.read(file, ReadOptions.builder().format(format).build())) {
                    records = s.count();
                }
                lamAlloc = Math.min(lamAlloc, allocated() - a);
                bestLam = Math.min(bestLam, System.nanoTime() - t);
                bestLamCpu = Math.min(bestLamCpu, threads.getCurrentThreadCpuTime() - c);
            }
            String fastest = null;
            String fastestCpu = null;
            for (Map.Entry<String, Long> e : best.entrySet()) {
                if (fastest == null || e.getValue() < best.get(fastest)) {
                    fastest = e.getKey();
                }
                if (fastestCpu == null || bestCpu.get(e.getKey()) < bestCpu.get(fastestCpu)) {
                    fastestCpu = e.getKey();
                }
            }
            System.out.printf(Locale.ROOT, "%s: %.0f MB, %,d records%n", format, size / 1e6, records);
            for (Map.Entry<String, Long> e : best.entrySet()) {
                System.out.printf(Locale.ROOT, "  raw %-8s %6.2f s  %6.0f MB/s  (cpu %6.2f s)%n", e.getKey(),
                        e.getValue() / 1e9, size / 1e6 / (e.getValue() / 1e9), bestCpu.get(e.getKey()) / 1e9);
            }
            System.out.printf(Locale.ROOT, "  lam-%-6s %6.2f s  %6.0f MB/s  (cpu %6.2f s)  %,.0f records/s (cpu: %,.0f)%n",
                    format, bestLam / 1e9, size / 1e6 / (bestLam / 1e9), bestLamCpu / 1e9, records / (bestLam / 1e9),
                    records / (bestLamCpu / 1e9));
            System.out.printf(Locale.ROOT, "  lam allocated %,.0f bytes a record%n", (double) lamAlloc / records);
            System.out.printf(Locale.ROOT, "  ratio to the fastest raw pass: wall %.2f (%s), cpu %.2f (%s); to woodstox "
                    + "wall %.2f, cpu %.2f%n", (double) best.get(fastest) / bestLam, fastest,
                    (double) bestCpu.get(fastestCpu) / bestLamCpu, fastestCpu, (double) best.get("woodstox") / bestLam,
                    (double) bestCpu.get("woodstox") / bestLamCpu);
            if (FLOOR) {
                ParseFloor.measure(List.of(file), rounds).print(records, bestLamCpu);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The bytes this thread has allocated so far (HotSpot), or 0. */
    private static long allocated() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t instanceof com.sun.management.ThreadMXBean
                ? ((com.sun.management.ThreadMXBean) t).getCurrentThreadAllocatedBytes() : 0;
    }

    private static XMLInputFactory secure(XMLInputFactory f) {
        return SecureXml.secure(f, ReadLimits.defaults());
    }

    private static Map<String, XMLInputFactory> factories() {
        Map<String, XMLInputFactory> m = new LinkedHashMap<>();
        m.put("jdk", SecureXml.inputFactory(ReadLimits.defaults()));
        m.put("woodstox", secure(new com.ctc.wstx.stax.WstxInputFactory()));
        XMLInputFactory aalto = new com.fasterxml.aalto.stax.InputFactoryImpl();
        aalto.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        aalto.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        aalto.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        m.put("aalto", aalto);
        return m;
    }

    /** Every event, and every text's characters touched. */
    private static long rawPass(XMLInputFactory f, InputStream in) throws XMLStreamException {
        XMLStreamReader r = f.createXMLStreamReader(in);
        long n = 0;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS) {
                n += r.getTextLength();
            } else {
                n++;
            }
        }
        r.close();
        return n;
    }

    // ---- generators ----

    /** A format's generator: about {@code bytes} bytes, the same for the same size. */
    static InputStream generator(String format, long bytes) {
        Random rnd = new Random(20261205L);
        switch (format) {
            case "ead":
                return new Pieces(EAD_HEAD, EAD_TAIL, bytes, (sb, i) -> eadSeries(sb, i, rnd));
            case "lido":
                return new Pieces(LIDO_HEAD, "</lido:lidoWrap>\n", bytes, (sb, i) -> lido(sb, i, rnd));
            case "edm":
                return new Pieces("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dump>\n", "</dump>\n", bytes,
                        (sb, i) -> edm(sb, i, rnd));
            default:
                throw new IllegalArgumentException(format);
        }
    }

    private interface Piece {
        void write(StringBuilder sb, long index);
    }

    /** Head, pieces until the size is reached, tail; made as it is read. */
    private static final class Pieces extends InputStream {
        private final byte[] tail;
        private final long bytes;
        private final Piece piece;
        private final StringBuilder sb = new StringBuilder(1 << 16);
        private byte[] cur;
        private int pos;
        private long produced;
        private long index;
        private boolean ended;

        Pieces(String head, String tail, long bytes, Piece piece) {
            this.cur = head.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.bytes = bytes;
            this.piece = piece;
        }

        private boolean fill() {
            if (pos < cur.length) {
                return true;
            }
            if (ended) {
                return false;
            }
            if (produced >= bytes) {
                cur = tail;
                ended = true;
            } else {
                sb.setLength(0);
                piece.write(sb, index++);
                cur = sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            pos = 0;
            produced += cur.length;
            return pos < cur.length;
        }

        @Override
        public int read() {
            return fill() ? cur[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, cur.length - pos);
            System.arraycopy(cur, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static final String[] WORDS = ("letters diaries accounts minutes photographs drawings maps receipts "
            + "notebooks clippings reports correspondence sermons deeds plans registers ledgers telegrams postcards "
            + "inventories drafts proofs manuscripts certificates").split(" ");
    private static final String[] NAMES = {"Smith, John", "Vries, Hugo de", "Müller, Anna", "Dubois, Eugène",
        "Brown, Clarence", "Rossi, Maria", "Nowak, Jan", "Jensen, Karen"};

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

    private static final String EAD_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ead xmlns=\"urn:isbn:1-931666-22-9\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
            + "<eadheader><eadid>GEN-1</eadid><filedesc><titlestmt><titleproper>Inventory of a generated archive"
            + "</titleproper></titlestmt></filedesc></eadheader>\n<archdesc level=\"fonds\"><did><unittitle>Generated "
            + "archive</unittitle><unitid>GEN 1</unitid><unitdate normal=\"1800/1950\">1800-1950</unitdate>"
            + "<repository><corpname>Generated Repository</corpname></repository></did>\n"
            + "<scopecontent><p>A generated finding aid.</p></scopecontent>\n<dsc>\n";
    private static final String EAD_TAIL = "</dsc></archdesc></ead>\n";

    /** One series: a c01 with components nested up to eight deep. */
    private static void eadSeries(StringBuilder sb, long i, Random rnd) {
        int[] counter = {0};
        eadComponent(sb, 1, 1 + rnd.nextInt(8), rnd, i, counter);
    }

    private static void eadComponent(StringBuilder sb, int level, int maxDepth, Random rnd, long series, int[] n) {
        String tag = String.format(Locale.ROOT, "c%02d", level);
        int year = 1800 + rnd.nextInt(140);
        int k = n[0]++;
        sb.append('<').append(tag).append(" level=\"").append(level == 1 ? "series" : level < maxDepth ? "subseries"
                : "file").append("\" id=\"s").append(series).append('-').append(k).append("\">\n<did>");
        if (rnd.nextInt(10) > 0) {
            sb.append("<unittitle>").append(words(rnd, 2 + rnd.nextInt(5)));
            if (rnd.nextInt(4) == 0) {
                sb.append("<lb/>").append(NAMES[rnd.nextInt(NAMES.length)]);
            }
            sb.append("</unittitle>");
        }
        sb.append("<unitid>").append(series).append('.').append(k).append("</unitid>");
        sb.append("<unitdate normal=\"").append(year).append('/').append(year + rnd.nextInt(10)).append("\">")
                .append(year).append("-").append(year + 5).append("</unitdate>");
        sb.append("<physdesc><extent>").append(1 + rnd.nextInt(20)).append(" folders</extent></physdesc>");
        sb.append("<container type=\"box\">").append(rnd.nextInt(500)).append("</container>");
        if (rnd.nextInt(5) == 0) {
            sb.append("<daogrp><daoloc xlink:href=\"https://iiif.example.org/iiif/2/gen-").append(series).append('-')
                    .append(k).append("/info.json\"><daodesc><p>").append(words(rnd, 6)).append("</p></daodesc>"
                    + "</daoloc></daogrp>");
        }
        sb.append("</did>\n");
        if (rnd.nextInt(3) == 0) {
            sb.append("<scopecontent><head>Scope</head><p>").append(words(rnd, 20 + rnd.nextInt(60)))
                    .append("</p></scopecontent>\n");
        }
        if (rnd.nextInt(6) == 0) {
            sb.append("<controlaccess><persname>").append(NAMES[rnd.nextInt(NAMES.length)])
                    .append("</persname><geogname>Amsterdam</geogname></controlaccess>\n");
        }
        if (level < maxDepth) {
            int children = level == 1 ? 2 + rnd.nextInt(4) : 1 + rnd.nextInt(4);
            for (int c = 0; c < children; c++) {
                eadComponent(sb, level + 1, maxDepth, rnd, series, n);
            }
        }
        sb.append("</").append(tag).append(">\n");
    }

    private static final String LIDO_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<lido:lidoWrap xmlns:lido=\"http://www.lido-schema.org\">\n";

    private static void lido(StringBuilder sb, long i, Random rnd) {
        int year = 1400 + rnd.nextInt(500);
        sb.append("<lido:lido><lido:lidoRecID lido:type=\"local\">GEN-").append(i).append("</lido:lidoRecID>\n"
                + "<lido:descriptiveMetadata xml:lang=\"en\"><lido:objectClassificationWrap><lido:objectWorkTypeWrap>"
                + "<lido:objectWorkType><lido:conceptID lido:type=\"URI\">http://vocab.getty.edu/aat/300033618"
                + "</lido:conceptID><lido:term>").append(WORDS[rnd.nextInt(WORDS.length)])
                .append("</lido:term></lido:objectWorkType></lido:objectWorkTypeWrap><lido:classificationWrap>"
                        + "<lido:classification lido:type=\"europeana:type\"><lido:term>IMAGE</lido:term>"
                        + "</lido:classification></lido:classificationWrap></lido:objectClassificationWrap>\n"
                        + "<lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet><lido:appellationValue "
                        + "lido:pref=\"preferred\">").append(words(rnd, 3 + rnd.nextInt(4)))
                .append("</lido:appellationValue></lido:titleSet></lido:titleWrap><lido:repositoryWrap>"
                        + "<lido:repositorySet lido:type=\"current\"><lido:repositoryName><lido:legalBodyName>"
                        + "<lido:appellationValue>Generated Museum</lido:appellationValue></lido:legalBodyName>"
                        + "</lido:repositoryName><lido:workID lido:type=\"inventory number\">INV ").append(i)
                .append("</lido:workID></lido:repositorySet></lido:repositoryWrap><lido:objectDescriptionWrap>"
                        + "<lido:objectDescriptionSet><lido:descriptiveNoteValue>").append(words(rnd, 20 + rnd.nextInt(40)))
                .append("</lido:descriptiveNoteValue></lido:objectDescriptionSet></lido:objectDescriptionWrap>"
                        + "<lido:objectMeasurementsWrap><lido:objectMeasurementsSet><lido:displayObjectMeasurements>")
                .append(10 + rnd.nextInt(200)).append(" x ").append(10 + rnd.nextInt(200))
                .append(" cm</lido:displayObjectMeasurements></lido:objectMeasurementsSet></lido:objectMeasurementsWrap>"
                        + "</lido:objectIdentificationWrap>\n<lido:eventWrap><lido:eventSet><lido:event><lido:eventType>"
                        + "<lido:term>Production</lido:term></lido:eventType><lido:eventActor><lido:actorInRole>"
                        + "<lido:actor><lido:nameActorSet><lido:appellationValue>").append(NAMES[rnd.nextInt(NAMES.length)])
                .append("</lido:appellationValue></lido:nameActorSet></lido:actor><lido:roleActor><lido:term>painter"
                        + "</lido:term></lido:roleActor></lido:actorInRole></lido:eventActor><lido:eventDate>"
                        + "<lido:displayDate>c. ").append(year).append("</lido:displayDate><lido:date><lido:earliestDate>")
                .append(year - 5).append("</lido:earliestDate><lido:latestDate>").append(year + 5)
                .append("</lido:latestDate></lido:date></lido:eventDate><lido:eventPlace><lido:place><lido:namePlaceSet>"
                        + "<lido:appellationValue>Florence</lido:appellationValue></lido:namePlaceSet></lido:place>"
                        + "</lido:eventPlace><lido:eventMaterialsTech><lido:materialsTech><lido:termMaterialsTech "
                        + "lido:type=\"material\"><lido:term>oil</lido:term></lido:termMaterialsTech></lido:materialsTech>"
                        + "</lido:eventMaterialsTech></lido:event></lido:eventSet></lido:eventWrap>\n"
                        + "<lido:objectRelationWrap><lido:subjectWrap><lido:subjectSet><lido:subject><lido:subjectConcept>"
                        + "<lido:term>").append(WORDS[rnd.nextInt(WORDS.length)])
                .append("</lido:term></lido:subjectConcept></lido:subject></lido:subjectSet></lido:subjectWrap>"
                        + "</lido:objectRelationWrap></lido:descriptiveMetadata>\n<lido:administrativeMetadata xml:lang=\"en\">"
                        + "<lido:rightsWorkWrap><lido:rightsWorkSet><lido:rightsType><lido:term>public domain</lido:term>"
                        + "</lido:rightsType></lido:rightsWorkSet></lido:rightsWorkWrap><lido:recordWrap><lido:recordID "
                        + "lido:type=\"local\">").append(i).append("</lido:recordID><lido:recordType><lido:term>item"
                        + "</lido:term></lido:recordType><lido:recordSource><lido:legalBodyName><lido:appellationValue>"
                        + "Generated Museum</lido:appellationValue></lido:legalBodyName></lido:recordSource></lido:recordWrap>"
                        + "<lido:resourceWrap><lido:resourceSet><lido:resourceRepresentation lido:type=\"image_thumb\">"
                        + "<lido:linkResource>https://img.example.org/thumb/").append(i).append(".jpg</lido:linkResource>"
                        + "</lido:resourceRepresentation><lido:resourceRepresentation lido:type=\"image_master\">"
                        + "<lido:linkResource>https://img.example.org/master/").append(i).append(".jpg</lido:linkResource>"
                        + "</lido:resourceRepresentation><lido:rightsResource><lido:rightsType><lido:term>CC BY 4.0"
                        + "</lido:term></lido:rightsType></lido:rightsResource></lido:resourceSet></lido:resourceWrap>"
                        + "</lido:administrativeMetadata></lido:lido>\n");
    }

    private static final String RDF_OPEN = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:edm=\"http://www.europeana.eu/schemas/edm/\" xmlns:ore=\"http://www.openarchives.org/ore/terms/\" "
            + "xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\" xmlns:svcs=\"http://rdfs.org/sioc/services#\">\n";

    private static void edm(StringBuilder sb, long i, Random rnd) {
        boolean internal = (i & 1) == 1;
        String cho = "/gen/" + i;
        String values = "<dc:title xml:lang=\"en\">" + words(rnd, 3 + rnd.nextInt(5)) + "</dc:title>"
                + "<dc:creator rdf:resource=\"http://example.org/agent/" + (i % 50) + "\"/>"
                + "<dc:date>" + (1700 + rnd.nextInt(300)) + "</dc:date><dc:language>ger</dc:language>"
                + "<dc:description xml:lang=\"en\">" + words(rnd, 20 + rnd.nextInt(40)) + "</dc:description>"
                + "<dc:subject>" + WORDS[rnd.nextInt(WORDS.length)] + "</dc:subject><dc:type>photograph</dc:type>"
                + "<dcterms:spatial>Berlin</dcterms:spatial><edm:type>IMAGE</edm:type>";
        sb.append(RDF_OPEN);
        if (internal) {
            sb.append("<edm:ProvidedCHO rdf:about=\"").append(cho).append("\"/>\n<ore:Proxy rdf:about=\"/proxy/provider")
                    .append(cho).append("\">").append(values).append("<edm:europeanaProxy>false</edm:europeanaProxy>"
                            + "<ore:proxyFor rdf:resource=\"").append(cho).append("\"/><ore:proxyIn rdf:resource=\"/agg")
                    .append(cho).append("\"/></ore:Proxy>\n<ore:Proxy rdf:about=\"/proxy/europeana").append(cho)
                    .append("\"><dc:subject rdf:resource=\"http://data.europeana.eu/concept/48\"/><edm:year>1900"
                            + "</edm:year><edm:europeanaProxy>true</edm:europeanaProxy><ore:proxyFor rdf:resource=\"")
                    .append(cho).append("\"/></ore:Proxy>\n");
        } else {
            sb.append("<edm:ProvidedCHO rdf:about=\"").append(cho).append("\">").append(values)
                    .append("</edm:ProvidedCHO>\n");
        }
        sb.append("<edm:Agent rdf:about=\"http://example.org/agent/").append(i % 50).append("\"><skos:prefLabel "
                + "xml:lang=\"en\">").append(NAMES[(int) (i % NAMES.length)]).append("</skos:prefLabel></edm:Agent>\n");
        sb.append("<ore:Aggregation rdf:about=\"/agg").append(cho).append("\"><edm:aggregatedCHO rdf:resource=\"")
                .append(cho).append("\"/><edm:dataProvider>Generated Library</edm:dataProvider><edm:provider>"
                        + "Generated Aggregator</edm:provider><edm:isShownBy rdf:resource=\" https://iiif.example.org/iiif/")
                .append(i).append("/full/max/0/default.jpg\"/><edm:isShownAt rdf:resource=\"https://example.org/item/")
                .append(i).append("\"/><edm:rights rdf:resource=\"http://creativecommons.org/publicdomain/mark/1.0/\"/>"
                        + "</ore:Aggregation>\n<edm:WebResource rdf:about=\"https://iiif.example.org/iiif/").append(i)
                .append("/full/max/0/default.jpg\"><svcs:has_service rdf:resource=\"https://iiif.example.org/iiif/")
                .append(i).append("\"/></edm:WebResource>\n</rdf:RDF>\n");
    }
}
