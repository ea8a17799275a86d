package org.biglam.lam.spi.vocab;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.biglam.lam.Labels;
import org.biglam.lam.LamRecord;
import org.jspecify.annotations.Nullable;

/**
 * Dublin Core and DCTERMS properties to lam's labels: one table for every format that carries them
 * (simple and qualified Dublin Core, {@code oai_dc}, EDM, METS {@code dmdSec}s), so that
 * {@code dcterms:issued} is a {@code date} whatever record it sits in.
 *
 * <p>Each value is kept under its own prefixed label ({@code dc:title}, {@code dcterms:issued}),
 * exactly as written; the uniform label gets the value too, normalised where the vocabulary says
 * so: dates to a year or range ({@link Dates#normalise}), languages to BCP 47 tags
 * ({@link Languages#tagsIn}).
 *
 * <table>
 * <caption>Properties and labels</caption>
 * <tr><th>property (dc or dcterms)</th><th>label</th></tr>
 * <tr><td>title, alternative</td><td>title</td></tr>
 * <tr><td>creator</td><td>creator</td></tr>
 * <tr><td>contributor</td><td>contributor</td></tr>
 * <tr><td>date, created, issued, available, dateCopyrighted, temporal (a date)</td><td>date (normalised)</td></tr>
 * <tr><td>language</td><td>language (BCP 47)</td></tr>
 * <tr><td>subject</td><td>subject</td></tr>
 * <tr><td>type</td><td>type</td></tr>
 * <tr><td>format, medium, extent</td><td>prefixed only</td></tr>
 * <tr><td>publisher</td><td>publisher</td></tr>
 * <tr><td>spatial, coverage</td><td>place (a DCMI Point or Box: its {@code name}; a coverage of years
 * alone, {@code 1939-1945}: date)</td></tr>
 * <tr><td>identifier, bibliographicCitation</td><td>identifier</td></tr>
 * <tr><td>rights, license, accessRights, rightsHolder</td><td>rights</td></tr>
 * <tr><td>description, abstract, tableOfContents</td><td>description</td></tr>
 * <tr><td>isPartOf, relation (dc), source</td><td>collection</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class DublinCore {

    /** The Dublin Core element set's namespace (DC 1.1). */
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    /** The DCMI Metadata Terms' namespace. */
    public static final String DCTERMS = "http://purl.org/dc/terms/";

    private static final Map<String, String> UNIFORM = new HashMap<>();

    static {
        map(Labels.TITLE, "title", "alternative");
        map(Labels.CREATOR, "creator");
        map(Labels.CONTRIBUTOR, "contributor");
        map(Labels.DATE, "date", "created", "issued", "available", "dateCopyrighted", "temporal");
        map(Labels.LANGUAGE, "language");
        map(Labels.SUBJECT, "subject");
        map(Labels.TYPE, "type");
        map(Labels.PUBLISHER, "publisher");
        map(Labels.PLACE, "spatial", "coverage");
        map(Labels.IDENTIFIER, "identifier", "bibliographicCitation");
        map(Labels.RIGHTS, "rights", "license", "accessRights", "rightsHolder");
        map(Labels.DESCRIPTION, "description", "abstract", "tableOfContents");
        map(Labels.COLLECTION, "isPartOf", "relation", "source");
    }

    private DublinCore() {
    }

    private static void map(String label, String... properties) {
        for (String p : properties) {
            UNIFORM.put(p, label);
        }
    }

    /**
     * The uniform label a property maps to.
     *
     * @param localName the property's local name ({@code title}, {@code issued})
     * @return the label's name, or null when the property has only its prefixed label
     */
    public static @Nullable String uniformLabel(String localName) {
        return UNIFORM.get(localName);
    }

    /**
     * The prefix for a property's own label: {@code dc} for the element set, {@code dcterms} for
     * the terms, null for any other namespace.
     *
     * @param namespace the namespace URI
     * @return the prefix, or null
     */
    public static @Nullable String prefix(String namespace) {
        if (DC.equals(namespace)) {
            return "dc";
        }
        if (DCTERMS.equals(namespace)) {
            return "dcterms";
        }
        return null;
    }

    /** Prefixed label names made so far, by namespace then local name: made once per property. */
    private static final ConcurrentHashMap<String, String> DC_LABELS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> DCTERMS_LABELS = new ConcurrentHashMap<>();
    /** Names beyond this many per namespace (a document of made-up properties) are not kept. */
    private static final int MAX_KEPT_LABELS = 1024;

    /**
     * A property's own label name: {@code dc:title}, {@code dcterms:issued}. Made once per property
     * (so that a reader adding many values does not make the name for each).
     *
     * @param namespace the property's namespace, {@link #DC} or {@link #DCTERMS}
     * @param localName the property's local name
     * @return the label name, or null for any other namespace
     */
    public static @Nullable String label(@Nullable String namespace, String localName) {
        ConcurrentHashMap<String, String> kept;
        String prefix;
        if (DC.equals(namespace)) {
            kept = DC_LABELS;
            prefix = "dc:";
        } else if (DCTERMS.equals(namespace)) {
            kept = DCTERMS_LABELS;
            prefix = "dcterms:";
        } else {
            return null;
        }
        String name = kept.get(localName);
        if (name == null) {
            name = prefix + localName;
            if (kept.size() < MAX_KEPT_LABELS) {
                kept.putIfAbsent(localName, name);
            }
        }
        return name;
    }

    /** A DCMI Point or Box value's component: {@code name=Paris; east=2.35; north=48.85}. */
    private static final java.util.regex.Pattern DCMI_PART = java.util.regex.Pattern.compile(
            "(?:^|;)\\s*(name|east|north|elevation|northlimit|southlimit|eastlimit|westlimit|units|zunits|projection"
            + "|uplimit|downlimit)\\s*=\\s*([^;]*)");

    /**
     * A place: a DCMI Point or Box gives its {@code name} (its coordinates alone give none), and a
     * {@code coverage} written as years alone ({@code 1939-1945}) is a date, not a place.
     */
    private static void place(LamRecord.Builder record, String localName, String value) {
        if (value.indexOf('=') >= 0) {
            java.util.regex.Matcher m = DCMI_PART.matcher(value);
            boolean dcmi = false;
            String name = null;
            while (m.find()) {
                dcmi = true;
                if (m.group(1).equals("name") && !m.group(2).isBlank()) {
                    name = m.group(2).strip();
                }
            }
            if (dcmi) {
                if (name != null) {
                    record.label(Labels.PLACE, name);
                }
                return;
            }
        }
        if (localName.equals("coverage") && !Dates.hasLetters(value)) {
            String d = Dates.normalise(value);
            if (d != null) {
                record.label(Labels.DATE, d);
                return;
            }
        }
        record.label(Labels.PLACE, value);
    }

    /**
     * Adds one property's value to a record: under its prefixed label as written, and under its
     * uniform label, normalised where that label is a date or a language. A date that gives no
     * year, or a language that is no known code or name, goes only under the prefixed label.
     *
     * @param record the record being built
     * @param namespace the property's namespace, {@link #DC} or {@link #DCTERMS}; nothing is added
     *     for any other
     * @param localName the property's local name
     * @param value the value; nothing is added when null or blank
     * @return whether the value was added
     */
    public static boolean add(LamRecord.Builder record, String namespace, String localName,
            @Nullable String value) {
        String label = label(namespace, localName);
        if (label == null || value == null || value.isBlank()) {
            return false;
        }
        record.label(label, value);
        String uniform = UNIFORM.get(localName);
        if (uniform == null) {
            return true;
        }
        if (uniform.equals(Labels.DATE)) {
            String d = Dates.normalise(value);
            if (d != null) {
                record.label(Labels.DATE, d);
            }
        } else if (uniform.equals(Labels.LANGUAGE)) {
            record.labels(Labels.LANGUAGE, Languages.tagsIn(value));
        } else if (uniform.equals(Labels.PLACE)) {
            place(record, localName, value);
        } else {
            record.label(uniform, value);
        }
        return true;
    }
}
