package org.biglam.lam.alto.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.alto.internal.AltoModel.Block;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.alto.internal.TextAssembler.Span;

/**
 * A page's lines in reading order: the ALTO ReadingOrder where the file has one (its references
 * to blocks, lines or words, in order, with any lines it does not name after them in document
 * order), else document order; and the paragraphs (runs of lines of one block) they form.
 */
public final class PageLayout {

    /** The lines with text, in reading order. */
    public final List<Line> lines;
    /** Runs of consecutive lines of one block, in reading order. */
    public final List<List<Span>> paragraphs;

    private PageLayout(List<Line> lines) {
        this.lines = lines;
        List<List<Span>> paras = new ArrayList<>();
        Block current = null;
        List<Span> para = null;
        for (Line l : lines) {
            if (para == null || l.block != current) {
                para = new ArrayList<>();
                paras.add(para);
                current = l.block;
            }
            para.add(Span.of(l));
        }
        this.paragraphs = paras;
    }

    /** The text-bearing blocks, in the order their first line is read. */
    public List<Block> blocks() {
        Set<Block> seen = new LinkedHashSet<>();
        for (Line l : lines) {
            seen.add(l.block);
        }
        return new ArrayList<>(seen);
    }

    /**
     * Orders a page.
     *
     * @param page the page
     * @param readingOrder the IDs of the ReadingOrder, or empty
     * @return the layout
     */
    public static PageLayout of(Page page, List<String> readingOrder) {
        if (readingOrder.isEmpty()) {
            List<Line> ls = new ArrayList<>(page.lines.size());
            for (Line l : page.lines) {
                if (l.hasText()) {
                    ls.add(l);
                }
            }
            return new PageLayout(ls);
        }
        Map<String, Object> byId = new HashMap<>();
        for (Block b : page.blocks) {
            if (b.id != null) {
                byId.putIfAbsent(b.id, b);
            }
        }
        for (Line l : page.lines) {
            if (l.id != null) {
                byId.putIfAbsent(l.id, l);
            }
            for (Word w : l.words) {
                if (w.id != null) {
                    byId.putIfAbsent(w.id, l);
                }
            }
        }
        LinkedHashSet<Line> ordered = new LinkedHashSet<>();
        for (String ref : readingOrder) {
            Object o = byId.get(ref);
            if (o instanceof Line) {
                ordered.add((Line) o);
            } else if (o instanceof Block) {
                addBlock((Block) o, ordered);
            }
        }
        ordered.addAll(page.lines);
        List<Line> ls = new ArrayList<>(ordered.size());
        for (Line l : ordered) {
            if (l.hasText()) {
                ls.add(l);
            }
        }
        return new PageLayout(ls);
    }

    private static void addBlock(Block b, Set<Line> out) {
        out.addAll(b.lines);
        for (Block c : b.children) {
            addBlock(c, out);
        }
    }

    /** The lines of one block, in reading order, as one paragraph. */
    public List<Span> linesOf(Block b) {
        List<Span> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.block == b) {
                out.add(Span.of(l));
            }
        }
        return out;
    }
}
