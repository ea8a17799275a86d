package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.streams.Steps;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * lam's text of the corpus's TEI files, word by word, against the TEI Consortium's own plain-text
 * conversion of the same files (the TEI Stylesheets' {@code tei-to-text.xsl}, in
 * {@code ../shared/oracles/tei-to-text}; skipped, with a message, where absent).
 *
 * <p>Words are compared, not bytes: both texts are cut at white space, each word put in NFKC (so
 * {@code ſ} is {@code s}), lower-cased and stripped of punctuation at its edges. Every place where the
 * two differ is classified:
 *
 * <ul>
 *   <li><b>the conversion splits a word</b>: lam has the same letters at the same place, cut into
 *       words differently ({@code erschei nen} at {@code lb break="no"}, {@code þei m} across an
 *       expansion, {@code E max} at a subscript, a line-end hyphen kept): the conversion's own error;
 *   <li><b>lam's profile, by design</b>: words lam leaves out by default but gives under one of its
 *       documented options (notes, figure and surface descriptions, speakers, forme work,
 *       deletions, the diplomatic readings), or leaves out with no option, as its README says
 *       (examples, feature structures, the readings of an apparatus other than the one taken);
 *   <li><b>lam's misses</b>: anything else the conversion has and lam lacks, and words lam splits
 *       that the conversion gives whole, under every option. Kept at zero.
 * </ul>
 *
 * Words lam has and the conversion lacks (mostly lam's normalized reading of a {@code choice} where
 * the conversion took the original) are counted as extra. The figures are printed.
 */
class TeiOracleConformanceTest {

    private static final int CONTEXT = 3;

    /** Elements whose text lam leaves out by design, with no option to keep it (see the README). */
    private static final Set<String> LEFT_OUT = Set.of("egXML", "fs", "f", "fLib", "fvLib",
            "fsdDecl", "interp", "interpGrp", "span", "spanGrp", "index", "certainty", "alt", "altGrp", "gap");

    private static final String ALL_FEATURES = "notes,speakers,figure-descriptions,forme-work,deletions,supplied";

    private enum Kind {
        CONVERSION_SPLITS, LAM_PROFILE, LAM_MISSES, LAM_SPLITS, LAM_EXTRA
    }

