package org.biglam.lam.bench.xml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.AaltoXml;

/**
 * The floor under an XML reader: what Aalto costs over the same files before any mapping, in four
 * passes, so that a reader's ratio to the raw event pass can be read against what any reader of
 * those files must pay. The raw pass that the benchmarks' targets are set against calls only
 * {@code next()}, and Aalto then skips text no one asks for; a reader must ask for it.
 *
 * <ol>
 * <li>Aalto, {@code next()} only (the benchmarks' raw pass);</li>
 * <li>Aalto, with a string made of every text and every attribute value;</li>
 * <li>lam-core's guarded Aalto ({@link AaltoXml#factory}, lam's limits), {@code next()} only;</li>
 * <li>the guarded Aalto with every text and attribute value, the least any lam reader does.</li>
 * </ol>
 *
 * Times are the reading thread's CPU time, best of the rounds.
 */
public final class ParseFloor {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {
        "raw aalto, next() only", "raw aalto, every text and attribute value as a string",
        "lam's guarded aalto, next() only", "lam's guarded aalto, every text and attribute value",
    };

    private final long[] best = new long[NAMES.length];

    private ParseFloor() {
        Arrays.fill(best, Long.MAX_VALUE);
    }

    /**
     * Runs the four passes over the files, {@code rounds} times each, in turns.
     *
     * @param files the files, each one XML document
     * @param rounds how many times each pass runs
     * @return the best time of each pass
     * @throws IOException if a file cannot be read
     * @throws XMLStreamException if a file is not well-formed
     */
    public static ParseFloor measure(List<Path> files, int rounds) throws IOException, XMLStreamException {
        XMLInputFactory raw = new com.fasterxml.aalto.stax.InputFactoryImpl();
        raw.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        raw.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLInputFactory guarded = AaltoXml.factory(ReadLimits.defaults());
        ParseFloor f = new ParseFloor();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < NAMES.length; k++) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                pass(k < 2 ? raw : guarded, files, k % 2 == 1);
                f.best[k] = Math.min(f.best[k], THREADS.getCurrentThreadCpuTime() - cpu0);
            }
        }
        return f;
    }

    /**
     * Prints each pass beside a reader's time over the same files: microseconds a record and the
     * reader's ratio to each pass.
     *
     * @param records how many records the reader made
     * @param readerCpuNanos the reader's best time
     */
    public void print(long records, long readerCpuNanos) {
        System.out.println("the floor (CPU time of the reading thread, best of the rounds):");
        for (int k = 0; k < NAMES.length; k++) {
            System.out.printf(Locale.ROOT, "  %-55s %6.2f us a record; lam's ratio to it %.2f%n", NAMES[k],
                    best[k] / 1e3 / records, best[k] / (double) readerCpuNanos);
        }
        System.out.printf(Locale.ROOT, "  %-55s %6.2f us a record%n", "lam", readerCpuNanos / 1e3 / records);
    }

    private static void pass(XMLInputFactory f, List<Path> files, boolean values)
            throws IOException, XMLStreamException {
        long sink = 0;
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    int e = r.next();
                    if (!values) {
                        continue;
                    }
                    if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                            || e == XMLStreamConstants.SPACE) {
                        sink += r.getText().length();
                    } else if (e == XMLStreamConstants.START_ELEMENT) {
                        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                            sink += r.getAttributeValue(i).length();
                        }
                    }
                }
                r.close();
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
    }
}
