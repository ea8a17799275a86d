package org.biglam.lam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.spi.FormatProvider;

/**
 * The check of a read's string settings against those the formats declare
 * ({@link FormatInfo#settings()}): a setting no format reads is an {@code unknown-setting} warning
 * when it is in a namespace lam knows (a declared setting's, a format id, or {@code lam}) or within
 * two edits of a declared setting; any other (Hadoop's {@code fs.*}, an application's own) passes
 * silently, since lam's settings travel with other tools' (lam-spark's options).
 */
public final class SettingCheck {

    /** The kind of the warning: {@value}. */
    public static final String KIND = "unknown-setting";

    /** The namespace lam keeps for itself. */
    private static final String LAM = "lam";

    /** The most edits between a setting and the declared one it is taken for a typo of. */
    private static final int MAX_DISTANCE = 2;

    /** Where the warnings are located: the read's options, not an input. */
    private static final Location WHERE = Location.of("options", null);

    private SettingCheck() {
    }

    /** The warnings about these settings against the formats on the class path, in the order of their keys. */
    public static List<Problem> check(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return List.of();
        }
        List<FormatInfo> infos = new ArrayList<>();
        for (FormatProvider p : Providers.all()) {
            infos.add(p.info());
        }
        return check(settings, infos);
    }

    /** The warnings about these settings against these formats, in the order of their keys. */
    static List<Problem> check(Map<String, String> settings, List<FormatInfo> formats) {
        List<Problem> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(settings.keySet())) {
            if (formats.stream().anyMatch(f -> f.readsSetting(key))) {
                continue;
            }
            String namespace = namespace(key.toLowerCase(Locale.ROOT));
            List<String> ofNamespace = new ArrayList<>();
            boolean known = namespace.equals(LAM);
            for (FormatInfo f : formats) {
                known |= f.id().equals(namespace);
                for (String s : f.settings()) {
                    if (namespace(s).equals(namespace) && !ofNamespace.contains(s)) {
                        ofNamespace.add(s);
                    }
                }
            }
            known |= !ofNamespace.isEmpty();
            String near = nearest(key, formats);
            if (!known && near == null) {
                continue;
            }
            StringBuilder m = new StringBuilder("no format here reads the setting ").append(key);
            if (near != null) {
                m.append("; did you mean ").append(near).append('?');
            } else if (!ofNamespace.isEmpty()) {
                m.append(" (the ").append(namespace).append(" settings: ").append(String.join(", ", ofNamespace))
                        .append(')');
            } else {
                m.append(" (the formats' settings: lam formats)");
            }
            out.add(new Problem(Problem.Severity.WARNING, KIND, m.toString(), WHERE));
        }
        return out;
    }

    /**
     * The declared setting the key is most likely a typo of: the nearest within two edits (a
     * family {@code marc.map.*} stands for itself with the key's last word), else, for a key named
     * after a format ({@code mets.hyphenation}), that format's setting of the same name
     * ({@code alto.hyphenation}); null if none.
     */
    static String nearest(String key, List<FormatInfo> formats) {
        String k = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (FormatInfo f : formats) {
            for (String s : f.settings()) {
                String candidate = s.endsWith(".*") ? s.substring(0, s.length() - 1) + k.substring(k.lastIndexOf('.') + 1)
                        : s;
                int d = distance(k, candidate, bestDistance);
                if (d < bestDistance || d == bestDistance && best != null && candidate.compareTo(best) < 0) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        if (best != null) {
            return best;
        }
        String namespace = namespace(k);
        String name = k.substring(namespace.length());
        for (FormatInfo f : formats) {
            if (f.id().equals(namespace)) {
                for (String s : f.settings()) {
                    if (s.substring(namespace(s).length()).equals(name)) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    private static String namespace(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /**
     * The Levenshtein distance of two strings, or any number above {@code limit} once it is sure
     * to be more than that.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
