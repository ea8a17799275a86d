package org.biglam.lam.alto.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What lam needs of a METS document: its files, its pages in physical order, its logical
 * divisions (articles) with the ALTO areas they cover, and the labels of its parts' descriptive
 * metadata (MODS, Dublin Core, MARCXML, EAD, LIDO, EDM: whichever module reads it).
 */
public final class MetsDocument {

    /** A file of the fileSec. */
    public record MetsFile(String id, String href, String mime, String use, String admid) {
    }

    /** Part of a file: the ALTO element range BEGIN..END, or the whole file when begin is null. */
    public record Area(String fileId, String begin, String end) {
    }

    /** A page of the physical structMap. */
    public static final class PhysPage {
        public String id;
        public String order;
        public String orderLabel;
        public String label;
        public final List<String> fileIds = new ArrayList<>();
    }

    /** A division of the logical structMap. */
    public static final class LogDiv {
        public String id;
        public String type;
        public String label;
        public String orderLabel;
        public String dmdId;
        public LogDiv parent;
        public final List<LogDiv> children = new ArrayList<>();
        public final List<Area> areas = new ArrayList<>();
    }

    /** Image technical metadata (MIX). */
    public static final class Mix {
        public double dpi = Double.NaN;
        public long width = -1;
        public long height = -1;
    }

