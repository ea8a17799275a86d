package org.biglam.lam.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * Leaves out of a folder walk the files that another file of the walk reads itself (a METS
 * document's ALTO files), as {@link FormatProvider#claims} names them.
 */
final class Claims {

    /**
     * Besides a claiming format's own extensions, the generic one its documents carry ({@code mets.xml}).
     * Only these files are opened ahead: a folder of other files (IIIF JSON, MARC) is not read twice.
     */
    private static final Set<String> GENERIC = Set.of("xml");

    private Claims() {
    }

    /** The files less those claimed by a package document among them. */
    static List<Planner.Found> filter(List<Planner.Found> files, FileStore store, String root, ReadOptions options) {
        List<FormatProvider> claimers = new ArrayList<>();
        for (FormatProvider p : Providers.all()) {
            if (p.claimsOthers() && options.format().map(f -> f.equals(p.id())).orElse(true)) {
                claimers.add(p);
            }
        }
        if (claimers.isEmpty() || files.size() < 2) {
            return files;
        }
        Set<String> extensions = new HashSet<>(GENERIC);
        claimers.forEach(p -> extensions.addAll(p.extensions()));
        Set<String> claimed = new HashSet<>();
        byte[] head = new byte[FormatProvider.PROBE_BYTES];
        for (Planner.Found found : files) {
            String ext = Providers.extension(found.name());
            if (ext == null || !extensions.contains(ext)) {
                continue;
            }
            String self = key(found.uri());
            if (claimed.contains(self)) {
                continue;
            }
            Optional<InputFile> file;
            try {
                file = store == LocalStore.INSTANCE
                        ? Optional.of(LocalStore.file(LocalStore.path(found.uri()), found.size()))
                        : store.file(found.uri());
            } catch (IOException e) {
                continue; // reported when the file is read
            }
            if (file.isEmpty()) {
                continue;
            }
            InputFile f = file.get();
            try {
                // the look-ahead straight from the file: most files are no package document, and a
                // buffered stream costs some microseconds a file more (a folder may hold thousands)
                int len;
                try (InputStream in = f.open()) {
                    len = in.readNBytes(head, 0, head.length);
                }
                FormatProvider claimer = claimer(claimers, head, len);
                if (claimer == null) {
                    // a package document behind a long prolog, as detection sees it
                    int[] pastLen = new int[1];
                    byte[] past = LongProlog.lookPast(head, len, (n, got) -> {
                        try (InputStream in = f.open()) {
                            byte[] b = in.readNBytes(n);
                            got[0] = b.length;
                            return b;
                        }
                    }, pastLen);
                    claimer = past == null ? null : claimer(claimers, past, pastLen[0]);
                }
                if (claimer == null) {
                    continue;
                }
                try (InputStream in = new BufferedInputStream(f.open(), 8192)) {
                    Place place = new Place(f.uri(), null, f.name(), f, null, new Place.Reach(store, root));
                    LeafInput input = new LeafInput(in, place, options, LeafInput.Warnings.NONE);
                    for (String href : claimer.claims(input, new LookAhead(options, input, claimer, place.location()))) {
                        String k = key(input.resolveUri(href));
                        if (k != null && !k.equals(self)) {
                            claimed.add(k);
                        }
                    }
                }
            } catch (IOException | LamException e) {
                // the file is read, and its problem reported, in the walk itself
            }
        }
        if (claimed.isEmpty()) {
            return files;
        }
        List<Planner.Found> out = new ArrayList<>(files.size());
        for (Planner.Found f : files) {
            if (!claimed.contains(key(f.uri()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The first claimer whose probe is a solid match or better, or null. */
    private static FormatProvider claimer(List<FormatProvider> claimers, byte[] head, int len) {
        for (FormatProvider p : claimers) {
            if (p.probe(head, len).compareTo(MatchStrength.SOLID_MATCH) >= 0) {
                return p;
            }
        }
        return null;
    }

    /** A URI in a form that names one file one way: a local file by its normalised path. */
    private static String key(String uri) {
        Path p = LocalStore.path(uri);
        if (p != null) {
            return p.toAbsolutePath().normalize().toString();
        }
        try {
            return URI.create(uri).normalize().toString();
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    /** The context of a look-ahead: problems are not reported here but in the walk. */
    private static final class LookAhead implements ReadContext {
        private final ReadOptions options;
        private final Input input;
        private final FormatProvider provider;
        private final Location location;

        LookAhead(ReadOptions options, Input input, FormatProvider provider, Location location) {
            this.options = options;
            this.input = input;
            this.provider = provider;
            this.location = location;
        }

        @Override
        public ReadOptions options() {
            return options;
        }

        @Override
        public String granularity() {
            return provider.granularities().get(0);
        }

        @Override
        public Input input() {
            return input;
        }

        @Override
        public void problem(LamFormatException problem) {
            throw problem;
        }

        @Override
        public void warn(String kind, String message, Location where) {
            // reported when the file is read
        }

        @Override
        public Location location() {
            return location;
        }
    }
}
