package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.spi.ReadContext;

/**
 * Loads the documents an input refers to (collection members, annotation pages, OCR): beside a
 * local document through the input, or over http(s) where fetching is allowed, always by the
 * origin rule; and locates problems in a document.
 */
final class ReferenceLoader {

    /**
     * Bytes of a referenced resource.
     *
     * @param in the bytes, in memory
     * @param uri where they were read from
     * @param entry the archive entry they were read from, or null
     * @param local whether they were read through the input rather than fetched
     */
    record Loaded(InputStream in, String uri, String entry, boolean local) {
    }

    /** Why {@link #load} or {@link #loadBytes} gave nothing. */
    enum Miss {
        /** A remote reference, and fetching is off ({@code iiif.fetch}): the one a user may change. */
        NOT_FETCHED,
        /** Refused by the origin rule (a {@code reference} warning has been given). */
        REFUSED,
        /** A local reference naming nothing that exists (or that cannot be a file name). */
        NOT_FOUND
    }

    private final Input input;
    private final ReadContext ctx;
    private final IiifOptions opts;
    private final ReadLimits limits;
    private final boolean fetchRemote;
    private Fetcher http;
    private Origin origin;
    private Miss miss;

    ReferenceLoader(Input input, ReadContext ctx, IiifOptions opts) {
        this.input = input;
        this.ctx = ctx;
        this.opts = opts;
        this.limits = ctx.limits();
        this.fetchRemote = opts.fetch() == IiifOptions.Fetch.ALWAYS
                || opts.fetch() == IiifOptions.Fetch.AUTO && Fetcher.isHttp(input.uri());
    }

    /** The key that identifies the input itself, for the cycle guard. */
    String inputKey() {
        return normaliseKey(input.entry() == null ? input.uri() : input.uri() + "!/" + input.entry());
    }

    /**
     * Loads a referenced document: beside a local document through the input, or over http(s)
     * where fetching is allowed. Returns null when it may not be fetched or cannot be found
     * ({@link #miss} says which).
     */
    Doc load(Doc from, String ref, String collectionTitle) throws IOException {
        Loaded l = loadBytes(from, ref);
        if (l == null) {
            return null;
        }
        Location loc = Location.of(l.uri(), null);
        JsonNode root = JsonDocs.parse(l.in(), limits, loc);
        return new Doc(root, l.uri(), l.entry(), l.local(), collectionTitle, from.depth() + 1);
    }

    /** Why the last {@link #load} or {@link #loadBytes} that gave null gave nothing. */
    Miss miss() {
        return miss;
    }

    /**
     * Reports why the last load of a reference gave nothing: {@code not-followed} for a remote one not
     * fetched, {@code missing-file} for a local one not found, nothing for one the origin rule refused
     * (its {@code reference} warning is given).
     *
     * @param what the reference, as the message names it ("annotation page X of canvas Y")
     */
    void reportMiss(String what, Doc doc) {
        if (miss == Miss.NOT_FETCHED) {
            ctx.warn("not-followed", what + " was not fetched (set iiif.fetch=always to fetch remote references)",
                    where(doc));
        } else if (miss == Miss.NOT_FOUND) {
            ctx.warn("missing-file", what + " was not found", where(doc));
        }
    }

