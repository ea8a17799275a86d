package org.biglam.lam.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.biglam.lam.Detection;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lam detect}: the format of each input and archive entry. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Print each input's format (and each archive entry's), tab-separated: "
                + "name, format (or '-' when none is recognised), the layers taken off, and any problem.")
final class DetectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files, folders, globs, archives, URLs, or -.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Check inputs against this format.")
    String format;

    @Override
    public Integer call() {
        ReadOptions.Builder b = ReadOptions.builder();
        if (format != null) {
            b.format(format);
        }
        ReadOptions options = b.build();
        boolean allKnown = true;
        for (String input : inputs) {
            for (Detection d : Lam.detect(input, options)) {
                allKnown &= d.format() != null;
                StringBuilder line = new StringBuilder(d.name()).append('\t')
                        .append(d.format() == null ? "-" : d.format()).append('\t')
                        .append(d.containers().isEmpty() ? "-" : String.join("+", d.containers()));
                if (d.problem() != null) {
                    line.append('\t').append(d.problem());
                }
                System.out.println(line);
            }
        }
        System.out.flush();
        return allKnown ? 0 : LamCommand.EXIT_PROBLEMS;
    }
}
