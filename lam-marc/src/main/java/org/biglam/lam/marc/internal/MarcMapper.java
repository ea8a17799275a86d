package org.biglam.lam.marc.internal;

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
    private static final String[] NAMES = {Labels.TITLE, Labels.CREATOR, Labels.CONTRIBUTOR, Labels.DATE,
        Labels.LANGUAGE, Labels.SUBJECT, Labels.GENRE, Labels.TYPE, Labels.PUBLISHER, Labels.PLACE,
        Labels.IDENTIFIER, Labels.RIGHTS, Labels.DESCRIPTION, Labels.COLLECTION, Labels.CLASSIFICATION,
        MARC_DATE};

    private final boolean[] builtIn = new boolean[NAMES.length];
    private final Map<String, MarcSpec> userSpecs = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final MarcSpec textSpec;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final List<String>[] values = new List[NAMES.length];
    private final List<String> scratch = new ArrayList<>();

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
     * Adds the record's labels, text and images to a builder.
     *
     * @param r the record
     * @param b the builder
     */
    public void map(Record r, LamRecord.Builder b) {
        for (List<String> v : values) {
            v.clear();
        }
        Leader leader = r.getLeader();
        char type = leader == null ? ' ' : leader.getTypeOfRecord();
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
        if (date == null) {
            for (String raw : values[RAW_DATE]) {
                date = Dates.fromStatement(raw);
                if (date != null) {
                    break;
                }
            }
        }
        if (date != null) {
            values[DATE].add(date);
        }
        typeWords(type, level, values[TYPE]);
        if (f008 != null && f008.length() >= 34 && (type == 'a' || type == 't')
                && (level == 'a' || level == 'c' || level == 'd' || level == 'm' || level == ' ')) {
            String form = literaryForm(f008.charAt(33));
            if (form != null) {
                values[GENRE].add(form);
            }
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (builtIn[i]) {
                List<String> v = values[i];
                for (int j = 0; j < v.size(); j++) {
                    b.label(NAMES[i], v.get(j));
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
                    b.label(e.getKey(), Punctuation.trim(v));
                }
            }
        }
        for (String label : removed) {
            b.removeLabel(label);
        }
        if (textSpec != null) {
            scratch.clear();
            textSpec.extract(r, scratch);
            if (!scratch.isEmpty()) {
                b.text(scratch.size() == 1 ? scratch.get(0) : String.join("\n", scratch));
            }
        }
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
                addTrimmed(TITLE, MarcSpec.join(df, "abnp"));
                break;
            case "100":
                addTrimmed(CREATOR, MarcSpec.join(df, "abcdq"));
                break;
            case "110":
                addTrimmed(CREATOR, MarcSpec.join(df, "ab"));
                break;
            case "111":
                addTrimmed(CREATOR, MarcSpec.join(df, "acdn"));
                break;
            case "700":
                addTrimmed(CONTRIBUTOR, MarcSpec.join(df, "abcdq"));
                break;
            case "710":
                addTrimmed(CONTRIBUTOR, MarcSpec.join(df, "ab"));
                break;
            case "711":
                addTrimmed(CONTRIBUTOR, MarcSpec.join(df, "acdn"));
                break;
            case "260":
                publication(df);
                break;
            case "264":
                if (!hasPublication264 || df.getIndicator2() == '1' || df.getIndicator2() == '0') {
                    publication(df);
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

    private void publication(DataField df) {
        for (Subfield sf : df.getSubfields()) {
            String d = sf.getData();
            if (d == null) {
                continue;
            }
            switch (sf.getCode()) {
                case 'a': {
                    String v = Punctuation.trim(d);
                    if (!v.isEmpty() && !v.regionMatches(true, 0, "s.l", 0, 3)) {
                        values[PLACE].add(v);
                    }
                    break;
                }
                case 'b': {
                    String v = Punctuation.trim(d);
                    if (!v.isEmpty() && !v.regionMatches(true, 0, "s.n", 0, 3)) {
                        values[PUBLISHER].add(v);
                    }
                    break;
                }
                case 'c':
                    add(RAW_DATE, d);
                    break;
                default:
                    break;
            }
        }
    }

    private void addSubject(int label, DataField df) {
        StringBuilder main = new StringBuilder();
        List<String> subdivisions = null;
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            String d = sf.getData();
            if (d == null || d.isBlank() || (c >= '0' && c <= '9')) {
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
                } else if ((c == '3' || c == 'y' || c == 'z') && (d.contains("image") || d.contains("thumbnail")
                        || d.contains("cover") || d.contains("iiif"))) {
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
