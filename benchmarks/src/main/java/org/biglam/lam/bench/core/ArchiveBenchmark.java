package org.biglam.lam.bench.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadOptions;

/**
 * lam-core's archive path: records per second from a tar.gz of many small JSON Lines members
 * (the {@code lam-jsonl} reader behind archive walking, detection, limits and the record stream),
 * against the raw parts it builds on measured in the same run: a Commons Compress tar.gz pass that
 * parses every line with Jackson's streaming parser. Run with a small heap ({@code -Xmx64m}) to show
 * that memory does not grow with the archive.
 *
 * <p>Arguments: {@code --size-mb N} (uncompressed size, default 1024), {@code --dir D} (where the
 * generated archive goes, default a temp folder), {@code --rounds N} (default 2; the best round of
 * each counts).
 */
public final class ArchiveBenchmark {

    private static final String[] WORDS = ("the of and a to in is was that for it with as his on be at by had "
            + "which this from or have an they were are but not all she her one their there been has more "
            + "Whitby harbour vessel herring merchant parish register abbey Scoresby whaling captain").split(" ");

    private ArchiveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long sizeMb = 1024;
        Path dir = null;
        int rounds = 2;
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
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("lam-bench-core");
        }
        Path archive = dir.resolve("records-" + sizeMb + "mb.tar.gz");
        if (!Files.exists(archive)) {
            long t0 = System.nanoTime();
            generate(archive, sizeMb << 20, 42);
            System.out.printf(Locale.ROOT, "generated %s (%.1f MB compressed) in %.1f s%n", archive,
                    Files.size(archive) / 1e6, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "heap max %.0f MB, %d cores%n", Runtime.getRuntime().maxMemory() / 1e6,
                Runtime.getRuntime().availableProcessors());
        double bestRaw = 0;
        double bestLam = 0;
        long records = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long raw = rawPass(archive);
            double rawRate = raw / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            long lam = lamPass(archive);
            double lamRate = lam / ((System.nanoTime() - t0) / 1e9);
            if (raw != lam) {
                throw new IllegalStateException("record counts differ: raw " + raw + ", lam " + lam);
            }
            records = lam;
            bestRaw = Math.max(bestRaw, rawRate);
            bestLam = Math.max(bestLam, lamRate);
            System.out.printf(Locale.ROOT, "round %d: raw %,.0f rec/s, lam %,.0f rec/s, ratio %.2f%n", r + 1, rawRate,
                    lamRate, lamRate / rawRate);
        }
        System.out.printf(Locale.ROOT, "RESULT archive=%dMB records=%,d raw(CommonsCompress+Jackson)=%,.0f rec/s "
                + "lam=%,.0f rec/s ratio=%.2f peak-heap=%.0fMB%n", sizeMb, records, bestRaw, bestLam,
                bestLam / bestRaw, peakHeap() / 1e6);
    }

    /** Writes a tar.gz of JSON Lines members of 200..2000 lines each, until {@code bytes} of lines. */
    static void generate(Path file, long bytes, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        GzipParameters gp = new GzipParameters();
        gp.setCompressionLevel(1);
        try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fo, gp);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            long written = 0;
            int member = 0;
            StringBuilder sb = new StringBuilder(1 << 20);
            while (written < bytes) {
                sb.setLength(0);
                int lines = 200 + rnd.nextInt(1800);
                for (int l = 0; l < lines; l++) {
                    sb.append("{\"id\":\"b").append(member).append('-').append(l).append("\",\"text\":\"");
                    int words = 20 + rnd.nextInt(120);
                    for (int w = 0; w < words; w++) {
                        if (w > 0) {
                            sb.append(' ');
                        }
                        sb.append(WORDS[rnd.nextInt(WORDS.length)]);
                    }
                    sb.append("\",\"labels\":{\"language\":[\"en\"],\"date\":[\"").append(1700 + rnd.nextInt(250))
                            .append("\"]}}\n");
                }
                byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(String.format(Locale.ROOT, "batch-%03d/part-%06d.jsonl",
                        member / 1000, member));
                e.setSize(b.length);
                e.setModTime(0);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
                written += b.length;
                member++;
            }
        }
    }

    /** Commons Compress + Jackson streaming, each line parsed to its last token. */
    static long rawPass(Path archive) throws IOException {
        JsonFactory f = new JsonFactory();
        long records = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                GzipCompressorInputStream gz = new GzipCompressorInputStream(in, true);
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry e;
            byte[] buf = new byte[1 << 16];
            byte[] line = new byte[1 << 16];
            while ((e = tar.getNextEntry()) != null) {
                int len = 0;
                int n;
                while ((n = tar.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        if (b == '\n') {
                            if (len > 0) {
                                try (JsonParser p = f.createParser(line, 0, len)) {
                                    while (p.nextToken() != null) {
                                        if (p.currentToken() == JsonToken.VALUE_STRING) {
                                            p.getText();
                                        }
                                    }
                                }
                                records++;
                            }
                            len = 0;
                        } else {
                            if (len == line.length) {
                                line = java.util.Arrays.copyOf(line, len * 2);
                            }
                            line[len++] = b;
                        }
                    }
                }
            }
        }
        return records;
    }

    static long lamPass(Path archive) {
        long[] chars = {0};
        long count;
        try (var s = Lam.read(archive, ReadOptions.defaults())) {
            count = s.mapToLong(r -> {
                chars[0] += r.text().map(String::length).orElse(0);
                return 1;
            }).sum();
        }
        return count;
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

}
