package org.biglam.lam.marc;

import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.MarcXmlRecordReader;
import org.biglam.lam.marc.internal.Probes;

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
public final class MarcXmlFormat extends MarcFormatProvider {

    /** The format id. */
    public static final String ID = "marcxml";

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcXmlFormat() {
        super(FormatInfo.of(ID,
                "MARC 21 and UNIMARC records in MARCXML or MARCXchange (also in OAI-PMH and SRU responses)", "record")
                .withExtensions("marcxml", "mrcx")
                .withMediaTypes("application/marcxml+xml"),
                Probes::marcXml, MarcXmlRecordReader::new);
    }
}
