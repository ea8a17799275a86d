package org.biglam.lam.iiif.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A document's bytes read ahead, up to a limit, for {@link FastJson}; and, where the fast path
 * gives up, a stream that hands Jackson those very bytes again, read by read, in the chunks the
 * input gave them (reads of Jackson's own 8,000 bytes), then the rest of the input, then any
 * failure the input met on the way: Jackson sees what it would have seen reading the input
 * itself. The buffer is kept per thread for the next document (up to 256 KB).
 */
final class Prefetch {

    /** The size of Jackson's input buffer, and so of each read it makes. */
    static final int CHUNK = 8000;

    private static final int KEEP = 1 << 18;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[4 * CHUNK]);

    private byte[] bytes;
    private int length;
    private int[] chunks = new int[8];
    private int count;
    /** Whether the input ended within the limit (and without a failure). */
    private boolean whole;
    private IOException failure;

    private Prefetch() {
    }

    /**
     * Reads the input until it ends, fails, gives nothing (a read of 0 bytes, which Jackson
     * refuses), or has given more than {@code max} bytes.
     */
    static Prefetch read(InputStream in, int max) {
        Prefetch p = new Prefetch();
        byte[] buf = BUFFERS.get();
        int len = 0;
        try {
            while (true) {
                if (buf.length - len < CHUNK + 1) {
                    // doubling, but never past what the limit can need: max bytes, a read more, a stop byte
                    long most = Math.min((long) max + CHUNK + 1, Integer.MAX_VALUE - 8);
                    buf = Arrays.copyOf(buf, (int) Math.max(len + CHUNK + 1, Math.min(2L * buf.length, most)));
                }
                int n = in.read(buf, len, CHUNK);
                if (n < 0) {
                    p.whole = true;
                    break;
                }
                p.chunk(n);
                len += n;
                if (n == 0 || len > max) {
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
