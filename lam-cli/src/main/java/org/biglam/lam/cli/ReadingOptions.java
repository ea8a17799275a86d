package org.biglam.lam.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import picocli.CommandLine.Option;

/** The reading options every reading command shares. */
public final class ReadingOptions {

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read as this format instead of detecting it (see 'lam formats').")
    String format;

    @Option(names = {"-g", "--granularity"}, paramLabel = "G",
            description = "One record per unit of this granularity (record, page, block, line, word, "
                    + "illustration, article, document, div, paragraph, utterance, sentence, token, canvas, "
                    + "manifest, annotation); default: each format's first.")
    String granularity;

    @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "skip",
            description = "fail: stop at the first problem; skip: report it, go on (default: ${DEFAULT-VALUE}).")
    String onError;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    Long limit;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "TEI text profile: normalized (default) or diplomatic.")
    String profile;

    @Option(names = "--prefer-language", paramLabel = "TAG",
            description = "IIIF: the language to pick from language maps (BCP 47).")
    String preferLanguage;

    @Option(names = "--resume", paramLabel = "TOKEN",
            description = "OAI-PMH harvest (oai:URL): resume from this resumptionToken, as a stopped harvest's error names it.")
    String resume;

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE",
            description = "A format's own setting, for example -O tei.div=1 or -O marc.map.genre=655a "
                    + "('lam formats' lists each format's; any other key is a usage error).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--local-root", paramLabel = "DIR",
            description = "Let local documents' references (METS files, images, IIIF manifests) lead to files "
                    + "anywhere inside DIR; by default only inside the folder named as input (or holding every "
                    + "input named), or the archive each document came from. "
                    + "A document read over http(s) never leads to a local file.")
    java.nio.file.Path localRoot;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no problem lines on standard error.")
    boolean quiet;

    /** The read options these choices make. */
    ReadOptions toReadOptions(Consumer<Problem> listener) {
        checkSettings();
        ReadOptions.Builder b = ReadOptions.builder();
        if (format != null) {
            b.format(format.toLowerCase(Locale.ROOT));
        }
        if (granularity != null) {
            b.granularity(granularity.toLowerCase(Locale.ROOT));
        }
        b.errorPolicy(policy());
        if (profile != null) {
            b.set("tei.profile", profile);
        }
        if (preferLanguage != null) {
            b.set("iiif.prefer-language", preferLanguage);
        }
        if (resume != null) {
            b.set("oai.resume", resume);
        }
        settings.forEach(b::set);
        if (localRoot != null) {
            b.localRoot(localRoot);
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative");
        }
        b.onProblem(listener);
        return b.build();
    }

    /**
     * Refuses a setting no format here reads, as a usage error: a misspelt key would otherwise be
     * read as nothing, silently, and find its way into a dataset card. One in a format's namespace,
     * or near a format's setting, is named with the setting it is likely a typo of (lam-core's
     * warning, {@link Lam#unknownSettings}); any other only by its name.
     *
     * @throws IllegalArgumentException naming each such setting
     */
    private void checkSettings() {
        List<FormatInfo> formats = Lam.formats();
        List<String> refused = new ArrayList<>();
        for (String k : new TreeSet<>(settings.keySet())) {
            if (formats.stream().anyMatch(f -> f.readsSetting(k))) {
                continue;
            }
            List<Problem> warned = Lam.unknownSettings(ReadOptions.builder().set(k, settings.get(k)).build());
            refused.add(warned.isEmpty() ? "no format here reads the setting " + k : warned.get(0).message());
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(String.join("\nlam: ", refused)
                    + "\nlam: 'lam formats' lists the settings each format reads");
        }
    }

    /**
     * The options that shape the text, as given (format, granularity, profile and each -O), for a
     * dataset card: only settings a format reads, since any other is refused.
     *
     * @throws IllegalArgumentException if a setting is one no format reads
     */
    Map<String, String> described() {
        checkSettings();
        Map<String, String> m = new LinkedHashMap<>();
        if (format != null) {
            m.put("format", format.toLowerCase(Locale.ROOT));
        }
        if (granularity != null) {
            m.put("granularity", granularity.toLowerCase(Locale.ROOT));
        }
        if (profile != null) {
            m.put("tei.profile", profile);
        }
        if (preferLanguage != null) {
            m.put("iiif.prefer-language", preferLanguage);
        }
        new java.util.TreeMap<>(settings).forEach(m::put);
        return m;
    }

    ErrorPolicy policy() {
        switch (onError.toLowerCase(Locale.ROOT)) {
            case "fail":
                return ErrorPolicy.FAIL;
            case "skip":
                return ErrorPolicy.SKIP;
            default:
                throw new IllegalArgumentException("--on-error is fail or skip, not '" + onError + "'");
        }
    }
}
