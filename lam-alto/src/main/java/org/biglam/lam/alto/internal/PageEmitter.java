package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.vocab.Languages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.Region;
import org.biglam.lam.alto.internal.AltoModel.Block;
import org.biglam.lam.alto.internal.AltoModel.Boxed;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.alto.internal.TextAssembler.Span;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Unicode;

/**
 * Turns one parsed ALTO page into records of a granularity: the page, its text blocks, lines,
 * words or illustrations.
 */
public final class PageEmitter {

    /** What the page's records share: ids, image, unit conversion, labels from outside the page. */
    public static final class PageInfo {
        /** The format id records carry. */
        public String format;
        /** The page record's id. */
        public String pageId;
        /** The base for sub-unit ids: pageId + "#" or pageId + "/". */
        public String subIdPrefix;
        /** The page record's group (the METS document), or null. */
        public String pageGroup;
        /** The page image's URI, or null. */
        public String imageUri;
        /** Its media type, or null. */
        public String imageMime;
        /** Pixels per unit; NaN when the unit cannot be converted. */
        public double factor = 1;
        /** The measurement unit as written. */
        public String unit = "pixel";
        /** The part label (page number), or null. */
        public String part;
        /** Labels from outside the ALTO (METS/MODS), added to every record. */
        public Map<String, List<String>> labels = Map.of();
        /** Languages from outside (MODS), used for pages whose ALTO names none. */
        public List<String> fallbackLanguages = List.of();
        /** The format version. */
        public String version;
        /** The prefix of format-specific labels: alto, page or hocr. */
        public String prefix = "alto";
        /** The label the version goes under. */
        public String versionLabel = "alto:version";
        /** Whether record sources carry the ALTO line (false when the source is a METS document). */
        public boolean sourceLines = true;
    }

    private final ReadContext ctx;
    private final TextAssembler assembler;
    private final Map<String, AltoParser.Tag> tags;
    private final PageSource parser;
    /**
     * The record ids given, by the prefix of their page (which ids of other pages never share):
     * what follows the prefix, so that a check hashes a few characters and not the input's name.
     */
    private final Map<String, Set<String>> usedIds = new HashMap<>();
    private String idPrefix;
    private Set<String> idsOfPrefix;
    /** A line record's languages, cleared for each (the record copies them). */
    private final Set<String> lineLangs = new LinkedHashSet<>();
    private final OcrQuality.Counter wordQuality = OcrQuality.counter();
    private boolean warnedNoImage;
    private boolean warnedNoUnit;

    /**
     * @param ctx the read context
     * @param assembler the text assembler (join or keep)
     * @param parser the parser of the page's ALTO, for tags and warnings
     */
    public PageEmitter(ReadContext ctx, TextAssembler assembler, PageSource parser) {
        this.ctx = ctx;
        this.assembler = assembler;
        this.parser = parser;
        this.tags = parser.tags();
    }

    /**
     * Emits the records of a page into {@code out}.
     *
     * @param page the page
     * @param info what the records share
     * @param granularity page, block, line, word or illustration
     * @param index the source index of the first record (records get index, index+1, ...)
     * @param out where records go
     */
    public void emit(Page page, PageInfo info, String granularity, long[] index, ArrayDeque<LamRecord> out) {
        PageLayout layout = PageLayout.of(page, parser.readingOrder());
        switch (granularity) {
            case "page":
                out.add(pageRecord(page, layout, info, index[0]++));
                break;
            case "block":
                blocks(page, layout, info, index, out);
                break;
            case "line":
                lines(page, layout, info, index, out);
                break;
            case "word":
                words(page, layout, info, index, out);
                break;
            case "illustration":
                illustrations(page, info, index, out);
                break;
            default:
                throw new IllegalArgumentException(granularity);
        }
    }

    private LamRecord.Builder start(String id, PageInfo info, long index, long line) {
        return LamRecord.builder(id, info.format).source(source(info, index, line));
    }

    private org.biglam.lam.RecordSource source(PageInfo info, long index, long line) {
        return ctx.source(index, -1, info.sourceLines ? line : -1);
    }

    private void common(LamRecord.Builder b, PageInfo info) {
        if (info.version != null) {
            b.label(info.versionLabel, info.version);
        }
        for (Map.Entry<String, List<String>> e : info.labels.entrySet()) {
            b.labels(e.getKey(), e.getValue());
        }
        if (Double.isNaN(info.factor)) {
            b.label(info.prefix + ":measurementUnit", info.unit);
        }
    }

