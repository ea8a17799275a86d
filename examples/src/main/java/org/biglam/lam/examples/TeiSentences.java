package org.biglam.lam.examples;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/**
 * A TEI corpus to sentences: every paragraph of every document (editorial choices resolved: the
 * expansion of an abbreviation, the correction, the regularised spelling), split into sentences in
 * the document's language. Where a text already marks its sentences with {@code <s>}, read it with
 * {@code granularity("sentence")} instead.
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.TeiSentences [folder]
 * }</pre>
 */
public final class TeiSentences {

    private TeiSentences() {
    }

    /**
     * Prints one tab-separated row per sentence: the paragraph's id, the sentence's number in it,
     * the sentence.
     *
     * @param args a TEI file or a folder of them (default: the bundled TEI folder)
     */
    public static void main(String[] args) {
        Path corpus = args.length > 0 ? Path.of(args[0]) : Holdings.path("tei");
        ReadOptions paragraphs = ReadOptions.builder().format("tei").granularity("paragraph").build();
        int[] total = {0};
        try (Stream<LamRecord> records = Lam.read(corpus, paragraphs)) {
            records.forEach(p -> {
                Locale language = Locale.forLanguageTag(p.firstLabel("language").orElse("en"));
                BreakIterator sentences = BreakIterator.getSentenceInstance(language);
                String text = p.text().orElse("").replaceAll("\\s+", " ").strip();
                sentences.setText(text);
                int n = 0;
                for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                        start = end, end = sentences.next()) {
                    String sentence = text.substring(start, end).strip();
                    if (!sentence.isEmpty()) {
                        System.out.println(p.id() + "\t" + ++n + "\t" + sentence);
                    }
                }
                total[0] += n;
            });
        }
        System.out.println(total[0] + " sentences");
    }
}
