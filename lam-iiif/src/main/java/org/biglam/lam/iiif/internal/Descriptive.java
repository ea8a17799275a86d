package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.biglam.lam.Labels;
import org.biglam.lam.spi.vocab.Dates;
import org.biglam.lam.spi.vocab.Languages;

/** The descriptive labels of a manifest or canvas: metadata, summary, rights, dates, links, provider. */
final class Descriptive {

    private static final String[] FIELDS = {"summary", "description", "metadata", "requiredStatement",
        "attribution", "rights", "license", "navDate", "homepage", "related", "seeAlso", "provider"};

    private final Values values;

    Descriptive(Values values) {
        this.values = values;
    }

    /** Whether a canvas has any descriptive property (most have none; its map answers most misses at once). */
    static boolean any(JsonNode c) {
        for (String field : FIELDS) {
            if (c.has(field)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the descriptive labels of a manifest or canvas to {@code out}. */
    void describe(JsonNode n, List<Label> out) {
        for (String s : values.pick(n.has("summary") ? n.get("summary") : n.get("description"))) {
            out.add(new Label(Labels.DESCRIPTION, s));
        }
        for (JsonNode pair : Json.many(n, "metadata")) {
            if (!pair.isObject()) {
                continue;
            }
            String label = values.joined(pair.get("label"));
            List<String> vs = values.pick(pair.get("value"));
            if (label == null || vs.isEmpty()) {
                continue;
            }
            String uniform = LabelMapping.uniform(label);
            for (String v : vs) {
                out.add(new Label("iiif:metadata:" + label, v));
                if (uniform == null) {
                    continue;
                }
                if (uniform.equals(Labels.DATE)) {
                    String d = Dates.normalise(v);
                    out.add(new Label(Labels.DATE, d == null ? v : d));
                } else if (uniform.equals(Labels.LANGUAGE)) {
                    for (String tag : Languages.tagsIn(v)) {
                        out.add(new Label(Labels.LANGUAGE, tag));
                    }
                } else {
                    out.add(new Label(uniform, v));
                }
            }
        }
        JsonNode req = n.get("requiredStatement");
        if (req != null && req.isObject()) {
            for (String s : values.pick(req.get("value"))) {
                out.add(new Label(Labels.RIGHTS, s));
            }
        }
        for (String s : values.pick(n.get("attribution"))) {
            out.add(new Label(Labels.RIGHTS, s));
        }
        for (JsonNode r : Json.many(n, "rights")) {
            String s = r.isTextual() ? r.textValue() : Json.id(r);
            if (s != null) {
                out.add(new Label(Labels.RIGHTS, s));
            }
        }
        for (JsonNode r : Json.many(n, "license")) {
            String s = r.isTextual() ? r.textValue() : Json.id(r);
            if (s != null) {
                out.add(new Label(Labels.RIGHTS, s));
            }
        }
        String nav = Json.text(n, "navDate");
        if (nav != null) {
            String d = Dates.normalise(nav);
            out.add(new Label(Labels.DATE, d == null ? nav : d));
            out.add(new Label("iiif:navDate", nav));
        }
        for (String field : new String[] {"homepage", "related", "seeAlso"}) {
            for (JsonNode h : Json.many(n, field)) {
                String s = h.isTextual() ? h.textValue() : Json.id(h);
                if (s != null) {
                    out.add(new Label(Labels.IDENTIFIER, s));
                }
            }
        }
        for (JsonNode p : Json.many(n, "provider")) {
            for (String s : values.pick(p.get("label"))) {
                out.add(new Label("iiif:provider", s));
            }
        }
    }
}
