package org.biglam.lam.alto.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what an XML parser may read between two of the events it reports: the parser loop calls
 * {@link #event()} after every event, and a read that would take the parser more than
 * {@code maxBytes} past the last event fails. So no single token (a start tag with its attributes,
 * a comment, a run of text) can make the parser buffer or scan without end before lam sees it.
 * Aalto, which lam-alto reads ALTO with, has no token limits of its own.
 */
final class TokenGuard extends FilterInputStream {

    /** The failure a tripped guard raises; the parser wraps it, so the loop asks {@link #tripped()}. */
    static final class TokenTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TokenTooLong(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private long read;
    private long atEvent;
    private boolean tripped;

    TokenGuard(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /** Marks an event: the bytes read so far belong to tokens the loop has seen. */
    void event() {
        atEvent = read;
    }

    /** Whether a read was refused. */
    boolean tripped() {
        return tripped;
    }

    /** The limit, for messages. */
    long maxBytes() {
        return maxBytes;
    }

    private void check() throws TokenTooLong {
        if (read - atEvent > maxBytes) {
            tripped = true;
            throw new TokenTooLong("an XML token (tag, comment or text run) longer than " + maxBytes + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        long s = super.skip(n);
        read += Math.max(0, s);
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
