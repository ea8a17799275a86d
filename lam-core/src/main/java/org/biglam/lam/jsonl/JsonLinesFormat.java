package org.biglam.lam.jsonl;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.internal.JsonLinesReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * The {@code lam-jsonl} format: lam's own JSON Lines form, so that lam's output is also an input
 * (filter, merge, re-export). A line needs at least an {@code id} or a {@code text}; a record that
 * carries a {@code source} keeps it, one that carries none gets the place it was read from (input,
 * entry, line index, byte offset and line number). A missing {@code id} becomes
 * {@code <input name>#<line>}; a missing {@code format} becomes {@code lam-jsonl}. Unknown fields
 * are ignored. A bad line is a problem of that line only: the lines around it still come out.
 *
 * <p>Granularity: {@code record}. Thread-safe.
 *
 * @since 0.1
 */
public final class JsonLinesFormat extends AbstractFormatProvider {

    /** The format id. */
    public static final String ID = "lam-jsonl";

    /** Creates the provider (for ServiceLoader). */
    public JsonLinesFormat() {
        super(FormatInfo.of(ID, "lam's JSON Lines form of records (one JSON object per line)", "record")
                .withExtensions("jsonl", "ndjson")
                .withMediaTypes("application/jsonl", "application/x-ndjson"));
    }

    /** Below every specific format: MARC-in-JSON lines and IIIF JSON win ties. */
    @Override
    public int priority() {
        return -10;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        char c = Sniff.firstChar(head, len);
        if (c != 0 && c != '{') {
            return MatchStrength.NO_MATCH; // decided without decoding the look-ahead
        }
        String text = Sniff.text(head, len);
        String first = text.stripLeading();
        if (!first.startsWith("{")) {
            return MatchStrength.NO_MATCH;
        }
        int nl = first.indexOf('\n');
        String line = nl < 0 ? first : first.substring(0, nl);
        boolean oneLine = nl >= 0 && line.strip().endsWith("}");
        boolean hasKeys = line.contains("\"id\"") || line.contains("\"text\"");
        if (oneLine && hasKeys && line.contains("\"format\"") && line.contains("\"source\"")) {
            return MatchStrength.SOLID_MATCH;
        }
        if (oneLine && hasKeys) {
            return MatchStrength.WEAK_MATCH;
        }
        return MatchStrength.INCONCLUSIVE;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new JsonLinesReader(input, context);
    }
}
