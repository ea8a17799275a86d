package org.biglam.lam.bench.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordWriter;

/**
 * {@code spark.read.format("lam")} in local mode against {@code lam convert} on one thread, in one
 * run, over two generated inputs: a folder of many small ALTO pages (one record each) and a zip of
 * many such pages (read as entry ranges). For each: records per second of {@code Lam.read} writing
 * JSON Lines to nowhere (what {@code lam convert} does, one thread), and of a Spark scan that
 * reads every row ({@code count()}: lam-spark does not prune columns, so every record is made and
 * turned into a row) at {@code local[1]} and {@code local[2]}, with the ratios. Wall-clock times
 * are the figures; the process's CPU time (every thread, the JVM's own included) is printed beside
 * them, for a machine that is shared.
 *
 * <p>It needs Spark 4.0's class path and lam-spark's shaded jar, not lam's modules (Spark's Jackson
 * and Commons Compress would clash with lam's): see benchmarks/README.md.
 *
 * <pre>
 * java -Xmx2g $SPARK_JAVA_FLAGS -cp benchmarks/target/classes:$(cat lam-spark-it/target/spark-classpath.txt) \
 *     org.biglam.lam.bench.spark.SparkBenchmark --files 100000 --entries 50000
 * # options: --open-cost BYTES (openCostInBytes), --entries-per-partition N (entriesPerPartition)
 * </pre>
 */
public final class SparkBenchmark {

    private static final String[] WORDS = ("the of and to in that was his he it with is for as had not be her on at by "
            + "which Parliament London Majesty Government Committee railway company meeting Street Society "
            + "harbour Whitby brig schooner arrived sailed cargo coals timber yesterday morning").split(" ");

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = 100_000;
        int entries = 50_000;
        String openCost = null;
        String entriesPerPartition = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files": files = Integer.parseInt(args[++i]); break;
                case "--entries": entries = Integer.parseInt(args[++i]); break;
                case "--open-cost": openCost = args[++i]; break;
                case "--entries-per-partition": entriesPerPartition = args[++i]; break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("lam-spark-bench");
        try {
            Random random = new Random(19);
            Path folder = dir.resolve("pages");
            Files.createDirectories(folder);
            long bytes = 0;
            for (int i = 0; i < files; i++) {
                if (i % 1000 == 0) {
                    Files.createDirectories(folder.resolve(String.format("%03d", i / 1000)));
                }
                byte[] page = page(random, i);
                bytes += page.length;
                Files.write(folder.resolve(String.format("%03d/p%06d.xml", i / 1000, i)), page);
            }
            System.out.printf(Locale.ROOT, "folder: %,d ALTO pages, %,d bytes%n", files, bytes);
            Path zip = dir.resolve("pages.zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                for (int i = 0; i < entries; i++) {
                    z.putNextEntry(new ZipEntry(String.format("%03d/p%06d.xml", i / 1000, i)));
                    z.write(page(random, i));
                    z.closeEntry();
                }
            }
            System.out.printf(Locale.ROOT, "zip: %,d entries, %,d bytes%n", entries, Files.size(zip));
            // a warm-up of lam on this JVM (class loading, JIT), not measured: the first thousand pages
            lamConvert(folder.resolve("000"));
            for (Path input : new Path[] {folder, zip}) {
                String name = input == folder ? "folder" : "zip";
                Result convert = lamConvert(input);
                System.out.printf(Locale.ROOT, "%s lam convert (Lam.read, 1 thread): %s%n", name, convert);
                Result one = spark(input, folder.resolve("000"), 1, openCost, entriesPerPartition);
                System.out.printf(Locale.ROOT, "%s spark local[1]: %s%n", name, one);
                Result two = spark(input, folder.resolve("000"), 2, openCost, entriesPerPartition);
                System.out.printf(Locale.ROOT, "%s spark local[2]: %s%n", name, two);
                System.out.printf(Locale.ROOT, "%s ratios: local[2]/local[1] %.2f, local[1]/convert %.2f, local[2]/convert %.2f%n",
                        name, two.perSecond() / one.perSecond(), one.perSecond() / convert.perSecond(),
                        two.perSecond() / convert.perSecond());
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A figure: records, wall time, CPU time of the process (or thread), partitions. */
    record Result(long records, double seconds, double cpuSeconds, int partitions) {
        double perSecond() {
            return records / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d records in %.1f s wall (%,.0f rec/s), %.1f s CPU (%,.0f rec per CPU s)%s",
                    records, seconds, perSecond(), cpuSeconds, records / cpuSeconds,
                    partitions > 0 ? ", " + partitions + " partitions" : "");
        }
    }

