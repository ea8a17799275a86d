package org.biglam.lam.iiif.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.biglam.lam.ReadLimits;

/**
 * A document's bytes read ahead for {@link FastJson}, and, where the fast path is not taken, a
 * stream that hands Jackson those very bytes again, read by read, in the chunks the input gave
 * them (reads of Jackson's own 8,000 bytes), then the rest of the input, then any failure the
 * input met on the way: Jackson sees what it would have seen reading the input itself.
 *
 * <p>Reading ahead stops early, leaving the document to Jackson, so that hostile input costs no
 * more than it did: past {@value #AHEAD} bytes (or {@code maxRecordBytes}, if less; a longer
 * string is Jackson's too), and, from {@value #SCAN_FROM} bytes on, as soon as a rough count of
 * brackets (a word at a time, strings not told apart) finds nesting reaching the limit. Jackson
 * then refuses the document at the limit, having been read barely further than it reads by
 * itself. The buffer is kept per thread for the next document (up to 256 KB).
 */
final class Prefetch {

    /** The size of Jackson's input buffer, and so of each read it makes. */
    static final int CHUNK = 8000;
    /** The longest document read ahead for the fast path; longer ones are Jackson's. */
    static final int AHEAD = 1 << 20;
    /** From this many bytes on, the brackets read ahead are counted. */
    static final int SCAN_FROM = 1 << 15;

    private static final int KEEP = 1 << 18;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[4 * CHUNK]);

    private byte[] bytes;
    private int length;
    private int[] chunks = new int[8];
    private int count;
    /** Whether the input ended within the limits (and without a failure). */
    private boolean whole;
    private IOException failure;

    /** The bracket count: how far it has gone, and the opening less the closing brackets so far. */
    private int scanned;
    private long depth;

    private Prefetch() {
    }

    /**
     * Reads the input until it ends; or stops early (see above), or where it fails or gives
     * nothing (a read of 0 bytes, which Jackson refuses).
     */
    static Prefetch read(InputStream in, ReadLimits limits) {
        Prefetch p = new Prefetch();
        int most = Math.min(limits.maxRecordBytes(), AHEAD);
        byte[] buf = BUFFERS.get();
        int len = 0;
        try {
            while (true) {
                if (buf.length - len < CHUNK + 1) {
                    // doubling, but never past what can be needed: the most, a read more, a stop byte
                    buf = Arrays.copyOf(buf, Math.max(len + CHUNK + 1, Math.min(2 * buf.length, most + CHUNK + 1)));
                }
                int n = in.read(buf, len, CHUNK);
                if (n < 0) {
                    p.whole = true;
                    break;
                }
                p.chunk(n);
                len += n;
                if (n == 0 || len > most || len >= SCAN_FROM && !p.shallow(buf, len, limits.maxNestingDepth())) {
                    break;
                }
            }
        } catch (IOException e) {
            p.failure = e;
        }
        if (buf.length <= KEEP) {
            BUFFERS.set(buf);
        }
        p.bytes = buf;
        p.length = len;
        return p;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** Or'ed into a word, maps {@code [} to <code>{</code> and {@code ]} to <code>}</code> (and no other byte to them). */
    private static final long CASE = 0x2020202020202020L;
    private static final long OPEN = 0x7B7B7B7B7B7B7B7BL;
    private static final long CLOSE = 0x7D7D7D7D7D7D7D7DL;

    /**
     * Whether the nesting stays below {@code maxDepth} by a count of the brackets up to
     * {@code len} (whole words; the count goes on from where it was). Brackets in strings count
     * too: a document full of them is merely left to Jackson.
     */
    private boolean shallow(byte[] b, int len, int maxDepth) {
        int i = scanned;
        for (; i + 8 <= len; i += 8) {
            long w = (long) LONGS.get(b, i) | CASE;
            depth += Long.bitCount(zeros(w ^ OPEN)) - Long.bitCount(zeros(w ^ CLOSE));
        }
        scanned = i;
        return depth < maxDepth;
    }

    /** The high bit of each byte of {@code x} that is zero, and no other bit. */
    private static long zeros(long x) {
        return ~((x & LOW7) + LOW7 | x | LOW7);
    }

    private void chunk(int n) {
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, count * 2);
        }
        chunks[count++] = n;
    }

    /** Whether the whole input is here: it ended within the limit. */
    boolean whole() {
        return whole;
    }

    /** The buffer: the input's bytes, then room for at least one more. */
    byte[] bytes() {
        return bytes;
    }

    /** How many bytes were read. */
    int length() {
        return length;
    }

    /** The input again, from its start: the bytes read, chunk by chunk, then {@code rest}. */
    InputStream replay(InputStream rest) {
        return new InputStream() {
            private int chunk;
            private int inChunk;
            private int offset;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (chunk < count) {
                    if (len == 0) {
                        return 0;
                    }
                    int k = Math.min(chunks[chunk] - inChunk, len);
                    System.arraycopy(bytes, offset, b, off, k);
                    offset += k;
                    inChunk += k;
                    if (inChunk == chunks[chunk]) {
                        chunk++;
                        inChunk = 0;
                    }
                    return k;
                }
                if (failure != null) {
                    IOException f = failure;
                    failure = null;
                    throw f;
                }
                return rest.read(b, off, len);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n;
                do {
                    n = read(one, 0, 1);
                } while (n == 0);
                return n < 0 ? -1 : one[0] & 0xFF;
            }
        };
    }
}
