package org.biglam.lam.cli.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named splits with fractions, and the rule that puts a record in one: SHA-256 of the seed and the
 * record's group (its id when it has none) taken as a number in [0, 1), compared with the
 * cumulative fractions. The same key and seed give the same split on every run and machine, and
 * every record of a group lands in the same split.
 */
public final class SplitPlan {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final List<String> names;
    private final double[] cumulative;
    private final Map<String, Double> fractions;
    private final long seed;
    private final MessageDigest sha;

    private SplitPlan(Map<String, Double> fractions, long seed) {
        this.fractions = Collections.unmodifiableMap(new LinkedHashMap<>(fractions));
        this.names = List.copyOf(fractions.keySet());
        this.cumulative = new double[names.size()];
        double sum = 0;
        for (int i = 0; i < names.size(); i++) {
            sum += fractions.get(names.get(i));
            cumulative[i] = sum;
        }
        cumulative[names.size() - 1] = 1.0;
        this.seed = seed;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a {@code --split} value such as {@code train=0.8,validation=0.1,test=0.1}.
     *
     * @param spec the splits; fractions must be positive and add up to 1; names are lower-case
     *     letters, digits and underscores
     * @param seed the seed of the hash
     * @return the plan
     * @throws IllegalArgumentException if the spec is malformed
     */
    public static SplitPlan parse(String spec, long seed) {
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("split name '" + name
                        + "' must be lower-case letters, digits or _ (the Hub's split names)");
            }
            double f;
            try {
                f = eq < 0 ? 1.0 : Double.parseDouble(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--split: '" + p + "' is not NAME=FRACTION");
            }
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("--split: the fraction of " + name + " must be in (0, 1]");
            }
            if (fractions.put(name, f) != null) {
                throw new IllegalArgumentException("--split names " + name + " twice");
            }
        }
        if (fractions.isEmpty()) {
            throw new IllegalArgumentException("--split names no split");
        }
        double sum = fractions.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("--split fractions add up to " + sum + ", not 1");
        }
        return new SplitPlan(fractions, seed);
    }

    /** The split names, in the order given. */
    public List<String> names() {
        return names;
    }

    /** The fraction asked for each split. */
    public Map<String, Double> fractions() {
        return fractions;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /**
     * The split of a key (a record's group, or its id).
     *
     * @param key the key
     * @return the index into {@link #names()}
     */
    public int splitOf(String key) {
        double u = unit(key);
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** The key's hash with the seed, as a number in [0, 1). */
    double unit(String key) {
        sha.reset();
        sha.update(ByteBuffer.allocate(8).putLong(seed).array());
        byte[] h = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        long v = ByteBuffer.wrap(h, 0, 8).getLong();
        return (v >>> 11) * 0x1.0p-53;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        fractions.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts) + " seed=" + seed;
    }
}
