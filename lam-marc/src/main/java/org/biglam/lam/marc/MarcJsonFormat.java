package org.biglam.lam.marc;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.biglam.lam.marc.internal.MarcJsonRecordReader;
import org.biglam.lam.marc.internal.Probes;
import org.biglam.lam.marc.internal.Providers;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * The {@code marc-json} format: MARC 21 and UNIMARC records in MARC-in-JSON (one object, an array, or one a
 * line), read one record at a time in constant memory, with uniform labels (see the module
 * README). Granularity {@code record} only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class MarcJsonFormat implements FormatProvider {

    /** The format id. */
    public static final String ID = "marc-json";

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcJsonFormat() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MARC 21 and UNIMARC records in MARC-in-JSON (one object, an array, or one a line)";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/marc+json");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("marcjson", "mij", "ndj");
    }

    @Override
    public List<String> granularities() {
        return Providers.GRANULARITIES;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        try {
            return Probes.marcJson(head, len);
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        MarcOptions options = Providers.options(context, ID);
        return new MarcJsonRecordReader(input.stream(), context, ID, options);
    }
}
