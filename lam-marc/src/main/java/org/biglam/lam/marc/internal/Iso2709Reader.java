package org.biglam.lam.marc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.marc4j.marc.Record;

/**
 * Reads ISO 2709 (MARC 21 "transmission format") records from a stream, one at a time, in
 * constant memory. Each record is framed by its leader's length when that length ends on a record
 * terminator, else by the next record terminator (0x1D) or the next leader, whichever comes first;
 * so a lying length, a missing terminator or a truncated record never costs the records after it.
 */
public final class Iso2709Reader implements FormatReader {

    private static final int INITIAL = 1 << 16;

    private final InputStream in;
    private final ReadContext ctx;
    private final String format;
    private final MarcRecords records;
    private final Iso2709Decoder decoder;
    private final int maxRecord;

    private byte[] buf = new byte[INITIAL];
    private int pos;
    private int lim;
    private long bufBase;
    private boolean eof;
    private long index;

    /** Whether reading has begun (a byte order mark is looked for before the first record only). */
    private boolean started;

    /**
     * Creates a reader.
     *
     * @param in the bytes; not closed by this reader
     * @param ctx the context
     * @param format the format id records carry
     * @param options the MARC options
     */
    public Iso2709Reader(InputStream in, ReadContext ctx, String format, MarcOptions options) {
        this.in = in;
        this.ctx = ctx;
        this.format = format;
        this.records = new MarcRecords(ctx, format, options);
        this.decoder = new Iso2709Decoder(options.encoding(), options.flavour());
        this.maxRecord = ctx.limits().maxRecordBytes();
    }

    @Override
    public LamRecord next() throws IOException {
        if (!started) {
            started = true;
            // a byte order mark some exports put before the first record
            if (fill(3) >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB
                    && (buf[pos + 2] & 0xff) == 0xBF) {
                pos += 3;
            }
        }
        while (true) {
            skipFiller();
            if (fill(1) == 0) {
                return null;
            }
            long start = bufBase + pos;
            long idx = index;
            int avail = fill(24);
            if (avail < 24) {
                index++;
                pos = lim;
                ctx.problem(new LamFormatException("truncated record: only " + avail
                        + " bytes left at the end of the input, less than a leader", at(idx, start, null)));
                continue;
            }
            if (Iso2709Decoder.digits(buf, pos, 5) < 0) {
                index++;
                int t = find(0, Iso2709Decoder.RT);
                int skip = t >= 0 ? t + 1 : lim - pos;
                if (t == -2) {
                    skip = discardToTerminator();
                } else {
                    pos += skip;
                }
                ctx.problem(new LamFormatException("no record leader (five digits of record length) here; skipped "
                        + skip + " bytes to the next record terminator", at(idx, start, null)));
                continue;
            }
            int declared = Iso2709Decoder.digits(buf, pos, 5);
            int frame;
            boolean terminated;
            if (declared >= 25 && declared <= maxRecord && fill(declared) >= declared
                    && buf[pos + declared - 1] == Iso2709Decoder.RT) {
                frame = declared;
                terminated = true;
            } else {
                int t = find(24, Iso2709Decoder.RT);
                if (t == -2) {
                    index++;
                    long skipped = discardToTerminator();
                    ctx.problem(new LamLimitExceededException("record longer than maxRecordBytes (" + maxRecord
                            + "): no record terminator within it; skipped " + skipped + " bytes",
                            at(idx, start, null)));
                    continue;
                }
                int end = t >= 0 ? t : lim - pos;
                terminated = t >= 0;
                int next = findLeader(24, end);
                if (next > 0) {
                    end = next;
                    terminated = false;
                    frame = next;
                } else {
                    frame = terminated ? end + 1 : end;
                }
                if (terminated && declared != frame) {
                    ctx.warn("length", "leader gives the record length " + declared + ", the record is " + frame
                            + " bytes", at(idx, start, null));
                }
            }
            index++;
            Record rec;
            try {
                rec = decoder.decode(buf, pos, frame, terminated);
            } catch (Iso2709Decoder.BadRecordException e) {
                pos += frame;
                String m = e.getMessage();
                if (!terminated && declared > frame) {
                    m = "record cut short: the leader gives " + declared + " bytes, " + frame + " come before the "
                            + (lim - pos == 0 && eof ? "end of the input" : "next record") + " (" + m + ")";
                }
                ctx.problem(new LamFormatException(m, at(idx, start, e.recordId())));
                continue;
            } catch (RuntimeException e) {
                pos += frame;
                ctx.problem(new LamFormatException("unreadable record: " + e, at(idx, start, null), e));
                continue;
            }
            pos += decoder.split() > 0 ? decoder.split() : frame;
            if (!decoder.warnings().isEmpty()) {
                Location loc = at(idx, start, rec.getControlNumber());
                for (String w : decoder.warnings()) {
                    ctx.warn(w.contains("UTF-8") || w.contains("MARC-8") || w.contains("ISO 5426")
                            || w.contains("ISO 6937") ? "encoding" : "damaged", w, loc);
                }
            }
            return records.toLamRecord(rec, idx, start, -1, decoder.unimarc());
        }
    }

