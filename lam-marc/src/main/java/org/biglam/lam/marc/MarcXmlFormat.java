package org.biglam.lam.marc;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.MarcXmlRecordReader;
import org.biglam.lam.marc.internal.Probes;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * The {@code marcxml} format: MARC 21 and UNIMARC records in MARCXML or MARCXchange (ISO 25577; also
 * in OAI-PMH and SRU responses), read
 * one record at a time in constant memory, with uniform labels (see the module README).
 * Granularity {@code record} only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class MarcXmlFormat implements FormatProvider {

    /** The format id. */
    public static final String ID = "marcxml";

    private static final FormatInfo INFO = FormatInfo.of(ID,
            "MARC 21 and UNIMARC records in MARCXML or MARCXchange (also in OAI-PMH and SRU responses)", "record")
            .withExtensions("marcxml", "mrcx")
            .withMediaTypes("application/marcxml+xml");

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcXmlFormat() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        try {
            return Probes.marcXml(head, len);
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        MarcOptions options = MarcOptions.from(context.options());
        return new MarcXmlRecordReader(input.stream(), context, ID, options);
    }
}
