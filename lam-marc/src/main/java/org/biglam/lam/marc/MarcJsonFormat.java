package org.biglam.lam.marc;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.MarcJsonRecordReader;
import org.biglam.lam.marc.internal.Probes;
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

    private static final FormatInfo INFO = FormatInfo.of(ID,
            "MARC 21 and UNIMARC records in MARC-in-JSON (one object, an array, or one a line)", "record")
            .withExtensions("marcjson", "mij", "ndj")
            .withMediaTypes("application/marc+json");

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcJsonFormat() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
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
        MarcOptions options = MarcOptions.from(context.options());
        return new MarcJsonRecordReader(input.stream(), context, ID, options);
    }
}
