package org.biglam.lam.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

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
    static List<Path> filter(List<Path> files, ReadOptions options) {
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
        Set<Path> claimed = new HashSet<>();
        byte[] head = new byte[FormatProvider.PROBE_BYTES];
        for (Path f : files) {
            String ext = Providers.extension(f.getFileName().toString());
            if (claimed.contains(f) || ext == null || !extensions.contains(ext)) {
                continue;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 8192)) {
                in.mark(head.length);
                int len = in.readNBytes(head, 0, head.length);
                in.reset();
                FormatProvider claimer = null;
                for (FormatProvider p : claimers) {
                    if (p.probe(head, len).compareTo(MatchStrength.SOLID_MATCH) >= 0) {
                        claimer = p;
                        break;
                    }
                }
                if (claimer == null) {
                    continue;
                }
                Place place = new Place(f.toUri().toString(), null, f.getFileName().toString(), f, null, null,
                        f.getParent());
                LeafInput input = new LeafInput(in, place, options, LeafInput.Warnings.NONE);
                for (String href : claimer.claims(input, new LookAhead(options, input, claimer, place.location()))) {
                    String uri = input.resolveUri(href);
                    if (uri.startsWith("file:")) {
                        try {
                            Path p = Path.of(URI.create(uri)).normalize();
                            if (!p.equals(f)) {
                                claimed.add(p);
                            }
                        } catch (IllegalArgumentException e) {
                            // not a local file: nothing to leave out
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
        List<Path> out = new ArrayList<>(files.size());
        for (Path f : files) {
            if (!claimed.contains(f)) {
                out.add(f);
            }
        }
        return out;
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
