package org.biglam.lam.marc;

import java.io.IOException;
import java.io.InputStream;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * What the four MARC providers share: a provider is its description, its probe (one of
 * {@code internal.Probes}, which must not throw: anything it throws is no match) and its reader,
 * made over the input's stream with the {@link MarcOptions} of the read and the format's id. Each
 * declares the settings {@code MarcOptions} reads.
 */
abstract class MarcFormatProvider extends AbstractFormatProvider {

    /** A MARC serialisation's probe. */
    @FunctionalInterface
    interface Probe {
        MatchStrength probe(byte[] head, int len);
    }

    /** A MARC serialisation's reader, as its constructor takes it. */
    @FunctionalInterface
    interface Reader {
        FormatReader open(InputStream in, ReadContext context, String format, MarcOptions options) throws IOException;
    }

    private final Probe probe;
    private final Reader reader;

    MarcFormatProvider(FormatInfo info, Probe probe, Reader reader) {
        super(info.withSettings(MarcOptions.SETTING_ENCODING, MarcOptions.SETTING_FLAVOUR, MarcOptions.SETTING_FLAVOR,
                MarcOptions.SETTING_NAMES, MarcOptions.SETTING_TEXT, MarcOptions.SETTING_MAP));
        this.probe = probe;
        this.reader = reader;
    }

    @Override
    public final MatchStrength probe(byte[] head, int len) {
        try {
            return probe.probe(head, len);
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public final FormatReader open(Input input, ReadContext context) throws IOException {
        return reader.open(input.stream(), context, id(), MarcOptions.from(context.options()));
    }
}
