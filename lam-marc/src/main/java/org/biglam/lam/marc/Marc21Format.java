package org.biglam.lam.marc;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.Iso2709Reader;
import org.biglam.lam.marc.internal.Probes;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * The {@code marc21} format: MARC 21 and UNIMARC records in ISO 2709 (MARC-8, UTF-8, ISO 5426 or
 * ISO 6937, each record by its content), read one record at a time in constant memory, with uniform labels (see the module README). Granularity {@code record}
 * only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class Marc21Format implements FormatProvider {

    /** The format id. */
    public static final String ID = "marc21";

    private static final FormatInfo INFO = FormatInfo.of(ID,
            "MARC 21 and UNIMARC records in ISO 2709 (MARC-8, UTF-8, ISO 5426, ISO 6937)", "record")
            .withExtensions("mrc", "marc", "marc21", "iso2709", "mrc8", "usm")
            .withMediaTypes("application/marc");

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public Marc21Format() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        try {
            return Probes.iso2709(head, len);
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        MarcOptions options = MarcOptions.from(context.options());
        return new Iso2709Reader(input.stream(), context, ID, options);
    }
}