    /**
     * The bytes of a referenced resource, or null when it may not be fetched or cannot be found
     * ({@link #miss} says which).
     */
    Loaded loadBytes(Doc from, String ref) throws IOException {
        miss = Miss.NOT_FOUND;
        int hash = ref.indexOf('#');
        if (hash >= 0) { // a fragment names a part of the document (never sent, and no part of a file's name)
            ref = ref.substring(0, hash);
            if (ref.isBlank()) {
                return null;
            }
        }
        String abs = absolute(from, ref);
        // the origin rule: a document fetched over http(s) leads only to http(s); a local one stays in its bounds
        Origin o = from.local() ? origin() : origin().follow(from.uri());
        if (!o.check(abs != null ? abs : ref, ctx, Location.of(from.uri(), from.entry()))) {
            miss = Miss.REFUSED;
            return null;
        }
        if (abs != null && Fetcher.isHttp(abs)) {
            if (!fetchRemote) {
                miss = Miss.NOT_FETCHED;
                return null;
            }
            long max = Math.min(limits.maxDownloadBytes(), limits.maxRecordBytes());
            try (Fetcher.Response r = http().get(URI.create(abs))) {
                if (r.status() != 200) {
                    throw new IOException("HTTP " + r.status() + " from " + r.uri()
                            + r.retryAfter().map(d -> " (Retry-After " + d + ", longer than the "
                            + opts.maxRetryAfter() + " honoured)").orElse(""));
                }
                byte[] body = r.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (body.length > max) {
                    throw new IOException("body from " + r.uri() + " is over the limit of " + max
                            + " bytes (ReadLimits.maxRecordBytes / maxDownloadBytes)");
                }
                return new Loaded(new ByteArrayInputStream(body), r.uri().toString(), null, false);
            }
        }
        if (!from.local()) {
            // a fetched document's references resolve to http(s) above; one that could not be made absolute names nothing
            return null;
        }
        Optional<Input> sibling;
        try {
            sibling = input.resolve(from.uri().equals(input.uri()) && from.entry() != null
                    && from.entry().equals(input.entry()) || abs == null ? ref : abs);
        } catch (RuntimeException e) {
            return null;
        }
        if (sibling.isEmpty()) {
            return null;
        }
        Input s = sibling.get();
        byte[] bytes;
        try (InputStream in = s.stream()) {
            bytes = in.readNBytes(limits.maxRecordBytes() + 1);
        }
        if (bytes.length > limits.maxRecordBytes()) {
            throw new LamLimitExceededException("referenced document " + ref + " is larger than "
                    + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)", Location.of(s.uri(), s.entry()));
        }
        return new Loaded(new ByteArrayInputStream(bytes), s.uri(), s.entry(), true);
    }

    private Fetcher http() {
        if (http == null) {
            http = Fetcher.builder(limits).maxPerHost(opts.maxPerHost()).retries(opts.retries())
                    .backoff(opts.backoff()).maxRetryAfter(opts.maxRetryAfter()).cacheDir(opts.cacheDir().orElse(null))
                    .header("Accept", "application/ld+json, application/json;q=0.9, */*;q=0.1").build();
        }
        return http;
    }

    /** The origin of the input, for the origin rule. */
    private Origin origin() {
        if (origin == null) {
            origin = Origin.of(input, ctx.options());
        }
        return origin;
    }

    /** A reference made absolute against the document it is in, or null if it cannot be. */
    String absolute(Doc from, String ref) {
        String r = ref.strip();
        if (Fetcher.isHttp(r)) {
            return r;
        }
        try {
            if (isInput(from)) {
                return input.resolveUri(r);
            }
            return new URI(from.uri()).resolve(new URI(r)).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The cycle guard's key of a reference in a document, or null if it cannot be made absolute. */
    String key(Doc from, String ref) {
        String abs = absolute(from, ref);
        return abs == null ? null : normaliseKey(abs);
    }

    /** The cycle guard's key of an absolute URI: without fragment and trailing slashes, {@code file:///}. */
    static String normaliseKey(String uri) {
        String s = uri.strip();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("file:")) {
            int i = 5;
            while (i < s.length() && s.charAt(i) == '/') {
                i++;
            }
            s = "file:///" + s.substring(i);
        }
        return s;
    }

    /** Where a problem in a document is: the reader's own location in the input, else the document's URI. */
    Location where(Doc doc) {
        if (isInput(doc)) {
            return ctx.location();
        }
        return Location.of(doc.uri(), doc.entry());
    }

    /** Whether a document is the input itself (or embedded in it). */
    private boolean isInput(Doc doc) {
        return doc.local() && doc.uri().equals(input.uri()) && Objects.equals(doc.entry(), input.entry());
    }

    /** The name a document read through the input is known by ({@link Input#name}). */
    String inputName() {
        return input.name();
    }
}
