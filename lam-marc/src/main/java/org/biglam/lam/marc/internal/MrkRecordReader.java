package org.biglam.lam.marc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Unicode;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * Reads MarcEdit's mnemonic text ({@code .mrk}, {@code .mrk8}): one record a paragraph, a line a
 * field ({@code =TAG  data}), {@code \} for a blank in the leader, control fields and indicators,
 * {@code $} before each subfield code, and mnemonics in braces for what cannot stand as itself
 * ({@code {dollar}}, {@code {lcub}}, {@code {U+00E9}}, {@code {eacute}}...). The text is UTF-8;
 * records stream in constant memory, a record (and so a line) at most {@code maxRecordBytes}
 * characters long.
 */
public final class MrkRecordReader implements FormatReader {

    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";

    /** MarcEdit's mnemonics for characters (those of MARC-8 that users meet), to Unicode. */
    private static final Map<String, String> MNEMONICS = Map.ofEntries(
            Map.entry("dollar", "$"), Map.entry("lcub", "{"), Map.entry("rcub", "}"), Map.entry("bsol", "\\"),
            Map.entry("esc", ""), Map.entry("joiner", "\u200D"), Map.entry("nonjoin", "\u200C"),
            Map.entry("acute", "\u0301"), Map.entry("grave", "\u0300"), Map.entry("circ", "\u0302"),
            Map.entry("uml", "\u0308"), Map.entry("tilde", "\u0303"), Map.entry("cedil", "\u0327"),
            Map.entry("ring", "\u030A"), Map.entry("caron", "\u030C"), Map.entry("macr", "\u0304"),
            Map.entry("breve", "\u0306"), Map.entry("dot", "\u0307"), Map.entry("ogon", "\u0328"),
            Map.entry("dblac", "\u030B"), Map.entry("softsign", "\u02B9"), Map.entry("hardsign", "\u02BA"),
            Map.entry("aelig", "æ"), Map.entry("AElig", "Æ"), Map.entry("oslash", "ø"), Map.entry("Ostrok", "Ø"),
            Map.entry("lstrok", "ł"), Map.entry("Lstrok", "Ł"), Map.entry("dstrok", "đ"), Map.entry("Dstrok", "Đ"),
            Map.entry("thorn", "þ"), Map.entry("THORN", "Þ"), Map.entry("eth", "ð"), Map.entry("oelig", "œ"),
            Map.entry("OElig", "Œ"), Map.entry("szlig", "ß"), Map.entry("inodot", "ı"), Map.entry("copy", "©"),
            Map.entry("pound", "£"), Map.entry("phono", "℗"), Map.entry("iquest", "¿"), Map.entry("iexcl", "¡"),
            Map.entry("deg", "°"), Map.entry("plusmn", "±"), Map.entry("mlrhring", "ʼ"), Map.entry("mllhring", "ʻ"),
            Map.entry("ohorn", "ơ"), Map.entry("Ohorn", "Ơ"), Map.entry("uhorn", "ư"), Map.entry("Uhorn", "Ư"),
            Map.entry("eacute", "é"), Map.entry("Eacute", "É"), Map.entry("egrave", "è"), Map.entry("aacute", "á"),
            Map.entry("agrave", "à"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"), Map.entry("uacute", "ú"),
            Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("ccedil", "ç"),
            Map.entry("ntilde", "ñ"));

    private final BufferedReader in;
    private final ReadContext ctx;
    private final MarcRecords records;
    private final int maxLine;
    private long line;
    private long index;
    private String pending;
    private boolean eof;

    /**
     * Creates a reader.
     *
     * @param in the bytes; not closed by this reader
     * @param ctx the context
     * @param format the format id records carry
     * @param options the options
     */
    public MrkRecordReader(InputStream in, ReadContext ctx, String format, MarcOptions options) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
        this.ctx = ctx;
        this.records = new MarcRecords(ctx, format, options);
        this.maxLine = ctx.limits().maxRecordBytes();
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
        if (line == 1 && sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
            sb.deleteCharAt(0);
        }
        return sb.toString();
    }

