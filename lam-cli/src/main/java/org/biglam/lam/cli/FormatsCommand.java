package org.biglam.lam.cli;

import java.util.concurrent.Callable;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import picocli.CommandLine.Command;

/**
 * {@code lam formats}: the formats on the class path, one a line, each followed by an indented line
 * of the settings it reads ({@code -O key=value}) when it reads any.
 */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"List the formats lam can read here: id, granularities (default first), extensions, description;",
            "under a format that reads settings (-O key=value), an indented line lists them."})
final class FormatsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (FormatInfo f : Lam.formats()) {
            System.out.printf("%-10s %-45s %-20s %s%n", f.id(), String.join(",", f.granularities()),
                    String.join(",", new java.util.TreeSet<>(f.extensions())), f.description());
            if (!f.settings().isEmpty()) {
                System.out.printf("%-10s settings: %s%n", "", String.join(", ", f.settings()));
            }
        }
        return 0;
    }
}