    /** The page record: all its text in reading order. */
    public LamRecord pageRecord(Page page, PageLayout layout, PageInfo info, long index) {
        // ALTO's parser counts a page's characters (16 a word besides its text): the text and a space a word
        assembler.expect(page.chars - 15L * page.wordCount);
        String text = assembler.assemble(layout.paragraphs, true);
        LamRecord.Builder b = start(info.pageId, info, index, page.lineNumber).group(info.pageGroup).text(text);
        quality(b, assembler.quality());
        ImageRef img = image(info, null, page);
        if (img != null) {
            b.image(img);
        }
        Set<String> langs = new LinkedHashSet<>();
        for (Line l : layout.lines) {
            lineLanguages(page, l, 0, l.words.size(), langs);
        }
        languages(b, info, langs);
        common(b, info);
        if (info.part != null) {
            b.label(Labels.PART, info.part);
        } else if (page.printedNr != null && !page.printedNr.isBlank()) {
            b.label(Labels.PART, page.printedNr);
        } else if (page.physicalNr != null && !page.physicalNr.isBlank()) {
            b.label(Labels.PART, page.physicalNr);
        }
        if (!tags.isEmpty()) {
            Set<String> refs = new LinkedHashSet<>();
            addRefs(page.tagrefs, refs);
            for (Block bl : page.blocks) {
                addRefs(bl.tagrefs, refs);
            }
            for (Line l : page.lines) {
                addRefs(l.tagrefs, refs);
                for (Word w : l.words) {
                    addRefs(w.tagrefs, refs);
                }
            }
            tagLabels(b, refs);
        }
        return b.build();
    }

    private void blocks(Page page, PageLayout layout, PageInfo info, long[] index, ArrayDeque<LamRecord> out) {
        Map<Block, List<Span>> byBlock = new IdentityHashMap<>();
        for (Line l : layout.lines) {
            byBlock.computeIfAbsent(l.block, k -> new ArrayList<>()).add(Span.of(l));
        }
        for (Block bl : layout.blocks()) {
            List<Span> spans = byBlock.get(bl);
            String text = assembler.assemble(List.of(spans), true);
            String id = id(info, "block", bl.id, page, bl.index);
            LamRecord.Builder b = start(id, info, index[0]++, bl.lineNumber).group(info.pageId).text(text);
            quality(b, assembler.quality());
            regionImage(b, info, bl, page);
            Set<String> langs = new LinkedHashSet<>();
            for (Span s : spans) {
                lineLanguages(page, s.line(), 0, s.line().words.size(), langs);
            }
            languages(b, info, langs);
            common(b, info);
            if (!tags.isEmpty()) {
                Set<String> refs = new LinkedHashSet<>();
                addRefs(page.tagrefs, refs);
                for (Block p = bl; p != null; p = p.parent) {
                    addRefs(p.tagrefs, refs);
                }
                for (Span s : spans) {
                    addRefs(s.line().tagrefs, refs);
                    for (Word w : s.line().words) {
                        addRefs(w.tagrefs, refs);
                    }
                }
                tagLabels(b, refs);
            }
            out.add(b.build());
        }
    }

    private void lines(Page page, PageLayout layout, PageInfo info, long[] index, ArrayDeque<LamRecord> out) {
        // Lines without labels of their own (no language, tags or region label) share one builder,
        // and so the page's labels, unchanged from line to line, instead of copying them each.
        boolean plainPage = tags.isEmpty() && info.fallbackLanguages.isEmpty() && info.imageUri != null;
        LamRecord.Builder shared = null;
        for (Line l : layout.lines) {
            if (l.synthetic) {
                continue;
            }
            String text = assembler.assemble(List.of(List.of(Span.of(l))), false);
            String id = id(info, "line", l.id, page, l.index);
            Set<String> langs = lineLangs;
            langs.clear();
            lineLanguages(page, l, 0, l.words.size(), langs);
            boolean plain = plainPage && langs.isEmpty();
            LamRecord.Builder b;
            if (plain && shared != null) {
                b = shared.id(id).source(source(info, index[0]++, l.lineNumber)).clearImages();
            } else {
                b = start(id, info, index[0]++, l.lineNumber);
                shared = plain ? b : null;
            }
            b.group(info.pageId).text(text);
            quality(b, assembler.quality());
            regionImage(b, info, l, page);
            languages(b, info, langs);
            common(b, info);
            if (!tags.isEmpty()) {
                Set<String> refs = new LinkedHashSet<>();
                addRefs(page.tagrefs, refs);
                for (Block p = l.block; p != null; p = p.parent) {
                    addRefs(p.tagrefs, refs);
                }
                addRefs(l.tagrefs, refs);
                for (Word w : l.words) {
                    addRefs(w.tagrefs, refs);
                }
                tagLabels(b, refs);
            }
            out.add(b.build());
        }
    }