    private Location at(long idx, long offset, String id) {
        Location l = ctx.location().withIndex(idx).withOffset(offset);
        return id == null ? l : l.withRecordId(id);
    }

    /** Skips bytes that sit between records in real files: newlines, blanks, NULs, ^Z, stray terminators. */
    private void skipFiller() throws IOException {
        while (true) {
            while (pos < lim) {
                byte x = buf[pos];
                if (x == '\n' || x == '\r' || x == ' ' || x == 0 || x == 0x1A || x == Iso2709Decoder.RT
                        || x == Iso2709Decoder.FT || x == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
            if (fill(1) == 0) {
                return;
            }
        }
    }

    /**
     * Makes at least {@code need} bytes available from pos, if the input has them.
     *
     * @return the bytes available from pos
     */
    private int fill(int need) throws IOException {
        if (lim - pos >= need || eof) {
            return lim - pos;
        }
        if (pos + need > buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                bufBase += pos;
                lim -= pos;
                pos = 0;
            }
            if (need > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(need, Math.min(buf.length * 2, maxRecord + 1)));
            }
        }
        while (lim - pos < need) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                break;
            }
            lim += r;
        }
        return lim - pos;
    }

    /**
     * Finds a byte at or after pos + from.
     *
     * @return its position relative to pos; -1 if the input ends first; -2 if not within maxRecordBytes
     */
    private int find(int from, byte x) throws IOException {
        int i = from;
        while (true) {
            int end = lim - pos;
            while (i < end) {
                if (buf[pos + i] == x) {
                    return i;
                }
                i++;
                if (i > maxRecord) {
                    return -2;
                }
            }
            if (eof) {
                return -1;
            }
            int want = Math.min(Math.max(end * 2, end + 8192), maxRecord + 1);
            if (fill(Math.max(want, end + 1)) <= end) {
                return -1;
            }
        }
    }

    /** Discards bytes up to and including the next record terminator; returns how many. */
    private int discardToTerminator() throws IOException {
        int skipped = 0;
        while (true) {
            while (pos < lim) {
                skipped++;
                if (buf[pos++] == Iso2709Decoder.RT) {
                    return skipped;
                }
            }
            if (eof) {
                return skipped;
            }
            bufBase += lim;
            pos = 0;
            lim = 0;
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                return skipped;
            }
            lim = r;
        }
    }

    /**
     * Finds the start of a leader inside a frame: a record cut short and followed by the next one.
     *
     * @return its position relative to pos, or -1
     */
    private int findLeader(int from, int end) {
        for (int p = from; p + 24 <= end; p++) {
            int a = pos + p;
            if (buf[a + 20] == '4' && buf[a + 21] == '5' && buf[a + 22] == '0'
                    && (buf[a + 23] == '0' || buf[a + 23] == ' ')
                    && buf[a + 10] == '2' && buf[a + 11] == '2' && Iso2709Decoder.digits(buf, a, 5) >= 0
                    && Iso2709Decoder.digits(buf, a + 12, 5) >= 0
                    && (p == 0 || !isDigit(buf[a - 1]) || isLetter(buf[a + 5]) && isLetter(buf[a + 6]))) {
                // a digit before it is allowed when status and type are letters: a record cut short
                // in the middle of a number runs straight into the next leader
                return p;
            }
        }
        return -1;
    }

    private static boolean isLetter(byte x) {
        return x >= 'a' && x <= 'z';
    }

    private static boolean isDigit(byte x) {
        return x >= '0' && x <= '9';
    }
}
