package org.biglam.lam.mods;

import java.util.Optional;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.mods.internal.ModsMapper;
import org.biglam.lam.mods.internal.ModsReader;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * MODS 3.x records: a {@code mods} document, a {@code modsCollection}, or {@code mods} elements
 * in any wrapper, one record each. Format id {@code mods}; one granularity, {@code record}. The
 * mapping to labels (titles with their parts, names by role, dates with their raw values,
 * languages as BCP 47, subjects with their parts, related host and series items as collections,
 * image links) is the project's one MODS mapping: MODS in OAI-PMH responses and in METS packages is
 * read by it too. See the module's README for the table.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class ModsFormat implements FormatProvider {

    /** The format id: {@code mods}. */
    public static final String ID = "mods";

    private static final FormatInfo INFO = FormatInfo.of(ID, "MODS 3.x records (mods, modsCollection)", "record")
            .withExtensions("mods")
            .withMediaTypes("application/mods+xml");

    /** Creates the provider (ServiceLoader calls this). */
    public ModsFormat() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
    }

    /** A {@code mods} or {@code modsCollection} root in the MODS namespace, a full match. */
    @Override
    public MatchStrength probe(byte[] head, int len) {
        Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(head, len);
        if (root.isEmpty()) {
            return MatchStrength.NO_MATCH;
        }
        Sniff.XmlRoot r = root.get();
        if (ModsMapper.NS.equals(r.namespace())) {
            return MatchStrength.FULL_MATCH;
        }
        if ((r.localName().equals("mods") || r.localName().equals("modsCollection")) && r.namespace().isEmpty()) {
            return MatchStrength.WEAK_MATCH;
        }
        return MatchStrength.NO_MATCH;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) {
        return new ModsReader(context);
    }
}
