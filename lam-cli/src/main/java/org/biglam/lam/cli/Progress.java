package org.biglam.lam.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.biglam.lam.LamRecord;
import org.biglam.lam.RecordSource;

/**
 * A progress bar on standard error for long reads: records, bytes, rate, and where the inputs'
 * size is known (local files and folders) a bar, the share done and an ETA. It is drawn on one line,
 * redrawn at most five times a second by a daemon thread, and is off when standard error is not a
 * terminal, when {@code TERM=dumb}, or when asked to be quiet. It first shows after 0.4 seconds
 * (the system property {@code lam.progress.delay}, in milliseconds), so that short runs show none.
 *
 * <p>How a command uses it (convert and stats do this; export can do the same):
 *
 * <pre>{@code
 * try (Progress progress = Progress.start(inputs, quiet, recordsGoToStdout)) {
 *     PrintStream err = progress.err();           // lines printed here go above the bar
 *     ... Lam.open(inputs, options.onProblem(p -> err.println("lam: " + p))) ...
 *     for (LamRecord r : reader) {
 *         write(r);
 *         progress.record(r);                     // counts it; tracks bytes by its source
 *     }
 * }                                               // close() clears the bar
 * }</pre>
 *
 * <p>Bytes done are estimated from the records' sources: an input counts as read when records of
 * the next input come, and the byte offset of the last record counts within the current one
 * (not in compressed files, whose offsets count decompressed bytes, nor in archives). The
 * total is the size of the local files named (folders are walked); URLs, standard input and globs
 * give no total (then there is no bar and no ETA, only counts and rates).
 *
 * <p>{@link #record(LamRecord)} is meant to be called from one thread; drawing and {@link #err()}
 * are thread-safe.
 *
 * @since 0.1
 */
public final class Progress implements AutoCloseable {

    /** Redraw interval in milliseconds. */
    static final long TICK_MILLIS = 200;

    private final PrintStream out;
    private final boolean enabled;
    private final Map<String, Long> sizes;
    private final long total;
    private final long started = System.nanoTime();
    private final Object lock = new Object();
    private final PrintStream err;
    private final Thread ticker;

    private volatile long records;
    private volatile long bytesDone;
    private volatile long currentBytes;
    private String currentUri;
    private boolean shown;
    private int lastWidth;
    private volatile boolean closed;

