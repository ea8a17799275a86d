package org.biglam.lam.tei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences between two word sequences, as hunks of words only one side has: common prefix
 * and suffix trimmed, then anchored on words that occur once on each side (patience diff), with an
 * exact longest common subsequence inside gaps small enough for it. For comparing lam's text with
 * another conversion of the same document, where most words agree.
 */
final class WordDiff {

    /** Words {@code a[aFrom, aTo)} stand where {@code b[bFrom, bTo)} do; one side may be empty. */
    record Hunk(int aFrom, int aTo, int bFrom, int bTo) {
    }

    private static final long DP_CELLS = 4_000_000L;

    private final List<String> a;
    private final List<String> b;
    private final List<Hunk> hunks = new ArrayList<>();

    private WordDiff(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
    }

    /** The hunks where {@code a} and {@code b} differ, in order. */
    static List<Hunk> diff(List<String> a, List<String> b) {
        WordDiff d = new WordDiff(a, b);
        d.range(0, a.size(), 0, b.size());
        return d.hunks;
    }

    private void range(int a0, int a1, int b0, int b1) {
        while (a0 < a1 && b0 < b1 && a.get(a0).equals(b.get(b0))) {
            a0++;
            b0++;
        }
        while (a1 > a0 && b1 > b0 && a.get(a1 - 1).equals(b.get(b1 - 1))) {
            a1--;
            b1--;
        }
        if (a0 == a1 || b0 == b1) {
            if (a0 < a1 || b0 < b1) {
                hunks.add(new Hunk(a0, a1, b0, b1));
            }
            return;
        }
        if ((long) (a1 - a0) * (b1 - b0) <= DP_CELLS) {
            lcs(a0, a1, b0, b1);
            return;
        }
        // anchors: words once on each side, in an order both sides share (longest increasing run)
        Map<String, int[]> counts = new HashMap<>();
        for (int i = a0; i < a1; i++) {
            int[] c = counts.computeIfAbsent(a.get(i), k -> new int[] {0, 0, -1, -1});
            c[0]++;
            c[2] = i;
        }
        for (int j = b0; j < b1; j++) {
            int[] c = counts.get(b.get(j));
            if (c != null) {
                c[1]++;
                c[3] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = a0; i < a1; i++) {
            int[] c = counts.get(a.get(i));
            if (c[0] == 1 && c[1] == 1) {
                pairs.add(new int[] {c[2], c[3]});
            }
        }
        List<int[]> anchors = longestIncreasing(pairs);
        if (anchors.isEmpty()) {
            hunks.add(new Hunk(a0, a1, b0, b1));
            return;
        }
        int pa = a0;
        int pb = b0;
        for (int[] p : anchors) {
            range(pa, p[0], pb, p[1]);
            pa = p[0] + 1;
            pb = p[1] + 1;
        }
        range(pa, a1, pb, b1);
    }

    /** The longest run of pairs (in a's order) whose b positions increase: patience sorting. */
    private static List<int[]> longestIncreasing(List<int[]> pairs) {
        int n = pairs.size();
        int[] tails = new int[n];
        int[] prev = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            int v = pairs.get(i)[1];
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pairs.get(tails[mid])[1] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            prev[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == len) {
                len++;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = len == 0 ? -1 : tails[len - 1]; i >= 0; i = prev[i]) {
            out.add(0, pairs.get(i));
        }
        return out;
    }

    /** An exact longest common subsequence of a small gap, its differences as hunks. */
    private void lcs(int a0, int a1, int b0, int b1) {
        int n = a1 - a0;
        int m = b1 - b0;
        int[][] t = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                t[i][j] = a.get(a0 + i).equals(b.get(b0 + j)) ? t[i + 1][j + 1] + 1
                        : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int hi = 0;
        int hj = 0;
        while (i < n && j < m) {
            if (a.get(a0 + i).equals(b.get(b0 + j))) {
                if (hi < i || hj < j) {
                    hunks.add(new Hunk(a0 + hi, a0 + i, b0 + hj, b0 + j));
                }
                i++;
                j++;
                hi = i;
                hj = j;
            } else if (t[i + 1][j] >= t[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        if (hi < n || hj < m) {
            hunks.add(new Hunk(a0 + hi, a1, b0 + hj, b1));
        }
    }
}
