package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.ReadContext;

/**
 * Walks collections depth first: each member, embedded or referenced, is opened in turn, with a
 * depth limit ({@link IiifOptions#maxCollectionDepth()}) and a cycle guard over every document
 * read from one input.
 */
final class CollectionWalker {

    /** Opens a document that a collection holds or refers to (pushes its cursor). */
    interface Opener {
        /**
         * @param doc the document
         * @param checkVersion whether its {@code @context} is its own (a loaded document) rather than
         *     its collection's (an embedded member)
         */
        void open(Doc doc, boolean checkVersion);
    }

    private final ReferenceLoader loader;
    private final ReadContext ctx;
    private final IiifOptions opts;
    private final Values values;
    private final Opener opener;
    private final Set<String> visited = new HashSet<>();

    CollectionWalker(ReferenceLoader loader, ReadContext ctx, IiifOptions opts, Values values, Opener opener) {
        this.loader = loader;
        this.ctx = ctx;
        this.opts = opts;
        this.values = values;
        this.opener = opener;
    }

    /** Marks a document (by its {@link ReferenceLoader#normaliseKey key}) read; false if it already was. */
    boolean visit(String key) {
        return visited.add(key);
    }

    /** The cursor over a collection's members. */
    Cursor cursor(Doc doc) {
        String self = Json.id(doc.root());
        if (self != null) {
            String k = loader.key(doc, self);
            if (k != null) {
                visited.add(k);
            }
        }
        return new Members(doc);
    }

    /** The members a collection (or a page of a paged one) lists. */
    private static List<JsonNode> membersOf(JsonNode root) {
        List<JsonNode> ms = new ArrayList<>();
        if (root.has("members")) {
            ms.addAll(Json.many(root, "members"));
        } else {
            ms.addAll(Json.many(root, "collections"));
            ms.addAll(Json.many(root, "manifests"));
        }
        ms.addAll(Json.many(root, "items"));
        return ms;
    }

    /** The most pages of one paged collection read. */
    private static final int MAX_PAGES = 10_000;

    private final class Members implements Cursor {
        /** The collection, then the page being read (whose members' references are relative to it). */
        private Doc doc;
        private final List<JsonNode> members;
        private final String title;
        /** The next page of a paged v2 collection ({@code first}, then each page's {@code next}), or null. */
        private JsonNode next;
        private final Set<String> pages = new HashSet<>();
        private int i;
        private int unfollowed;

        Members(Doc doc) {
            this.doc = doc;
            JsonNode root = doc.root();
            this.members = membersOf(root);
            this.title = values.joined(root.get("label"));
            this.next = root.has("first") ? root.get("first") : root.get("next");
            String self = Json.id(root);
            String k = self == null ? null : loader.key(doc, self);
            if (k != null) {
                pages.add(k);
            }
        }

        /** Reads the next page of a paged collection into {@link #members}; false if there is none. */
        private boolean nextPage() throws IOException {
            while (next != null && i >= members.size()) {
                JsonNode ref = next;
                next = null;
                if (pages.size() >= MAX_PAGES) {
                    ctx.warn("depth", "collection " + doc.name() + " has more than " + MAX_PAGES
                            + " pages; the rest are not read", loader.where(doc));
                    return false;
                }
                if (ref.isObject() && !membersOf(ref).isEmpty()) { // an embedded page
                    members.addAll(membersOf(ref));
                    next = ref.get("next");
                    continue;
                }
                String id = Json.id(ref);
                String k = id == null ? null : loader.key(doc, id);
                if (id == null || k != null && !pages.add(k)) {
                    return false; // no reference, or a page read already (a cycle)
                }
                Doc page;
                try {
                    page = loader.load(doc, id, title);
                } catch (LamFormatException e) {
                    ctx.problem(e);
                    return false;
                } catch (IOException e) {
                    ctx.problem(new LamFormatException("could not read page " + id + " of collection " + doc.name()
                            + ": " + e.getMessage(), loader.where(doc), e));
                    return false;
                }
                if (page == null) {
                    loader.reportMiss("page " + id + " of collection " + doc.name(), doc);
                    return false;
                }
                doc = new Doc(page.root(), page.uri(), page.entry(), page.local(), doc.collectionTitle(), doc.depth());
                members.addAll(membersOf(page.root()));
                next = page.root().get("next");
            }
            return i < members.size();
        }

        @Override
        public boolean step() throws IOException {
            if (i >= members.size() && next != null) {
                nextPage();
            }
            if (i >= members.size()) {
                if (unfollowed > 0) {
                    ctx.warn("not-followed", unfollowed + " member(s) of collection " + doc.name()
                            + " were not fetched (set iiif.fetch=always to fetch remote references)", loader.where(doc));
                    unfollowed = 0;
                }
                return false;
            }
            JsonNode m = members.get(i++);
            String id = Json.id(m);
            if (m.isObject() && embedded(m)) {
                String k = id == null ? null : loader.key(doc, id);
                if (k != null && !visited.add(k)) {
                    ctx.warn("cycle", "skipped " + id + ": already read (a cycle or a repeated member)", loader.where(doc));
                    return true;
                }
                if (doc.depth() + 1 > opts.maxCollectionDepth()) {
                    ctx.warn("depth", "skipped " + (id == null ? "a member" : id) + ": deeper than "
                            + opts.maxCollectionDepth() + " collections (iiif.max-collection-depth)", loader.where(doc));
                    return true;
                }
                opener.open(new Doc(m, doc.uri(), doc.entry(), doc.local(), title, doc.depth() + 1), false);
                return true;
            }
            if (id == null) {
                ctx.warn("missing-id", "a member of collection " + doc.name() + " has no id and no content; skipped",
                        loader.where(doc));
                return true;
            }
            String k = loader.key(doc, id);
            if (k != null && !visited.add(k)) {
                ctx.warn("cycle", "skipped " + id + ": already read (a cycle or a repeated member)", loader.where(doc));
                return true;
            }
            if (doc.depth() + 1 > opts.maxCollectionDepth()) {
                ctx.warn("depth", "skipped " + id + ": deeper than " + opts.maxCollectionDepth()
                        + " collections (iiif.max-collection-depth)", loader.where(doc));
                return true;
            }
            Doc loaded;
            try {
                loaded = loader.load(doc, id, title);
            } catch (LamFormatException e) {
                ctx.problem(e);
                return true;
            } catch (IOException e) {
                ctx.problem(new LamFormatException("could not read member " + id + ": " + e.getMessage(),
                        loader.where(doc), e));
                return true;
            }
            if (loaded == null) {
                if (loader.miss() == ReferenceLoader.Miss.NOT_FETCHED) {
                    unfollowed++; // counted, and reported once: many members of a collection are remote
                } else {
                    loader.reportMiss("member " + id + " of collection " + doc.name(), doc);
                }
                return true;
            }
            if (k == null) {
                visited.add(ReferenceLoader.normaliseKey(loaded.uri()));
            }
            opener.open(loaded, true);
            return true;
        }
    }

    /** Whether a collection member carries its content (and is not only a reference). */
    private static boolean embedded(JsonNode m) {
        return nonEmpty(m, "sequences") || nonEmpty(m, "items") || nonEmpty(m, "manifests")
                || nonEmpty(m, "collections") || nonEmpty(m, "members") || nonEmpty(m, "canvases");
    }

    private static boolean nonEmpty(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && (v.isArray() ? v.size() > 0 : v.isObject());
    }
}
