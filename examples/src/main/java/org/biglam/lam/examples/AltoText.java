package org.biglam.lam.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/**
 * Text for a language model from ALTO OCR: one document per page, hyphenated words joined, pages
 * whose OCR confidence is too low left out, each with the date from its issue's METS/MODS.
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.AltoText [mets.xml] [min-confidence]
 * }</pre>
 */
public final class AltoText {

    private AltoText() {
    }

    /**
     * Prints one line per page: id, confidence, date, then the page's text on one line.
     *
     * @param args the METS file of an issue (default: the bundled newspaper) and the lowest mean
     *     word confidence a page may have (default 0.8)
     */
    public static void main(String[] args) {
        Path mets = args.length > 0 ? Path.of(args[0]) : Holdings.path("newspaper/mets.xml");
        double minConfidence = args.length > 1 ? Double.parseDouble(args[1]) : 0.8;

        // "page" is the default granularity; the METS reader follows the fileSec to each ALTO file.
        ReadOptions pages = ReadOptions.builder().format("mets").granularity("page").build();
        int kept = 0;
        long characters = 0;
        try (Stream<LamRecord> records = Lam.read(mets, pages)) {
            for (LamRecord page : (Iterable<LamRecord>) records::iterator) {
                double confidence = page.confidence().orElse(0);
                String text = page.text().orElse("").replaceAll("\\s+", " ").strip();
                if (confidence < minConfidence || text.isEmpty()) {
                    System.out.println("skipped " + page.id() + " (confidence " + fmt(confidence) + ")");
                    continue;
                }
                List<String> date = page.label("date");
                System.out.println(page.id() + "\t" + fmt(confidence) + "\t" + String.join(";", date) + "\t" + text);
                kept++;
                characters += text.length();
            }
        }
        System.out.println(kept + " pages, " + characters + " characters");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
