package org.biglam.lam.marc.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.Unicode;
import org.marc4j.converter.CharConverter;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.converter.impl.Iso5426ToUnicode;
import org.marc4j.converter.impl.Iso6937ToUnicode;
import org.marc4j.marc.Record;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * Decodes the bytes of one ISO 2709 record into a marc4j {@link Record}, deciding per record
 * (and, for records that mix them, per subfield) whether the bytes are MARC-8 or UTF-8, and
 * recovering from bad lengths, offsets and terminators where the data allows. Not thread-safe:
 * one decoder per reader.
 */
public final class Iso2709Decoder {

    /** Record terminator. */
    public static final byte RT = 0x1D;
    /** Field terminator. */
    public static final byte FT = 0x1E;
    /** Subfield delimiter. */
    public static final byte SD = 0x1F;
    private static final byte ESC = 0x1B;

    private static final int ASCII = 0;
    private static final int UTF8 = 1;
    private static final int MARC8 = 2;
    private static final int MIXED = 3;
    private static final int CHARSET = 4;
    private static final int UTF8_DAMAGED = 5;
    private static final int ISO5426 = 6;
    private static final int ISO6937 = 7;

    private static final String[] TAGS = new String[1000];

    static {
        for (int i = 0; i < 1000; i++) {
            TAGS[i] = String.format("%03d", i);
        }
    }

    /** A record that cannot be recovered. */
    public static final class BadRecordException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String recordId;

        BadRecordException(String message, String recordId) {
            super(message);
            this.recordId = recordId;
        }

