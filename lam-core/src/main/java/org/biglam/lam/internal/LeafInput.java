package org.biglam.lam.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.store.InputFile;

/** The {@link Input} a format reader is given. */
final class LeafInput implements Input {

    private final InputStream stream;
    private final Place place;
    private final ReadOptions options;
    private final Warnings warnings;
    private Origin origin;
    /** The last image reference the origin rule allowed, not to check it again for the next record. */
    String lastAllowedImage;

    /** Where a refused reference is reported. */
    @FunctionalInterface
    interface Warnings {
        /** Reports a warning. */
        void warn(String kind, String message, Location where);

        /** Reports nothing. */
        Warnings NONE = (k, m, w) -> { };
    }

    LeafInput(InputStream stream, Place place, ReadOptions options, Warnings warnings) {
        this(stream, place, options, warnings, null);
    }

    private LeafInput(InputStream stream, Place place, ReadOptions options, Warnings warnings, Origin origin) {
        this.stream = new Guard.NonClosing(stream);
        this.place = place;
        this.options = options;
        this.warnings = warnings;
        this.origin = origin;
    }

    /** The origin rule's view of this input: for an input opened by {@link #resolve}, its referrer's bounds. */
    Origin origin() {
        if (origin == null) {
            origin = Origin.of(place.uri(), place.entry(), place.reach() == null ? null : place.reach().root(), options);
        }
        return origin;
    }

    /** Whether the origin rule lets this input lead to a resolved reference; warns if not. */
    private boolean allowed(String uri) {
        java.util.Optional<String> no = origin().refusal(uri);
        if (no.isPresent()) {
            warnings.warn(Origin.WARNING_KIND, no.get(), place.location());
            return false;
        }
        return true;
    }

    @Override
    public String uri() {
        return place.uri();
    }

    @Override
    public String entry() {
        return place.entry();
    }

    @Override
    public String name() {
        return place.name();
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(place.file());
    }

    private static boolean absolute(String href) {
        int colon = href.indexOf(':');
        int slash = href.indexOf('/');
        return colon > 1 && (slash < 0 || colon < slash);
    }

    @Override
    public String resolveUri(String href) {
        if (absolute(href)) {
            return href;
        }
        if (place.entry() != null) {
            String inner = place.innerEntry();
            String resolved = Place.resolveEntryPath(inner, href);
            if (resolved == null) {
                return href;
            }
            String outer = place.entry().substring(0, place.entry().length() - inner.length());
            return place.uri() + "!/" + outer + resolved;
        }
        if (place.reach() == null || !place.reach().base()) {
            return href; // standard input, a caller's stream, a source's page: no place to resolve against
        }
        return place.reach().store().resolve(place.uri(), href);
    }

    /**
     * A plain relative reference ({@code images/0001.jpg}: letters, digits, {@code . - _ ~ /}, no
     * {@code ..}) resolved against a plain {@code file:///} URI by string: what the general way
     * below gives, without the two system calls {@code Path.toUri} makes. Null for anything else.
     */
    static String beside(String fileUri, String href) {
        if (!fileUri.startsWith("file:///") || href.isEmpty() || href.startsWith("/") || href.contains("..")
                || !plain(href) || !plain(fileUri.substring(8))) {
            return null;
        }
        return fileUri.substring(0, fileUri.lastIndexOf('/') + 1) + href;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '.'
                    || c == '-' || c == '_' || c == '~') || c == '/' && i > 0 && s.charAt(i - 1) == '/'
                    || c == '.' && (i == 0 || s.charAt(i - 1) == '/') && (i + 1 == s.length() || s.charAt(i + 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<Input> resolve(String href) throws IOException {
        if (place.entry() != null) {
            if (absolute(href.strip()) && !allowed(href)) {
                return Optional.empty();
            }
            if (place.zip() == null || absolute(href)) {
                return Optional.empty();
            }
            String inner = place.innerEntry();
            String resolved = Place.resolveEntryPath(inner, href);
            if (resolved == null || !inner.equals(place.entry())) {
                return Optional.empty();
            }
            ZipArchiveEntry e = place.zip().getEntry(resolved);
            if (e == null || e.isDirectory()) {
                return Optional.empty();
            }
            InputStream s = new Guard.Limited(place.zip().getInputStream(e), options.limits(), null,
                    place.child(resolved, place.zip()).location(), new Guard.Tripwire());
            Place p = new Place(place.uri(), resolved, resolved, null, place.zip(), place.reach());
            return Optional.of(new OwnedInput(s, p, options, warnings, origin().follow(p.uri() + "!/" + resolved)));
        }
        String uri = resolveUri(href);
        if (!allowed(uri)) {
            return Optional.empty();
        }
        if (place.reach() == null || !sameStore(place.uri(), uri)) {
            // only the store the input came from is asked: a local file never makes lam go to the
            // network, a file of another store never leads to a local file
            return Optional.empty();
        }
        Optional<InputFile> file = place.reach().store().file(uri);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        InputFile f = file.get();
        InputStream s = new Guard.Limited(f.open(), options.limits(), null, org.biglam.lam.Location.of(uri, null),
                new Guard.Tripwire());
        Place pl = new Place(f.uri(), null, f.name(), f, null, place.reach());
        return Optional.of(new OwnedInput(s, pl, options, warnings, origin().follow(uri)));
    }

    /**
     * Whether a reference is on the same store as the input that names it: any http(s) URL for an
     * input that came over http(s); a local file for standard input or a caller's stream; else the
     * same scheme and authority.
     */
    static boolean sameStore(String inputUri, String reference) {
        if (Fetcher.isHttp(inputUri)) {
            return Fetcher.isHttp(reference);
        }
        try {
            URI a = new URI(inputUri);
            URI b = new URI(reference);
            if (a.isOpaque()) {
                return "file".equalsIgnoreCase(b.getScheme());
            }
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && java.util.Objects.equals(authority(a), authority(b));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String authority(URI u) {
        String a = u.getRawAuthority();
        return a == null || a.isEmpty() || "file".equalsIgnoreCase(u.getScheme()) && a.equalsIgnoreCase("localhost")
                ? null : a.toLowerCase(java.util.Locale.ROOT);
    }

    /** A sibling opened by {@link #resolve}: its caller closes its stream. */
    private static final class OwnedInput implements Input {
        private final InputStream stream;
        private final LeafInput delegate;

        OwnedInput(InputStream stream, Place place, ReadOptions options, Warnings warnings, Origin origin) {
            this.stream = new BufferedInputStream(stream, 65536);
            this.delegate = new LeafInput(this.stream, place, options, warnings, origin);
        }

        @Override
        public String uri() {
            return delegate.uri();
        }

        @Override
        public String entry() {
            return delegate.entry();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public InputStream stream() {
            return stream;
        }

        @Override
        public Optional<Path> file() {
            return delegate.file();
        }

        @Override
        public Optional<Input> resolve(String href) throws IOException {
            return delegate.resolve(href);
        }

        @Override
        public String resolveUri(String href) {
            return delegate.resolveUri(href);
        }
    }
}