    private void words(Page page, PageLayout layout, PageInfo info, long[] index, ArrayDeque<LamRecord> out) {
        for (Line l : layout.lines) {
            if (l.synthetic) {
                continue;
            }
            for (Word w : l.words) {
                if (w.kind != AltoModel.WORD || w.content == null || w.content.isEmpty()) {
                    continue;
                }
                String id = id(info, "word", w.id, page, w.index);
                String text = Unicode.nfc(w.content);
                LamRecord.Builder b = start(id, info, index[0]++, w.lineNumber > 0 ? w.lineNumber : l.lineNumber)
                        .group(info.pageId).text(text);
                quality(b, wordQuality.reset().word(w.conf).build());
                regionImage(b, info, w, page);
                String lang = Languages.toBcp47(effectiveLang(page, l, w));
                languages(b, info, lang == null ? Set.of() : Set.of(lang));
                common(b, info);
                if (w.subs == AltoModel.SUBS_PART1 || w.subs == AltoModel.SUBS_PART2) {
                    b.label(info.prefix + ":hyphenated", w.subs == AltoModel.SUBS_PART1 ? "HypPart1" : "HypPart2");
                    if (w.subsContent != null) {
                        b.label(info.prefix + ":subsContent", w.subsContent);
                    }
                }
                if (!tags.isEmpty()) {
                    Set<String> refs = new LinkedHashSet<>();
                    addRefs(page.tagrefs, refs);
                    for (Block p = l.block; p != null; p = p.parent) {
                        addRefs(p.tagrefs, refs);
                    }
                    addRefs(l.tagrefs, refs);
                    addRefs(w.tagrefs, refs);
                    tagLabels(b, refs);
                }
                out.add(b.build());
            }
        }
    }

    private void illustrations(Page page, PageInfo info, long[] index, ArrayDeque<LamRecord> out) {
        for (Block bl : page.blocks) {
            if (!bl.illustration) {
                continue;
            }
            String id = id(info, "block", bl.id, page, bl.index);
            LamRecord.Builder b = start(id, info, index[0]++, bl.lineNumber).group(info.pageId);
            regionImage(b, info, bl, page);
            b.label(info.prefix + ":element", bl.element);
            if (bl.type != null) {
                b.label(info.prefix + ":type", bl.type);
            }
            common(b, info);
            if (!tags.isEmpty()) {
                Set<String> refs = new LinkedHashSet<>();
                addRefs(page.tagrefs, refs);
                for (Block p = bl; p != null; p = p.parent) {
                    addRefs(p.tagrefs, refs);
                }
                tagLabels(b, refs);
            }
            out.add(b.build());
        }
    }

    /** Sets a record's OCR quality and, from it, its confidence: the plain mean of its words'. */
    static void quality(LamRecord.Builder b, OcrQuality q) {
        b.quality(q).confidence(TextAssembler.confidence(q));
    }

    static void languages(LamRecord.Builder b, PageInfo info, Set<String> langs) {
        b.labels(Labels.LANGUAGE, langs.isEmpty() ? info.fallbackLanguages : langs);
    }

    private String id(PageInfo info, String kind, String altoId, Page page, int index) {
        String prefix = info.subIdPrefix;
        if (prefix != idPrefix) {
            idsOfPrefix = usedIds.computeIfAbsent(prefix, p -> new HashSet<>());
            idPrefix = prefix;
        }
        String local;
        if (altoId != null && !altoId.isBlank()) {
            local = kind + "-" + altoId.strip();
        } else {
            local = kind + "-" + (page.index > 0 ? "p" + (page.index + 1) + "-" : "") + (index + 1);
        }
        if (!idsOfPrefix.add(local)) {
            int n = 2;
            while (!idsOfPrefix.add(local + "-" + n)) {
                n++;
            }
            ctx.warn("alto-duplicate-id", "ID " + altoId + " used twice; record id " + prefix + local + "-" + n,
                    ctx.location().withRecordId(prefix + local));
            local = local + "-" + n;
        }
        return prefix + local;
    }

