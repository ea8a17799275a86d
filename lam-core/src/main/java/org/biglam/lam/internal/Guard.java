package org.biglam.lam.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.biglam.lam.LamIOException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;

/**
 * Streams that count and bound bytes: the decompressed size of an input, and its ratio to the
 * compressed bytes it came from (so a zip bomb is refused after about a megabyte, not expanded).
 * When a limit trips, the exception is also kept in a {@link Tripwire}, so that it is reported as
 * it is even where a parser wraps it.
 */
final class Guard {

    private Guard() {
    }

    /** What an end of stream met before the data's end says: the data was cut short. */
    static final String CUT_SHORT = "the data ends before it should (cut short?)";

    /** Holds the first limit exception of a read. */
    static final class Tripwire {
        private volatile LamLimitExceededException tripped;

        LamLimitExceededException tripped() {
            return tripped;
        }

        void clear() {
            tripped = null;
        }

        LamLimitExceededException trip(LamLimitExceededException e) {
            if (tripped == null) {
                tripped = e;
            }
            return e;
        }
    }

    /**
     * A decompressor's output, whose read failures (data corrupt or cut short) are placed: at the
     * compressed byte the decompressor had read to, in the compressed input. The failure is thrown as
     * an {@link IOException} whose cause is that {@link LamIOException}, so that a reader that lets
     * it through or wraps it reports the place ({@link Engine#toLam} looks among the causes).
     */
    static final class Decompressed extends FilterInputStream {
        private final String kind;
        private final LongSupplier compressed;
        private final Location where;

        /**
         * @param in the decompressor
         * @param kind the compression, for messages ({@code gzip})
         * @param compressed the compressed bytes it has read so far
         * @param where the compressed input
         */
        Decompressed(InputStream in, String kind, LongSupplier compressed, Location where) {
            super(in);
            this.kind = kind;
            this.compressed = compressed;
            this.where = where;
        }

        private IOException placed(IOException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof org.biglam.lam.LamException) {
                    return e; // placed already
                }
            }
            IOException why = e instanceof java.io.EOFException && e.getMessage() == null
                    ? new java.io.EOFException(CUT_SHORT) : e;
            LamIOException placed = new LamIOException("cannot read the " + kind + " data",
                    where.withOffset(compressed.getAsLong()), why);
            return new IOException(placed.getMessage(), placed);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw placed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw placed(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw placed(e);
            }
        }
    }

    /** Counts the bytes read through it. */
    static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            if (s > 0) {
                count += s;
            }
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Bounds the bytes read through it, and their ratio to a compressed count. */
    static final class Limited extends FilterInputStream {
        private final long max;
        private final double maxRatio;
        private final LongSupplier compressed;
        private final Location where;
        private final Tripwire tripwire;
        private long produced;
        private boolean tripped;

        /**
         * @param compressed the compressed bytes consumed so far, or null for no ratio check
         */
        Limited(InputStream in, ReadLimits limits, LongSupplier compressed, Location where, Tripwire tripwire) {
            super(in);
            this.max = limits.maxInputBytes();
            this.maxRatio = limits.maxCompressionRatio();
            this.compressed = compressed;
            this.where = where;
            this.tripwire = tripwire;
        }

        /** Whether a limit of this stream was exceeded. */
        boolean tripped() {
            return tripped;
        }

        /** Where the read stands: the compressed bytes consumed, or for plain data the bytes read. */
        private Location here() {
            return where.withOffset(compressed != null ? compressed.getAsLong() : produced);
        }

        private void check() {
            if (produced > max) {
                tripped = true;
                throw tripwire.trip(new LamLimitExceededException("input is larger than maxInputBytes ("
                        + max + " bytes); raise ReadLimits.maxInputBytes to read it", here()));
            }
            if (compressed != null && produced > ReadLimits.RATIO_CHECK_AFTER_BYTES) {
                long c = Math.max(1, compressed.getAsLong());
                if (produced > maxRatio * c) {
                    tripped = true;
                    throw tripwire.trip(new LamLimitExceededException(String.format(java.util.Locale.ROOT,
                            "compression ratio above maxCompressionRatio (%d bytes out of %d: more than %.0f to 1);"
                                    + " refused as a possible zip bomb; raise ReadLimits.maxCompressionRatio to read it",
                            produced, c, maxRatio), here()));
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                produced++;
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                produced += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read rather than skip so that the bytes are counted
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Hides {@code close()} from a reader, so it cannot close an archive's shared stream. */
    static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // lam owns the stream
        }
    }
}
