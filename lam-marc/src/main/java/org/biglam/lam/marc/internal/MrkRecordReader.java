package org.biglam.lam.marc.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Unicode;
import org.marc4j.Mrk8TranslationTable;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * Reads MarcEdit's mnemonic text ({@code .mrk}, {@code .mrk8}): one record a paragraph, a line a
 * field ({@code =TAG  data}), {@code \} for a blank in the leader, control fields and indicators,
 * {@code $} before each subfield code, and mnemonics in braces for what cannot stand as itself
 * ({@code {dollar}}, {@code {lcub}}, {@code {U+00E9}}, {@code {eacute}}, {@code {E2}}...).
 *
 * <p>Each record's text is read by its own bytes and leader: bytes beyond ASCII that are UTF-8 make
 * a UTF-8 record; other bytes beyond ASCII are MARC-8 (MarcEdit's {@code .mrk} of MARC-8 records
 * written without mnemonics); a record in ASCII is MARC-8 when its leader/09 is blank, as MarcEdit
 * writes MARC-8 records, and then its mnemonics stand for MARC-8 bytes (marc4j's table of
 * MarcEdit's names), decoded with their escapes ({@code {esc}p0{esc}s}) and combining marks (written
 * before their letter) as an ISO 2709 record's are; else UTF-8, its mnemonics standing for the
 * Unicode characters of the same MARC-8 bytes. {@code marc.encoding} forces one. Records stream in
 * constant memory, a record (and so a line) at most {@code maxRecordBytes} bytes long.
 */
public final class MrkRecordReader implements FormatReader {

    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";

    /** The text is UTF-8; mnemonics are Unicode characters. */
    private static final int UNICODE = 0;
    /** The text and its mnemonics are MARC-8 bytes. */
    private static final int MARC8 = 1;
    /** The text is in a forced encoding (ISO 5426, ISO 6937, a charset); mnemonics are Unicode. */
    private static final int LEGACY = 2;

    /**
     * Where a name means a MARC-8 character marc4j's table writes otherwise: {@code {szlig}} is
     * MARC-8's eszett (0xC7, added to MARC-8 in 2004), where marc4j writes {@code ss};
     * {@code {Ecy}} is E with dot above (the romanised Cyrillic E, as its lower case {@code {ecy}}
     * is in marc4j's table), where marc4j writes D with dot above.
     */
    private static final Map<String, byte[]> MARC8_OVERRIDES = Map.of("szlig", new byte[] {(byte) 0xC7},
            "Ecy", new byte[] {(byte) 0xE7, 'E'});

    /** Unicode text of the known names (bounded by marc4j's table), filled as they are met. */
    private static final Map<String, String> UNICODE_NAMES = new ConcurrentHashMap<>();

    static {
        // marc4j fills its table lazily without a lock: fill it here, once, in this class's
        // initialisation (which happens before any thread can use the reader)
        Mrk8TranslationTable.fromMrk8("{dollar}");
    }

    private final BufferedReader in;
    private final ReadContext ctx;
    private final MarcRecords records;
    private final int maxLine;
    private final String encoding;
    private Iso2709Decoder legacy;
    private long line;
    private long index;
    private String pending;
    private boolean eof;
    private boolean bom;

    /**
     * Creates a reader.
     *
     * @param in the bytes; not closed by this reader
     * @param ctx the context
     * @param format the format id records carry
     * @param options the options
     */
    public MrkRecordReader(InputStream in, ReadContext ctx, String format, MarcOptions options) {
        // a character a byte: each record's encoding is decided by its own bytes
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        this.ctx = ctx;
        this.records = new MarcRecords(ctx, format, options);
        this.maxLine = ctx.limits().maxRecordBytes();
        this.encoding = options.encoding();
    }

    /** The next line, or null at the end; a line longer than the limit is a located problem. */
    private String readLine() throws IOException {
        if (pending != null) {
            String p = pending;
            pending = null;
            return p;
        }
        if (eof) {
            return null;
        }
        StringBuilder sb = new StringBuilder(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (sb.length() >= maxLine) {
                line++;
                long at = line;
                while ((c = in.read()) >= 0 && c != '\n') {
                    // skip the rest of the line
                }
                eof = c < 0;
                throw new LamLimitExceededException("line longer than maxRecordBytes (" + maxLine + ")",
                        ctx.location().withLine(at, -1));
            }
            sb.append((char) c);
        }
        if (c < 0) {
            eof = true;
            if (sb.length() == 0) {
                return null;
            }
        }
        line++;
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        if (line == 1 && sb.length() >= 3 && sb.charAt(0) == '\u00EF' && sb.charAt(1) == '\u00BB'
                && sb.charAt(2) == '\u00BF') {
            // a UTF-8 byte order mark: the file is UTF-8
            sb.delete(0, 3);
            bom = true;
        }
        return sb.toString();
    }

