package org.biglam.lam.marc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * A field specification in the language of traject and SolrMarc: {@code 245abnp},
 * {@code 008[35-37]}, {@code LDR[6]}, {@code 650|*0|a}, several joined by colons
 * ({@code 700a:710ab}). Immutable.
 */
public final class MarcSpec {

    /** One part of a specification. */
    static final class Part {
        final String tag;
        final boolean leader;
        final boolean control;
        final int from;
        final int to;
        final char ind1;
        final char ind2;
        final String codes;

        Part(String tag, int from, int to, char ind1, char ind2, String codes) {
            this.tag = tag;
            this.leader = tag.equals("LDR") || tag.equals("000");
            this.control = leader || (tag.startsWith("00"));
            this.from = from;
            this.to = to;
            this.ind1 = ind1;
            this.ind2 = ind2;
            this.codes = codes;
        }
    }

    private final String text;
    private final List<Part> parts;

    private final boolean dataOnly;

    private MarcSpec(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
        this.dataOnly = parts.stream().noneMatch(p -> p.control);
    }

    /**
     * Parses a specification.
     *
     * @param spec the specification
     * @return the parsed form
     * @throws IllegalArgumentException with the position of the first error
     */
    public static MarcSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        List<Part> parts = new ArrayList<>();
        for (String raw : spec.split(":")) {
            String p = raw.strip();
            if (p.isEmpty()) {
                throw bad(spec, "an empty part");
            }
            if (p.length() < 3) {
                throw bad(spec, "'" + p + "' has no three-character tag");
            }
            String tag = p.substring(0, 3);
            if (tag.equalsIgnoreCase("ldr")) {
                tag = "LDR";
            } else if (!tag.chars().allMatch(Character::isLetterOrDigit)) {
                throw bad(spec, "'" + tag + "' is not a tag");
            }
            String rest = p.substring(3);
            int from = -1;
            int to = -1;
            char ind1 = 0;
            char ind2 = 0;
            String codes = null;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0 || close != rest.length() - 1) {
                    throw bad(spec, "'" + p + "' has an unclosed or trailing '[...]'");
                }
                String range = rest.substring(1, close);
                try {
                    int dash = range.indexOf('-');
                    from = Integer.parseInt(range.substring(0, dash < 0 ? range.length() : dash).strip());
                    to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1).strip());
                } catch (NumberFormatException e) {
                    throw bad(spec, "'" + p + "' has a bad position range");
                }
                if (from < 0 || to < from) {
                    throw bad(spec, "'" + p + "' has a bad position range");
                }
                if (!tag.equals("LDR") && !tag.startsWith("00")) {
                    throw bad(spec, "positions apply to the leader and control fields only: '" + p + "'");
                }
            } else {
                if (rest.startsWith("|")) {
                    if (rest.length() < 4 || rest.charAt(3) != '|') {
                        throw bad(spec, "'" + p + "' needs indicators as |12|");
                    }
                    ind1 = indicator(rest.charAt(1));
                    ind2 = indicator(rest.charAt(2));
                    rest = rest.substring(4);
                }
                if (!rest.isEmpty()) {
                    if (!rest.chars().allMatch(Character::isLetterOrDigit)) {
                        throw bad(spec, "'" + p + "' has bad subfield codes '" + rest + "'");
                    }
                    codes = rest;
                }
            }
            parts.add(new Part(tag, from, to, ind1, ind2, codes));
        }
        return new MarcSpec(spec, List.copyOf(parts));
    }

    private static char indicator(char c) {
        return c == '*' ? 0 : c == '#' || c == '_' ? ' ' : c;
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad MARC field specification '" + spec + "': " + why);
    }

    /**
     * Extracts the values of this specification from a record, in part order and field order,
     * with linked 880 fields after the fields of each part.
     *
     * @param r the record
     * @param out receives the values (not trimmed)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void extract(Record r, List<String> out) {
        if (dataOnly && parts.size() > 1) {
            // one pass over the fields, values kept per part (and linked 880s after each part's own)
            int n = parts.size();
            List<String>[] own = new List[n];
            List<String>[] alt = null;
            for (DataField df : r.getDataFields()) {
                String tag = df.getTag();
                String linked = tag.equals("880") ? MarcMapper.linkedTag(df) : null;
                for (int k = 0; k < n; k++) {
                    Part p = parts.get(k);
                    if (p.tag.equals(tag)) {
                        if (own[k] == null) {
                            own[k] = new ArrayList<>(2);
                        }
                        add(df, p, own[k]);
                    } else if (linked != null && p.tag.equals(linked)) {
                        if (alt == null) {
                            alt = new List[n];
                        }
                        if (alt[k] == null) {
                            alt[k] = new ArrayList<>(2);
                        }
                        add(df, p, alt[k]);
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                if (own[k] != null) {
                    out.addAll(own[k]);
                }
                if (alt != null && alt[k] != null) {
                    out.addAll(alt[k]);
                }
            }
            return;
        }
        for (Part p : parts) {
            if (p.leader) {
                if (r.getLeader() != null) {
                    out.add(slice(r.getLeader().marshal(), p));
                }
            } else if (p.control) {
                for (ControlField cf : r.getControlFields()) {
                    if (cf.getTag().equals(p.tag) && cf.getData() != null) {
                        String v = slice(cf.getData(), p);
                        if (v != null) {
                            out.add(v);
                        }
                    }
                }
            } else {
                List<DataField> linked = null;
                for (DataField df : r.getDataFields()) {
                    String tag = df.getTag();
                    if (tag.equals(p.tag)) {
                        add(df, p, out);
                    } else if (tag.equals("880") && p.tag.equals(MarcMapper.linkedTag(df))) {
                        if (linked == null) {
                            linked = new ArrayList<>();
                        }
                        linked.add(df);
                    }
                }
                if (linked != null) {
                    for (DataField df : linked) {
                        add(df, p, out);
                    }
                }
            }
        }
    }

    private static void add(DataField df, Part p, List<String> out) {
        if ((p.ind1 != 0 && df.getIndicator1() != p.ind1) || (p.ind2 != 0 && df.getIndicator2() != p.ind2)) {
            return;
        }
        String v = join(df, p.codes);
        if (!v.isEmpty()) {
            out.add(v);
        }
    }

    /**
     * Joins subfields of a field with a space. The ISBD punctuation that ends a subfield left out
     * ({@code $a Star wars $h [videorecording] : $b the empire strikes back}) still separates the
     * subfields around it ({@code Star wars : the empire strikes back}).
     *
     * @param df the field
     * @param codes the codes to keep, or null for every subfield but $6 and $8
     * @return the joined value, maybe empty
     */
    static String join(DataField df, String codes) {
        StringBuilder sb = null;
        String first = null;
        char pending = 0;
        for (Subfield sf : df.getSubfields()) {
            char c = sf.getCode();
            boolean keep = codes == null ? c != '6' && c != '8' : codes.indexOf(c) >= 0;
            String d = sf.getData();
            if (d == null || d.isBlank()) {
                continue;
            }
            if (!keep) {
                if (first != null) {
                    pending = isbdEnd(d);
                }
                continue;
            }
            if (first == null) {
                first = d.strip();
            } else {
                if (sb == null) {
                    sb = new StringBuilder(first);
                }
                if (pending != 0 && isbdEnd(sb) == 0) {
                    sb.append(' ').append(pending);
                }
                sb.append(' ').append(d.strip());
            }
            pending = 0;
        }
        return sb != null ? sb.toString() : first == null ? "" : first;
    }

    /** The ISBD mark ({@code :}, {@code ;}, {@code /}, {@code =}) after a space that ends a value, else 0. */
    private static char isbdEnd(CharSequence d) {
        int i = d.length() - 1;
        while (i >= 0 && Character.isWhitespace(d.charAt(i))) {
            i--;
        }
        if (i < 1) {
            return 0;
        }
        char c = d.charAt(i);
        return (c == ':' || c == ';' || c == '/' || c == '=') && d.charAt(i - 1) == ' ' ? c : 0;
    }

    private static String slice(String data, Part p) {
        if (p.from < 0) {
            return data;
        }
        if (p.from >= data.length()) {
            return null;
        }
        return data.substring(p.from, Math.min(data.length(), p.to + 1));
    }

    /** Whether this specification names data fields only (needed for the text). */
    boolean dataFieldsOnly() {
        return parts.stream().noneMatch(p -> p.control);
    }

    @Override
    public String toString() {
        return text;
    }
}
