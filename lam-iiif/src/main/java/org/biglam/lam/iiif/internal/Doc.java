package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document to read: its root, where it came from, and how it was reached.
 *
 * @param root the parsed document (or an embedded member of a collection)
 * @param uri the URI it was read from
 * @param entry the archive entry it was read from, or null
 * @param local whether it was read through the input (a file, an archive entry) rather than fetched
 * @param collectionTitle the title of the collection it is a member of, or null
 * @param depth how many collections deep it was reached (0 for the input itself)
 */
record Doc(JsonNode root, String uri, String entry, boolean local, String collectionTitle, int depth) {

    /** The document's id, or the URI it was read from, to name it in a message. */
    String name() {
        String id = Json.id(root);
        return id != null ? id : uri;
    }
}