    @Override
    public LamRecord next() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l;
            try {
                l = readLine();
            } catch (LamLimitExceededException e) {
                index++;
                ctx.problem(e);
                // the rest of that record is skipped
                skipRecord();
                continue;
            }
            if (l == null) {
                return null;
            }
            if (l.isBlank()) {
                continue;
            }
            long start = line;
            long idx = index++;
            lines.clear();
            long size = 0;
            boolean tooLong = false;
            while (l != null && !l.isBlank()) {
                size += l.length() + 1;
                if (size > maxLine) {
                    tooLong = true;
                    skipRecord();
                    break;
                }
                if (!lines.isEmpty() && l.startsWith("=LDR")) {
                    pending = l;
                    break;
                }
                lines.add(l);
                try {
                    l = readLine();
                } catch (LamLimitExceededException e) {
                    // a line longer than the limit: the record is, too
                    tooLong = true;
                    skipRecord();
                    break;
                }
            }
            if (tooLong) {
                ctx.problem(new LamLimitExceededException("record longer than maxRecordBytes (" + maxLine + ")",
                        at(idx, start, null)));
                continue;
            }
            LamRecord r = record(lines, idx, start);
            if (r != null) {
                return r;
            }
        }
    }

    /** The record of a paragraph's lines (a byte a character), or null when it is a problem. */
    private LamRecord record(List<String> lines, long idx, long start) {
        String leader = null;
        boolean high = false;
        for (String l : lines) {
            if (leader == null && l.startsWith("=LDR")) {
                leader = data(l).replace('\\', ' ');
            }
            for (int i = 0; i < l.length() && !high; i++) {
                high = l.charAt(i) >= 0x80;
            }
        }
        StringBuilder warnings = null;
        StringBuilder encodingWarnings = null;
        int mode;
        switch (encoding) {
            case MarcOptions.ENCODING_UTF8:
                mode = UNICODE;
                break;
            case MarcOptions.ENCODING_MARC8:
                mode = MARC8;
                break;
            case MarcOptions.ENCODING_AUTO:
                if (bom) {
                    mode = UNICODE;
                } else if (high) {
                    mode = UNICODE;
                    for (String l : lines) {
                        if (!utf8(l)) {
                            mode = MARC8;
                            break;
                        }
                    }
                    if (mode == MARC8 && leader != null && leader.length() > 9 && leader.charAt(9) == 'a') {
                        encodingWarnings = warn(encodingWarnings, "leader/09 is 'a' (UTF-8) but the text is not "
                                + "UTF-8; read as MARC-8");
                    }
                } else {
                    mode = leader != null && leader.length() > 9 && leader.charAt(9) == 'a' ? UNICODE : MARC8;
                }
                break;
            default:
                mode = LEGACY;
        }
        if (mode != UNICODE && legacy == null) {
            legacy = new Iso2709Decoder(mode == MARC8 ? MarcOptions.ENCODING_MARC8 : encoding);
        }
        RecordImpl rec = new RecordImpl();
        DataFieldImpl lastField = null;
        String lastControl = null;
        long strayLines = 0;
        long firstStray = 0;
        long dropped = 0;
        long ln = start;
        for (String l : lines) {
            if (l.length() >= 4 && l.charAt(0) == '=') {
                String tag = l.substring(1, 4);
                String data = data(l);
                if (tag.equals("LDR")) {
                    // the first is the leader (above)
                } else if (tag.startsWith("00") && !tag.equals("000")) {
                    rec.addVariableField(new ControlFieldImpl(tag, text(data, true, mode)));
                    lastControl = tag;
                    lastField = null;
                } else {
                    lastField = dataField(tag, data, mode);
                    rec.addVariableField(lastField);
                    lastControl = null;
                }
            } else {
                if (strayLines++ == 0) {
                    firstStray = ln;
                }
                if (lastField != null) {
                    appendTo(lastField, l, mode);
                } else if (lastControl == null) {
                    dropped++;
                }
            }
            ln++;
        }
        if (strayLines > 0) {
            // one warning a record, however many such lines
            warnings = warn(warnings, strayLines + (strayLines == 1 ? " line is" : " lines are")
                    + " not a field (=TAG), the first at line " + firstStray + "; read as part of the field before"
                    + (dropped > 0 ? ", " + dropped + " dropped (no field before them)" : ""));
        }
        if (leader == null) {
            warnings = warn(warnings, "no =LDR line; a default leader was used");
            leader = DEFAULT_LEADER;
        }
        String fixed = leader.length() == 24 ? leader : (leader + DEFAULT_LEADER.substring(Math.min(24,
                leader.length()))).substring(0, 24);
        try {
            LeaderImpl li = new LeaderImpl(fixed);
            // the data is Unicode now, as the ISO 2709 reader gives it
            li.setCharCodingScheme('a');
            rec.setLeader(li);
        } catch (RuntimeException e) {
            rec.setLeader(new LeaderImpl(DEFAULT_LEADER));
            warnings = warn(warnings, "bad leader '" + leader + "'; a default leader was used");
        }
        // what the converters said of this record (taken even when the record is a problem, so that
        // it is not said of the next)
        List<String> problems = mode == UNICODE ? List.of() : legacy.conversionProblems();
        if (rec.getVariableFields().isEmpty()) {
            ctx.problem(new LamFormatException("a record without fields", at(idx, start, null)));
            return null;
        }
        if (warnings != null) {
            ctx.warn("damaged", warnings.toString(), at(idx, start, rec.getControlNumber()));
        }
        if (!problems.isEmpty()) {
            encodingWarnings = warn(encodingWarnings, (mode == MARC8 ? "MARC-8" : encoding) + " conversion: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
        if (encodingWarnings != null) {
            ctx.warn("encoding", encodingWarnings.toString(), at(idx, start, rec.getControlNumber()));
        }
        return records.toLamRecord(rec, idx, -1, start);
    }

    /** The data of a line {@code =TAG  data}: after the two blanks (or one). */
    private static String data(String l) {
        return l.length() > 6 ? l.substring(6) : l.length() > 5 ? l.substring(5) : "";
    }

    /** Whether a line's bytes (a character a byte) are UTF-8. */
    static boolean utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) {
            if (b[i] < 0) {
                int n = Iso2709Decoder.utf8Sequence(b, i, b.length);
                if (n == 0) {
                    return false;
                }
                i += n - 1;
            }
        }
        return true;
    }

    private void skipRecord() throws IOException {
        while (true) {
            String l;
            try {
                l = readLine();
            } catch (LamLimitExceededException e) {
                continue;
            }
            if (l == null || l.isBlank()) {
                return;
            }
            if (l.startsWith("=LDR")) {
                pending = l;
                return;
            }
        }
    }

    private static StringBuilder warn(StringBuilder sb, String w) {
        if (sb == null) {
            return new StringBuilder(w);
        }
        return sb.append("; ").append(w);
    }

    private Location at(long idx, long ln, String id) {
        Location l = ctx.location().withIndex(idx).withLine(ln, -1);
        return id == null ? l : l.withRecordId(id);
    }

    private DataFieldImpl dataField(String tag, String data, int mode) {
        char ind1 = data.length() > 0 ? indicator(data.charAt(0)) : ' ';
        char ind2 = data.length() > 1 ? indicator(data.charAt(1)) : ' ';
        DataFieldImpl df = new DataFieldImpl(tag, ind1, ind2);
        int p = data.indexOf('$');
        if (p >= 0) {
            appendSubfields(df, data.substring(p), mode);
        }
        return df;
    }

    private void appendTo(DataFieldImpl df, String more, int mode) {
        int p = more.indexOf('$');
        if (p < 0 || df.getSubfields().isEmpty()) {
            if (!df.getSubfields().isEmpty()) {
                SubfieldImpl last = (SubfieldImpl) df.getSubfields().get(df.getSubfields().size() - 1);
                last.setData(last.getData() + " " + text(more.strip(), false, mode));
            }
            return;
        }
        appendSubfields(df, more.substring(p), mode);
    }

    /** Subfields of "$aOne$bTwo" (starting at a '$'). */
    private void appendSubfields(DataFieldImpl df, String s, int mode) {
        int p = 0;
        while (p < s.length()) {
            int q = s.indexOf('$', p + 1);
            if (q < 0) {
                q = s.length();
            }
            if (q > p + 1) {
                char code = s.charAt(p + 1);
                if (code >= 0x80) {
                    // a code that is not ASCII (the first byte of a letter): $a, the letter kept
                    df.addSubfield(new SubfieldImpl('a', text(s.substring(p + 1, q), false, mode)));
                } else {
                    df.addSubfield(new SubfieldImpl(code, text(s.substring(p + 2, q), false, mode)));
                }
            }
            p = q;
        }
    }

    private static char indicator(char c) {
        return c == '\\' || c == '#' ? ' ' : c;
    }

    /** The text of a value's bytes (a character a byte), by the record's mode, NFC. */
    private String text(String raw, boolean control, int mode) {
        switch (mode) {
            case MARC8:
                return marc8Text(raw, control);
            case LEGACY:
                return Unicode.nfc(unescape(legacy.text(raw.getBytes(StandardCharsets.ISO_8859_1)), control));
            default: {
                boolean ascii = true;
                for (int i = 0; i < raw.length() && ascii; i++) {
                    ascii = raw.charAt(i) < 0x80;
                }
                String s = ascii ? raw : new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                return Unicode.nfc(unescape(s, control));
            }
        }
    }

    /**
     * The text of a value of a MARC-8 record (a character a byte): mnemonics to the bytes marc4j's
     * table gives them, {@code \} as a blank in control fields, control characters other than the
     * escape dropped, then decoded as MARC-8 (escapes, combining marks before their letter);
     * {@code {U+XXXX}} is that character.
     */
    private String marc8Text(String s, boolean control) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        StringBuilder text = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                int close = s.indexOf('}', i + 1);
                if (close > i + 1 && close - i <= 12) {
                    String name = s.substring(i + 1, close);
                    int cp = codePoint(name);
                    if (cp >= 0) {
                        text = text == null ? new StringBuilder() : text;
                        text.append(legacy.text(out.toByteArray())).appendCodePoint(cp);
                        out.reset();
                        i = close;
                        continue;
                    }
                    byte[] b = marc8Of(name);
                    if (b != null) {
                        for (byte x : b) {
                            if ((x & 0xff) >= 0x20 || x == 0x1B) {
                                out.write(x);
                            }
                        }
                        i = close;
                        continue;
                    }
                }
            }
            if (control && c == '\\') {
                c = ' ';
            }
            if (c >= 0x20 || c == 0x1B) {
                out.write(c);
            }
        }
        String last = legacy.text(out.toByteArray());
        return text == null ? last : Unicode.nfc(text.append(last).toString());
    }

    /** The code point of {@code U+00E9}, or -1. */
    private static int codePoint(String name) {
        if (name.length() < 6 || name.length() > 8 || !(name.startsWith("U+") || name.startsWith("u+"))) {
            return -1;
        }
        try {
            int cp = Integer.parseInt(name.substring(2), 16);
            return Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The MARC-8 bytes of a mnemonic's name ({@code eacute}, {@code E2}), or null for none. */
    static byte[] marc8Of(String name) {
        byte[] o = MARC8_OVERRIDES.get(name);
        if (o != null) {
            return o;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        if (name.length() == 2 && Character.digit(name.charAt(0), 16) >= 0
                && Character.digit(name.charAt(1), 16) >= 0) {
            // a byte in hexadecimal, either case
            return new byte[] {(byte) Integer.parseInt(name, 16)};
        }
        String brace = "{" + name + "}";
        String v = Mrk8TranslationTable.fromMrk8(brace);
        if (v.equals(brace)) {
            return null;
        }
        byte[] b = new byte[v.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) v.charAt(i);
        }
        return b;
    }

    /** The Unicode text of a mnemonic's name (its MARC-8 bytes decoded), or null for none. */
    private static String unicodeOf(String name) {
        String u = UNICODE_NAMES.get(name);
        if (u != null) {
            return u;
        }
        if (name.equals("esc")) {
            return "";
        }
        byte[] b = marc8Of(name);
        if (b == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if ((x & 0xff) < 0x20) {
                return "";
            }
        }
        try {
            String d = new AnselToUnicode().convert(b);
            for (int i = 0; i < d.length(); i++) {
                if (d.charAt(i) >= 0x20) {
                    sb.append(d.charAt(i));
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        u = sb.toString();
        UNICODE_NAMES.put(name, u);
        return u;
    }

    /**
     * Replaces the mnemonics of a Unicode value ({@code {dollar}}, {@code {U+00E9}},
     * {@code {eacute}}); a combining mark written before its letter, as MARC-8 mnemonics are, is
     * moved after it. Blanks of control fields are written {@code \}.
     */
    static String unescape(String s, boolean control) {
        if (s.indexOf('{') < 0) {
            return control ? s.replace('\\', ' ') : s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        String combining = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String add = null;
            if (c == '{') {
                int close = s.indexOf('}', i + 1);
                if (close > i + 1 && close - i <= 12) {
                    String name = s.substring(i + 1, close);
                    int cp = codePoint(name);
                    String v = cp >= 0 ? new String(Character.toChars(cp)) : unicodeOf(name);
                    if (v != null) {
                        i = close;
                        if (cp < 0 && isCombining(v)) {
                            combining = combining == null ? v : combining + v;
                            continue;
                        }
                        add = v;
                    }
                }
            }
            if (add == null) {
                add = control && c == '\\' ? " " : String.valueOf(c);
            }
            sb.append(add);
            if (combining != null && !add.isEmpty()) {
                sb.append(combining);
                combining = null;
            }
        }
        if (combining != null) {
            sb.append(combining);
        }
        return sb.toString();
    }

    private static boolean isCombining(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            int t = Character.getType(v.charAt(i));
            if (t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // the stream belongs to lam-core
    }
}