    /**
     * The parts of a METS document lam does not keep (provenance, behaviour, header, PREMIS): their
     * subtrees are passed over as the document is read.
     */
    public static final Set<String> SKIP = Set.of("digiprovMD", "sourceMD", "behaviorSec", "metsHdr", "premis",
            "object", "event", "agent");

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "advertisement", "advert", "advertisements",
            "illustration", "obituary", "letter", "poem", "review", "entry");

    public final Map<String, MetsFile> files = new LinkedHashMap<>();
    public final List<PhysPage> pages = new ArrayList<>();
    /** The labels of each dmdSec a metadata module read, by ID, in document order. */
    public final Map<String, Map<String, List<String>>> dmd = new LinkedHashMap<>();
    public final Map<String, Mix> mix = new HashMap<>();
    /** Physical div ID to the areas it covers (pages cover their ALTO file whole). */
    public final Map<String, List<Area>> physAreas = new HashMap<>();
    public final List<LogDiv> logicalRoots = new ArrayList<>();
    public final Map<String, LogDiv> logical = new HashMap<>();
    public String documentDmdId;
    /** The DMDID of the root division of a structMap without a TYPE read for its pages. */
    private String untypedDmdId;
    public String objId;

    /** Reads the parts of a METS tree. */
    public static MetsDocument of(Node root) {
        MetsDocument d = new MetsDocument();
        d.objId = root.attr("OBJID");
        for (Node c : root.children) {
            switch (c.name) {
                case "dmdSec":
                    d.dmdSec(c);
                    break;
                case "amdSec":
                    d.amdSec(c);
                    break;
                case "fileSec":
                    d.fileGrp(c, null);
                    break;
                default:
                    break;
            }
        }
        for (Node sm : root.children("structMap")) {
            String type = sm.attr("TYPE") == null ? "" : sm.attr("TYPE").toUpperCase(Locale.ROOT);
            if (type.equals("PHYSICAL")) {
                for (Node div : sm.children("div")) {
                    d.physical(div, false);
                }
            }
        }
        if (d.pages.isEmpty()) {
            // no PHYSICAL structMap: a structMap without a TYPE holds the pages, as the Library of
            // Congress's NDNP issues (Chronicling America) have it (np:issue > np:page divs with fptrs)
            for (Node sm : root.children("structMap")) {
                String type = sm.attr("TYPE");
                if (type == null || type.isBlank()) {
                    for (Node div : sm.children("div")) {
                        d.physical(div, false);
                        if (d.untypedDmdId == null && div.attr("DMDID") != null && !div.attr("DMDID").isBlank()) {
                            d.untypedDmdId = firstId(div.attr("DMDID"));
                        }
                    }
                }
            }
        }
        for (Node sm : root.children("structMap")) {
            String type = sm.attr("TYPE") == null ? "" : sm.attr("TYPE").toUpperCase(Locale.ROOT);
            if (type.equals("LOGICAL")) {
                for (Node div : sm.children("div")) {
                    LogDiv l = d.logical(div, null);
                    d.logicalRoots.add(l);
                }
            }
        }
        for (Node sl : root.children("structLink")) {
            d.structLink(sl);
        }
        if (!d.logicalRoots.isEmpty() && d.logicalRoots.get(0).dmdId != null) {
            d.documentDmdId = firstId(d.logicalRoots.get(0).dmdId);
        } else if (d.untypedDmdId != null) {
            d.documentDmdId = d.untypedDmdId;
        }
        return d;
    }

    private static String firstId(String ids) {
        String s = ids.strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /**
     * A dmdSec's labels: those of the metadata module's first record of each element it read while
     * the document was parsed (MODS by lam-mods, the project's one MODS mapping; Dublin Core by
     * lam-dc; ...), merged in document order when there are several (bare Dublin Core properties
     * side by side in {@code xmlData}). A section no module read has none.
     */
    private void dmdSec(Node sec) {
        List<Map<String, List<String>>> read = new ArrayList<>(1);
        embedded(sec, read);
        if (read.isEmpty()) {
            return;
        }
        Map<String, List<String>> labels = read.get(0);
        if (read.size() > 1) {
            Map<String, List<String>> merged = new LinkedHashMap<>();
            for (Map<String, List<String>> m : read) {
                m.forEach((k, vs) -> {
                    List<String> into = merged.computeIfAbsent(k, x -> new ArrayList<>(vs.size()));
                    for (String v : vs) {
                        if (!into.contains(v)) {
                            into.add(v);
                        }
                    }
                });
            }
            labels = merged;
        }
        dmd.putIfAbsent(sec.attr("ID"), labels);
    }

    private static void embedded(Node n, List<Map<String, List<String>>> out) {
        for (Node c : n.children) {
            if (c.embeddedLabels() != null) {
                out.add(c.embeddedLabels());
            } else {
                embedded(c, out);
            }
        }
    }

    private void amdSec(Node sec) {
        for (Node md : sec.children) {
            List<Node> mixes = md.descendants("mix");
            if (mixes.isEmpty()) {
                continue;
            }
            Mix m = new Mix();
            Node x = mixes.get(0);
            // MIX 1.0 and 2.0 name them imageWidth, ...; MIX 0.x (NDNP, Chronicling America) ImageWidth,
            // ImageLength, XSamplingFrequency, SamplingFrequencyUnit
            for (Node n : mixElements(x, "imageWidth", "ImageWidth")) {
                m.width = (long) Numbers.parse(n.text());
            }
            for (Node n : mixElements(x, "imageHeight", "ImageLength")) {
                m.height = (long) Numbers.parse(n.text());
            }
            String unit = null;
            for (Node n : mixElements(x, "samplingFrequencyUnit", "SamplingFrequencyUnit")) {
                unit = n.text();
            }
            for (Node n : mixElements(x, "xSamplingFrequency", "XSamplingFrequency")) {
                double v;
                Node num = n.child("numerator");
                if (num != null) {
                    Node den = n.child("denominator");
                    double dv = den == null ? 1 : Numbers.parse(den.text());
                    v = Numbers.parse(num.text()) / (dv > 0 ? dv : 1);
                } else {
                    v = Numbers.parse(n.text());
                }
                if (v > 0) {
                    // per centimetre: MIX 1.0 writes 3, MIX 2.0 cm
                    m.dpi = "3".equals(unit) || "cm".equalsIgnoreCase(unit) ? v * 2.54 : v;
                }
            }
            if (md.attr("ID") != null) {
                mix.put(md.attr("ID"), m);
            }
            if (sec.attr("ID") != null) {
                mix.putIfAbsent(sec.attr("ID"), m);
            }
        }
    }

    /** The descendants of a MIX element named as MIX 1.0 and 2.0 do, else as MIX 0.x does. */
    private static List<Node> mixElements(Node mix, String name, String oldName) {
        List<Node> out = mix.descendants(name);
        return out.isEmpty() ? mix.descendants(oldName) : out;
    }

    private void fileGrp(Node grp, String use) {
        for (Node c : grp.children) {
            if (c.name.equals("fileGrp")) {
                fileGrp(c, c.attr("USE") != null ? c.attr("USE") : use);
            } else if (c.name.equals("file")) {
                String href = null;
                Node loc = c.child("FLocat");
                if (loc != null) {
                    href = loc.attr("href");
                    // CCS docWorks (Europeana Newspapers, ...) writes paths relative to the package
                    // as file://./alto/0001.xml: the relative path alto/0001.xml
                    if (href != null && href.strip().startsWith("file://./")) {
                        href = href.strip().substring("file://./".length());
                    }
                }
                if (c.attr("ID") != null) {
                    // a file's own USE (NDNP: master, service, ocr) before its group's
                    String own = c.attr("USE");
                    files.put(c.attr("ID"), new MetsFile(c.attr("ID"), href, c.attr("MIMETYPE"),
                            own != null && !own.isBlank() ? own : use, c.attr("ADMID")));
                }
            }
        }
    }

    private void physical(Node div, boolean inPage) {
        boolean isPage = false;
        List<String> direct = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        List<String> areaFiles = new ArrayList<>();
        for (Node f : div.children("fptr")) {
            if (f.attr("FILEID") != null) {
                direct.add(f.attr("FILEID"));
                areas.add(new Area(f.attr("FILEID"), null, null));
            }
            for (Node a : f.descendants("area")) {
                areas.add(area(a));
                if (a.attr("FILEID") != null && !areaFiles.contains(a.attr("FILEID"))) {
                    areaFiles.add(a.attr("FILEID"));
                }
            }
        }
        String type = div.attr("TYPE") == null ? "" : div.attr("TYPE").toLowerCase(Locale.ROOT);
        // a page's files named by areas (fptr/par/area, as CCS docWorks writes pages) are its files too:
        // a division typed page, or one without divisions below it (not a sequence's, a PDF's of the whole)
        if (type.equals("page") || div.children("div").isEmpty()) {
            for (String id : areaFiles) {
                if (!direct.contains(id)) {
                    direct.add(id);
                }
            }
        }
        if (!inPage && (type.equals("page") || !direct.isEmpty())) {
            isPage = true;
            PhysPage p = new PhysPage();
            p.id = div.attr("ID") != null ? div.attr("ID") : "p" + (pages.size() + 1);
            p.order = div.attr("ORDER");
            p.orderLabel = div.attr("ORDERLABEL");
            p.label = div.attr("LABEL");
            p.fileIds.addAll(direct);
            pages.add(p);
        }
        if (div.attr("ID") != null && !areas.isEmpty()) {
            physAreas.put(div.attr("ID"), areas);
        }
        for (Node c : div.children("div")) {
            physical(c, inPage || isPage);
        }
    }

    private static Area area(Node a) {
        String begin = a.attr("BEGIN");
        String end = a.attr("END");
        String betype = a.attr("BETYPE");
        if (betype != null && !betype.equalsIgnoreCase("IDREF")) {
            begin = null;
            end = null;
        }
        return new Area(a.attr("FILEID"), begin, end);
    }

    private LogDiv logical(Node div, LogDiv parent) {
        LogDiv l = new LogDiv();
        l.id = div.attr("ID");
        l.type = div.attr("TYPE");
        l.label = div.attr("LABEL");
        l.orderLabel = div.attr("ORDERLABEL");
        l.dmdId = div.attr("DMDID");
        l.parent = parent;
        for (Node f : div.children("fptr")) {
            if (f.attr("FILEID") != null) {
                l.areas.add(new Area(f.attr("FILEID"), null, null));
            }
            for (Node a : f.descendants("area")) {
                l.areas.add(area(a));
            }
        }
        if (l.id != null) {
            logical.put(l.id, l);
        }
        for (Node c : div.children("div")) {
            l.children.add(logical(c, l));
        }
        return l;
    }

    private void structLink(Node sl) {
        for (Node c : sl.children) {
            if (c.name.equals("smLink")) {
                link(c.attr("from"), c.attr("to"));
            } else if (c.name.equals("smLinkGrp")) {
                Map<String, List<String>> byLabel = new HashMap<>();
                for (Node loc : c.children("smLocatorLink")) {
                    String href = loc.attr("href");
                    String label = loc.attr("label");
                    if (href != null && label != null) {
                        byLabel.computeIfAbsent(label, k -> new ArrayList<>())
                                .add(href.startsWith("#") ? href.substring(1) : href);
                    }
                }
                for (Node arc : c.children("smArcLink")) {
                    List<String> from = byLabel.getOrDefault(arc.attr("from"), List.of());
                    List<String> to = byLabel.getOrDefault(arc.attr("to"), List.of());
                    for (String f : from) {
                        for (String t : to) {
                            link(f, t);
                        }
                    }
                }
            }
        }
    }

    private void link(String from, String to) {
        if (from == null || to == null) {
            return;
        }
        LogDiv l = logical.get(from);
        List<Area> areas = physAreas.get(to);
        if (l == null || areas == null) {
            return;
        }
        for (Area a : areas) {
            if (!l.areas.contains(a)) {
                l.areas.add(a);
            }
        }
    }

    /**
     * The labels of the document's description, which its pages carry: those of the dmdSec the
     * logical structMap's root division names first in its DMDID, else of the first dmdSec read.
     */
    public Map<String, List<String>> documentLabels() {
        if (documentDmdId != null && dmd.containsKey(documentDmdId)) {
            return dmd.get(documentDmdId);
        }
        return dmd.isEmpty() ? Map.of() : dmd.values().iterator().next();
    }

    /**
     * The divisions to emit as articles: the article-like divisions (ARTICLE, ADVERTISEMENT, ...)
     * where there are any, else the children of the logical root; each only if it or a descendant
     * covers some content.
     */
    public List<LogDiv> articles() {
        List<LogDiv> out = new ArrayList<>();
        for (LogDiv r : logicalRoots) {
            articleTyped(r, out);
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (LogDiv r : logicalRoots) {
            boolean any = false;
            for (LogDiv c : r.children) {
                if (hasContent(c)) {
                    out.add(c);
                    any = true;
                }
            }
            if (!any && hasContent(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private void articleTyped(LogDiv d, List<LogDiv> out) {
        if (d.type != null && ARTICLE_TYPES.contains(d.type.toLowerCase(Locale.ROOT)) && hasContent(d)) {
            out.add(d);
            return;
        }
        for (LogDiv c : d.children) {
            articleTyped(c, out);
        }
    }

    static boolean hasContent(LogDiv d) {
        if (!d.areas.isEmpty()) {
            return true;
        }
        for (LogDiv c : d.children) {
            if (hasContent(c)) {
                return true;
            }
        }
        return false;
    }

    /** The areas of a division and its descendants, in document order, without repeats. */
    public static List<Area> areasOf(LogDiv d) {
        List<Area> out = new ArrayList<>();
        collect(d, out);
        return out;
    }

    private static void collect(LogDiv d, List<Area> out) {
        for (Area a : d.areas) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        for (LogDiv c : d.children) {
            collect(c, out);
        }
    }

    /** A page's ALTO file with an href, or null. */
    public MetsFile altoOf(PhysPage p) {
        return first(p, MetsDocument::isAlto);
    }

    /** A page's PAGE XML file with an href, or null. */
    public MetsFile pageXmlOf(PhysPage p) {
        return first(p, MetsDocument::isPageXml);
    }

    private MetsFile first(PhysPage p, Predicate<MetsFile> kind) {
        for (String id : p.fileIds) {
            MetsFile f = files.get(id);
            if (f != null && f.href() != null && kind.test(f)) {
                return f;
            }
        }
        return null;
    }

    /** A page's image with an href, of the most {@linkplain #imagePreference preferred} group; or null. */
    public MetsFile imageOf(PhysPage p) {
        return imageOf(p, f -> true);
    }

    /**
     * A page's image with an href that {@code usable} takes, of the most
     * {@linkplain #imagePreference preferred} group; or null.
     */
    public MetsFile imageOf(PhysPage p, Predicate<MetsFile> usable) {
        MetsFile best = null;
        for (String id : p.fileIds) {
            MetsFile f = files.get(id);
            if (f != null && f.href() != null && isImage(f) && usable.test(f)
                    && (best == null || imagePreference(f) > imagePreference(best))) {
                best = f;
            }
        }
        return best;
    }

    /** The MIX metadata (size, resolution) of a file, through its ADMID; or null. */
    public Mix mixOf(MetsFile f) {
        if (f == null || f.admid() == null) {
            return null;
        }
        for (String id : f.admid().strip().split("\\s+")) {
            Mix m = mix.get(id);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** Whether a file is an ALTO file (by media type, group or name). */
    public static boolean isAlto(MetsFile f) {
        String mime = f.mime() == null ? "" : f.mime().toLowerCase(Locale.ROOT);
        String use = f.use() == null ? "" : f.use().toLowerCase(Locale.ROOT);
        String href = f.href() == null ? "" : f.href().toLowerCase(Locale.ROOT);
        if (mime.contains("alto")) {
            return true;
        }
        if (mime.contains("page") || mime.startsWith("image/") || mime.contains("pdf") || mime.contains("html")) {
            return false;
        }
        if (use.contains("page") && !use.contains("alto")) {
            return false;
        }
        boolean xml = mime.contains("xml") || href.endsWith(".xml") || href.endsWith(".alto");
        return xml && (use.contains("alto") || use.contains("fulltext") || use.contains("ocr") || use.contains("text")
                || href.contains("alto") || use.isEmpty() || mime.contains("xml"));
    }

    /** Whether a file is a PAGE XML file (by media type or group). */
    public static boolean isPageXml(MetsFile f) {
        String mime = f.mime() == null ? "" : f.mime().toLowerCase(Locale.ROOT);
        String use = f.use() == null ? "" : f.use().toUpperCase(Locale.ROOT);
        return mime.contains("prima.page") || (mime.isEmpty() || mime.contains("xml")) && use.contains("PAGE")
                && !use.contains("ALTO");
    }

    /** Whether a file is an image. */
    public static boolean isImage(MetsFile f) {
        String mime = f.mime() == null ? "" : f.mime().toLowerCase(Locale.ROOT);
        return mime.startsWith("image/") || mime.isEmpty() && Images.mime(f.href()) != null;
    }

    /** How much an image's group is preferred as the page image (higher is better). */
    public static int imagePreference(MetsFile f) {
        String use = f.use() == null ? "" : f.use().toUpperCase(Locale.ROOT);
        if (use.contains("THUMB") || use.contains("MIN")) {
            return 0;
        }
        if (use.contains("MASTER") || use.contains("MAX") || use.contains("ORIG") || use.contains("IMG")) {
            return 3;
        }
        if (use.contains("DEFAULT")) {
            return 2;
        }
        return 1;
    }
}
