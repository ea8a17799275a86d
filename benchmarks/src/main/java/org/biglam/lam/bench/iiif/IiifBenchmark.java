package org.biglam.lam.bench.iiif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * Canvas records per second from IIIF manifests, against Jackson's tree parse alone over the same
 * files in the same run.
 *
 * <p>A deterministic generator (fixed seed) writes {@code --manifests} manifests (default 20,000),
 * alternating Presentation 2.1 and 3.0, each with 1 to 12 canvases, Image API services, language
 * maps, metadata pairs and some transcription annotations, to a temporary folder. Then, three
 * rounds each (the best counts): Jackson's {@code ObjectMapper.readTree} of every file, and
 * {@code Lam.read(folder)} at canvas granularity (folder walk, detection and the IIIF reader), and
 * the IIIF provider alone on each file (no folder walk, no detection), and {@code Lam.read(folder)}
 * as a parallel stream (wall time, against one thread's). The ratios are Jackson's time
 * over lam's: the share of the raw parser's speed lam keeps while making records; figures are given
 * in wall time and in the reading thread's CPU time (steadier on a shared machine). Target: at
 * least 0.7.
 *
 * <pre>
 * java -Xmx64m -cp "$CP" org.biglam.lam.bench.iiif.IiifBenchmark --manifests 20000
 * </pre>
 *
 * <p>With {@code --breakdown}, it times instead the parts a reader's time is made of (see
 * {@link #breakdown}).
 */
public final class IiifBenchmark {

    private IiifBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int manifests = 20_000;
        int rounds = 3;
        boolean breakdown = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--manifests")) {
                manifests = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--breakdown")) {
                breakdown = true;
            }
        }
        Path dir = Files.createTempDirectory("lam-iiif-bench");
        try {
            long t0 = System.nanoTime();
            Generated g = generate(dir, manifests, new Random(20240611L));
            System.out.printf(Locale.ROOT, "generated %d manifests, %d canvases, %.1f MB in %.1f s%n", manifests,
                    g.canvases, g.bytes / 1e6, (System.nanoTime() - t0) / 1e9);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            ObjectMapper mapper = new ObjectMapper();
            if (breakdown) {
                breakdown(files, mapper, rounds);
                return;
            }
            ReadOptions options = ReadOptions.builder().format("iiif").build();
            long bestJackson = Long.MAX_VALUE;
            long bestLam = Long.MAX_VALUE;
            long records = 0;
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long bestJacksonCpu = Long.MAX_VALUE;
            long bestLamCpu = Long.MAX_VALUE;
            long bestDirectCpu = Long.MAX_VALUE;
            long bestParallel = Long.MAX_VALUE;
            FormatProvider provider = new org.biglam.lam.iiif.IiifFormat();
            for (int r = 0; r < rounds; r++) {
                long startCpu = cpu.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long nodes = 0;
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        JsonNode n = mapper.readTree(in);
                        nodes += n.size();
                    }
                }
                long jackson = System.nanoTime() - start;
                long jacksonCpu = cpu.getCurrentThreadCpuTime() - startCpu;
                startCpu = cpu.getCurrentThreadCpuTime();
                start = System.nanoTime();
                long count = 0;
                long images = 0;
                try (Stream<LamRecord> s = Lam.read(dir, options)) {
                    for (LamRecord rec : (Iterable<LamRecord>) s::iterator) {
                        count++;
                        images += rec.images().size();
                    }
                }
                long lam = System.nanoTime() - start;
                long lamCpu = cpu.getCurrentThreadCpuTime() - startCpu;
                startCpu = cpu.getCurrentThreadCpuTime();
                long direct = 0;
                for (Path f : files) {
                    direct += readDirect(f, provider, options);
                }
                long directCpu = cpu.getCurrentThreadCpuTime() - startCpu;
                bestDirectCpu = Math.min(bestDirectCpu, directCpu);
                start = System.nanoTime();
                long parallelCount;
                try (Stream<LamRecord> s = Lam.read(dir, options)) {
                    parallelCount = s.parallel().mapToLong(rec -> rec.images().size() >= 0 ? 1 : 0).sum();
                }
                long parallel = System.nanoTime() - start;
                bestParallel = Math.min(bestParallel, parallel);
                if (parallelCount != count) {
                    throw new IllegalStateException("the parallel stream read " + parallelCount + " records, Lam.read "
                            + count);
                }
                if (direct != count) {
                    throw new IllegalStateException("the provider read " + direct + " records, Lam.read " + count);
                }
                records = count;
                bestJackson = Math.min(bestJackson, jackson);
                bestLam = Math.min(bestLam, lam);
                bestJacksonCpu = Math.min(bestJacksonCpu, jacksonCpu);
                bestLamCpu = Math.min(bestLamCpu, lamCpu);
                System.out.printf(Locale.ROOT, "round %d: jackson tree %.2f s wall %.2f s cpu (%d top-level fields), "
                        + "Lam.read %.2f s wall %.2f s cpu (%d canvas records, %d images), provider alone %.2f s cpu, "
                        + "Lam.read parallel %.2f s wall%n",
                        r + 1, jackson / 1e9, jacksonCpu / 1e9, nodes, lam / 1e9, lamCpu / 1e9, count, images,
                        directCpu / 1e9, parallel / 1e9);
            }
            if (records != g.canvases) {
                throw new IllegalStateException("expected " + g.canvases + " canvas records, read " + records);
            }
            double jacksonRate = g.canvases / (bestJackson / 1e9);
            double lamRate = records / (bestLam / 1e9);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "jackson tree parse: %.0f canvases/s (%.1f MB/s)%n", jacksonRate,
                    g.bytes / 1e6 / (bestJackson / 1e9));
            System.out.printf(Locale.ROOT, "lam iiif canvas records: %.0f records/s (%.1f MB/s)%n", lamRate,
                    g.bytes / 1e6 / (bestLam / 1e9));
            System.out.printf(Locale.ROOT, "ratio Lam.read / jackson: wall time %.2f, thread cpu time %.2f; "
                    + "IIIF provider alone / jackson, thread cpu time %.2f (target >= 0.7); max heap %d MB%n",
                    lamRate / jacksonRate, (double) bestJacksonCpu / bestLamCpu, (double) bestJacksonCpu / bestDirectCpu,
                    rt.maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "parallel stream on %d processors: %.2f x one thread's Lam.read (wall time, "
                    + "target >= 1.6 on two cores)%n", rt.availableProcessors(), (double) bestLam / bestParallel);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private record Generated(long canvases, long bytes) {
    }

    private interface Pass {
        long run() throws IOException;
    }

    /**
     * Where the time of a reader goes, each part a pass of its own over the same files (best of the
     * rounds, thread CPU time, as a share of Jackson's tree parse of the files): opening and
     * reading the files; then, over their bytes in memory, Jackson's tokens alone, its tokens with
     * every string made, its tree, lam's tree ({@code JsonDocs.parse}); and {@code Lam.read}.
     */
    private static void breakdown(List<Path> files, ObjectMapper mapper, int rounds) throws IOException {
        List<byte[]> bytes = new ArrayList<>(files.size());
        for (Path f : files) {
            bytes.add(Files.readAllBytes(f));
        }
        com.fasterxml.jackson.core.JsonFactory factory = mapper.getFactory();
        org.biglam.lam.ReadLimits limits = org.biglam.lam.ReadLimits.defaults();
        Location where = Location.of("bench", null);
        Path dir = files.get(0).getParent().getParent();
        ReadOptions options = ReadOptions.builder().format("iiif").build();
        java.util.Map<String, Pass> passes = new java.util.LinkedHashMap<>();
        passes.put("jackson tree parse of the files", () -> {
            long n = 0;
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    n += mapper.readTree(in).size();
                }
            }
            return n;
        });
        passes.put("open and read the files", () -> {
            long n = 0;
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    n += in.readAllBytes().length;
                }
            }
            return n;
        });
        passes.put("jackson tokens (bytes in memory)", () -> {
            long n = 0;
            for (byte[] b : bytes) {
                try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(b)) {
                    while (p.nextToken() != null) {
                        n++;
                    }
                }
            }
            return n;
        });
        passes.put("jackson tokens and strings", () -> {
            long n = 0;
            for (byte[] b : bytes) {
                try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(b)) {
                    com.fasterxml.jackson.core.JsonToken t;
                    while ((t = p.nextToken()) != null) {
                        if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                            n += p.getText().length();
                        }
                    }
                }
            }
            return n;
        });
        passes.put("jackson tree (bytes in memory)", () -> {
            long n = 0;
            for (byte[] b : bytes) {
                n += mapper.readTree(b).size();
            }
            return n;
        });
        passes.put("lam-iiif tree (bytes in memory)", () -> {
            long n = 0;
            for (byte[] b : bytes) {
                n += org.biglam.lam.iiif.internal.JsonDocs.parse(b, limits, where).size();
            }
            return n;
        });
        passes.put("Lam.read canvas records", () -> {
            try (Stream<LamRecord> s = Lam.read(dir, options)) {
                return s.count();
            }
        });
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> best = new java.util.LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (java.util.Map.Entry<String, Pass> e : passes.entrySet()) {
                long start = cpu.getCurrentThreadCpuTime();
                e.getValue().run();
                best.merge(e.getKey(), cpu.getCurrentThreadCpuTime() - start, Math::min);
            }
        }
        long base = best.get("jackson tree parse of the files");
        System.out.printf(Locale.ROOT, "%-36s %8s %10s%n", "pass (best of " + rounds + ")", "cpu s", "of jackson");
        best.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-36s %8.3f %10.2f%n", k, v / 1e9, (double) v / base));
    }

    /** Reads one file with the provider alone, as lam's engine would, without folder walk and detection. */
    private static long readDirect(Path f, FormatProvider provider, ReadOptions options) throws IOException {
        String uri = f.toUri().toString();
        String name = f.getFileName().toString();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f))) {
            Input input = new Input() {
                @Override
                public String uri() {
                    return uri;
                }

                @Override
                public String entry() {
                    return null;
                }

                @Override
                public String name() {
                    return name;
                }

                @Override
                public InputStream stream() {
                    return in;
                }

                @Override
                public Optional<Path> file() {
                    return Optional.of(f);
                }

                @Override
                public Optional<Input> resolve(String href) {
                    return Optional.empty();
                }

                @Override
                public String resolveUri(String href) {
                    return href;
                }
            };
            ReadContext ctx = ReadContext.of(input, options, "canvas");
            long n = 0;
            try (FormatReader reader = provider.open(input, ctx)) {
                while (reader.next() != null) {
                    n++;
                }
            }
            return n;
        }
    }

    private static final String[] WORDS = {"Psalter", "Book of Hours", "Herbal", "Atlas", "Chronicle", "Letters",
        "Missal", "Map", "Gospels", "Bestiary", "Ledger", "Diary", "Sermons", "Hymnal", "Charter"};
    private static final String[] PEOPLE = {"Gerard, John", "Lee, J. D.", "Becket, Mr", "Dee, John", "Austen, Jane"};
    private static final String[] LANGS = {"English", "Latin", "French", "German", "Dutch"};

    static Generated generate(Path dir, int n, Random rnd) throws IOException {
        long canvases = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            Path sub = dir.resolve(String.format(Locale.ROOT, "%03d", i / 1000));
            Files.createDirectories(sub);
            int k = 1 + rnd.nextInt(12);
            canvases += k;
            String json = (i % 2 == 0) ? v3(i, k, rnd) : v2(i, k, rnd);
            Path f = sub.resolve(String.format(Locale.ROOT, "m%06d.json", i));
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write(json);
            }
            bytes += json.length();
        }
        return new Generated(canvases, bytes);
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }

    private static String v3(int i, int k, Random r) {
        String base = "https://example.org/iiif/" + i;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"").append(base)
                .append("/manifest\",\"type\":\"Manifest\",\"label\":{\"en\":[\"").append(pick(WORDS, r)).append(' ')
                .append(i).append("\"],\"de\":[\"Buch ").append(i).append("\"]},\"summary\":{\"en\":[\"A <i>digitised</i> ")
                .append(pick(WORDS, r)).append(".\"]},\"metadata\":[")
                .append("{\"label\":{\"en\":[\"Author\"]},\"value\":{\"none\":[\"").append(pick(PEOPLE, r)).append("\"]}},")
                .append("{\"label\":{\"en\":[\"Date\"]},\"value\":{\"none\":[\"c. ").append(1400 + r.nextInt(500)).append("\"]}},")
                .append("{\"label\":{\"en\":[\"Language\"]},\"value\":{\"en\":[\"").append(pick(LANGS, r)).append("\"]}},")
                .append("{\"label\":{\"en\":[\"Shelfmark\"]},\"value\":{\"none\":[\"MS ").append(i).append("\"]}}],")
                .append("\"requiredStatement\":{\"label\":{\"en\":[\"Attribution\"]},\"value\":{\"en\":[\"Example Library\"]}},")
                .append("\"rights\":\"http://creativecommons.org/publicdomain/mark/1.0/\",\"items\":[");
        for (int c = 1; c <= k; c++) {
            int w = 1000 + r.nextInt(3000);
            int h = 1000 + r.nextInt(3000);
            String canvas = base + "/canvas/" + c;
            String img = "https://images.example.org/iiif/" + i + "-" + c;
            sb.append(c > 1 ? "," : "").append("{\"id\":\"").append(canvas).append("\",\"type\":\"Canvas\",\"label\":{\"none\":[\"f. ")
                    .append(c).append("r\"]},\"width\":").append(w).append(",\"height\":").append(h)
                    .append(",\"items\":[{\"id\":\"").append(canvas).append("/page\",\"type\":\"AnnotationPage\",\"items\":[{\"id\":\"")
                    .append(canvas).append("/image\",\"type\":\"Annotation\",\"motivation\":\"painting\",\"body\":{\"id\":\"")
                    .append(img).append("/full/max/0/default.jpg\",\"type\":\"Image\",\"format\":\"image/jpeg\",\"width\":")
                    .append(w).append(",\"height\":").append(h).append(",\"service\":[{\"id\":\"").append(img)
                    .append("\",\"type\":\"ImageService3\",\"profile\":\"level1\"}]},\"target\":\"").append(canvas).append("\"}]}]");
            if (r.nextInt(4) == 0) {
                sb.append(",\"annotations\":[{\"id\":\"").append(canvas).append("/text\",\"type\":\"AnnotationPage\",\"items\":[");
                for (int l = 0; l < 5; l++) {
                    sb.append(l > 0 ? "," : "").append("{\"id\":\"").append(canvas).append("/line/").append(l)
                            .append("\",\"type\":\"Annotation\",\"motivation\":\"supplementing\",\"body\":{\"type\":\"TextualBody\",\"value\":\"line ")
                            .append(l).append(" of page ").append(c).append("\",\"format\":\"text/plain\"},\"target\":\"").append(canvas)
                            .append("#xywh=10,").append(10 + 40 * l).append(",500,30\"}");
                }
                sb.append("]}]");
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static String v2(int i, int k, Random r) {
        String base = "https://example.org/iiif/" + i;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"@context\":\"http://iiif.io/api/presentation/2/context.json\",\"@id\":\"").append(base)
                .append("/manifest\",\"@type\":\"sc:Manifest\",\"label\":[{\"@value\":\"").append(pick(WORDS, r)).append(' ')
                .append(i).append("\",\"@language\":\"en\"},{\"@value\":\"Buch ").append(i).append("\",\"@language\":\"de\"}],")
                .append("\"description\":\"A digitised ").append(pick(WORDS, r)).append(".\",\"metadata\":[")
                .append("{\"label\":\"Author\",\"value\":\"").append(pick(PEOPLE, r)).append("\"},")
                .append("{\"label\":\"Date\",\"value\":\"").append(1400 + r.nextInt(500)).append("\"},")
                .append("{\"label\":\"Language\",\"value\":\"").append(pick(LANGS, r)).append("\"},")
                .append("{\"label\":\"Shelfmark\",\"value\":\"MS ").append(i).append("\"}],")
                .append("\"attribution\":\"Example Library\",\"license\":\"http://creativecommons.org/publicdomain/mark/1.0/\",")
                .append("\"sequences\":[{\"@type\":\"sc:Sequence\",\"canvases\":[");
        for (int c = 1; c <= k; c++) {
            int w = 1000 + r.nextInt(3000);
            int h = 1000 + r.nextInt(3000);
            String canvas = base + "/canvas/" + c;
            String img = "https://images.example.org/iiif/" + i + "-" + c;
            sb.append(c > 1 ? "," : "").append("{\"@id\":\"").append(canvas).append("\",\"@type\":\"sc:Canvas\",\"label\":\"f. ")
                    .append(c).append("r\",\"width\":").append(w).append(",\"height\":").append(h)
                    .append(",\"images\":[{\"@type\":\"oa:Annotation\",\"motivation\":\"sc:painting\",\"resource\":{\"@id\":\"")
                    .append(img).append("/full/full/0/default.jpg\",\"@type\":\"dctypes:Image\",\"format\":\"image/jpeg\",\"width\":")
                    .append(w).append(",\"height\":").append(h).append(",\"service\":{\"@context\":\"http://iiif.io/api/image/2/context.json\",\"@id\":\"")
                    .append(img).append("\",\"profile\":\"http://iiif.io/api/image/2/level1.json\"}},\"on\":\"").append(canvas).append("\"}]");
            if (r.nextInt(4) == 0) {
                sb.append(",\"otherContent\":[{\"@id\":\"").append(canvas).append("/list\",\"@type\":\"sc:AnnotationList\",\"resources\":[");
                for (int l = 0; l < 5; l++) {
                    sb.append(l > 0 ? "," : "").append("{\"@type\":\"oa:Annotation\",\"motivation\":\"sc:painting\",\"resource\":{\"@type\":\"cnt:ContentAsText\",\"chars\":\"line ")
                            .append(l).append(" of page ").append(c).append("\"},\"on\":\"").append(canvas)
                            .append("#xywh=10,").append(10 + 40 * l).append(",500,30\"}");
                }
                sb.append("]}]");
            }
            sb.append('}');
        }
        return sb.append("]}]}").toString();
    }
}
