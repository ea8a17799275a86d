package org.biglam.lam.iiif.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.biglam.lam.ReadLimits;

/**
 * A document's bytes read ahead for {@link FastJson}, and, where the fast path is not taken, a
 * stream that hands Jackson those very bytes again, read by read, in the chunks the input gave
 * them (reads of Jackson's own 8,000 bytes), then the rest of the input, then any failure the
 * input met on the way: Jackson sees what it would have seen reading the input itself.
 *
 * <p>Reading ahead stops early, leaving the document to Jackson, so that hostile input costs no
 * more than it did: past {@value #AHEAD} bytes (or {@code maxRecordBytes}, if less), and, from
 * {@value #SCAN_FROM} bytes on, as soon as a rough scan of the bytes finds nesting or a string
 * reaching the limits. Jackson then refuses it at the limit, having been read barely further than
 * it reads by itself. The buffer is kept per thread for the next document (up to 256 KB).
 */
final class Prefetch {

    /** The size of Jackson's input buffer, and so of each read it makes. */
    static final int CHUNK = 8000;
    /** The longest document read ahead for the fast path; longer ones are Jackson's. */
    static final int AHEAD = 1 << 20;
    /** From this many bytes on, the bytes read ahead are scanned for nesting and string lengths. */
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

    /** The rough scan: how far it has gone, and where it is. */
    private int scanned;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private int run;

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
                if (n == 0 || len > most
                        || len >= SCAN_FROM && !p.clear(buf, len, limits.maxNestingDepth(), limits.maxStringLength())) {
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

    /**
     * Whether the bytes up to {@code len} stay clear of the nesting and string limits, by a rough
     * scan (brackets outside strings, string lengths in bytes) that goes on from where it was.
     */
    private boolean clear(byte[] b, int len, int maxDepth, int maxString) {
        for (int i = scanned; i < len; i++) {
            byte c = b[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    continue;
                }
                if (++run >= maxString) {
                    return false;
                }
            } else if (c == '"') {
                inString = true;
                run = 0;
            } else if (c == '[' || c == '{') {
                if (++depth >= maxDepth) {
                    return false;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        scanned = len;
        return true;
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
