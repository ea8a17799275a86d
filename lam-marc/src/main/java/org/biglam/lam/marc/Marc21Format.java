package org.biglam.lam.marc;

import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.Iso2709Reader;
import org.biglam.lam.marc.internal.Probes;

/**
 * The {@code marc21} format: MARC 21 and UNIMARC records in ISO 2709 (MARC-8, UTF-8, ISO 5426 or
 * ISO 6937, each record by its content), read one record at a time in constant memory, with uniform labels (see the module README). Granularity {@code record}
 * only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class Marc21Format extends MarcFormatProvider {

    /** The format id. */
    public static final String ID = "marc21";

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public Marc21Format() {
        super(FormatInfo.of(ID,
                "MARC 21 and UNIMARC records in ISO 2709 (MARC-8, UTF-8, ISO 5426, ISO 6937)", "record")
                .withExtensions("mrc", "marc", "marc21", "iso2709", "mrc8", "usm")
                .withMediaTypes("application/marc"),
                Probes::iso2709, Iso2709Reader::new);
    }
}
