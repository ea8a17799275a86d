package org.biglam.lam.fuzz;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * Bytes made on demand, never held whole: a head, then {@code count} pieces made by a function of
 * their index (or without end), then a tail. Lets a test feed a gigabyte string or a million tar
 * entries through lam with a heap of a few megabytes.
 */
final class GeneratedInputStream extends InputStream {

    private final byte[] head;
    private final LongFunction<byte[]> piece;
    private final long count;
    private final byte[] tail;
    private byte[] current;
    private int pos;
    private long next;
    private int stage;
    private long produced;

    private GeneratedInputStream(byte[] head, LongFunction<byte[]> piece, long count, byte[] tail) {
        this.head = head;
        this.piece = piece;
        this.count = count;
        this.tail = tail;
        this.current = head;
    }

    /** Head, then {@code count} pieces, then tail; {@code count} {@link Long#MAX_VALUE} never ends. */
    static GeneratedInputStream of(byte[] head, LongFunction<byte[]> piece, long count, byte[] tail) {
        return new GeneratedInputStream(head, piece, count, tail);
    }

    /** Text head, {@code count} copies of one text piece, text tail. */
    static GeneratedInputStream repeat(String head, String piece, long count, String tail) {
        byte[] p = piece.getBytes(StandardCharsets.UTF_8);
        return of(head.getBytes(StandardCharsets.UTF_8), i -> p, count, tail.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes handed out so far: how far the reader got before it stopped. */
    long produced() {
        return produced;
    }

    private boolean advance() {
        while (current == null || pos >= current.length) {
            pos = 0;
            if (stage == 0) {
                stage = 1;
            }
            if (stage == 1) {
                if (next < count) {
                    current = piece.apply(next++);
                    continue;
                }
                stage = 2;
                current = tail;
                continue;
            }
            return false;
        }
        return true;
    }

    @Override
    public int read() {
        if (!advance()) {
            return -1;
        }
        produced++;
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        produced += n;
        return n;
    }
}
