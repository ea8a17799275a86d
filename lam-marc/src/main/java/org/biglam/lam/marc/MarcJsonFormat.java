package org.biglam.lam.marc;

import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.MarcJsonRecordReader;
import org.biglam.lam.marc.internal.Probes;

/**
 * The {@code marc-json} format: MARC 21 and UNIMARC records in MARC-in-JSON (one object, an array, or one a
 * line), read one record at a time in constant memory, with uniform labels (see the module
 * README). Granularity {@code record} only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class MarcJsonFormat extends MarcFormatProvider {

    /** The format id. */
    public static final String ID = "marc-json";

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcJsonFormat() {
        super(FormatInfo.of(ID,
                "MARC 21 and UNIMARC records in MARC-in-JSON (one object, an array, or one a line)", "record")
                .withExtensions("marcjson", "mij", "ndj")
                .withMediaTypes("application/marc+json"),
                Probes::marcJson, MarcJsonRecordReader::new);
    }
}
