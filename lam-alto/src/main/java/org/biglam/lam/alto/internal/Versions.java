package org.biglam.lam.alto.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognising ALTO versions, tag kinds and illustration block types. */
final class Versions {

    private static final Pattern LOC_NS = Pattern.compile("alto/ns-v(\\d)#?");
    private static final Pattern XSD = Pattern.compile("(?i)alto[-_]?v?(\\d)[-_.](\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Set<String> ILLUSTRATION_TYPES = Set.of("illustration", "figure", "image", "picture",
            "photo", "photograph", "graphic", "graphics", "map", "chart", "diagram", "drawing");

    private Versions() {
    }

    /**
     * The ALTO version: the schema file's version where it agrees with the namespace
     * ({@code alto-4-3.xsd} gives 4.3), else SCHEMAVERSION, else the namespace's major version,
     * else 1 for the CCS, BnF and namespace-less ALTO of the 1.x era.
     */
    static String altoVersion(String namespace, String schemaLocation, String schemaVersion) {
        String major = null;
        Matcher m = LOC_NS.matcher(namespace);
        if (m.find()) {
            major = m.group(1);
        }
        if (schemaLocation != null) {
            Matcher x = XSD.matcher(schemaLocation);
            while (x.find()) {
                if (major == null || major.equals(x.group(1))) {
                    return x.group(1) + "." + x.group(2);
                }
            }
        }
        if (schemaVersion != null && NUMBER.matcher(schemaVersion.strip()).matches()
                && (major == null || schemaVersion.strip().startsWith(major))) {
            return schemaVersion.strip();
        }
        if (major != null) {
            return major;
        }
        // a schema file as the namespace (xmlns="http://www.loc.gov/standards/alto/alto-v2.0.xsd",
        // as PDF-to-ALTO converters built on PDFBox's examples write it)
        Matcher n = XSD.matcher(namespace);
        if (n.find()) {
            return n.group(1) + "." + n.group(2);
        }
        String ns = namespace.toLowerCase(Locale.ROOT);
        if (ns.isEmpty() || ns.contains("ccs-gmbh") || ns.contains("bnf.fr") || ns.contains("alto_prod")
                || ns.contains("altoxml")) {
            return "1";
        }
        return null;
    }

    /** The kind of a tag element: NamedEntity, Layout, Structure, Role or Other. */
    static String tagKind(String element) {
        switch (element) {
            case "NamedEntityTag":
            case "NE":
                return "NamedEntity";
            case "LayoutTag":
            case "Layout":
                return "Layout";
            case "StructureTag":
            case "Structure":
                return "Structure";
            case "RoleTag":
            case "Role":
                return "Role";
            default:
                return element.endsWith("Tag") ? element.substring(0, element.length() - 3) : element;
        }
    }

    /** Whether a ComposedBlock of this TYPE is an illustration. */
    static boolean isIllustrationType(String type) {
        return type != null && ILLUSTRATION_TYPES.contains(type.strip().toLowerCase(Locale.ROOT));
    }
}