    @Test
    void lamMissesNoWordOfTheConsortiumsConversion() throws IOException {
        Path corpus = Corpus.dir("tei");
        Path oracles = corpus.getParent().getParent().resolve("oracles").resolve("tei-to-text");
        assumeTrue(Files.isDirectory(oracles), "oracles not present (" + oracles + "): conformance test skipped");
        List<Path> txts;
        try (Stream<Path> s = Files.walk(oracles)) {
            txts = s.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        assertThat(txts).as("oracle files").hasSizeGreaterThanOrEqualTo(20);
        Map<Kind, Integer> total = new HashMap<>();
        StringBuilder report = new StringBuilder();
        List<String> misses = new ArrayList<>();
        int files = 0;
        long agreed = 0;
        for (Path txt : txts) {
            String rel = oracles.relativize(txt).toString();
            Path xml = corpus.resolve(rel.substring(0, rel.length() - 4) + ".xml");
            if (!Files.isRegularFile(xml)) {
                continue;
            }
            files++;
            Map<Kind, Integer> counts = new HashMap<>();
            long same = compare(xml, words(Files.readString(txt, StandardCharsets.UTF_8)), counts, misses, rel);
            agreed += same;
            counts.forEach((k, v) -> total.merge(k, v, Integer::sum));
            report.append(String.format(Locale.ROOT, "%-70s agree %7d  %s%n", rel, same, counts));
        }
        report.append(String.format(Locale.ROOT, "%d files, %d words agree, differences: %s%n", files, agreed, total));
        System.out.print(report);
        misses.forEach(System.out::println);
        assertThat(files).isGreaterThanOrEqualTo(20);
        assertThat(total.getOrDefault(Kind.LAM_MISSES, 0) + total.getOrDefault(Kind.LAM_SPLITS, 0))
                .as("lam's misses:%n%s", String.join("\n", misses.subList(0, Math.min(40, misses.size()))))
                .isZero();
    }

    /** Compares one file; returns the number of words that agree, counts the rest by kind. */
    private static long compare(Path xml, List<String> oracle, Map<Kind, Integer> counts, List<String> misses,
            String name) {
        List<String> lam = lamWords(xml, ReadOptions.builder());
        // how each oracle word stands against lam's default text: 0 missing, 1 same letters cut into
        // words differently, 2 the same word
        boolean[] splitByLam = new boolean[oracle.size()];
        int[] byDefault = cover(oracle, lam, counts, splitByLam);
        // and against lam's text under its documented options: everything kept, either profile's readings
        int[] byOptions = new int[oracle.size()];
        for (ReadOptions.Builder o : List.of(
                ReadOptions.builder().set("tei.profile", "diplomatic").set("tei.enable", ALL_FEATURES),
                ReadOptions.builder().set("tei.enable", ALL_FEATURES))) {
            int[] c = cover(oracle, lamWords(xml, o), null, null);
            for (int i = 0; i < c.length; i++) {
                byOptions[i] = Math.max(byOptions[i], c[i]);
            }
        }
        // words lam leaves out by design, with no option to keep them: examples (egXML), feature
        // structures (fs), and the readings of an apparatus other than the one taken
        Map<String, Integer> leftOut = new HashMap<>();
        for (String w : words(leftOut(xml))) {
            leftOut.merge(w, 1, Integer::sum);
        }
        long same = 0;
        int shown = 0;
        for (int i = 0; i < oracle.size(); i++) {
            if (byDefault[i] == 2) {
                same++;
            } else if (byDefault[i] == 1) {
                counts.merge(Kind.CONVERSION_SPLITS, 1, Integer::sum);
            } else if (byOptions[i] > 0 || take(leftOut, oracle.get(i))) {
                counts.merge(Kind.LAM_PROFILE, 1, Integer::sum);
            } else if (splitByLam[i]) {
                counts.merge(Kind.LAM_SPLITS, 1, Integer::sum);
                misses.add(name + " @" + i + ": '" + oracle.get(i) + "' split by lam, in " + context(oracle, i, i + 1));
            } else {
                counts.merge(Kind.LAM_MISSES, 1, Integer::sum);
                if (shown++ < 5) {
                    misses.add(name + " @" + i + ": '" + oracle.get(i) + "' in " + context(oracle, i, i + 1));
                }
            }
        }
        return same;
    }

    /**
     * Marks each word of {@code oracle} 2 where {@code lam} has it at the same place, 1 where lam has
     * its letters there but cut into words differently, 0 where lam lacks it. With counts given, also
     * counts lam's words the oracle lacks ({@link Kind#LAM_EXTRA}) and words lam splits that the
     * oracle has whole ({@link Kind#LAM_SPLITS}).
     */
    private static int[] cover(List<String> oracle, List<String> lam, Map<Kind, Integer> counts,
            boolean[] splitByLam) {
        int[] c = new int[oracle.size()];
        Arrays.fill(c, 2);
        for (WordDiff.Hunk h : WordDiff.diff(oracle, lam)) {
            for (int i = h.aFrom(); i < h.aTo(); i++) {
                c[i] = 0;
            }
            // the letters are matched with a few words around the hunk: the word diff may have
            // paired a short word with the wrong neighbour
            int a0 = Math.max(0, h.aFrom() - CONTEXT);
            int b0 = Math.max(0, h.bFrom() - CONTEXT);
            List<String> o = oracle.subList(a0, Math.min(oracle.size(), h.aTo() + CONTEXT));
            List<String> l = lam.subList(b0, Math.min(lam.size(), h.bTo() + CONTEXT));
            boolean[] lamSplit = new boolean[l.size()];
            // lam's words that split an oracle word are not matched letter by letter: that is no
            // difference of the conversion's
            lamSplits(oracle.subList(h.aFrom(), h.aTo()), l.subList(h.bFrom() - b0, h.bTo() - b0),
                    lamSplit, h.bFrom() - b0, splitByLam, h.aFrom());
            boolean[] lamUsed = new boolean[l.size()];
            letterMatch(o, l, lamSplit, lamUsed, c, a0);
            if (counts != null) {
                for (int j = h.bFrom() - b0; j < h.bTo() - b0; j++) {
                    if (!lamUsed[j] && !lamSplit[j]) {
                        counts.merge(Kind.LAM_EXTRA, 1, Integer::sum);
                    }
                }
            }
        }
        return c;
    }

    /**
     * Runs of two or more lam words that make one oracle word: lam splits a word, a miss unless lam's
     * options give it whole.
     */
    private static void lamSplits(List<String> o, List<String> l, boolean[] split, int at, boolean[] splitByLam,
            int oracleAt) {
        for (int wi = 0; wi < o.size(); wi++) {
            String w = o.get(wi);
            String target = letters(w);
            for (int i = 0; i < l.size(); i++) {
                StringBuilder sb = new StringBuilder();
                int k = i;
                while (k < l.size() && !split[at + k] && sb.length() < target.length()) {
                    sb.append(letters(l.get(k)));
                    k++;
                }
                if (k - i >= 2 && !target.isEmpty() && sb.toString().equals(target)) {
                    if (splitByLam != null) {
                        splitByLam[oracleAt + wi] = true;
                    }
                    for (int x = i; x < k; x++) {
                        split[at + x] = true;
                    }
                    break;
                }
            }
        }
    }

    /**
     * Within one hunk, an oracle word whose letters lam has in one stretch at the same place (by a
     * longest common subsequence of the hunk's letters) is marked 1.
     */
    private static void letterMatch(List<String> o, List<String> l, boolean[] skip, boolean[] used, int[] c,
            int offset) {
        StringBuilder a = new StringBuilder();
        for (String w : o) {
            a.append(letters(w));
        }
        StringBuilder b = new StringBuilder();
        List<Integer> bWord = new ArrayList<>();
        for (int j = 0; j < l.size(); j++) {
            if (skip[j]) {
                continue;
            }
            String w = letters(l.get(j));
            b.append(w);
            for (int k = 0; k < w.length(); k++) {
                bWord.add(j);
            }
        }
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0 || (long) n * m > 4_000_000L) {
            return;
        }
        int[][] t = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                t[i][j] = a.charAt(i) == b.charAt(j) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        int[] matchedAt = new int[n];
        Arrays.fill(matchedAt, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.charAt(i) == b.charAt(j)) {
                matchedAt[i++] = j++;
            } else if (t[i + 1][j] >= t[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        int start = 0;
        for (int w = 0; w < o.size(); w++) {
            int len = letters(o.get(w)).length();
            boolean whole = len > 0;
            for (int k = start; k < start + len; k++) {
                if (matchedAt[k] < 0 || (k > start && matchedAt[k] != matchedAt[k - 1] + 1)) {
                    whole = false;
                    break;
                }
            }
            if (whole && c[offset + w] == 0) {
                c[offset + w] = 1;
                for (int k = start; k < start + len; k++) {
                    used[bWord.get(matchedAt[k])] = true;
                }
            }
            start += len;
        }
    }

    /** The text of the elements lam leaves out by design and has no option for. */
    private static String leftOut(Path xml) {
        StringBuilder sb = new StringBuilder();
        try (Stream<LamRecord> s = Lam.read(xml, ReadOptions.builder().format("tei").build())) {
            s.forEach(r -> r.unwrap(XdmNode.class).ifPresent(doc -> leftOut(doc, sb)));
        }
        return sb.toString();
    }

    private static void leftOut(XdmNode node, StringBuilder sb) {
        for (XdmNode c : node.children()) {
            if (c.getNodeKind() != XdmNodeKind.ELEMENT) {
                continue;
            }
            String ln = c.getNodeName().getLocalName();
            XdmNode parent = c.getParent();
            if (LEFT_OUT.contains(ln)
                    || ("rdg".equals(ln) && parent != null && "app".equals(parent.getNodeName().getLocalName()))) {
                // text node by text node: the conversion cuts words where elements start and end
                for (XdmNode t : c.select(Steps.descendant()).filter(n -> n.getNodeKind() == XdmNodeKind.TEXT)
                        .collect(Collectors.toList())) {
                    sb.append(t.getStringValue()).append(' ');
                }
            } else {
                leftOut(c, sb);
            }
        }
    }

    private static boolean take(Map<String, Integer> bag, String w) {
        Integer n = bag.get(w);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            bag.remove(w);
        } else {
            bag.put(w, n - 1);
        }
        return true;
    }

    /** A word's letters and digits: what is left when punctuation and marks inside it are taken out. */
    private static String letters(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        w.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String context(List<String> words, int from, int to) {
        return "[" + String.join(" ", words.subList(Math.max(0, from - 3), Math.min(words.size(), Math.max(to, from) + 3)))
                + "]";
    }

    /**
     * lam's words for a file: its {@code sourceDoc}s first where it has any (they come before
     * {@code text} in a TEI document), then its text.
     */
    private static List<String> lamWords(Path xml, ReadOptions.Builder options) {
        List<String> out = new ArrayList<>();
        try {
            if (Files.readString(xml, StandardCharsets.UTF_8).contains("<sourceDoc")) {
                out.addAll(read(xml, options.set("tei.source", "sourceDoc")));
                options.set("tei.source", "text");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.addAll(read(xml, options));
        return out;
    }

    private static List<String> read(Path xml, ReadOptions.Builder options) {
        try (Stream<LamRecord> s = Lam.read(xml, options.format("tei").build())) {
            return words(s.map(r -> r.text().orElse("")).collect(Collectors.joining("\n\n")));
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\s+")) {
            String w = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            int s = 0;
            int e = w.length();
            while (s < e && !Character.isLetterOrDigit(w.codePointAt(s))) {
                s += Character.charCount(w.codePointAt(s));
            }
            while (e > s && !Character.isLetterOrDigit(w.codePointBefore(e))
                    && Character.getType(w.codePointBefore(e)) != Character.NON_SPACING_MARK) {
                e -= Character.charCount(w.codePointBefore(e));
            }
            if (s < e) {
                out.add(w.substring(s, e));
            }
        }
        return out;
    }

}
