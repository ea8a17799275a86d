package org.biglam.lam.cli;

import java.util.concurrent.Callable;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import picocli.CommandLine.Command;

/** {@code lam formats}: the formats on the class path. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the formats lam can read here: id, granularities (default first), extensions, description.")
final class FormatsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (FormatInfo f : Lam.formats()) {
            System.out.printf("%-10s %-45s %-20s %s%n", f.id(), String.join(",", f.granularities()),
                    String.join(",", new java.util.TreeSet<>(f.extensions())), f.description());
        }
        return 0;
    }
}