    private Progress(PrintStream out, boolean enabled, List<String> inputs) {
        this.out = out;
        this.enabled = enabled;
        this.sizes = enabled ? new HashMap<>() : Map.of();
        long t = 0;
        if (enabled) {
            t = measure(inputs, sizes);
        }
        this.total = t;
        if (enabled) {
            this.err = new PrintStream(new AboveBar(), true, StandardCharsets.UTF_8);
            this.ticker = new Thread(this::tick, "lam-progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            this.err = out;
            this.ticker = null;
        }
    }

    /**
     * Starts a progress bar on standard error, if standard error is a terminal and not {@code quiet}.
     *
     * @param inputs the inputs as the command line names them (used for the total size)
     * @param quiet true to show nothing
     * @return the progress; close it when the read ends
     */
    public static Progress start(List<String> inputs, boolean quiet) {
        return new Progress(System.err, !quiet && stderrIsTerminal(), inputs);
    }

    /**
     * Starts a progress bar on standard error, as {@link #start(List, boolean)} does, but not when
     * records go to standard output and standard output is a terminal too (the bar would be drawn
     * over them).
     *
     * @param inputs the inputs as the command line names them (used for the total size)
     * @param quiet true to show nothing
     * @param recordsOnStdout whether the command writes its records to standard output as it reads
     * @return the progress; close it when the read ends
     */
    public static Progress start(List<String> inputs, boolean quiet, boolean recordsOnStdout) {
        return start(inputs, quiet || recordsOnStdout && isTerminal(1));
    }

    /**
     * Starts a progress bar on the given stream, drawn or not as asked (for tests).
     *
     * @param out where to draw
     * @param enabled whether to draw at all
     * @param inputs the inputs, for the total size
     * @return the progress
     */
    static Progress start(PrintStream out, boolean enabled, List<String> inputs) {
        return new Progress(out, enabled, inputs);
    }

    /** A progress that shows nothing. */
    public static Progress off() {
        return new Progress(System.err, false, List.of());
    }

    /** Whether the bar is drawn. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The stream to print messages (problems, summaries) on while the bar is shown: each write
     * first clears the bar, which is redrawn below at the next tick. Standard error itself when the
     * bar is off. Do not close it.
     */
    public PrintStream err() {
        return err;
    }

    /**
     * Counts a record and notes how far into its input it was.
     *
     * @param record the record just handled
     */
    public void record(LamRecord record) {
        records++;
        if (!enabled) {
            return;
        }
        RecordSource s = record.source().orElse(null);
        if (s == null) {
            return;
        }
        if (!s.uri().equals(currentUri)) {
            if (currentUri != null) {
                bytesDone += sizes.getOrDefault(currentUri, 0L);
            }
            currentUri = s.uri();
            currentBytes = 0;
        }
        long size = sizes.getOrDefault(s.uri(), -1L);
        if (s.entry().isEmpty() && size > 0 && s.offset().isPresent() && !compressed(s.uri())) {
            currentBytes = Math.min(size, s.offset().getAsLong());
        }
    }

    /** Offsets in a compressed file count decompressed bytes, which do not measure the file. */
    private static boolean compressed(String uri) {
        String u = uri.toLowerCase(Locale.ROOT);
        return u.endsWith(".gz") || u.endsWith(".bz2") || u.endsWith(".xz") || u.endsWith(".zst") || u.endsWith(".tgz");
    }

    /** Records counted so far. */
    public long records() {
        return records;
    }

    /** Stops drawing and clears the bar. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                clear();
                out.flush();
            }
        }
    }

    private void tick() {
        try {
            // Short runs show no bar at all.
            Thread.sleep(Long.getLong("lam.progress.delay", TICK_MILLIS * 2));
            while (!closed) {
                synchronized (lock) {
                    if (!closed) {
                        draw(line(width()));
                    }
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void draw(String line) {
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            sb.append(' ');
        }
        lastWidth = line.length();
        out.print(sb);
        out.flush();
        shown = true;
    }

    private void clear() {
        if (shown) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            shown = false;
            lastWidth = 0;
        }
    }

    /** The line to draw, at most {@code width} characters. */
    String line(int width) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long n = records;
        long done = Math.min(total > 0 ? total : Long.MAX_VALUE, bytesDone + currentBytes);
        String rate = String.format(Locale.ROOT, "%,.0f rec/s", n / seconds);
        StringBuilder sb = new StringBuilder("lam: ");
        if (total > 0) {
            double share = (double) done / total;
            sb.append(String.format(Locale.ROOT, "%,d rec  %s/%s ", n, bytes(done), bytes(total)));
            String tail = String.format(Locale.ROOT, " %3.0f%%  %s", share * 100, rate);
            if (done > 0 && done < total) {
                tail += "  ETA " + duration((long) ((total - done) / (done / seconds)));
            }
            int barWidth = width - sb.length() - tail.length() - 2;
            if (barWidth >= 5) {
                int filled = (int) Math.min(barWidth, Math.round(share * barWidth));
                sb.append('[').append("=".repeat(filled)).append(" ".repeat(barWidth - filled)).append(']');
            }
            sb.append(tail);
        } else {
            sb.append(String.format(Locale.ROOT, "%,d records  %s", n, rate));
            if (done > 0) {
                sb.append("  ").append(bytes(done));
            }
            sb.append("  ").append(duration((long) seconds));
        }
        return sb.length() > width ? sb.substring(0, width) : sb.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String units = "KMGTPE";
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %siB", v, units.charAt(u));
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    private static int width() {
        String cols = System.getenv("COLUMNS");
        if (cols != null) {
            try {
                int c = Integer.parseInt(cols.trim());
                if (c >= 20) {
                    return c - 1;
                }
            } catch (NumberFormatException e) {
                // default
            }
        }
        return 79;
    }

    /** The total size of the local files among the inputs; fills {@code sizes} by URI. */
    static long measure(List<String> inputs, Map<String, Long> sizes) {
        long total = 0;
        for (String input : inputs) {
            if (input.equals("-") || input.startsWith("http://") || input.startsWith("https://")
                    || input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('[') >= 0
                    || input.indexOf('{') >= 0) {
                continue;
            }
            try {
                Path p = input.startsWith("file:") ? Path.of(URI.create(input)) : Path.of(input);
                p = p.toAbsolutePath().normalize();
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                            long size = Files.size(f);
                            sizes.put(f.toUri().toString(), size);
                            total += size;
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    sizes.put(p.toUri().toString(), size);
                    total += size;
                }
            } catch (IOException | RuntimeException e) {
                // no size for this input; the bar shows what it can
            }
        }
        return total;
    }

    /**
     * Whether standard error is a terminal: on Linux, whether file descriptor 2 is a tty device;
     * elsewhere, whether the JVM has a console (standard input and output are terminals), the test
     * Java offers. {@code TERM=dumb} counts as no terminal.
     */
    static boolean stderrIsTerminal() {
        return !"dumb".equals(System.getenv("TERM")) && isTerminal(2);
    }

    /** Whether a file descriptor (1 or 2) is a terminal, as far as Java can tell. */
    static boolean isTerminal(int fd) {
        try {
            if (Files.isDirectory(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall back below
        }
        return System.console() != null;
    }

    /** Writes above the bar: clears it first; the ticker redraws it. */
    private final class AboveBar extends OutputStream {
        @Override
        public void write(int b) {
            synchronized (lock) {
                clear();
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (lock) {
                clear();
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            out.flush();
        }
    }
}
