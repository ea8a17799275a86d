package org.biglam.lam.marc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.marc4j.converter.impl.UnicodeToAnsel;

/**
 * Writes ISO 2709 records for tests, in UTF-8 or MARC-8 (through marc4j's UnicodeToAnsel), with
 * correct lengths and directory unless a test breaks them on purpose.
 */
final class MarcBytes {

    static final byte RT = 0x1D;
    static final byte FT = 0x1E;
    static final char SD = 0x1F;

    private final boolean marc8;
    private final char[] leader = "00000nam a2200000 a 4500".toCharArray();
    private final List<String> tags = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();
    private final UnicodeToAnsel toAnsel = new UnicodeToAnsel();
    private java.util.function.Function<String, byte[]> encoder;

    private MarcBytes(boolean marc8) {
        this.marc8 = marc8;
        leader[9] = marc8 ? ' ' : 'a';
    }

    static MarcBytes utf8() {
        return new MarcBytes(false);
    }

    static MarcBytes marc8() {
        return new MarcBytes(true);
    }

    /** Data encoded by a marc4j converter from Unicode (ISO 5426, ISO 6937), one byte a char. */
    static MarcBytes with(org.marc4j.converter.CharConverter fromUnicode) {
        MarcBytes m = new MarcBytes(false);
        m.leader[9] = ' ';
        m.encoder = s -> fromUnicode.convert(s).getBytes(StandardCharsets.ISO_8859_1);
        return m;
    }

    /** Sets the whole leader (lengths are filled in). */
    MarcBytes leader(String l) {
        System.arraycopy(l.toCharArray(), 0, leader, 0, 24);
        return this;
    }

    /** Sets leader/09 whatever the bytes are (to make a leader lie). */
    MarcBytes leader09(char c) {
        leader[9] = c;
        return this;
    }

    /** Sets leader/06-07. */
    MarcBytes type(String typeAndLevel) {
        leader[6] = typeAndLevel.charAt(0);
        leader[7] = typeAndLevel.charAt(1);
        return this;
    }

    byte[] encode(String s) {
        if (encoder != null) {
            return encoder.apply(s);
        }
        if (!marc8) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return toAnsel.convert(s).getBytes(StandardCharsets.ISO_8859_1);
    }

    MarcBytes control(String tag, String value) {
        tags.add(tag);
        data.add(value.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A data field; each subfield is its code followed by its value ("aTitle :"). */
    MarcBytes field(String tag, String indicators, String... subfields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(indicators.getBytes(StandardCharsets.US_ASCII));
        for (String sf : subfields) {
            b.write(SD);
            b.write(sf.charAt(0));
            b.writeBytes(encode(sf.substring(1)));
        }
        tags.add(tag);
        data.add(b.toByteArray());
        return this;
    }

    /** A field given as raw bytes (without its field terminator). */
    MarcBytes raw(String tag, byte[] bytes) {
        tags.add(tag);
        data.add(bytes);
        return this;
    }

    /** The record with correct lengths and directory. */
    byte[] bytes() {
        return bytes(false, false);
    }

    /**
     * The record.
     *
     * @param charLengths count lengths and offsets in characters (UTF-8 decoded), as broken writers do
     * @param wrapOffsets write only the last five digits of offsets and 99999 as record length when
     *     the record is over 99,999 bytes
     */
    byte[] bytes(boolean charLengths, boolean wrapOffsets) {
        int n = tags.size();
        int base = 24 + 12 * n + 1;
        StringBuilder dir = new StringBuilder();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int off = 0;
        for (int i = 0; i < n; i++) {
            byte[] d = data.get(i);
            int len = charLengths ? new String(d, StandardCharsets.UTF_8).length() + 1 : d.length + 1;
            dir.append(tags.get(i)).append(String.format("%04d", Math.min(len, 9999)))
                    .append(String.format("%05d", wrapOffsets ? off % 100000 : off));
            body.writeBytes(d);
            body.write(FT);
            off += len;
        }
        int total = base + off + 1;
        char[] l = leader.clone();
        String len = total > 99999 ? "99999" : String.format("%05d", total);
        String b = String.format("%05d", base);
        for (int i = 0; i < 5; i++) {
            l[i] = len.charAt(i);
            l[12 + i] = b.charAt(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new String(l).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dir.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(FT);
        out.writeBytes(body.toByteArray());
        out.write(RT);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