        /** The record's 001, where it could be read, else null. */
        public String recordId() {
            return recordId;
        }
    }

    /** A marc4j record filled without re-checking each tag (the decoder has sorted control from data). */
    static final class FastRecord extends RecordImpl {
        private static final long serialVersionUID = 1L;

        void control(org.marc4j.marc.ControlField f) {
            if (f.getTag().equals("001")) {
                // as RecordImpl keeps it: the control number first, once
                if (!controlFields.isEmpty() && controlFields.get(0).getTag().equals("001")) {
                    controlFields.set(0, f);
                } else {
                    controlFields.add(0, f);
                }
            } else {
                controlFields.add(f);
            }
        }

        void data(org.marc4j.marc.DataField f) {
            dataFields.add(f);
        }
    }

    private final int forced;
    private final Charset charset;
    private final int flavour;
    private AnselToUnicode ansel;
    private CharConverter iso5426;
    private CharConverter iso6937;
    /** How the bytes of this record that are not UTF-8 are read: MARC8, ISO5426 or ISO6937. */
    private int legacy = MARC8;
    private boolean unimarc;
    private boolean badCodes;
    private final List<String> converterErrors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private int split;
    private int[] fieldStart = new int[64];
    private int[] fieldEnd = new int[64];
    private String[] fieldTag = new String[64];

    /**
     * Creates a decoder.
     *
     * @param encoding the encoding option of {@link MarcOptions#encoding()}
     */
    public Iso2709Decoder(String encoding) {
        this(encoding, MarcOptions.FLAVOUR_AUTO);
    }

    /**
     * Creates a decoder.
     *
     * @param encoding the encoding option of {@link MarcOptions#encoding()}
     * @param flavour the flavour option of {@link MarcOptions#flavour()}
     */
    public Iso2709Decoder(String encoding, String flavour) {
        this.flavour = Flavours.of(flavour);
        switch (encoding) {
            case MarcOptions.ENCODING_AUTO:
                forced = -1;
                charset = null;
                break;
            case MarcOptions.ENCODING_UTF8:
                forced = UTF8;
                charset = null;
                break;
            case MarcOptions.ENCODING_MARC8:
                forced = MARC8;
                charset = null;
                break;
            case MarcOptions.ENCODING_ISO5426:
                forced = ISO5426;
                charset = null;
                break;
            case MarcOptions.ENCODING_ISO6937:
                forced = ISO6937;
                charset = null;
                break;
            default:
                forced = CHARSET;
                charset = Charset.forName(encoding);
        }
    }

    /**
     * Where the last record really ended, relative to its start, when a leader's length covered
     * more than one record; 0 otherwise.
     */
    public int split() {
        return split;
    }

    /** Whether the last record decoded is UNIMARC (by the flavour option, else by its content). */
    public boolean unimarc() {
        return unimarc;
    }

    /** The warnings of the last {@link #decode} call (recovered damage, encoding guesses). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Decodes one record.
     *
     * @param b the buffer
     * @param s where the record starts (its leader)
     * @param len the record's length, with its record terminator if {@code terminated}
     * @param terminated whether the record ends with a record terminator
     * @return the record, with Unicode (NFC) data and leader/09 set to {@code a}
     * @throws BadRecordException if the record cannot be recovered
     */
    public Record decode(byte[] b, int s, int len, boolean terminated) throws BadRecordException {
        warnings.clear();
        int e = s + len - (terminated ? 1 : 0);
        if (!terminated) {
            warnings.add("the record has no record terminator (0x1D)");
        }
        if (len < 25) {
            throw new BadRecordException("record of " + len + " bytes is shorter than a leader and directory", null);
        }
        int baseAddr = digits(b, s + 12, 5);
        int dirEnd;
        if (baseAddr >= 25 && s + baseAddr <= e && b[s + baseAddr - 1] == FT && (baseAddr - 25) % 12 == 0) {
            dirEnd = s + baseAddr - 1;
        } else {
            dirEnd = indexOf(b, FT, s + 24, e);
            if (dirEnd < 0) {
                throw new BadRecordException("no directory: no field terminator after the leader", null);
            }
            warnings.add("leader base address of data " + (baseAddr < 0 ? "is not a number" : "is " + baseAddr)
                    + "; the directory ends at " + (dirEnd - s + 1));
        }
        int dataStart = dirEnd + 1;
        int dirLen = dirEnd - s - 24;
        int n = dirLen / 12;
        boolean dirOk = dirLen % 12 == 0;
        if (!dirOk) {
            warnings.add("directory length " + dirLen + " is not a multiple of 12");
        }
        ensure(n);
        boolean allValid = dirOk;
        for (int i = 0; i < n; i++) {
            int d = s + 24 + 12 * i;
            fieldTag[i] = tag(b, d);
            int flen = digits(b, d + 3, 4);
            int foff = digits(b, d + 7, 5);
            int fs = dataStart + foff;
            int fe = fs + flen;
            fieldStart[i] = fs;
            fieldEnd[i] = fe;
            if (flen <= 0 || foff < 0 || fe > e || b[fe - 1] != FT) {
                allValid = false;
            }
        }
        split = 0;
        if (allValid && terminated) {
            int maxEnd = dataStart;
            for (int i = 0; i < n; i++) {
                maxEnd = Math.max(maxEnd, fieldEnd[i]);
            }
            int rt = maxEnd < e ? indexOf(b, RT, maxEnd, e) : -1;
            if (rt >= 0) {
                // the leader's length covers this record and the start of the next one
                split = rt + 1 - s;
                warnings.add("leader gives the record length " + len + " but the record ends after " + split
                        + " bytes; the rest is read as the next record");
                e = rt;
            }
        }
        int count = n;
        if (!allValid) {
            count = recover(b, s, dirEnd, e, dataStart, n, terminated);
        }
        if (count == 0) {
            warnings.add("the record has a leader and no field");
        }
        unimarc = flavour == Flavours.UNIMARC || flavour == Flavours.AUTO && unimarcByContent(b, count);
        String charsets = unimarc ? unimarcCharsets(b, count) : null;
        char leader09 = (char) (b[s + 9] & 0xff);
        badCodes = false;
        legacy = MARC8;
        int enc;
        if (forced >= 0) {
            enc = forced;
            if (enc != ASCII && enc != MARC8) {
                badCodes = badCodes(b, dataStart, e);
            }
        } else {
            enc = detect(b, dataStart, e, unimarc ? (charsets != null && charsets.startsWith("50") ? 'a' : ' ')
                    : leader09);
        }
        if (forced < 0 && unimarc) {
            if (enc == MARC8 || enc == MIXED) {
                legacy = legacyOf(charsets, b, dataStart, e);
                if (enc == MARC8) {
                    enc = legacy;
                }
            } else if (enc == UTF8 && charsets != null && (charsets.startsWith("03") || charsets.startsWith("11"))) {
                warnings.add("100 $a/26-27 gives ISO 5426 but the record is UTF-8; decoded as UTF-8");
            } else if (enc == UTF8_DAMAGED) {
                warnings.add("the record is UTF-8 with bytes that are not; they were replaced with U+FFFD");
                enc = UTF8;
            }
        } else if (forced < 0) {
            if (enc == UTF8 && leader09 != 'a') {
                warnings.add("leader/09 is '" + leader09 + "' (MARC-8) but the record is UTF-8; decoded as UTF-8");
            } else if (enc == MARC8 && leader09 == 'a') {
                warnings.add("leader/09 is 'a' (UTF-8) but the record is not UTF-8 (MARC-8 escapes or ANSEL bytes); "
                        + "decoded as MARC-8");
            } else if (enc == UTF8_DAMAGED) {
                warnings.add("the record is UTF-8 with bytes that are neither UTF-8 nor MARC-8; they were replaced "
                        + "with U+FFFD");
                enc = UTF8;
            } else if (enc == MIXED) {
                warnings.add("the record mixes UTF-8 and MARC-8; each subfield decoded by its own bytes");
            }
        }
        converterErrors.clear();
        FastRecord rec = new FastRecord();
        rec.setLeader(leader(b, s));
        byte[] copy = null;
        int shift = 0;
        if (enc == ASCII || enc == UTF8) {
            // subfields decoded when first asked for, from a copy of the record's data
            copy = Arrays.copyOfRange(b, dataStart, e);
            shift = dataStart;
        }
        for (int i = 0; i < count; i++) {
            String tag = fieldTag[i];
            int fs = fieldStart[i];
            int fe = fieldEnd[i];
            if (fe > fs && b[fe - 1] == FT) {
                fe--;
            }
            if (tag.charAt(0) == '0' && tag.charAt(1) == '0' && tag.charAt(2) != '0') {
                rec.control(new ControlFieldImpl(tag, string(b, fs, fe, enc)));
            } else if (copy != null) {
                rec.data(lazyField(tag, copy, fs - shift, fe - shift, enc == ASCII));
            } else {
                rec.data(dataField(tag, b, fs, fe, enc));
            }
        }
        if (!converterErrors.isEmpty()) {
            warnings.add((legacy == MARC8 ? "MARC-8" : legacy == ISO5426 ? "ISO 5426" : "ISO 6937")
                    + " conversion: " + String.join("; ", converterErrors.subList(0,
                    Math.min(3, converterErrors.size()))));
        }
        if (badCodes) {
            warnings.add("a subfield code is not ASCII (a delimiter followed by a multibyte letter); read as "
                    + "subfield $a with that letter kept");
        }
        return rec;
    }

    /** Whether the record is UNIMARC by its content: see {@link Flavours#unimarc}. */
    private boolean unimarcByContent(byte[] b, int count) {
        boolean has200 = false;
        boolean has004 = false;
        boolean hasLocation = false;
        String f100 = null;
        for (int i = 0; i < count; i++) {
            String t = fieldTag[i];
            char c0 = t.charAt(0);
            if (c0 == '2') {
                if (t.equals("245")) {
                    return false;
                }
                has200 |= t.equals("200");
                hasLocation |= t.equals("252") || t.equals("256");
            } else if (c0 == '1' && f100 == null && t.equals("100")) {
                f100 = subfieldA(b, fieldStart[i], fieldEnd[i]);
            } else if (c0 == '0') {
                has004 |= t.equals("004");
            }
        }
        return Flavours.unimarc(false, has200, f100) || Flavours.unimarcHoldings(false, has200, has004, hasLocation);
    }

    /** UNIMARC 100 $a/26-33 (the character sets), or null. */
    private String unimarcCharsets(byte[] b, int count) {
        for (int i = 0; i < count; i++) {
            if (fieldTag[i].equals("100")) {
                String a = subfieldA(b, fieldStart[i], fieldEnd[i]);
                return a != null && a.length() >= 34 ? a.substring(26, 34) : null;
            }
        }
        return null;
    }

    /** The first $a of a field's bytes, as ISO-8859-1 (for coded data), or null. */
    private static String subfieldA(byte[] b, int fs, int fe) {
        for (int p = fs; p + 1 < fe; p++) {
            if (b[p] == SD && b[p + 1] == 'a') {
                int q = p + 2;
                while (q < fe && b[q] != SD && b[q] != FT) {
                    q++;
                }
                return new String(b, p + 2, q - p - 2, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * The set a UNIMARC record's bytes that are not UTF-8 are in: ISO 5426 (what 100 $a/26-27
     * {@code 03} names, and UNIMARC's default), or ISO 6937 when the bytes say so (cedilla and
     * ogonek at 0xCB and 0xCE before a letter, none of ISO 5426's at 0xD0 and 0xD3).
     */
    private static int legacyOf(String charsets, byte[] b, int from, int to) {
        if (charsets != null && (charsets.startsWith("03") || charsets.startsWith("11"))) {
            return ISO5426;
        }
        int iso6937 = 0;
        int iso5426 = 0;
        for (int i = from; i + 1 < to; i++) {
            int x = b[i] & 0xff;
            int y = b[i + 1] & 0xff;
            boolean letter = (y >= 'A' && y <= 'Z') || (y >= 'a' && y <= 'z');
            if ((x == 0xCB || x == 0xCE) && letter) {
                iso6937++;
            } else if ((x == 0xD0 || x == 0xD3) && letter) {
                iso5426++;
            }
        }
        return iso6937 > 0 && iso5426 == 0 ? ISO6937 : ISO5426;
    }

    /** Whether a subfield delimiter is followed by a byte that is not ASCII. */
    private static boolean badCodes(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == SD && b[i + 1] < 0) {
                return true;
            }
        }
        return false;
    }

    private DataFieldImpl dataField(String tag, byte[] b, int fs, int fe, int enc) {
        char ind1 = ' ';
        char ind2 = ' ';
        int p = fs;
        if (p < fe && b[p] != SD) {
            ind1 = (char) (b[p++] & 0xff);
            if (p < fe && b[p] != SD) {
                ind2 = (char) (b[p++] & 0xff);
            }
        }
        DataFieldImpl df = new DataFieldImpl(tag, ind1, ind2);
        while (p < fe && b[p] != SD) {
            p++;
        }
        while (p < fe) {
            int q = p + 1;
            while (q < fe && b[q] != SD) {
                q++;
            }
            if (q > p + 1) {
                if (b[p + 1] < 0) {
                    // a code that is not ASCII: most likely $a whose code was lost, as pymarc reads it
                    df.addSubfield(new SubfieldImpl('a', string(b, p + 1, q, enc)));
                } else {
                    df.addSubfield(new SubfieldImpl((char) b[p + 1], string(b, p + 2, q, enc)));
                }
            }
            p = q;
        }
        return df;
    }

    private static LazyDataField lazyField(String tag, byte[] b, int fs, int fe, boolean ascii) {
        char ind1 = ' ';
        char ind2 = ' ';
        int p = fs;
        if (p < fe && b[p] != SD) {
            ind1 = (char) (b[p++] & 0xff);
            if (p < fe && b[p] != SD) {
                ind2 = (char) (b[p++] & 0xff);
            }
        }
        return new LazyDataField(tag, ind1, ind2, b, p, fe, ascii);
    }

    /** Decodes ASCII or UTF-8 bytes to an NFC string. */
    static String utf8(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return "";
        }
        if (plain(b, from, to)) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
        return Unicode.nfc(new String(b, from, len, StandardCharsets.UTF_8));
    }

    /** Rebuilds the field table from the field terminators; returns the number of fields. */
    private int recover(byte[] b, int s, int dirEnd, int e, int dataStart, int n, boolean terminated)
            throws BadRecordException {
        List<int[]> tokens = new ArrayList<>(n + 1);
        int p = dataStart;
        while (p < e) {
            int q = indexOf(b, FT, p, e);
            if (q < 0) {
                tokens.add(new int[] {p, e});
                break;
            }
            tokens.add(new int[] {p, q + 1});
            p = q + 1;
        }
        if (tokens.size() == n && n > 0) {
            for (int i = 0; i < n; i++) {
                fieldStart[i] = tokens.get(i)[0];
                fieldEnd[i] = tokens.get(i)[1];
            }
            warnings.add("directory lengths or offsets do not match the field terminators "
                    + "(a record over 99,999 bytes, or lengths counted in characters); "
                    + n + " fields recovered in directory order");
            return n;
        }
        String id = controlNumber(b, tokens, n);
        if (terminated || tokens.size() >= n) {
            int found = byOffsets(b, s + 24, dirEnd, dataStart, tokens);
            if (found > 0 && found >= tokens.size() - 1) {
                warnings.add("bad directory: " + n + " entries that do not line up for " + tokens.size()
                        + " fields; " + found + " fields recovered by matching their offsets in the directory");
                return found;
            }
        }
        if (!terminated && tokens.size() < n) {
            throw new BadRecordException("truncated record: the directory lists " + n + " fields, "
                    + tokens.size() + " found before the record ends", id);
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int fs = fieldStart[i];
            if (fs >= dataStart && fs < e && (fs == dataStart || b[fs - 1] == FT)) {
                int q = indexOf(b, FT, fs, e);
                fieldStart[kept] = fs;
                fieldEnd[kept] = q < 0 ? e : q + 1;
                fieldTag[kept] = fieldTag[i];
                kept++;
            }
        }
        if (kept == 0) {
            throw new BadRecordException("bad directory: no entry points to a field (" + n + " entries, "
                    + tokens.size() + " fields)", id);
        }
        warnings.add("bad directory: " + n + " entries for " + tokens.size() + " fields; kept the " + kept
                + " fields whose offsets point to a field");
        return kept;
    }

    /**
     * Finds each field's directory entry by its offset (the five digits of its start), searching
     * the directory forward: recovers the tags when an entry is a byte short or long and the
     * entries after it no longer line up with the 12-byte grid.
     *
     * @return the fields found, set in fieldStart/fieldEnd/fieldTag in data order
     */
    private int byOffsets(byte[] b, int dirStart, int dirEnd, int dataStart, List<int[]> tokens) {
        ensure(tokens.size());
        int cursor = dirStart;
        int found = 0;
        for (int[] t : tokens) {
            int off = t[0] - dataStart;
            int len = t[1] - t[0];
            if (off > 99999) {
                return 0;
            }
            int tagAt = -1;
            // entries follow one another: look a few entries ahead, no further (linear in the directory)
            for (int q = cursor + 6, to = Math.min(dirEnd, cursor + 6 + 12 * 4); q + 5 <= to && tagAt < 0; q++) {
                if (digits(b, q, 5) != off) {
                    continue;
                }
                if (q - 7 >= dirStart && digits(b, q - 4, 4) == len && tagLike(b, q - 7)) {
                    tagAt = q - 7;
                } else if (q - 6 >= dirStart && digits(b, q - 3, 3) == len && tagLike(b, q - 6)) {
                    tagAt = q - 6;
                } else if (q - 7 >= dirStart && digits(b, q - 4, 4) >= 0 && tagLike(b, q - 7)) {
                    tagAt = q - 7;
                }
                if (tagAt >= 0) {
                    cursor = q + 5;
                }
            }
            if (tagAt < 0) {
                continue;
            }
            fieldStart[found] = t[0];
            fieldEnd[found] = t[1];
            fieldTag[found] = tag(b, tagAt);
            found++;
        }
        return found;
    }

    private static boolean tagLike(byte[] b, int at) {
        for (int i = at; i < at + 3; i++) {
            int x = b[i];
            if (!(x >= '0' && x <= '9' || x >= 'A' && x <= 'Z' || x >= 'a' && x <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The 001 of a damaged record, for error messages, or null. */
    private String controlNumber(byte[] b, List<int[]> tokens, int n) {
        for (int i = 0; i < Math.min(n, tokens.size()); i++) {
            if (fieldTag[i].equals("001")) {
                int[] t = tokens.get(i);
                int end = t[1] > t[0] && b[t[1] - 1] == FT ? t[1] - 1 : t[1];
                String v = new String(b, t[0], end - t[0], StandardCharsets.ISO_8859_1).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private void ensure(int n) {
        if (fieldStart.length < n) {
            int size = Math.max(n, fieldStart.length * 2);
            fieldStart = Arrays.copyOf(fieldStart, size);
            fieldEnd = Arrays.copyOf(fieldEnd, size);
            fieldTag = Arrays.copyOf(fieldTag, size);
        }
    }

    private static LeaderImpl leader(byte[] b, int s) {
        char[] c = new char[24];
        for (int i = 0; i < 24; i++) {
            char ch = (char) (b[s + i] & 0xff);
            c[i] = ch < 0x20 || ch > 0x7e ? ' ' : ch;
        }
        LeaderImpl l = new LeaderImpl();
        l.setRecordLength(number(c, 0, 5));
        l.setRecordStatus(c[5]);
        l.setTypeOfRecord(c[6]);
        l.setImplDefined1(new char[] {c[7], c[8]});
        l.setCharCodingScheme('a');
        l.setIndicatorCount(c[10] >= '0' && c[10] <= '9' ? c[10] - '0' : 2);
        l.setSubfieldCodeLength(c[11] >= '0' && c[11] <= '9' ? c[11] - '0' : 2);
        l.setBaseAddressOfData(number(c, 12, 5));
        l.setImplDefined2(new char[] {c[17], c[18], c[19]});
        l.setEntryMap(new char[] {c[20], c[21], c[22], c[23]});
        return l;
    }

    /** Digits of a leader as a number; non-digits count as 0. */
    private static int number(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char ch = c[i];
            v = v * 10 + (ch >= '0' && ch <= '9' ? ch - '0' : 0);
        }
        return v;
    }

    private static String tag(byte[] b, int d) {
        int a = b[d] - '0';
        int m = b[d + 1] - '0';
        int c = b[d + 2] - '0';
        if (a >= 0 && a <= 9 && m >= 0 && m <= 9 && c >= 0 && c <= 9) {
            return TAGS[a * 100 + m * 10 + c];
        }
        return new String(b, d, 3, StandardCharsets.ISO_8859_1);
    }

    /** Parses n ASCII digits; -1 if any is not a digit. */
    static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[at + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops the escape characters of a field's MARC-8 bytes that start no MARC-8 escape sequence
     * (marc4j would keep them, or give up on the field), noting it among the conversion errors.
     */
    private byte[] escapes(byte[] bytes) {
        int bad = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ESC && !validEscape(bytes, i)) {
                bad++;
            }
        }
        if (bad == 0) {
            return bytes;
        }
        if (converterErrors.size() < 10) {
            converterErrors.add("broken escape sequence: " + bad + " escape character" + (bad == 1 ? "" : "s")
                    + " dropped");
        }
        byte[] out = new byte[bytes.length - bad];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != ESC || validEscape(bytes, i)) {
                out[n++] = bytes[i];
            }
        }
        return out;
    }

    /** Whether an escape character at i starts a MARC-8 escape sequence. */
    static boolean validEscape(byte[] b, int i) {
        int n = b.length;
        if (i + 1 >= n) {
            return false;
        }
        byte x = b[i + 1];
        if (x == 'b' || x == 'p' || x == 'g' || x == 's') {
            return true;
        }
        if (x == '(' || x == ',' || x == ')' || x == '-') {
            if (i + 2 >= n) {
                return false;
            }
            byte f = b[i + 2];
            if (f == '!') {
                return i + 3 < n && b[i + 3] == 'E';
            }
            return "34BENQS2bgps".indexOf(f) >= 0;
        }
        if (x == '$') {
            int j = i + 2;
            if (j < n && (b[j] == '(' || b[j] == ',' || b[j] == ')' || b[j] == '-')) {
                j++;
            }
            return j < n && b[j] == '1';
        }
        return false;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long ESCS = 0x1B1B1B1B1B1B1B1BL;

    /** Whether the bytes are all ASCII without ESC: eight at a time. */
    static boolean plain(byte[] b, int from, int to) {
        return plainUntil(b, from, to) == to;
    }

    /** Where the first byte that is not ASCII or is ESC may be (a multiple of 8 from {@code from}), or {@code to}. */
    static int plainUntil(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long e = w ^ ESCS;
            if (((w & HIGH) | ((e - ONES) & ~e & HIGH)) != 0) {
                return i;
            }
        }
        for (int j = i; j < to; j++) {
            byte x = b[j];
            if (x < 0 || x == ESC) {
                return i;
            }
        }
        return to;
    }

    /**
     * Decides the encoding of a record's data: ASCII, UTF8, MARC8, MIXED (subfields differ) or
     * UTF8_DAMAGED (UTF-8 with a few bytes that are neither UTF-8 nor ANSEL).
     */
    int detect(byte[] b, int from, int to, char leader09) {
        int i = plainUntil(b, from, to);
        if (i == to) {
            return ASCII;
        }
        int valid = 0;
        int invalid = 0;
        int anselOk = 0;
        int anselBad = 0;
        boolean esc = false;
        while (i < to) {
            if (i + 8 <= to) {
                long w = (long) LONGS.get(b, i);
                long e = w ^ ESCS;
                if (((w & HIGH) | ((e - ONES) & ~e & HIGH)) == 0) {
                    i += 8;
                    continue;
                }
            }
            int x = b[i] & 0xff;
            if (x < 0x80) {
                if (x == ESC) {
                    esc = true;
                }
                i++;
                continue;
            }
            if (i > from && b[i - 1] == SD) {
                badCodes = true;
            }
            int n = utf8Sequence(b, i, to);
            if (n > 0) {
                valid++;
                i += n;
            } else {
                invalid++;
                if (anselPlausible(b, i, to)) {
                    anselOk++;
                } else {
                    anselBad++;
                }
                i++;
            }
        }
        if (invalid == 0 && !esc) {
            return UTF8;
        }
        if (esc) {
            return valid > 0 && hybrid(b, from, to) ? MIXED : MARC8;
        }
        if (valid > 0 && hybrid(b, from, to)) {
            return MIXED;
        }
        if (leader09 == 'a' && (valid > 0 || anselBad > anselOk)) {
            return UTF8_DAMAGED;
        }
        return MARC8;
    }

    /** Whether a byte that is not UTF-8 reads as ANSEL: a combining mark before a letter, or a special. */
    private static boolean anselPlausible(byte[] b, int i, int to) {
        int x = b[i] & 0xff;
        if (x >= 0xE0 && x <= 0xFE) {
            if (i + 1 >= to) {
                return false;
            }
            int y = b[i + 1] & 0xff;
            return (y >= 'A' && y <= 'Z') || (y >= 'a' && y <= 'z') || (y >= 0xE0 && y <= 0xFE)
                    || (y >= 0xA1 && y <= 0xC8);
        }
        return (x >= 0xA1 && x <= 0xC8 && x != 0xAF && x != 0xBB && x != 0xBF) || x == 0x88 || x == 0x89
                || x == 0x8D || x == 0x8E;
    }

    /** True if some subfield is cleanly UTF-8 (with multibyte characters) and another is not. */
    private static boolean hybrid(byte[] b, int from, int to) {
        boolean utf8 = false;
        boolean other = false;
        int p = from;
        while (p < to) {
            int q = p;
            while (q < to && b[q] != SD && b[q] != FT) {
                q++;
            }
            int kind = subfieldKind(b, p, q);
            if (kind == UTF8) {
                utf8 = true;
            } else if (kind == MARC8) {
                other = true;
            }
            p = q + 1;
        }
        return utf8 && other;
    }

    private static int subfieldKind(byte[] b, int from, int to) {
        boolean high = false;
        for (int i = from; i < to; i++) {
            int x = b[i] & 0xff;
            if (x == ESC) {
                return MARC8;
            }
            if (x >= 0x80) {
                high = true;
                int n = utf8Sequence(b, i, to);
                if (n <= 0) {
                    return MARC8;
                }
                i += n - 1;
            }
        }
        return high ? UTF8 : ASCII;
    }

    /** The length of a valid UTF-8 multibyte sequence at i, or 0. */
    static int utf8Sequence(byte[] b, int i, int to) {
        int x = b[i] & 0xff;
        int n;
        int min;
        if (x >= 0xC2 && x <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (x >= 0xE0 && x <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (x >= 0xF0 && x <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > to) {
            return 0;
        }
        int cp = x & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int c = b[i + k] & 0xff;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return n;
    }

    private String string(byte[] b, int from, int to, int enc) {
        int len = to - from;
        if (len <= 0) {
            return "";
        }
        if (enc == ASCII) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
        if (plain(b, from, to)) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
        int kind = enc == MIXED ? subfieldKind(b, from, to) : enc;
        if (kind == MARC8) {
            kind = legacy;
        }
        String s;
        switch (kind) {
            case UTF8:
                s = new String(b, from, len, StandardCharsets.UTF_8);
                break;
            case CHARSET:
                s = new String(b, from, len, charset);
                break;
            case ISO5426:
                if (iso5426 == null) {
                    iso5426 = new Iso5426ToUnicode();
                }
                s = iso(iso5426, b, from, to);
                break;
            case ISO6937:
                if (iso6937 == null) {
                    iso6937 = new Iso6937ToUnicode();
                }
                s = iso(iso6937, b, from, to);
                break;
            default:
                s = marc8(b, from, to);
        }
        return Unicode.nfc(s);
    }

    /**
     * Decodes the bytes of one value (a control field's data or a subfield's) in the encoding this
     * decoder was made for ({@code marc-8}, {@code iso-5426}, {@code iso-6937} or a charset), to
     * NFC: for the readers of shapes other than ISO 2709 that hold such bytes (MarcEdit's text).
     * What the converters report is kept for {@link #conversionProblems()}.
     *
     * @param b the bytes
     * @return the text
     */
    String text(byte[] b) {
        return string(b, 0, b.length, forced < 0 ? MARC8 : forced);
    }

    /**
     * What the converters reported since the last call (at most ten), then forgets it.
     *
     * @return the problems, empty if none
     */
    List<String> conversionProblems() {
        if (converterErrors.isEmpty()) {
            return List.of();
        }
        List<String> out = List.copyOf(converterErrors);
        converterErrors.clear();
        return out;
    }

    /** ISO 5426 or ISO 6937 bytes (ISO 2022 escapes, which they do not define, dropped) to Unicode. */
    private String iso(CharConverter c, byte[] b, int from, int to) {
        char[] chars = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] != ESC) {
                chars[n++] = (char) (b[i] & 0xff);
            }
        }
        try {
            return c.convert(n == chars.length ? chars : Arrays.copyOf(chars, n));
        } catch (RuntimeException e) {
            if (converterErrors.size() < 10) {
                converterErrors.add("unreadable bytes (" + e.getClass().getSimpleName() + ")");
            }
            return new String(chars, 0, n).replaceAll("[^\\x20-\\x7e]", "\uFFFD");
        }
    }

    private String marc8(byte[] b, int from, int to) {
        if (ansel == null) {
            ansel = new AnselToUnicode((code, message) -> {
                if (converterErrors.size() < 10) {
                    converterErrors.add(message);
                }
            });
            ansel.setTranslateNCR(true);
        }
        byte[] bytes = Arrays.copyOfRange(b, from, to);
        bytes = escapes(bytes);
        try {
            String out = ansel.convert(bytes);
            return out.indexOf(ESC) < 0 ? out : out.replace("\u001B", "");
        } catch (RuntimeException e) {
            // marc4j fails on some broken escapes (one cut short at the end of a field): keep the
            // field, with what cannot be read as U+FFFD, and say so
            if (converterErrors.size() < 10) {
                converterErrors.add("broken MARC-8 escape sequence (" + e.getClass().getSimpleName() + ")");
            }
            ansel = null;
            byte[] noEsc = new byte[bytes.length];
            int n = 0;
            for (byte x : bytes) {
                if (x != ESC) {
                    noEsc[n++] = x;
                }
            }
            try {
                // the rest of the field is still MARC-8: read it without the escapes
                AnselToUnicode plain = new AnselToUnicode();
                return plain.convert(Arrays.copyOf(noEsc, n));
            } catch (RuntimeException again) {
                // fall through
            }
            StringBuilder sb = new StringBuilder(bytes.length);
            for (byte x : bytes) {
                int c = x & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '\uFFFD');
            }
            return sb.toString();
        }
    }
}
