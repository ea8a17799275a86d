package org.biglam.lam.dc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.vocab.DublinCore;
import org.biglam.lam.spi.Html;
import org.biglam.lam.spi.ImageLinks;
import org.biglam.lam.spi.Texts;
import org.biglam.lam.spi.vocab.Languages;

/**
 * One Dublin Core record being read: its properties (in the DC 1.1 and DCTERMS namespaces, at any
 * depth of the elements handed to it) mapped through lam-core's {@link DublinCore} table, with
 * the record's text (its descriptions), image links and per-language labels. Not thread-safe.
 */
public final class DcRecord {

    /** The namespace of {@code xml:lang}. */
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    /** The namespace of RDF, for {@code rdf:resource}. */
    static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /** The {@code oai_dc} wrapper's namespace. */
    public static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    private final LamRecord.Builder b;
    private final boolean bareIsDc;
    private final List<String> descriptions = new ArrayList<>(2);
    private final StringBuilder sb = new StringBuilder(64);
    private int properties;

    /**
     * Starts a record.
     *
     * @param b the builder, with the record's id and source set
     * @param bareIsDc whether elements in no namespace are taken as DC 1.1 properties (a record cut
     *     out of its envelope that lost its namespace declarations)
     */
    public DcRecord(LamRecord.Builder b, boolean bareIsDc) {
        this.b = b;
        this.bareIsDc = bareIsDc;
    }

    /**
     * The fifteen DC 1.1 elements and the DCMI terms: the names that are properties in no namespace
     * (a record cut out of its envelope), where other names (CONTENTdm's {@code contentdm_number},
     * a {@code record} inside a {@code metadata} export) are not Dublin Core.
     */
    static final Set<String> TERMS = Set.of("title", "creator", "subject", "description", "publisher",
            "contributor", "date", "type", "format", "identifier", "source", "language", "relation", "coverage",
            "rights", "abstract", "accessRights", "accrualMethod", "accrualPeriodicity", "accrualPolicy",
            "alternative", "audience", "available", "bibliographicCitation", "conformsTo", "created",
            "dateAccepted", "dateCopyrighted", "dateSubmitted", "educationLevel", "extent", "hasFormat", "hasPart",
            "hasVersion", "instructionalMethod", "isFormatOf", "isPartOf", "isReferencedBy", "isReplacedBy",
            "isRequiredBy", "issued", "isVersionOf", "license", "mediator", "medium", "modified", "provenance",
            "references", "replaces", "requires", "rightsHolder", "spatial", "tableOfContents", "temporal", "valid");

    /** The wrappers' names, which are no property in a DC namespace either ({@code description} is one). */
    private static final Set<String> NOT_PROPERTIES = Set.of("dc", "qualifieddc", "dcterms", "oai_dc", "record",
            "metadata");

    /**
     * Whether an element is a property: any element in the DC 1.1 or DCTERMS namespace but a
     * wrapper's name ({@code <dc:dc>}, {@code <dc:record>}), and, where elements in no namespace are
     * taken as Dublin Core, one of the DC elements or terms.
     */
    public boolean isProperty(String ns, String local) {
        if (DublinCore.DC.equals(ns) || DublinCore.DCTERMS.equals(ns)) {
            return !NOT_PROPERTIES.contains(local);
        }
        return bareIsDc && (ns == null || ns.isEmpty()) && TERMS.contains(local);
    }

    /** How many properties were read. */
    public int properties() {
        return properties;
    }

    /**
     * Reads the element {@code xml} stands on through its end, taking every property inside it.
     *
     * @param xml standing on a {@code START_ELEMENT}; left on its {@code END_ELEMENT}
     * @throws XMLStreamException if the XML is not well-formed
     */
    public void within(XMLStreamReader xml) throws XMLStreamException {
        within(xml, 1);
    }

