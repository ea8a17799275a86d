package org.biglam.lam.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * A tiny format plugged in through ServiceLoader by lam-core's tests: a first line {@code LAMTEST},
 * then one record per line. A line {@code BAD} is a record the reader steps over (reported); a
 * line {@code BOOM} breaks the rest of the input. A line {@code @href} gives a record whose text is
 * the sibling's resolved URI and whose label {@code sibling} is the sibling's first line, or
 * {@code none} if it cannot be opened. A line {@code !href} gives a record with one image, the
 * resolved {@code href}. A line {@code CLAIM href} claims another file (left out of a folder walk)
 * and gives no record. The setting {@value #UPPER} ({@code true}) gives the text in capitals;
 * {@code test-lines.tag.<name>} settings are labels given to every record (a family).
 */
public final class TestLinesFormat implements FormatProvider {

    /** The setting that gives the text in capitals: {@value}. */
    public static final String UPPER = "test-lines.upper";
    /** The family of settings giving every record a label: {@value}. */
    public static final String TAGS = "test-lines.tag.*";

    private static final FormatInfo INFO = FormatInfo.of("test-lines", "lam-core's test format", "line", "word")
            .withExtensions("testlines")
            .withSettings(UPPER, TAGS);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return len >= 8 && new String(head, 0, 8, StandardCharsets.US_ASCII).equals("LAMTEST\n")
                ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
    }

    @Override
    public boolean claimsOthers() {
        return true;
    }

    @Override
    public Set<String> claims(Input input, ReadContext context) throws IOException {
        Set<String> claimed = new java.util.LinkedHashSet<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(input.stream(), StandardCharsets.UTF_8));
        for (String s = in.readLine(); s != null; s = in.readLine()) {
            if (s.startsWith("CLAIM ")) {
                claimed.add(s.substring(6));
            }
        }
        return claimed;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) {
        BufferedReader in = new BufferedReader(new InputStreamReader(input.stream(), StandardCharsets.UTF_8));
        return new FormatReader() {
            long line;
            long index;

            @Override
            public LamRecord next() throws IOException {
                String s;
                while ((s = in.readLine()) != null) {
                    line++;
                    if (line == 1 && s.equals("LAMTEST") || s.startsWith("CLAIM ")) {
                        continue;
                    }
                    long i = index++;
                    if (s.equals("BAD")) {
                        context.problem(new LamFormatException("bad line", context.location().withIndex(i).withLine(line, 1)));
                        continue;
                    }
                    if (s.equals("BOOM")) {
                        throw new LamFormatException("broken beyond repair", context.location().withIndex(i).withLine(line, 1));
                    }
                    if (s.startsWith("!")) {
                        return LamRecord.builder(input.name() + "#" + line, "test-lines")
                                .source(context.source(i, -1, line))
                                .image(org.biglam.lam.ImageRef.builder(input.resolveUri(s.substring(1))).build()).build();
                    }
                    if (s.startsWith("@")) {
                        String href = s.substring(1);
                        String first = "none";
                        var sibling = input.resolve(href);
                        if (sibling.isPresent()) {
                            try (var sin = new BufferedReader(new InputStreamReader(sibling.get().stream(),
                                    StandardCharsets.UTF_8))) {
                                first = String.valueOf(sin.readLine());
                            }
                        }
                        return LamRecord.builder(input.name() + "#" + line, "test-lines")
                                .text(input.resolveUri(href)).label("sibling", first).build();
                    }
                    LamRecord.Builder b = LamRecord.builder(input.name() + "#" + line, "test-lines")
                            .source(context.source(i, -1, line))
                            .text(context.options().flag(UPPER, false) ? s.toUpperCase(java.util.Locale.ROOT) : s)
                            .label("part", context.granularity());
                    context.options().settings().forEach((k, v) -> {
                        if (k.startsWith("test-lines.tag.")) {
                            b.label(k.substring("test-lines.tag.".length()), v);
                        }
                    });
                    return b.build();
                }
                return null;
            }
        };
    }
}