    private void regionImage(LamRecord.Builder b, PageInfo info, Boxed box, Page page) {
        Region r = region(info, box, page);
        ImageRef img = image(info, r, page);
        if (img != null) {
            b.image(img);
        } else if (r != null) {
            b.label(info.prefix + ":region", r.toString());
        }
    }

    /** The image reference, with a region, or null when the page names no image. */
    ImageRef image(PageInfo info, Region region, Page page) {
        if (info.imageUri == null) {
            if (!warnedNoImage && region != null) {
                warnedNoImage = true;
                ctx.warn("alto-no-image", "no page image is named (sourceImageInformation/fileName or METS); "
                        + "regions are given as the label alto:region", ctx.location());
            }
            return null;
        }
        if (page != imagePage || info != imageInfo) {
            ImageRef.Builder b = ImageRef.builder(info.imageUri).mime(info.imageMime);
            if (!Double.isNaN(info.factor)) {
                double w = Numbers.parse(page.width);
                double h = Numbers.parse(page.height);
                if (w > 0 && h > 0) {
                    b.size(Math.round(w * info.factor), Math.round(h * info.factor));
                }
            }
            pageImage = b.build();
            imagePage = page;
            imageInfo = info;
        }
        return region == null ? pageImage : pageImage.toBuilder().region(region).build();
    }

    /** The last page's image without a region, and what it was made for: its records share it. */
    private ImageRef pageImage;
    private Page imagePage;
    private PageInfo imageInfo;

    private Region region(PageInfo info, Boxed box, Page page) {
        double x = Numbers.parse(box.hpos);
        double y = Numbers.parse(box.vpos);
        double w = Numbers.parse(box.width);
        double h = Numbers.parse(box.height);
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h)) {
            parser.warnCoordinates("an element without usable HPOS/VPOS/WIDTH/HEIGHT"
                    + (box.id != null ? " (" + box.id + ")" : "") + " has no region", page.lineNumber);
            return null;
        }
        if (x < 0 || y < 0 || w < 0 || h < 0) {
            parser.warnCoordinates("negative coordinates" + (box.id != null ? " (" + box.id + ")" : "")
                    + " taken as 0", page.lineNumber);
        }
        double f = Double.isNaN(info.factor) ? 1 : info.factor;
        if (Double.isNaN(info.factor) && !warnedNoUnit) {
            warnedNoUnit = true;
            ctx.warn("alto-unit", "coordinates in " + info.unit + " and no resolution known "
                    + "(set alto.resolution): regions are kept in " + info.unit, ctx.location());
        }
        return new Region(Math.round(Math.max(0, x) * f), Math.round(Math.max(0, y) * f),
                Math.round(Math.max(0, w) * f), Math.round(Math.max(0, h) * f));
    }

    private static String effectiveLang(Page page, Line l, Word w) {
        if (w != null && w.lang != null) {
            return w.lang;
        }
        if (l.lang != null) {
            return l.lang;
        }
        for (Block b = l.block; b != null; b = b.parent) {
            if (b.lang != null) {
                return b.lang;
            }
        }
        return page.lang;
    }

    private static void lineLanguages(Page page, Line l, int from, int to, Set<String> out) {
        String lineLang = effectiveLang(page, l, null);
        String last = null;
        for (int i = from; i < to; i++) {
            Word w = l.words.get(i);
            String lang = w.lang != null ? w.lang : lineLang;
            if (lang != null && !lang.equals(last)) {
                last = lang;
                String tag = Languages.toBcp47(lang);
                if (tag != null) {
                    out.add(tag);
                }
            }
        }
    }

    private static void addRefs(String tagrefs, Set<String> out) {
        if (tagrefs == null || tagrefs.isBlank()) {
            return;
        }
        for (String s : tagrefs.strip().split("\\s+")) {
            out.add(s);
        }
    }

    private void tagLabels(LamRecord.Builder b, Set<String> refs) {
        for (String ref : refs) {
            AltoParser.Tag t = tags.get(ref);
            if (t != null) {
                b.label(t.name(), t.value());
            }
        }
    }

    /** For articles: the languages of spans. */
    static void spanLanguages(Page page, Span s, Set<String> out) {
        lineLanguages(page, s.line(), s.from(), s.to(), out);
    }

    /** For articles: a region of a box. */
    Region regionOf(PageInfo info, Boxed box, Page page) {
        return region(info, box, page);
    }

    static Map<String, List<String>> copy(Map<String, List<String>> m) {
        return new LinkedHashMap<>(m);
    }
}