    /**
     * Reads through the end of the element {@code levels} levels up from where {@code xml} stands
     * (1: the element it stands in), taking every property on the way.
     *
     * @param xml standing inside the element, between two of its children
     * @param levels how many elements to read to the end of; left on the last one's {@code END_ELEMENT}
     * @throws XMLStreamException if the XML is not well-formed
     */
    public void within(XMLStreamReader xml, int levels) throws XMLStreamException {
        int depth = levels;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (isProperty(xml.getNamespaceURI(), xml.getLocalName())) {
                    property(xml);
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Reads one property element through its end.
     *
     * @param xml standing on the property's {@code START_ELEMENT}; left on its {@code END_ELEMENT}
     * @throws XMLStreamException if the XML is not well-formed
     */
    public void property(XMLStreamReader xml) throws XMLStreamException {
        String ns = xml.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            ns = DublinCore.DC;
        }
        String local = xml.getLocalName();
        String lang = null;
        String resource = null;
        if (xml.getAttributeCount() > 0) {
            lang = xml.getAttributeValue(XML_NS, "lang");
            resource = xml.getAttributeValue(RDF_NS, "resource");
            if (resource == null) {
                resource = xml.getAttributeValue(null, "resource");
            }
        }
        String value = text(xml);
        if (value.isEmpty()) {
            if (resource == null || resource.isBlank()) {
                return;
            }
            value = resource.strip();
        }
        properties++;
        boolean description = local.equals("description") || local.equals("abstract");
        if (description) {
            if (Html.hasTag(value)) {
                value = Html.toText(value); // HTML escaped into the XML (Omeka, DSpace): its text
                if (value.isEmpty()) {
                    return;
                }
            }
            descriptions.add(value);
        } else {
            value = oneLine(value);
        }
        if (splits(local)) {
            for (String part : value.split(";")) {
                add(ns, local, part.strip(), lang);
            }
        } else {
            add(ns, local, value, lang);
        }
        if (local.equals("identifier") || local.equals("hasFormat") || local.equals("isShownBy")
                || local.equals("relation") || local.equals("source")) {
            ImageRef img = ImageLinks.toImage(value);
            if (img != null && !hasImage(img.uri())) {
                b.image(img);
            }
        }
    }

    private final List<String> imageUris = new ArrayList<>(1);

    private boolean hasImage(String uri) {
        if (imageUris.contains(uri)) {
            return true;
        }
        imageUris.add(uri);
        return false;
    }

    private void add(String ns, String local, String value, String lang) {
        if (value.isEmpty()) {
            return;
        }
        DublinCore.add(b, ns, local, value);
        if (lang != null && !lang.isBlank()) {
            b.label(langLabel(DublinCore.label(ns, local), lang), value);
        }
    }

    /** Per-language label names made so far, by property label then language as written. */
    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> LANG_LABELS =
            new ConcurrentHashMap<>();
    /** Names beyond this many per property (made-up languages) are made each time. */
    private static final int MAX_KEPT_LANGUAGES = 256;

    /** {@code dc:title@en}: the property's label and the language's BCP 47 tag, made once. */
    private static String langLabel(String label, String lang) {
        ConcurrentHashMap<String, String> kept = LANG_LABELS.computeIfAbsent(label, k -> new ConcurrentHashMap<>());
        String name = kept.get(lang);
        if (name == null) {
            String tag = Languages.toBcp47(lang);
            name = label + "@" + (tag == null ? lang.strip() : tag);
            if (kept.size() < MAX_KEPT_LANGUAGES) {
                kept.putIfAbsent(lang, name);
            }
        }
        return name;
    }

    /** Creators, contributors and subjects are often lists joined with {@code ;}. */
    private static boolean splits(String local) {
        return local.equals("creator") || local.equals("contributor") || local.equals("subject");
    }

    /** The text of an element and its descendants, stripped; leaves {@code xml} on its end. */
    private String text(XMLStreamReader xml) throws XMLStreamException {
        int e = xml.next();
        sb.setLength(0);
        if (e == XMLStreamConstants.CHARACTERS) {
            // the common case, one run of text and the end tag: one string, no builder
            String first = xml.getText();
            e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                return first.strip();
            }
            sb.append(first);
        }
        int depth = 1;
        while (true) {
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                break;
            }
            e = xml.next();
        }
        return sb.toString().strip();
    }

    /** White space runs that hold a line break made one space: values of one line. */
    static String oneLine(String v) {
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\t') < 0) {
            return v;
        }
        return Texts.collapse(v);
    }

    /**
     * Finishes the record: its text is its descriptions, one paragraph each.
     *
     * @param idFromIdentifier whether its id becomes its first identifier, where it has one
     * @return the record
     */
    public LamRecord build(boolean idFromIdentifier) {
        if (idFromIdentifier) {
            List<String> ids = b.labelValues(Labels.IDENTIFIER);
            if (!ids.isEmpty()) {
                b.id(ids.get(0));
            }
        }
        if (!descriptions.isEmpty()) {
            b.text(String.join("\n\n", descriptions));
        }
        return b.build();
    }

}
