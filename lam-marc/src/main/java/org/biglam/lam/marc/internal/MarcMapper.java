package org.biglam.lam.marc.internal;

import org.biglam.lam.spi.vocab.Punctuation;
import org.biglam.lam.spi.vocab.Languages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.marc.MarcOptions;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * Turns a marc4j {@link Record} into the uniform labels, text and images of a {@link LamRecord}.
 * One mapper serves one reader (it keeps scratch lists); built from {@link MarcOptions}.
 */
public final class MarcMapper {

    /** The raw date statement (260/264 $c). */
    public static final String MARC_DATE = "marc:date";
    /** Set to {@code unimarc} on UNIMARC records. */
    public static final String FLAVOUR = "marc:flavour";

    private static final int TITLE = 0;
    private static final int CREATOR = 1;
    private static final int CONTRIBUTOR = 2;
    private static final int DATE = 3;
    private static final int LANGUAGE = 4;
    private static final int SUBJECT = 5;
    private static final int GENRE = 6;
    private static final int TYPE = 7;
    private static final int PUBLISHER = 8;
    private static final int PLACE = 9;
    private static final int IDENTIFIER = 10;
    private static final int RIGHTS = 11;
    private static final int DESCRIPTION = 12;
    private static final int COLLECTION = 13;
    private static final int CLASSIFICATION = 14;
    private static final int RAW_DATE = 15;
    private static final int SEE_FROM = 16;
    private static final int SEE_ALSO = 17;
    private static final int SOURCE = 18;
    private static final int KIND = 19;
    private static final int LOCATION = 20;
    private static final int CALL_NUMBER = 21;
    private static final int HOLDINGS = 22;
    private static final int LANGUAGE_NAME = 23;
    private static final int COUNTRY = 24;
    private static final int ROLE = 25;
    private static final String[] NAMES = {Labels.TITLE, Labels.CREATOR, Labels.CONTRIBUTOR, Labels.DATE,
        Labels.LANGUAGE, Labels.SUBJECT, Labels.GENRE, Labels.TYPE, Labels.PUBLISHER, Labels.PLACE,
        Labels.IDENTIFIER, Labels.RIGHTS, Labels.DESCRIPTION, Labels.COLLECTION, Labels.CLASSIFICATION,
        MARC_DATE, "marc:see-from", "marc:see-also", "marc:source", "marc:kind", "marc:location",
        "marc:call-number", "marc:holdings", "marc:language-name", "marc:country", "role"};

    private final boolean[] builtIn = new boolean[NAMES.length];
    private final Map<String, MarcSpec> userSpecs = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final MarcSpec textSpec;
    /** Whether the text is the default one (UNIMARC records then get UNIMARC's). */
    private final boolean defaultText;
    /** Whether codes also come as words (language and country names, relator terms). */
    private final boolean names;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final List<String>[] values = new List[NAMES.length];
    private final List<String> scratch = new ArrayList<>();
    /** The 264 date statements of the record (also among RAW_DATE), preferred when narrowing a date. */
    private final List<String> statements264 = new ArrayList<>(2);

    /**
     * Creates a mapper.
     *
     * @param options the options
     */
    public MarcMapper(MarcOptions options) {
        java.util.Arrays.fill(builtIn, true);
        for (Map.Entry<String, String> e : options.mappings().entrySet()) {
            int i = java.util.Arrays.asList(NAMES).indexOf(e.getKey());
            if (i >= 0) {
                builtIn[i] = false;
            }
            if (e.getValue().isEmpty()) {
                removed.add(e.getKey());
            } else {
                userSpecs.put(e.getKey(), MarcSpec.parse(e.getValue()));
            }
        }
        textSpec = options.text().isEmpty() ? null : MarcSpec.parse(options.text());
        defaultText = options.text().equals(MarcOptions.DEFAULT_TEXT);
        names = options.names();
        for (int i = 0; i < values.length; i++) {
            values[i] = new ArrayList<>(4);
        }
    }

    /**
     * The tag an 880 field stands for, from its $6 ({@code 245-01/(2/r} gives {@code 245}).
     *
     * @param df an 880 field
     * @return the linked tag, or null
     */
    public static String linkedTag(DataField df) {
        Subfield six = df.getSubfield('6');
        if (six == null || six.getData() == null || six.getData().length() < 3) {
            return null;
        }
        return six.getData().substring(0, 3);
    }

    /**
     * Adds the labels, text and images of a MARC 21 record to a builder.
     *
     * @param r the record
     * @param b the builder
     */
    public void map(Record r, LamRecord.Builder b) {
        map(r, b, false);
    }

