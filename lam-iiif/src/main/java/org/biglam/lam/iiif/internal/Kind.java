package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** The kind of a IIIF document, by its type or, where that is missing or unknown, by its shape. */
enum Kind {
    COLLECTION,
    MANIFEST,
    SEQUENCE,
    CANVAS,
    /** An annotation page, list, collection, layer or a lone annotation: read only through a canvas. */
    ANNOTATION_PAGE,
    /** None lam knows. */
    UNKNOWN;

    /** The kind of a document whose type ({@link Json#type}) is {@code type}. */
    static Kind of(JsonNode root, String type) {
        if (type != null) {
            switch (type) {
                case "Collection":
                    return COLLECTION;
                case "Manifest":
                    return MANIFEST;
                case "Sequence":
                    return SEQUENCE;
                case "Canvas":
                    return CANVAS;
                case "AnnotationPage":
                case "AnnotationList":
                case "AnnotationCollection":
                case "Layer":
                case "Annotation":
                    return ANNOTATION_PAGE;
                default:
                    break;
            }
        }
        // by shape, where the type is missing or unknown
        if (root.has("sequences")) {
            return MANIFEST;
        }
        if (root.has("manifests") || root.has("collections") || root.has("members")) {
            return COLLECTION;
        }
        JsonNode items = root.get("items");
        if (items != null && items.isArray() && items.size() > 0) {
            String first = Json.type(items.get(0));
            if ("Canvas".equals(first)) {
                return MANIFEST;
            }
            if ("Manifest".equals(first) || "Collection".equals(first)) {
                return COLLECTION;
            }
            if ("AnnotationPage".equals(first)) {
                return CANVAS;
            }
        }
        if (root.has("canvases")) {
            return SEQUENCE;
        }
        if (root.has("images") || root.has("width") && root.has("height")) {
            return CANVAS;
        }
        return UNKNOWN;
    }
}
