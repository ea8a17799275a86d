package org.biglam.lam.spi.vocab;

import java.util.HashMap;
import java.util.Map;
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
 * <tr><td>spatial, coverage</td><td>place</td></tr>
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
        String prefix = prefix(namespace);
        if (prefix == null || value == null || value.isBlank()) {
            return false;
        }
        record.label(prefix + ":" + localName, value);
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
        } else {
            record.label(uniform, value);
        }
        return true;
    }
}