    /**
     * Adds the record's labels, text and images to a builder.
     *
     * @param r the record
     * @param b the builder
     * @param unimarc whether the record is UNIMARC
     */
    public void map(Record r, LamRecord.Builder b, boolean unimarc) {
        for (List<String> v : values) {
            v.clear();
        }
        statements264.clear();
        if (unimarc) {
            unimarc(r, b);
            finish(r, b, true);
            return;
        }
        Leader leader = r.getLeader();
        char type = leader == null ? ' ' : leader.getTypeOfRecord();
        if (type == 'z' || type == 'u' || type == 'v' || type == 'x' || type == 'y') {
            if (type == 'z') {
                authority(r);
            } else {
                holdings(r, b);
            }
            typeWords(type, ' ', values[TYPE]);
            finish(r, b, false);
            return;
        }
        char level = ' ';
        if (leader != null) {
            char[] impl = leader.getImplDefined1();
            level = impl != null && impl.length > 0 ? impl[0] : ' ';
        }
        String f008 = null;
        for (ControlField cf : r.getControlFields()) {
            String tag = cf.getTag();
            if (tag.equals("001")) {
                add(IDENTIFIER, cf.getData());
            } else if (tag.equals("008") && f008 == null) {
                f008 = cf.getData();
            }
        }
        boolean hasPublication264 = false;
        for (DataField df : r.getDataFields()) {
            if (df.getTag().equals("264") && (df.getIndicator2() == '1' || df.getIndicator2() == '0')) {
                hasPublication264 = true;
                break;
            }
        }
        for (DataField df : r.getDataFields()) {
            String tag = df.getTag();
            if (tag.equals("880")) {
                tag = linkedTag(df);
                if (tag == null) {
                    continue;
                }
            }
            field(tag, df, hasPublication264, b);
        }
        // language: 008 first, then 041 (collected above)
        if (f008 != null && f008.length() >= 38) {
            String lang = Languages.toBcp47(f008.substring(35, 38));
            if (lang != null) {
                values[LANGUAGE].add(0, lang);
            }
        }
        String date = f008 == null ? null : Dates.from008(f008);
        if (date != null && f008.length() >= 11 && f008.substring(7, 11).indexOf('u') >= 0) {
            date = yearWithin(date, f008.substring(7, 11));
        }
        if (date == null) {
            date = fromStatements();
        }
        if (date != null) {
            values[DATE].add(date);
        }
        typeWords(type, level, values[TYPE]);
        if (names) {
            words(f008 != null && f008.length() >= 18 ? f008.substring(15, 18) : null, false);
        }
        if (f008 != null && f008.length() >= 34 && (type == 'a' || type == 't')
                && (level == 'a' || level == 'c' || level == 'd' || level == 'm' || level == ' ')) {
            String form = literaryForm(f008.charAt(33));
            if (form != null) {
                values[GENRE].add(form);
            }
        }
        finish(r, b, false);
    }

    /**
     * An authority record (leader/06 {@code z}): the heading (1XX) as title, see-from (4XX) and
     * see-also (5XX) forms, sources (670), the kind of record (008/09), identifiers.
     */
    private void authority(Record r) {
        for (ControlField cf : r.getControlFields()) {
            if (cf.getTag().equals("001")) {
                add(IDENTIFIER, cf.getData());
            } else if (cf.getTag().equals("008") && cf.getData() != null && cf.getData().length() > 9) {
                String kind;
                switch (cf.getData().charAt(9)) {
                    case 'a': kind = "established heading"; break;
                    case 'b': kind = "untraced reference"; break;
                    case 'c': kind = "traced reference"; break;
                    case 'd': kind = "subdivision"; break;
                    case 'e': kind = "node label"; break;
                    case 'f': kind = "established heading and subdivision"; break;
                    case 'g': kind = "reference and subdivision"; break;
                    default: kind = null;
                }
                if (kind != null) {
                    values[KIND].add(kind);
                }
            }
        }
        for (DataField df : r.getDataFields()) {
            String tag = df.getTag();
            if (tag.equals("880")) {
                tag = linkedTag(df);
                if (tag == null) {
                    continue;
                }
            }
            char c0 = tag.charAt(0);
            if (c0 == '1') {
                addSubject(TITLE, df);
            } else if (c0 == '4') {
                addSubject(SEE_FROM, df);
            } else if (c0 == '5') {
                addSubject(SEE_ALSO, df);
            } else if (tag.equals("670")) {
                add(SOURCE, MarcSpec.join(df, "ab"));
            } else if (tag.equals("010") || tag.equals("035")) {
                field(tag, df, false, null);
            }
        }
    }

    /**
     * A holdings record (leader/06 {@code u}, {@code v}, {@code x}, {@code y}): location (852 $a $b
     * $c), call number (852 $k $h $i $m), textual holdings (866-868 $a), and the group of the
     * bibliographic record its 004 names.
     */
    private void holdings(Record r, LamRecord.Builder b) {
        for (ControlField cf : r.getControlFields()) {
            String v = cf.getData() == null ? "" : cf.getData().strip();
            if (cf.getTag().equals("001")) {
                add(IDENTIFIER, v);
            } else if (cf.getTag().equals("004") && !v.isEmpty()) {
                b.group(v);
            }
        }
        for (DataField df : r.getDataFields()) {
            switch (df.getTag()) {
                case "852": {
                    StringBuilder loc = new StringBuilder();
                    for (Subfield sf : df.getSubfields()) {
                        char c = sf.getCode();
                        if ((c == 'a' || c == 'b' || c == 'c') && sf.getData() != null && !sf.getData().isBlank()) {
                            loc.append(loc.length() > 0 ? ", " : "").append(Punctuation.trim(sf.getData()));
                        }
                    }
                    add(LOCATION, loc.toString());
                    StringBuilder call = new StringBuilder();
                    for (char c : new char[] {'k', 'h', 'i', 'm'}) {
                        for (Subfield sf : df.getSubfields(c)) {
                            if (sf.getData() != null && !sf.getData().isBlank()) {
                                call.append(call.length() > 0 ? " " : "").append(sf.getData().strip());
                            }
                        }
                    }
                    add(CALL_NUMBER, call.toString());
                    break;
                }
                case "866": case "867": case "868":
                    add(HOLDINGS, MarcSpec.join(df, "a"));
                    break;
                case "856":
                    Images.add(df, b);
                    break;
                default:
                    break;
            }
        }
    }

    /** B.C., BCE, v. Chr., av. J.-C. in a date statement. */
    private static final java.util.regex.Pattern BC = java.util.regex.Pattern.compile(
            "(?i)(?<![\\p{L}])(b\\.\\s?c\\.?(\\s?e\\.?)?|bce?|v\\.\\s?chr|av\\.\\s?j\\.?-?\\s?c)(?![\\p{L}])");

    /**
     * Whether a date statement names a year before Christ ({@code [ca. 1750 B.C.]}): its year is
     * not one of the common era, and lam-core's statement reading takes it as one, so it gives no date.
     */
    static boolean beforeChrist(String raw) {
        return raw != null && BC.matcher(raw).find();
    }