    private static Result lamConvert(Path input) throws IOException {
        // the process's CPU time: lam's planning walks folders on a parallel stream
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        long n = 0;
        try (RecordWriter w = Lam.jsonLinesWriter(OutputStream.nullOutputStream());
                Stream<LamRecord> records = Lam.read(input, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build())) {
            for (java.util.Iterator<LamRecord> it = records.iterator(); it.hasNext(); n++) {
                w.write(it.next());
            }
        }
        return new Result(n, (System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, 0);
    }

    private static Result spark(Path input, Path warmUp, int cores, String openCost, String entriesPerPartition) {
        SparkSession spark = SparkSession.builder().appName("lam-spark-bench").master("local[" + cores + "]")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            // a warm-up on the first thousand pages (about 32 partitions): class loading and JIT, not
            // measured (a warm-up of one file a partition over the whole input ran every file as a task)
            spark.read().format("lam").load(warmUp.toString()).count();
            long cpu = os.getProcessCpuTime();
            long t = System.nanoTime();
            java.util.Map<String, String> options = new java.util.HashMap<>();
            if (openCost != null) {
                options.put("openCostInBytes", openCost);
            }
            if (entriesPerPartition != null) {
                options.put("entriesPerPartition", entriesPerPartition);
            }
            Dataset<Row> df = spark.read().format("lam").options(options).load(input.toString());
            long n = df.count();
            double seconds = (System.nanoTime() - t) / 1e9;
            return new Result(n, seconds, (os.getProcessCpuTime() - cpu) / 1e9, df.rdd().getNumPartitions());
        } finally {
            spark.stop();
        }
    }

    /** One small ALTO 4 page: a block of 4 to 7 lines of 4 to 8 words, with WC. */
    private static byte[] page(Random random, int n) {
        StringBuilder sb = new StringBuilder(1600);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">")
                .append("<Description><MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>p")
                .append(n).append(".jp2</fileName></sourceImageInformation></Description><Layout>")
                .append("<Page ID=\"P").append(n).append("\" PHYSICAL_IMG_NR=\"").append(n)
                .append("\" WIDTH=\"2400\" HEIGHT=\"3600\"><PrintSpace><TextBlock ID=\"B1\" HPOS=\"100\" VPOS=\"100\" WIDTH=\"2000\" HEIGHT=\"600\">");
        int lines = 4 + random.nextInt(4);
        for (int l = 0; l < lines; l++) {
            sb.append("<TextLine ID=\"L").append(l).append("\" HPOS=\"100\" VPOS=\"").append(100 + 80 * l)
                    .append("\" WIDTH=\"2000\" HEIGHT=\"60\">");
            int words = 4 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    sb.append("<SP/>");
                }
                sb.append("<String CONTENT=\"").append(WORDS[random.nextInt(WORDS.length)])
                        .append("\" HPOS=\"").append(100 + 200 * w).append("\" VPOS=\"").append(100 + 80 * l)
                        .append("\" WIDTH=\"180\" HEIGHT=\"60\" WC=\"0.").append(50 + random.nextInt(50)).append("\"/>");
            }
            sb.append("</TextLine>");
        }
        sb.append("</TextBlock></PrintSpace></Page></Layout></alto>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
