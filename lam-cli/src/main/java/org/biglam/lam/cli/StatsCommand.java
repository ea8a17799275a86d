package org.biglam.lam.cli;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lam stats}: what a read gives, counted (see {@link RecordStats}): records per format and
 * granularity, problems by kind, characters of text, images, the top values of each label,
 * languages and the mean OCR confidence. Plain text by default, one JSON object with {@code --json}.
 * Takes every reading option of {@code convert}. Exit codes as convert's.
 *
 * @since 0.1
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Read inputs and count what they give: records per format and granularity, problems by "
                + "kind, characters of text, images, the top values of each label, languages, mean OCR "
                + "confidence. Plain text, or one JSON object with --json. Problems go to standard error.")
public final class StatsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files, folders, globs, archives, http(s) URLs, oai:URL harvests, or - for standard input.")
    List<String> inputs;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "How many values to show per label (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ReadingOptions reading;

    /** Creates the command (picocli fills it in). */
    public StatsCommand() {
    }

    @Override
    public Integer call() {
        if (top < 0) {
            throw new IllegalArgumentException("--top must not be negative");
        }
        RecordStats stats = new RecordStats(reading.granularity == null ? null
                : reading.granularity.toLowerCase(Locale.ROOT));
        try (Progress progress = Progress.start(inputs, reading.quiet)) {
            PrintStream err = progress.err();
            java.util.function.Consumer<Problem> listener = p -> {
                synchronized (stats) {
                    stats.problem(p);
                }
                if (!reading.quiet) {
                    err.println("lam: " + p);
                }
            };
            long max = reading.limit == null ? Long.MAX_VALUE : reading.limit;
            try (LamReader reader = Lam.open(inputs, reading.toReadOptions(listener))) {
                Iterator<LamRecord> it = reader.iterator();
                long n = 0;
                while (n < max && it.hasNext()) {
                    LamRecord r = it.next();
                    synchronized (stats) {
                        stats.accept(r);
                    }
                    progress.record(r);
                    n++;
                }
            } catch (LamException e) {
                progress.close();
                System.err.println("lam: error: " + e.getMessage());
                print(stats);
                return LamCommand.EXIT_PROBLEMS;
            }
        }
        print(stats);
        return stats.errors() > 0 ? LamCommand.EXIT_PROBLEMS : 0;
    }

    private void print(RecordStats stats) {
        if (json) {
            System.out.println(stats.toJson(top));
        } else {
            System.out.print(stats.toText(top));
        }
        System.out.flush();
    }
}