    /** The first date of the 260/264/210/214 statements, or null. */
    private String fromStatements() {
        for (String raw : values[RAW_DATE]) {
            if (beforeChrist(raw)) {
                continue;
            }
            String date = org.biglam.lam.spi.vocab.Dates.fromStatement(raw);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /**
     * A date whose first year is only a decade or century in the coded data ({@code 19uu}) narrowed
     * to the year of a date statement (264 first, then 260; 210/214 for UNIMARC) when that year is
     * inside it: {@code 19uu} and {@code c1980} give 1980.
     *
     * @param date the date of the coded data
     * @param year1 its first year as coded, with 'u' for unknown digits
     * @return the year, or the date unchanged
     */
    private String yearWithin(String date, String year1) {
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < 4; i++) {
            char c = year1.charAt(i);
            if (c >= '0' && c <= '9') {
                lo = lo * 10 + c - '0';
                hi = hi * 10 + c - '0';
            } else if (c == 'u' && i >= 2) {
                lo = lo * 10;
                hi = hi * 10 + 9;
            } else {
                return date;
            }
        }
        if (!date.equals(lo == hi ? Integer.toString(lo) : lo + "/" + hi) && !date.endsWith("/..")) {
            // a range the coded data closes with its second date (q18uu19uu): narrowing the first would lose it
            return date;
        }
        String y = yearIn(statements264, lo, hi);
        if (y == null) {
            y = yearIn(values[RAW_DATE], lo, hi);
        }
        return y != null ? y : date;
    }

    private static String yearIn(List<String> statements, int lo, int hi) {
        for (String raw : statements) {
            if (beforeChrist(raw)) {
                continue;
            }
            String d = org.biglam.lam.spi.vocab.Dates.fromStatement(raw);
            if (d != null && d.length() == 4) {
                int y = Integer.parseInt(d);
                if (y >= lo && y <= hi) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Adds the collected values, the user's mappings and the text. */
    private void finish(Record r, LamRecord.Builder b, boolean unimarc) {
        for (int i = 0; i < NAMES.length; i++) {
            if (builtIn[i]) {
                List<String> v = values[i];
                for (int j = 0; j < v.size(); j++) {
                    label(b, NAMES[i], v.get(j));
                }
            }
        }
        for (Map.Entry<String, MarcSpec> e : userSpecs.entrySet()) {
            scratch.clear();
            e.getValue().extract(r, scratch);
            boolean language = e.getKey().equals(Labels.LANGUAGE);
            for (String v : scratch) {
                if (language) {
                    for (String code : splitCodes(v)) {
                        b.label(Labels.LANGUAGE, Languages.toBcp47(code));
                    }
                } else {
                    label(b, e.getKey(), Punctuation.trim(v));
                }
            }
        }
        for (String label : removed) {
            b.removeLabel(label);
        }
        if (unimarc && defaultText) {
            scratch.clear();
            unimarcText(r, scratch);
            if (!scratch.isEmpty()) {
                b.text(withoutSortMarks(String.join("\n", scratch)));
            }
        } else if (textSpec != null) {
            scratch.clear();
            textSpec.extract(r, scratch);
            if (!scratch.isEmpty()) {
                b.text(withoutSortMarks(scratch.size() == 1 ? scratch.get(0) : String.join("\n", scratch)));
            }
        }
    }

    private static void label(LamRecord.Builder b, String name, String value) {
        String v = withoutSortMarks(value);
        if (!v.isEmpty()) {
            b.label(name, v);
        }
    }

    /**
     * A value without MARC's non-sorting marks, NSB and NSE (U+0098, U+009C: MARC-8's 0x88 and
     * 0x89; ISO 5426's 0x88 and 0x89, which marc4j decodes as U+0088, U+0089) that European
     * catalogues (DNB, BnF, SUDOC) put around an initial article: NSB {@code Die} NSE {@code Elixiere}
     * is {@code Die Elixiere}.
     *
     * @param value the value
     * @return the value without them, the same string when it has none
     */
    static String withoutSortMarks(String value) {
        int i = 0;
        int n = value.length();
        while (i < n && !sortMark(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return value;
        }
        StringBuilder sb = new StringBuilder(n).append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (!sortMark(c)) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    /** NSB and NSE as MARC-8 and UTF-8 records have them (U+0098, U+009C), and ISO 5426's (U+0088, U+0089). */
    private static boolean sortMark(char c) {
        return c == '\u0098' || c == '\u009C' || c == '\u0088' || c == '\u0089';
    }

    private void add(int label, String value) {
        if (value != null) {
            String v = value.strip();
            if (!v.isEmpty()) {
                values[label].add(v);
            }
        }
    }

    private void addTrimmed(int label, String value) {
        if (value != null && !value.isEmpty()) {
            String v = Punctuation.trim(value);
            if (!v.isEmpty()) {
                values[label].add(v);
            }
        }
    }

    private void field(String tag, DataField df, boolean hasPublication264, LamRecord.Builder b) {
        switch (tag) {
            case "245":
                addTrimmed(TITLE, MarcSpec.join(df, "abknp"));
                break;
            case "100":
                name(CREATOR, df, MarcSpec.join(df, "abcdq"), 'e');
                break;
            case "110":
                name(CREATOR, df, MarcSpec.join(df, "ab"), 'e');
                break;
            case "111":
                name(CREATOR, df, MarcSpec.join(df, "acdn"), 'j');
                break;
            case "700":
                name(CONTRIBUTOR, df, MarcSpec.join(df, "abcdq"), 'e');
                break;
            case "710":
                name(CONTRIBUTOR, df, MarcSpec.join(df, "ab"), 'e');
                break;
            case "711":
                name(CONTRIBUTOR, df, MarcSpec.join(df, "acdn"), 'j');
                break;
            case "260":
                publication(df);
                break;
            case "264":
                if (!hasPublication264 || df.getIndicator2() == '1' || df.getIndicator2() == '0') {
                    publication(df);
                    for (Subfield sf : df.getSubfields('c')) {
                        if (sf.getData() != null) {
                            statements264.add(sf.getData());
                        }
                    }
                }
                break;
            case "041":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() == 'a' || sf.getCode() == 'd') {
                        for (String code : splitCodes(sf.getData())) {
                            String lang = Languages.toBcp47(code);
                            if (lang != null) {
                                values[LANGUAGE].add(lang);
                            }
                        }
                    }
                }
                break;
            case "600": case "610": case "611": case "630": case "648": case "650": case "651":
                addSubject(SUBJECT, df);
                break;
            case "655":
                addSubject(GENRE, df);
                break;
            case "010":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() != 'a' || sf.getData() == null) {
                        continue;
                    }
                    String v = sf.getData().indexOf(' ') < 0 ? sf.getData() : sf.getData().replace(" ", "");
                    if (!v.isEmpty()) {
                        values[IDENTIFIER].add("lccn:" + v);
                    }
                }
                break;
            case "020":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() != 'a' || sf.getData() == null) {
                        continue;
                    }
                    String v = Identifiers.isbn(sf.getData());
                    if (v != null) {
                        values[IDENTIFIER].add("isbn:" + v);
                    }
                }
                break;
            case "022":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() != 'a' || sf.getData() == null) {
                        continue;
                    }
                    String v = sf.getData().strip();
                    if (!v.isEmpty()) {
                        values[IDENTIFIER].add("issn:" + v);
                    }
                }
                break;
            case "035":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() != 'a' || sf.getData() == null) {
                        continue;
                    }
                    String v = Identifiers.oclc(sf.getData());
                    if (v != null) {
                        values[IDENTIFIER].add("oclc:" + v);
                    }
                }
                break;
            case "520":
                add(DESCRIPTION, MarcSpec.join(df, "ab"));
                break;
            case "506": case "540":
                add(RIGHTS, MarcSpec.join(df, "a"));
                break;
            case "490":
                addTrimmed(COLLECTION, MarcSpec.join(df, "a"));
                break;
            case "440": case "830":
                addTrimmed(COLLECTION, MarcSpec.join(df, "anp"));
                break;
            case "050":
                addTrimmed(CLASSIFICATION, MarcSpec.join(df, "ab"));
                break;
            case "082":
                for (Subfield sf : df.getSubfields()) {
                    if (sf.getCode() != 'a' || sf.getData() == null) {
                        continue;
                    }
                    String v = sf.getData();
                    if (v.indexOf('/') >= 0 || v.indexOf('\'') >= 0) {
                        v = v.replace("/", "").replace("'", "");
                    }
                    v = v.strip();
                    if (!v.isEmpty()) {
                        values[CLASSIFICATION].add(v);
                    }
                }
                break;
            case "856":
                Images.add(df, b);
                break;
            default:
                break;
        }
    }

    /**
     * Adds a name, and with the names option its roles ({@code Chabon, Michael: author}) from the
     * relator terms ({@code termCode}: $e, or $j of a meeting) and relator codes ($4).
     */
    private void name(int label, DataField df, String name, char termCode) {
        String n = Punctuation.trim(name);
        if (n.isEmpty()) {
            return;
        }
        values[label].add(n);
        if (names) {
            roles(df, n, termCode);
        }
    }

    private void roles(DataField df, String name, char termCode) {
        List<String> seen = null;
        for (Subfield sf : df.getSubfields()) {
            String d = sf.getData();
            if (d == null) {
                continue;
            }
            String term = null;
            if (sf.getCode() == termCode) {
                term = Punctuation.trim(d);
                if (term.endsWith(".") && !term.endsWith("etc.")) {
                    term = term.substring(0, term.length() - 1);
                }
            } else if (sf.getCode() == '4') {
                term = Codes.relator(d);
                if (term == null && d.strip().length() > 3) {
                    // a URI of id.loc.gov/vocabulary/relators/aut
                    String s = d.strip();
                    term = Codes.relator(s.substring(s.lastIndexOf('/') + 1));
                }
            }
            if (term == null || term.isEmpty()) {
                continue;
            }
            if (seen == null) {
                seen = new ArrayList<>(2);
            }
            if (!seen.contains(term)) {
                seen.add(term);
                values[ROLE].add(name + ": " + term);
            }
        }
    }

    /** Language names and the country of publication in words (the names option). */
    private void words(String country, boolean iso) {
        for (String tag : values[LANGUAGE]) {
            String n = Codes.language(tag);
            if (n != null && !values[LANGUAGE_NAME].contains(n)) {
                values[LANGUAGE_NAME].add(n);
            }
        }
        String c = iso ? Codes.isoCountry(country) : Codes.marcCountry(country);
        if (c != null) {
            values[COUNTRY].add(c);
        }
    }

    private void publication(DataField df) {
        for (Subfield sf : df.getSubfields()) {
            String d = sf.getData();
            if (d == null) {
                continue;
            }
            switch (sf.getCode()) {
                case 'a':
                    place(d);
                    break;
                case 'b':
                    publisher(d);
                    break;
                case 'c':
                    add(RAW_DATE, d);
                    break;
                default:
                    break;
            }
        }
    }

    private void place(String d) {
        String v = Punctuation.trim(d);
        if (!v.isEmpty() && !Punctuation.placeholder(v)) {
            values[PLACE].add(v);
        }
    }

    private void publisher(String d) {
        String v = Punctuation.trim(d);
        if (!v.isEmpty() && !Punctuation.placeholder(v)) {
            values[PUBLISHER].add(v);
        }
    }

    private void addSubject(int label, DataField df) {
        StringBuilder main = new StringBuilder();
        List<String> subdivisions = null;
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            String d = sf.getData();
            if (d == null || d.isBlank() || (c >= '0' && c <= '9') || c == 'w' || c == 'i') {
                // $w: the control codes of a tracing (nnnc); $i: relationship information (Real name:)
                continue;
            }
            if (c == 'v' || c == 'x' || c == 'y' || c == 'z') {
                if (subdivisions == null) {
                    subdivisions = new ArrayList<>(3);
                }
                String t = Punctuation.trim(d);
                if (!t.isEmpty()) {
                    subdivisions.add(t);
                }
            } else if (subdivisions == null) {
                if (main.length() > 0) {
                    main.append(' ');
                }
                main.append(d.strip());
            }
        }
        String head = Punctuation.trim(main.toString());
        if (subdivisions == null) {
            if (!head.isEmpty()) {
                values[label].add(head);
            }
            return;
        }
        StringBuilder sb = new StringBuilder(head);
        for (String s : subdivisions) {
            if (sb.length() > 0) {
                sb.append(" -- ");
            }
            sb.append(s);
        }
        if (sb.length() > 0) {
            values[label].add(sb.toString());
        }
    }

    // ---- UNIMARC ----

    /** Collects the labels of a UNIMARC record (see the README's UNIMARC table). */
    private void unimarc(Record r, LamRecord.Builder b) {
        Leader leader = r.getLeader();
        char type = leader == null ? ' ' : leader.getTypeOfRecord();
        char level = ' ';
        if (leader != null) {
            char[] impl = leader.getImplDefined1();
            level = impl != null && impl.length > 0 ? impl[0] : ' ';
        }
        if (Flavours.unimarcHoldings(r)) {
            unimarcHoldings(r, b);
            values[TYPE].add("holdings");
            b.label(FLAVOUR, "unimarc");
            return;
        }
        if (type == 'x' || type == 'y' || type == 'z') {
            unimarcAuthority(r);
            values[TYPE].add("authority");
            b.label(FLAVOUR, "unimarc");
            return;
        }
        String f100 = null;
        String country = null;
        DataField f105 = null;
        DataField f106 = null;
        DataField f140 = null;
        for (ControlField cf : r.getControlFields()) {
            String tag = cf.getTag();
            if (tag.equals("001") || tag.equals("003")) {
                add(IDENTIFIER, cf.getData());
            }
        }
        for (DataField df : r.getDataFields()) {
            String tag = df.getTag();
            switch (tag) {
                case "200":
                    addTrimmed(TITLE, unimarcTitle(df));
                    break;
                case "700": case "710": case "720":
                    name(CREATOR, df, unimarcName(df), '\0');
                    break;
                case "701": case "702": case "711": case "712": case "721": case "722":
                    name(CONTRIBUTOR, df, unimarcName(df), '\0');
                    break;
                case "102":
                    if (country == null) {
                        Subfield a = df.getSubfield('a');
                        country = a == null ? null : a.getData();
                    }
                    break;
                case "100":
                    if (f100 == null) {
                        Subfield a = df.getSubfield('a');
                        f100 = a == null ? null : a.getData();
                    }
                    break;
                case "101":
                    for (Subfield sf : df.getSubfields('a')) {
                        for (String code : splitCodes(Punctuation.trim(sf.getData() == null ? "" : sf.getData()))) {
                            String lang = Languages.toBcp47(code);
                            if (lang != null && !values[LANGUAGE].contains(lang)) {
                                values[LANGUAGE].add(lang);
                            }
                        }
                    }
                    break;
                case "210": case "214":
                    for (Subfield sf : df.getSubfields()) {
                        String d = sf.getData();
                        if (d == null) {
                            continue;
                        }
                        if (sf.getCode() == 'a') {
                            place(d);
                        } else if (sf.getCode() == 'c') {
                            publisher(d);
                        } else if (sf.getCode() == 'd') {
                            add(RAW_DATE, d);
                        }
                    }
                    break;
                case "600": case "601": case "602": case "604": case "605": case "606": case "607": case "615":
                case "616": case "617":
                    unimarcSubject(SUBJECT, df);
                    break;
                case "610":
                    for (Subfield sf : df.getSubfields('a')) {
                        addTrimmed(SUBJECT, sf.getData());
                    }
                    break;
                case "608":
                    unimarcSubject(GENRE, df);
                    break;
                case "105":
                    if (f105 == null) {
                        f105 = df;
                    }
                    break;
                case "106":
                    if (f106 == null) {
                        f106 = df;
                    }
                    break;
                case "140":
                    if (f140 == null) {
                        f140 = df;
                    }
                    break;
                case "010":
                    for (Subfield sf : df.getSubfields('a')) {
                        String v = sf.getData() == null ? null : Identifiers.isbn(sf.getData());
                        if (v != null) {
                            values[IDENTIFIER].add("isbn:" + v);
                        }
                    }
                    break;
                case "011":
                    for (Subfield sf : df.getSubfields('a')) {
                        String v = sf.getData() == null ? "" : Punctuation.trim(sf.getData());
                        if (!v.isEmpty()) {
                            values[IDENTIFIER].add("issn:" + v);
                        }
                    }
                    break;
                case "330":
                    add(DESCRIPTION, MarcSpec.join(df, "a"));
                    break;
                case "310": case "371":
                    add(RIGHTS, MarcSpec.join(df, "a"));
                    break;
                case "225":
                    addTrimmed(COLLECTION, MarcSpec.join(df, "a"));
                    break;
                case "410": {
                    Subfield t = df.getSubfield('t');
                    if (t == null) {
                        t = df.getSubfield('a');
                    }
                    if (t != null) {
                        addTrimmed(COLLECTION, t.getData());
                    }
                    break;
                }
                case "675": case "686":
                    addTrimmed(CLASSIFICATION, MarcSpec.join(df, "a"));
                    break;
                case "676":
                    for (Subfield sf : df.getSubfields('a')) {
                        String v = sf.getData() == null ? "" : sf.getData().replace("/", "").replace("'", "");
                        addTrimmed(CLASSIFICATION, v);
                    }
                    break;
                case "680":
                    addTrimmed(CLASSIFICATION, MarcSpec.join(df, "ab"));
                    break;
                case "856":
                    Images.add(df, b);
                    break;
                default:
                    break;
            }
        }
        String date = f100 == null ? null : unimarcDate(f100);
        if (date != null && f100.length() >= 13 && f100.substring(11, 13).indexOf(' ') >= 0
                && f100.substring(9, 11).chars().allMatch(Character::isDigit)) {
            date = yearWithin(date, f100.substring(9, 13).replace(' ', 'u'));
        }
        if (date == null) {
            date = fromStatements();
        }
        if (date != null) {
            values[DATE].add(date);
        }
        unimarcTypeWords(type, level, values[TYPE]);
        if (names) {
            words(country, true);
        }
        if (type == 'a' || type == 'b') {
            if (f105 != null) {
                unimarcCoded(f105, "105/4-7", 4, 7, 1);
                unimarcCoded(f105, "105/11", 11, 11, 1);
            }
            if (f140 != null) {
                unimarcCoded(f140, "140/9-16", 9, 16, 2);
                unimarcCoded(f140, "140/17-18", 17, 18, 2);
            }
            if (f106 != null) {
                unimarcCoded(f106, "106/0", 0, 0, 1);
            }
        }
        b.label(FLAVOUR, "unimarc");
    }

    /**
     * A UNIMARC holdings record (UNIMARC/Holdings): location (252 $a institution, $b sub-location),
     * call number (252 $j, the full shelf mark), and the group of the bibliographic record its 004
     * names.
     */
    private void unimarcHoldings(Record r, LamRecord.Builder b) {
        for (ControlField cf : r.getControlFields()) {
            String v = cf.getData() == null ? "" : cf.getData().strip();
            if (cf.getTag().equals("001")) {
                add(IDENTIFIER, v);
            } else if (cf.getTag().equals("004") && !v.isEmpty()) {
                b.group(v);
            }
        }
        for (DataField df : r.getDataFields()) {
            if (!df.getTag().equals("252")) {
                continue;
            }
            StringBuilder loc = new StringBuilder();
            for (Subfield sf : df.getSubfields()) {
                char c = sf.getCode();
                if ((c == 'a' || c == 'b') && sf.getData() != null && !sf.getData().isBlank()) {
                    loc.append(loc.length() > 0 ? ", " : "").append(Punctuation.trim(sf.getData()));
                }
            }
            add(LOCATION, loc.toString());
            for (Subfield sf : df.getSubfields('j')) {
                if (sf.getData() != null && !sf.getData().isBlank()) {
                    add(CALL_NUMBER, sf.getData().strip());
                }
            }
        }
    }

    /**
     * A UNIMARC authority record (leader/06 {@code x} entry, {@code y} reference, {@code z}
     * general explanatory): the heading (2XX) as title, see-from (4XX) and see-also (5XX) forms,
     * sources (810 $a $b), identifiers (001, 003).
     */
    private void unimarcAuthority(Record r) {
        for (ControlField cf : r.getControlFields()) {
            if (cf.getTag().equals("001") || cf.getTag().equals("003")) {
                add(IDENTIFIER, cf.getData());
            }
        }
        for (DataField df : r.getDataFields()) {
            String tag = df.getTag();
            char c0 = tag.charAt(0);
            if (c0 != '2' && c0 != '4' && c0 != '5') {
                if (tag.equals("810")) {
                    add(SOURCE, MarcSpec.join(df, "ab"));
                }
                continue;
            }
            // 200 and 210/215/220 are names; the others (230 title, 250 topic...) headings of words
            String head = tag.endsWith("00") || tag.endsWith("10") || tag.endsWith("20") ? unimarcName(df) : null;
            int label = c0 == '2' ? TITLE : c0 == '4' ? SEE_FROM : SEE_ALSO;
            if (head != null) {
                StringBuilder sb = new StringBuilder(head);
                for (Subfield sf : df.getSubfields()) {
                    char c = sf.getCode();
                    if ((c == 'j' || c == 'x' || c == 'y' || c == 'z') && sf.getData() != null
                            && !sf.getData().isBlank()) {
                        sb.append(" -- ").append(Punctuation.trim(sf.getData()));
                    }
                }
                addTrimmed(label, sb.toString());
            } else {
                unimarcSubject(label, df);
            }
        }
    }

    /**
     * The date of UNIMARC 100 $a/8-16 (type of date, date 1, date 2), normalised as 008's dates are:
     * the UNIMARC type is read as the MARC 21 type that means the same, unknown digits as 'u'.
     *
     * @param f100a the 100 $a
     * @return the normalised date, or null
     */
    static String unimarcDate(String f100a) {
        if (f100a.length() < 13) {
            return null;
        }
        char t;
        switch (f100a.charAt(8)) {
            case 'a': t = 'c'; break;
            case 'b': t = 'd'; break;
            case 'c': t = 'u'; break;
            case 'd': case 'k': t = 's'; break;
            case 'e': t = 'r'; break;
            case 'f': t = 'q'; break;
            case 'g': t = 'm'; break;
            case 'h': t = 't'; break;
            case 'i': t = 'p'; break;
            case 'j': t = 'e'; break;
            default: return null;
        }
        StringBuilder sb = new StringBuilder("      ").append(t);
        String d1 = f100a.substring(9, 13);
        String d2 = f100a.length() >= 17 ? f100a.substring(13, 17) : "    ";
        // unknown digits are blanks in UNIMARC, 'u' in MARC 21
        sb.append(d1.charAt(0)).append(d1.charAt(1)).append(d1.substring(2).replace(' ', 'u')).append(d2);
        return Dates.from008(sb.toString());
    }

    /** 200 $a $e $h $i as ISBD gives them: {@code Title : other title. Part, Name of part}. */
    static String unimarcTitle(DataField df) {
        StringBuilder sb = new StringBuilder();
        char last = 0;
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            if (c != 'a' && c != 'e' && c != 'h' && c != 'i' || sf.getData() == null) {
                continue;
            }
            String v = Punctuation.trim(sf.getData());
            if (v.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(c == 'a' ? " ; " : c == 'e' ? " : " : c == 'i' && last == 'h' ? ", " : ". ");
            }
            sb.append(v);
            last = c;
        }
        return sb.toString();
    }

    /**
     * A UNIMARC name heading (7XX, 60X): {@code Austen, Jane, 1775-1817} from $a $b $d $c $f of a
     * personal name; {@code Body. Subdivision, number, date, place} from $a $b $d $f $e of a
     * corporate one; $a $f of a family.
     */
    static String unimarcName(DataField df) {
        String tag = df.getTag();
        boolean corporate = tag.charAt(1) == '1' || tag.equals("601");
        StringBuilder sb = new StringBuilder();
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            if (sf.getData() == null || c >= '0' && c <= '9') {
                continue;
            }
            String v = Punctuation.trim(sf.getData());
            if (v.isEmpty()) {
                continue;
            }
            String sep;
            if (corporate) {
                if (c != 'a' && c != 'b' && c != 'c' && c != 'd' && c != 'e' && c != 'f') {
                    continue;
                }
                sep = c == 'b' ? ". " : ", ";
            } else {
                if (c != 'a' && c != 'b' && c != 'c' && c != 'd' && c != 'f' && c != 'g') {
                    continue;
                }
                sep = c == 'd' ? " " : ", ";
            }
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /** A UNIMARC subject (600-617): the heading, then $j $x $y $z subdivisions joined by {@code --}. */
    private void unimarcSubject(int label, DataField df) {
        String tag = df.getTag();
        String head;
        if (tag.equals("600") || tag.equals("601") || tag.equals("602")) {
            head = unimarcName(df);
        } else {
            StringBuilder sb = new StringBuilder();
            String sep = tag.equals("617") ? " -- " : " ";
            for (Subfield sf : df.getSubfields()) {
                char c = sf.getCode();
                if (sf.getData() == null || c >= '0' && c <= '9' || c == 'j' || c == 'x' || c == 'y' || c == 'z') {
                    continue;
                }
                String v = Punctuation.trim(sf.getData());
                if (!v.isEmpty()) {
                    sb.append(sb.length() > 0 ? sep : "").append(v);
                }
            }
            head = sb.toString();
        }
        StringBuilder out = new StringBuilder(Punctuation.trim(head));
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            if ((c == 'j' || c == 'x' || c == 'y' || c == 'z') && sf.getData() != null) {
                String v = Punctuation.trim(sf.getData());
                if (!v.isEmpty()) {
                    out.append(out.length() > 0 ? " -- " : "").append(v);
                }
            }
        }
        if (out.length() > 0) {
            values[label].add(out.toString());
        }
    }

    /**
     * Genre words of UNIMARC's coded data ({@code unimarc-genres.tsv}): 105 $a (textual material)
     * form of contents (4-7) and literature (11); 106 $a/0 form of item; 140 $a (antiquarian) form
     * of contents (9-16) and literary text (17-18).
     */
    private void unimarcCoded(DataField df, String table, int from, int to, int width) {
        Subfield a = df.getSubfield('a');
        String v = a == null ? null : a.getData();
        if (v == null) {
            return;
        }
        for (int i = from; i + width <= to + 1 && i + width <= v.length(); i += width) {
            String w = Codes.unimarcGenre(table, v.substring(i, i + width));
            if (w != null && !values[GENRE].contains(w)) {
                values[GENRE].add(w);
            }
        }
    }

    /** The type words of UNIMARC leader/06 and leader/07, in MARC 21's words. */
    static void unimarcTypeWords(char type, char level, List<String> out) {
        String t;
        boolean manuscript = false;
        switch (type) {
            case 'a': t = "text"; break;
            case 'b': t = "text"; manuscript = true; break;
            case 'c': t = "notated music"; break;
            case 'd': t = "notated music"; manuscript = true; break;
            case 'e': t = "cartographic"; break;
            case 'f': t = "cartographic"; manuscript = true; break;
            case 'g': t = "moving image"; break;
            case 'i': t = "sound recording-nonmusical"; break;
            case 'j': t = "sound recording-musical"; break;
            case 'k': t = "still image"; break;
            case 'l': t = "software, multimedia"; break;
            case 'm': t = "kit"; break;
            case 'r': t = "three dimensional object"; break;
            default: t = null;
        }
        if (t == null) {
            return;
        }
        out.add(t);
        if (manuscript) {
            out.add("manuscript");
        }
        String l;
        switch (level) {
            case 'a': l = "component part"; break;
            case 'c': l = "collection"; break;
            case 'i': l = "integrating resource"; break;
            case 'm': l = "monograph"; break;
            case 's': l = "serial"; break;
            default: l = null;
        }
        if (l != null) {
            out.add(l);
        }
    }

    /** The default text of a UNIMARC record: title and statement of responsibility (200), 330, 327. */
    private static void unimarcText(Record r, List<String> out) {
        for (DataField df : r.getDataFields()) {
            String tag = df.getTag();
            if (tag.equals("200")) {
                StringBuilder sb = new StringBuilder(unimarcTitle(df));
                boolean first = true;
                for (Subfield sf : df.getSubfields()) {
                    if ((sf.getCode() == 'f' || sf.getCode() == 'g') && sf.getData() != null
                            && !sf.getData().isBlank()) {
                        sb.append(first ? " / " : " ; ").append(sf.getData().strip());
                        first = false;
                    }
                }
                if (sb.length() > 0) {
                    out.add(sb.toString());
                }
            } else if (tag.equals("330") || tag.equals("327")) {
                String v = MarcSpec.join(df, "a");
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        }
    }

    /** Splits a 041 value into three-letter codes ({@code engfre} packed into one subfield). */
    static List<String> splitCodes(String v) {
        if (v == null) {
            return List.of();
        }
        String s = v.strip();
        if (s.length() > 3 && s.length() % 3 == 0 && s.chars().allMatch(Character::isLetter)) {
            List<String> out = new ArrayList<>(s.length() / 3);
            for (int i = 0; i < s.length(); i += 3) {
                out.add(s.substring(i, i + 3));
            }
            return out;
        }
        return List.of(s);
    }

    /** The literary form of 008/33 for books, as a genre word, or null. */
    static String literaryForm(char c) {
        switch (c) {
            case '0': return "non-fiction";
            case '1': return "fiction";
            case 'c': return "comic strips";
            case 'd': return "dramas";
            case 'e': return "essays";
            case 'f': return "novels";
            case 'h': return "humor, satires, etc.";
            case 'i': return "letters";
            case 'j': return "short stories";
            case 'm': return "mixed forms";
            case 'p': return "poetry";
            case 's': return "speeches";
            default: return null;
        }
    }

    /** The type words of leader/06 and leader/07. */
    static void typeWords(char type, char level, List<String> out) {
        String t;
        switch (type) {
            case 'a': case 't': t = "text"; break;
            case 'c': case 'd': t = "notated music"; break;
            case 'e': case 'f': t = "cartographic"; break;
            case 'g': t = "moving image"; break;
            case 'i': t = "sound recording-nonmusical"; break;
            case 'j': t = "sound recording-musical"; break;
            case 'k': t = "still image"; break;
            case 'm': t = "software, multimedia"; break;
            case 'o': t = "kit"; break;
            case 'p': t = "mixed material"; break;
            case 'r': t = "three dimensional object"; break;
            case 'z': t = "authority"; break;
            case 'u': case 'v': case 'x': case 'y': t = "holdings"; break;
            case 'q': t = "community information"; break;
            default: t = null;
        }
        if (t != null) {
            out.add(t);
        }
        if (type == 'd' || type == 'f' || type == 't') {
            out.add("manuscript");
        }
        if (t == null || t.equals("authority") || t.equals("holdings")) {
            return;
        }
        String l;
        switch (level) {
            case 'a': l = "component part"; break;
            case 'b': l = "serial component part"; break;
            case 'c': l = "collection"; break;
            case 'd': l = "subunit"; break;
            case 'i': l = "integrating resource"; break;
            case 'm': l = "monograph"; break;
            case 's': l = "serial"; break;
            default: l = null;
        }
        if (l != null) {
            out.add(l);
        }
    }

    /** 856 links that are images, thumbnails or IIIF manifests. */
    static final class Images {
        /**
         * What a $3, $y or $z says of a link that is one image: {@code Cover image}, {@code Thumbnail},
         * {@code IIIF}; not {@code Selected images} or {@code View the digitized images} (pages of
         * images), nor {@code Discover...}.
         */
        private static final java.util.regex.Pattern SAYS_IMAGE =
                java.util.regex.Pattern.compile("(?<![a-z])(image|thumbnail|thumbnails|cover|iiif)(?![a-z])");

        private Images() {
        }

        static void add(DataField df, LamRecord.Builder b) {
            String mime = null;
            boolean said = false;
            for (Subfield sf : df.getSubfields()) {
                String d = sf.getData() == null ? "" : sf.getData().toLowerCase(Locale.ROOT);
                char c = sf.getCode();
                if (c == 'q' && d.startsWith("image/")) {
                    mime = d.strip();
                } else if ((c == '3' || c == 'y' || c == 'z') && SAYS_IMAGE.matcher(d).find()) {
                    said = true;
                }
            }
            for (Subfield sf : df.getSubfields('u')) {
                String u = sf.getData() == null ? "" : sf.getData().strip();
                if (u.isEmpty()) {
                    continue;
                }
                String lower = u.toLowerCase(Locale.ROOT);
                String path = lower.replaceAll("[?#].*$", "");
                boolean imageFile = path.endsWith(".jpg") || path.endsWith(".jpeg") || path.endsWith(".png")
                        || path.endsWith(".gif") || path.endsWith(".tif") || path.endsWith(".tiff")
                        || path.endsWith(".jp2") || path.endsWith(".webp");
                boolean iiifImage = path.endsWith("/info.json");
                boolean manifest = path.contains("iiif") && (path.endsWith("manifest") || path.endsWith("manifest.json"));
                if (!(imageFile || iiifImage || manifest || mime != null || said)) {
                    continue;
                }
                ImageRef.Builder img = ImageRef.builder(u);
                if (iiifImage) {
                    img.service(u.substring(0, u.length() - "/info.json".length()));
                }
                if (mime != null) {
                    img.mime(mime);
                } else if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
                    img.mime("image/jpeg");
                } else if (path.endsWith(".png")) {
                    img.mime("image/png");
                } else if (path.endsWith(".tif") || path.endsWith(".tiff")) {
                    img.mime("image/tiff");
                } else if (path.endsWith(".jp2")) {
                    img.mime("image/jp2");
                } else if (path.endsWith(".gif")) {
                    img.mime("image/gif");
                } else if (manifest) {
                    img.mime("application/ld+json");
                }
                b.image(img.build());
            }
        }
    }
}
