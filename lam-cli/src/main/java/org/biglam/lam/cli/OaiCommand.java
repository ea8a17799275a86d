package org.biglam.lam.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lam oai}: harvests an OAI-PMH endpoint, as {@code lam convert "oai:URL?..."} does, with
 * the request's arguments as options.
 */
@Command(name = "oai", mixinStandardHelpOptions = true,
        description = "Harvest an OAI-PMH endpoint and write its records as JSON Lines: the same as "
                + "'lam convert \"oai:ENDPOINT?verb=...&metadataPrefix=...\"'. A harvest that stops names the "
                + "token to go on from with --resume.")
final class OaiCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ENDPOINT", description = "The endpoint's base URL, for example https://host/oai.")
    String endpoint;

    @Option(names = "--verb", paramLabel = "VERB", defaultValue = "ListRecords",
            description = "ListRecords (default), ListIdentifiers, ListSets, ListMetadataFormats, Identify, GetRecord.")
    String verb;

    @Option(names = {"-p", "--metadata-prefix"}, paramLabel = "PREFIX",
            description = "The metadata format (default oai_dc for the verbs that take one).")
    String metadataPrefix;

    @Option(names = "--set", paramLabel = "SET", description = "Only this set.")
    String set;

    @Option(names = "--from", paramLabel = "DATE", description = "Only records changed from this date.")
    String from;

    @Option(names = "--until", paramLabel = "DATE", description = "Only records changed until this date.")
    String until;

    @Option(names = "--identifier", paramLabel = "ID", description = "The record, for GetRecord.")
    String identifier;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead.")
    Path output;

    @Mixin
    ReadingOptions reading;

    /** The {@code oai:} input these options name. */
    String input() {
        StringBuilder sb = new StringBuilder("oai:").append(endpoint.strip());
        sb.append(endpoint.indexOf('?') < 0 ? '?' : '&').append("verb=").append(enc(verb));
        arg(sb, "metadataPrefix", metadataPrefix);
        arg(sb, "set", set);
        arg(sb, "from", from);
        arg(sb, "until", until);
        arg(sb, "identifier", identifier);
        return sb.toString();
    }

    private static void arg(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('&').append(name).append('=').append(enc(value.strip()));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws IOException {
        ConvertCommand convert = new ConvertCommand();
        convert.inputs = List.of(input());
        convert.output = output;
        convert.reading = reading;
        return convert.call();
    }
}
