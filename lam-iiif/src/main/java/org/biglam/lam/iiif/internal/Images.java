package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifImageService;

/** Image API services of resources, and regions: {@code #xywh=} fragments, selectors, scaling. */
final class Images {

    private Images() {
    }

    /** The IIIF Image API service of a resource, or null. */
    static IiifImageService service(JsonNode n, long w, long h) {
        for (JsonNode s : Json.many(n, "service")) {
            if (s.isTextual()) {
                String id = Json.blankToNull(s.textValue());
                if (id != null) {
                    return IiifImageService.builder(id, 2).size(w, h).build();
                }
                continue;
            }
            String id = Json.id(s);
            if (id == null) {
                continue;
            }
            String type = Json.type(s);
            String context = null;
            for (JsonNode c : Json.many(s, "@context")) {
                if (c.isTextual()) {
                    context = c.textValue();
                }
            }
            String profile = null;
            JsonNode profileObj = null;
            for (JsonNode p : Json.many(s, "profile")) {
                if (p.isTextual() && profile == null) {
                    profile = p.textValue();
                } else if (p.isObject()) {
                    profileObj = p;
                }
            }
            int version = 0;
            if (type != null && type.startsWith("ImageService")) {
                version = type.endsWith("3") ? 3 : type.endsWith("1") ? 1 : 2;
            } else if (context != null && context.contains("iiif.io/api/image/")) {
                version = context.contains("image/3") ? 3 : context.contains("image/1") ? 1 : 2;
            } else if (profile != null && profile.contains("iiif.io/api/image/")) {
                version = profile.contains("image/1") ? 1 : profile.contains("image/3") ? 3 : 2;
            } else if (profile != null && profile.length() == 6 && profile.startsWith("level")
                    && profile.charAt(5) >= '0' && profile.charAt(5) <= '2') {
                version = s.has("id") ? 3 : 2;
            } else if (profile != null && profile.contains("library.stanford.edu/iiif/image-api")) {
                version = 1;
            }
            if (version == 0) {
                continue;
            }
            long sw = Json.number(s, "width");
            long sh = Json.number(s, "height");
            IiifImageService.Builder b = IiifImageService.builder(id, version)
                    .profile(profile)
                    .size(sw > 0 ? sw : w, sh > 0 ? sh : h)
                    .maxWidth(Math.max(Json.number(s, "maxWidth"), Json.number(profileObj, "maxWidth")))
                    .maxHeight(Math.max(Json.number(s, "maxHeight"), Json.number(profileObj, "maxHeight")))
                    .maxArea(Math.max(Json.number(s, "maxArea"), Json.number(profileObj, "maxArea")));
            return b.build();
        }
        return null;
    }

    /** The region of the canvas a target names ({@code #xywh=}), in canvas units; null for the whole. */
    static Region targetRegion(JsonNode target, long canvasW, long canvasH) {
        if (target == null) {
            return null;
        }
        if (target.isTextual()) {
            String s = target.textValue();
            int hash = s.indexOf("#xywh=");
            return hash < 0 ? null : parseRegion(s.substring(hash + 1), canvasW, canvasH);
        }
        if (!target.isObject()) {
            return null;
        }
        for (JsonNode sel : selectors(target)) {
            String v = Json.text(sel, "value");
            if (v != null && v.startsWith("xywh=")) {
                return parseRegion(v, canvasW, canvasH);
            }
            String r = Json.text(sel, "region");
            if (r != null) {
                return parseRegion(r, canvasW, canvasH);
            }
        }
        String id = Json.id(target);
        if (id != null) {
            int hash = id.indexOf("#xywh=");
            if (hash >= 0) {
                return parseRegion(id.substring(hash + 1), canvasW, canvasH);
            }
        }
        return null;
    }

    /**
     * The selectors of a target or SpecificResource, a choice of selectors (Mirador 2's
     * {@code oa:Choice} of a FragmentSelector {@code default} and an SvgSelector {@code item}) given
     * as its default, then its items.
     */
    static List<JsonNode> selectors(JsonNode n) {
        List<JsonNode> sels = Json.many(n, "selector");
        boolean choice = false;
        for (JsonNode sel : sels) {
            choice |= sel.isObject() && (sel.has("default") || sel.has("item"));
        }
        if (!choice) {
            return sels;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode sel : sels) {
            if (sel.isObject() && (sel.has("default") || sel.has("item"))) {
                out.addAll(Json.many(sel, "default"));
                out.addAll(Json.many(sel, "item"));
            } else {
                out.add(sel);
            }
        }
        return out;
    }

    /** Parses {@code xywh=[pixel:|percent:]x,y,w,h} or {@code x,y,w,h}; null if it is not one. */
    static Region parseRegion(String s, long w, long h) {
        String v = s.strip();
        if (v.startsWith("xywh=")) {
            v = v.substring(5);
        }
        boolean percent = false;
        if (v.startsWith("percent:")) {
            percent = true;
            v = v.substring(8);
        } else if (v.startsWith("pct:")) {
            percent = true;
            v = v.substring(4);
        }
        int amp = v.indexOf('&');
        if (amp >= 0) {
            v = v.substring(0, amp);
        }
        try {
            Region r = Region.parse(v);
            if (percent) {
                if (w <= 0 || h <= 0) {
                    return null;
                }
                String[] p = v.split(",");
                return new Region(Math.round(Double.parseDouble(p[0]) * w / 100),
                        Math.round(Double.parseDouble(p[1]) * h / 100),
                        Math.round(Double.parseDouble(p[2]) * w / 100),
                        Math.round(Double.parseDouble(p[3]) * h / 100));
            }
            return r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The part of region {@code r} of the canvas inside {@code area} (where an image is painted), in
     * the area's own units (from its top left corner); null if they do not meet.
     */
    static Region within(Region r, Region area) {
        long x0 = Math.max(r.x(), area.x());
        long y0 = Math.max(r.y(), area.y());
        long x1 = Math.min(r.x() + r.w(), area.x() + area.w());
        long y1 = Math.min(r.y() + r.h(), area.y() + area.h());
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new Region(x0 - area.x(), y0 - area.y(), x1 - x0, y1 - y0);
    }

    /** Scales a region on the canvas to the pixels of an image painted on the whole canvas. */
    static Region scale(Region r, long canvasW, long canvasH, ImageRef img) {
        long iw = img.width().orElse(-1);
        long ih = img.height().orElse(-1);
        Region base = img.region().orElse(null);
        if (canvasW <= 0 || canvasH <= 0) {
            return r;
        }
        double sx;
        double sy;
        long ox = 0;
        long oy = 0;
        if (base != null) {
            sx = (double) base.w() / canvasW;
            sy = (double) base.h() / canvasH;
            ox = base.x();
            oy = base.y();
        } else if (iw > 0 && ih > 0) {
            sx = (double) iw / canvasW;
            sy = (double) ih / canvasH;
        } else {
            return r;
        }
        if (sx == 1.0 && sy == 1.0 && ox == 0 && oy == 0) {
            return r;
        }
        return new Region(ox + Math.round(r.x() * sx), oy + Math.round(r.y() * sy), Math.round(r.w() * sx),
                Math.round(r.h() * sy));
    }

}