    @Override
    public LamRecord next() throws IOException {
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
            RecordImpl rec = new RecordImpl();
            String leader = null;
            StringBuilder warnings = null;
            DataFieldImpl lastField = null;
            String lastControl = null;
            boolean first = true;
            long size = 0;
            boolean tooLong = false;
            long strayLines = 0;
            long firstStray = 0;
            long dropped = 0;
            while (l != null && !l.isBlank()) {
                size += l.length() + 1;
                if (size > maxLine) {
                    tooLong = true;
                    skipRecord();
                    break;
                }
                if (!first && l.startsWith("=LDR")) {
                    pending = l;
                    break;
                }
                first = false;
                if (l.length() >= 4 && l.charAt(0) == '=') {
                    String tag = l.substring(1, 4);
                    String data = l.length() > 6 ? l.substring(6) : l.length() > 5 ? l.substring(5) : "";
                    if (tag.equals("LDR")) {
                        leader = data.replace('\\', ' ');
                    } else if (tag.startsWith("00") && !tag.equals("000")) {
                        rec.addVariableField(new ControlFieldImpl(tag, Unicode.nfc(unescape(data, true))));
                        lastControl = tag;
                        lastField = null;
                    } else {
                        lastField = dataField(tag, data);
                        rec.addVariableField(lastField);
                        lastControl = null;
                    }
                } else {
                    if (strayLines++ == 0) {
                        firstStray = line;
                    }
                    if (lastField != null) {
                        appendTo(lastField, l);
                    } else if (lastControl == null) {
                        dropped++;
                    }
                }
                try {
                    l = readLine();
                } catch (LamLimitExceededException e) {
                    // a line longer than the limit: the record is, too
                    tooLong = true;
                    skipRecord();
                    break;
                }
            }
            if (strayLines > 0) {
                // one warning a record, however many such lines
                warnings = warn(warnings, strayLines + (strayLines == 1 ? " line is" : " lines are")
                        + " not a field (=TAG), the first at line " + firstStray + "; read as part of the field before"
                        + (dropped > 0 ? ", " + dropped + " dropped (no field before them)" : ""));
            }
            if (tooLong) {
                ctx.problem(new LamLimitExceededException("record longer than maxRecordBytes (" + maxLine + ")",
                        at(idx, start, null)));
                continue;
            }
            if (leader == null) {
                warnings = warn(warnings, "no =LDR line; a default leader was used");
                leader = DEFAULT_LEADER;
            }
            String fixed = leader.length() == 24 ? leader : (leader + DEFAULT_LEADER.substring(Math.min(24,
                    leader.length()))).substring(0, 24);
            try {
                rec.setLeader(new LeaderImpl(fixed));
            } catch (RuntimeException e) {
                rec.setLeader(new LeaderImpl(DEFAULT_LEADER));
                warnings = warn(warnings, "bad leader '" + leader + "'; a default leader was used");
            }
            if (rec.getVariableFields().isEmpty()) {
                ctx.problem(new LamFormatException("a record without fields", at(idx, start, null)));
                continue;
            }
            if (warnings != null) {
                ctx.warn("damaged", warnings.toString(), at(idx, start, rec.getControlNumber()));
            }
            return records.toLamRecord(rec, idx, -1, start);
        }
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

    private static DataFieldImpl dataField(String tag, String data) {
        char ind1 = data.length() > 0 ? indicator(data.charAt(0)) : ' ';
        char ind2 = data.length() > 1 ? indicator(data.charAt(1)) : ' ';
        DataFieldImpl df = new DataFieldImpl(tag, ind1, ind2);
        int p = data.indexOf('$');
        if (p >= 0) {
            appendSubfields(df, data.substring(p));
        }
        return df;
    }

    private static void appendTo(DataFieldImpl df, String more) {
        int p = more.indexOf('$');
        if (p < 0 || df.getSubfields().isEmpty()) {
            if (!df.getSubfields().isEmpty()) {
                SubfieldImpl last = (SubfieldImpl) df.getSubfields().get(df.getSubfields().size() - 1);
                last.setData(last.getData() + " " + Unicode.nfc(unescape(more.strip(), false)));
            }
            return;
        }
        appendSubfields(df, more.substring(p));
    }

    /** Subfields of "$aOne$bTwo" (starting at a '$'). */
    private static void appendSubfields(DataFieldImpl df, String s) {
        int p = 0;
        while (p < s.length()) {
            int q = s.indexOf('$', p + 1);
            if (q < 0) {
                q = s.length();
            }
            if (q > p + 1) {
                df.addSubfield(new SubfieldImpl(s.charAt(p + 1), Unicode.nfc(unescape(s.substring(p + 2, q),
                        false))));
            }
            p = q;
        }
    }

    private static char indicator(char c) {
        return c == '\\' || c == '#' ? ' ' : c;
    }

    /**
     * Replaces the mnemonics of a value ({@code {dollar}}, {@code {U+00E9}}, {@code {eacute}});
     * a combining mark written before its letter, as MARC-8 mnemonics are, is moved after it.
     * Blanks of control fields are written {@code \}.
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
                    String v = MNEMONICS.get(name);
                    if (v == null && (name.startsWith("U+") || name.startsWith("u+")) && name.length() >= 6) {
                        try {
                            v = new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
                        } catch (IllegalArgumentException e) {
                            v = null;
                        }
                    }
                    if (v != null) {
                        i = close;
                        if (v.length() == 1 && Character.getType(v.charAt(0)) == Character.NON_SPACING_MARK
                                && !name.startsWith("U+") && !name.startsWith("u+")) {
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
            if (combining != null) {
                sb.append(combining);
                combining = null;
            }
        }
        if (combining != null) {
            sb.append(combining);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        // the stream belongs to lam-core
    }
}
