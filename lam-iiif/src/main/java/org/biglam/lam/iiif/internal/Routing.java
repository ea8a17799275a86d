package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the annotations of a manifest's annotation pages go: to the canvas each one targets, which
 * need not be the canvas whose page holds it (a list shared by every canvas, a manifest's own
 * {@code annotations}). Annotations for a canvas not parsed yet wait here for it; the pages read are
 * remembered, so that a page shared by several canvases is read once.
 */
final class Routing {

    /** {@link #destination}: the annotation targets no canvas of the manifest. */
    static final int OUTSIDE = -1;

    private final List<JsonNode> canvases;
    /** Canvas key ({@link #key}) to its index, made at the first annotation for another canvas. */
    private Map<String, Integer> index;
    private final Map<Integer, List<Held>> pending = new HashMap<>();
    private final Set<String> pagesRead = new HashSet<>();
    /** Annotations left out: for a canvas that came before the one whose page holds them; for none of the manifest. */
    int earlier;
    int outside;
    /** Annotations of a canvas's page whose targets name no canvas of the manifest at all, kept with that canvas. */
    int kept;
    /** A target of each kind, for the warning. */
    String earlierExample;
    String outsideExample;
    String keptExample;

    Routing(List<JsonNode> canvases) {
        this.canvases = canvases;
    }

    /** Marks an annotation page read in this manifest; false if it was read already. */
    boolean firstRead(String pageId) {
        return pageId == null || pagesRead.add(pageId);
    }

    /**
     * An annotation held for a canvas not parsed yet.
     *
     * @param anno the annotation
     * @param page the page it is on (for the text it refers to)
     */
    record Held(JsonNode anno, CanvasParser.PageText page) {
    }

    /** Keeps an annotation for canvas {@code n}, not parsed yet. */
    void hold(int n, JsonNode anno, CanvasParser.PageText page) {
        pending.computeIfAbsent(n, k -> new ArrayList<>(4)).add(new Held(anno, page));
    }

    /** The annotations held for canvas {@code n}, taken out; empty if none. */
    List<Held> take(int n) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Held> l = pending.remove(n);
        return l == null ? List.of() : l;
    }

    /**
     * The canvas an annotation goes to: {@code own} (the canvas whose page holds it, null for a
     * manifest's own annotations) when it targets that canvas or names no canvas, else the index of the
     * canvas of the manifest it targets, else {@link #OUTSIDE}.
     *
     * @param ownId the id of the canvas whose page holds it, or null (a manifest's page, or a canvas without an id)
     * @param own that canvas's index, or {@link #OUTSIDE}
     */
    int destination(JsonNode anno, String ownId, int own) {
        String target = targetId(anno);
        if (target == null) {
            return own;
        }
        if (ownId != null && target.startsWith(ownId)
                && (target.length() == ownId.length() || target.charAt(ownId.length()) == '#')) {
            return own; // the usual case, at the cost of a comparison
        }
        if (index == null) {
            index = new HashMap<>(canvases.size() * 2);
            for (int i = 0; i < canvases.size(); i++) {
                String id = Json.id(canvases.get(i));
                if (id != null) {
                    index.putIfAbsent(key(id), i);
                }
            }
        }
        String k = key(target);
        if (ownId != null && k.equals(key(ownId))) {
            return own;
        }
        Integer i = index.get(k);
        if (i != null) {
            return i;
        }
        return ownId == null ? own : OUTSIDE; // a canvas without an id keeps what names no other canvas
    }

    /**
     * Whether a canvas's page names its canvases as the manifest does: some annotation of it has no
     * target or targets a canvas of the manifest. Where none does (a list whose targets are written
     * with another base, a server's old name), its targets say nothing lam can match, and its
     * annotations stay with the canvas whose page holds them, as its reference says.
     *
     * @param annos the page's annotations
     * @param ownId the id of the canvas whose page it is, or null
     * @param own that canvas's index
     */
    boolean namesCanvases(List<JsonNode> annos, String ownId, int own) {
        boolean targets = false;
        for (JsonNode anno : annos) {
            if (anno.isObject()) {
                if (targetId(anno) == null || destination(anno, ownId, own) != OUTSIDE) {
                    return true;
                }
                targets = true;
            }
        }
        return !targets;
    }

    /** The id of what an annotation targets ({@code target}, v2 {@code on}; a SpecificResource's source), or null. */
    static String targetId(JsonNode anno) {
        JsonNode t = anno.has("target") ? anno.get("target") : anno.get("on");
        if (t != null && t.isArray()) {
            t = t.size() > 0 ? t.get(0) : null;
        }
        if (t == null) {
            return null;
        }
        if (t.isObject()) {
            JsonNode src = t.has("source") ? t.get("source") : t.get("full");
            if (src != null) {
                return Json.id(src);
            }
        }
        return Json.id(t);
    }

    /**
     * The key canvases are matched by: the id without its fragment and trailing slashes, {@code http:}
     * read as {@code https:} (a manifest served over both names its canvases either way).
     */
    static String key(String id) {
        String s = ReferenceLoader.normaliseKey(id);
        return s.startsWith("http://") ? "https://" + s.substring(7) : s;
    }
}
