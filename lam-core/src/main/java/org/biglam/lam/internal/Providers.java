package org.biglam.lam.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.MatchStrength;

/** The format providers on the class path (or module path), found once with ServiceLoader. */
public final class Providers {

    private static volatile List<FormatProvider> all;

    private Providers() {
    }

    /** Every provider, ordered by priority (highest first) then id. */
    public static List<FormatProvider> all() {
        List<FormatProvider> a = all;
        if (a == null) {
            synchronized (Providers.class) {
                if (all == null) {
                    all = load();
                }
                a = all;
            }
        }
        return a;
    }

    private static List<FormatProvider> load() {
        Map<String, FormatProvider> byId = new LinkedHashMap<>();
        for (FormatProvider p : services(FormatProvider.class, "format provider")) {
            byId.putIfAbsent(p.id(), p);
        }
        List<FormatProvider> list = new ArrayList<>(byId.values());
        list.sort(order());
        return List.copyOf(list);
    }

    private static volatile List<org.biglam.lam.spi.EmbeddedXmlReader> embedded;

    /** The embedded-metadata readers on the class or module path, by format id. */
    public static List<org.biglam.lam.spi.EmbeddedXmlReader> embedded() {
        List<org.biglam.lam.spi.EmbeddedXmlReader> e = embedded;
        if (e == null) {
            Map<String, org.biglam.lam.spi.EmbeddedXmlReader> byFormat = new java.util.TreeMap<>();
            for (var r : services(org.biglam.lam.spi.EmbeddedXmlReader.class, "embedded metadata reader")) {
                byFormat.putIfAbsent(r.format(), r);
            }
            e = List.copyOf(byFormat.values());
            embedded = e;
        }
        return e;
    }

    private static volatile Map<String, org.biglam.lam.spi.SourceProvider> sources;

    /** The source providers on the class or module path, by scheme. */
    public static Map<String, org.biglam.lam.spi.SourceProvider> sources() {
        Map<String, org.biglam.lam.spi.SourceProvider> s = sources;
        if (s == null) {
            Map<String, org.biglam.lam.spi.SourceProvider> byScheme = new java.util.TreeMap<>();
            for (var p : services(org.biglam.lam.spi.SourceProvider.class, "source provider")) {
                String scheme = p.scheme().toLowerCase(java.util.Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                    byScheme.putIfAbsent(scheme, p);
                }
            }
            s = Map.copyOf(byScheme);
            sources = s;
        }
        return s;
    }

    /** Every implementation of a service, from lam's class loader and the thread's context loader. */
    private static <S> List<S> services(Class<S> type, String what) {
        List<S> found = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Providers.class.getClassLoader());
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl != null && tccl != Providers.class.getClassLoader()) {
            loaders.add(tccl);
        }
        for (ClassLoader cl : loaders) {
            var it = ServiceLoader.load(type, cl).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError e) {
                    // a broken provider must not hide the others
                    System.err.println("lam: warning: a " + what + " could not be loaded: " + e.getMessage());
                }
            }
        }
        return found;
    }

    /** Higher priority first, then id. */
    static Comparator<FormatProvider> order() {
        return Comparator.comparingInt(FormatProvider::priority).reversed().thenComparing(FormatProvider::id);
    }

    /** The provider with this id, or null. */
    public static FormatProvider byId(String id) {
        for (FormatProvider p : all()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /** The ids of every provider, sorted. */
    static String ids() {
        return all().stream().map(FormatProvider::id).sorted().collect(Collectors.joining(", "));
    }

    /** Infos of every provider, ordered by id. */
    public static List<FormatInfo> infos() {
        return all().stream()
                .sorted(Comparator.comparing(FormatProvider::id))
                .map(FormatProvider::info)
                .collect(Collectors.toList());
    }

    /**
     * Chooses the provider for an input: content first (a solid or full match), then the name's
     * extension among providers that do not rule the content out, then a weak content match. Ties
     * go to the higher priority, then the lower id. Null if none. Where no content match is solid
     * and the look-ahead ends inside an XML prolog, the choice is made again on the look-ahead past
     * the prolog ({@link LongProlog}), read through {@code more} (null: the look-ahead is all there is).
     */
    static FormatProvider choose(byte[] head, int len, String name, LongProlog.Peek more) throws java.io.IOException {
        FormatProvider best = null;
        MatchStrength bestStrength = MatchStrength.NO_MATCH;
        Map<FormatProvider, MatchStrength> strengths = new LinkedHashMap<>();
        for (FormatProvider p : all()) {
            MatchStrength s;
            try {
                s = p.probe(head, len);
            } catch (RuntimeException e) {
                s = MatchStrength.NO_MATCH;
            }
            if (s == null) {
                s = MatchStrength.NO_MATCH;
            }
            strengths.put(p, s);
            if (s.compareTo(bestStrength) > 0) {
                best = p;
                bestStrength = s;
                if (s == MatchStrength.FULL_MATCH) {
                    // no later provider can beat it (a tie keeps the first): the rest need not probe,
                    // which is most of detection's cost per file
                    break;
                }
            }
        }
        if (bestStrength.compareTo(MatchStrength.SOLID_MATCH) >= 0) {
            return best;
        }
        if (more != null) {
            // off the common path: only where the content told nothing sure
            int[] pastLen = new int[1];
            byte[] past = LongProlog.lookPast(head, len, more, pastLen);
            if (past != null) {
                return choose(past, pastLen[0], name, null);
            }
        }
        String ext = extension(name);
        if (ext != null) {
            FormatProvider byExt = null;
            MatchStrength byExtStrength = null;
            for (FormatProvider p : all()) {
                MatchStrength s = strengths.get(p);
                if (s != MatchStrength.NO_MATCH && p.extensions().contains(ext)
                        && (byExtStrength == null || s.compareTo(byExtStrength) > 0)) {
                    byExt = p;
                    byExtStrength = s;
                }
            }
            if (byExt != null) {
                return byExt;
            }
        }
        return bestStrength == MatchStrength.WEAK_MATCH ? best : null;
    }

    /**
     * Files that travel with holdings but hold no records (page images, PDFs, schemas, notes):
     * inside a folder or archive they are left out without a warning.
     */
    private static final java.util.Set<String> COMPANIONS = java.util.Set.of("jpg", "jpeg", "png", "tif", "tiff",
            "jp2", "j2k", "jpx", "gif", "bmp", "webp", "pdf", "md", "xsd", "dtd", "css", "js", "xsl", "xslt");

    /** Whether a file that no format recognises is a known companion of holdings. */
    static boolean isCompanion(String name) {
        String ext = extension(name);
        return ext != null && COMPANIONS.contains(ext);
    }

    static String extension(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 || dot == base.length() - 1 ? null : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
