package org.biglam.lam.marc.internal;

import java.util.List;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.ReadContext;

/** What the three MARC providers share. */
public final class Providers {

    /** The one granularity of MARC. */
    public static final List<String> GRANULARITIES = List.of("record");

    private Providers() {
    }

    /**
     * The MARC options of a read: the typed {@link MarcOptions} if given, else the
     * {@code marc.*} string settings. Rejects a granularity other than {@code record}.
     *
     * @param ctx the context
     * @param format the format id, for the message
     * @return the options
     * @throws UnsupportedFormatException for another granularity
     */
    public static MarcOptions options(ReadContext ctx, String format) {
        String g = ctx.granularity();
        if (g != null && !GRANULARITIES.contains(g)) {
            throw new UnsupportedFormatException(format + " has only the granularity 'record', not '" + g + "'",
                    ctx.location());
        }
        return ctx.options().formatOptions(MarcOptions.class)
                .orElseGet(() -> MarcOptions.fromSettings(ctx.options().settings()));
    }
}
