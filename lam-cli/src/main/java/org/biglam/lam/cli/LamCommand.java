package org.biglam.lam.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lam} command. Exit codes: 0 when every input was read; 1 when some input or record
 * was skipped or failed; 2 for a usage error.
 */
@Command(name = "lam",
        mixinStandardHelpOptions = true,
        versionProvider = LamCommand.Version.class,
        description = "Reads the formats of libraries, archives and museums (MARC 21, TEI, ALTO, METS, PAGE, "
                + "hOCR, IIIF) and streams them as uniform text, image and label records.",
        subcommands = {ConvertCommand.class, OaiCommand.class, DetectCommand.class, FormatsCommand.class, StatsCommand.class,
                ExportCommand.class, ReportCommand.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every input was read", "  1  some input or record was skipped or failed",
                "  2  usage error"})
public final class LamCommand implements Runnable {

    /** Exit code when some input or record was skipped or failed. */
    public static final int EXIT_PROBLEMS = 1;
    /** Exit code of a usage error. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /** Builds the command line with lam's exit codes and error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LamCommand());
        // `lam generate-completion` prints a bash/zsh completion script: source <(lam generate-completion)
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("lam: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            err.flush();
            return ex instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_PROBLEMS;
        });
        return cl;
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The version from the jar's manifest, the Java it runs on, and the formats on the class path. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String formats = org.biglam.lam.Lam.formats().stream().map(org.biglam.lam.FormatInfo::id)
                    .collect(java.util.stream.Collectors.joining(", "));
            return new String[] {"lam " + org.biglam.lam.Lam.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "formats: " + formats};
        }
    }
}
