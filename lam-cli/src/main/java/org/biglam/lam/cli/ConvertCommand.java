package org.biglam.lam.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.RecordWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lam convert}: records as JSON Lines. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Read inputs and write their records as JSON Lines, one object per line "
                + "(to standard output unless -o is given). Problems go to standard error, one line each.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files, folders, globs, archives, http(s) URLs, oai:URL harvests, or - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead.")
    Path output;

    @Mixin
    ReadingOptions reading;

    @Override
    public Integer call() throws IOException {
        Progress progress = Progress.start(inputs, reading.quiet, output == null);
        PrintStream err = progress.err();
        ProblemPrinter printer = new ProblemPrinter(err, reading.quiet);
        OutputStream raw = output == null ? new NonClosingStdout() : Files.newOutputStream(output);
        long written = 0;
        try (progress; OutputStream out = new BufferedOutputStream(raw, 1 << 16);
                RecordWriter writer = Lam.jsonLinesWriter(out);
                LamReader reader = Lam.open(inputs, reading.toReadOptions(printer))) {
            Iterator<LamRecord> it = reader.iterator();
            long max = reading.limit == null ? Long.MAX_VALUE : reading.limit;
            while (written < max && it.hasNext()) {
                LamRecord r = it.next();
                writer.write(r);
                progress.record(r);
                written++;
            }
            writer.flush();
            return printer.finish(written, reader.errorCount(), reader.warningCount());
        } catch (LamException e) {
            err.println("lam: error: " + e.getMessage());
            return LamCommand.EXIT_PROBLEMS;
        }
    }

    /** Standard output, flushed but never closed. */
    static final class NonClosingStdout extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.out.write(b, off, len);
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** Prints problems as they come, then a summary; gives the exit code. */
    static final class ProblemPrinter implements java.util.function.Consumer<Problem> {
        private final PrintStream err;
        private final boolean quiet;
        private long errors;

        ProblemPrinter(PrintStream err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public synchronized void accept(Problem p) {
            if (p.severity() == Problem.Severity.ERROR) {
                errors++;
            }
            if (!quiet) {
                err.println("lam: " + p);
            }
        }

        synchronized int finish(long records, long errorCount, long warnings) {
            long e = Math.max(errors, errorCount);
            if (e > 0 || warnings > 0 && !quiet) {
                err.println("lam: " + records + " records, " + e + " skipped by errors, " + warnings + " warnings");
            }
            return e > 0 ? LamCommand.EXIT_PROBLEMS : 0;
        }
    }
}
