package org.biglam.lam.marc;

import org.biglam.lam.FormatInfo;
import org.biglam.lam.marc.internal.MrkRecordReader;
import org.biglam.lam.marc.internal.Probes;

/**
 * The {@code mrk} format: MarcEdit's mnemonic text ({@code =LDR  00000nam  2200000 a 4500},
 * {@code =245  10$aTitle /$cAuthor.}, one record a paragraph, {@code {dollar}} and the other
 * mnemonics), read one record at a time in constant memory, MARC 21 or UNIMARC, UTF-8 or MARC-8
 * (mnemonics or bytes, decided per record), with the labels of the other MARC formats. Granularity {@code record} only. Options: {@link MarcOptions}.
 *
 * <p>Thread-safe; found by {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class MarcEditFormat extends MarcFormatProvider {

    /** The format id. */
    public static final String ID = "mrk";

    /** Creates the provider (for {@link java.util.ServiceLoader}). */
    public MarcEditFormat() {
        super(FormatInfo.of(ID, "MARC records in MarcEdit's mnemonic text (.mrk)",
                "record")
                .withExtensions("mrk", "mrk8"),
                Probes::mrk, MrkRecordReader::new);
    }
}
