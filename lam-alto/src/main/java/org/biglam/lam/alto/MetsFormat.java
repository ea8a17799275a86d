package org.biglam.lam.alto;

import java.io.IOException;
import java.util.Set;
import org.biglam.lam.alto.internal.MetsReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

/**
 * METS/ALTO packages: a METS document, the ALTO files its fileSec names and the page images.
 * Format id {@code mets}. Pages come in the order of the physical structMap with the labels of the
 * package's description: a {@code dmdSec} in MODS, Dublin Core, MARCXML, EAD, LIDO or EDM, read by
 * the metadata module of its namespace (see the module's README); at granularity {@code article}
 * the logical structMap (with its structLink) gives one record per article, its text gathered
 * across pages.
 *
 * <p>Granularities: {@code page} (the default), {@code block}, {@code line}, {@code word},
 * {@code illustration}, {@code article}. The ALTO files are opened with {@link Input#resolve}: beside
 * the METS file in a folder, or entries of the same zip file. Options: {@link AltoOptions}.
 *
 * <p>A METS document inside another one (an OAI-PMH record harvested with
 * {@code metadataPrefix=mets}) is read by lam-alto's {@link org.biglam.lam.spi.EmbeddedXmlReader}
 * for the METS namespace: one record with the description's labels and the page images, its ALTO
 * files not fetched (see the module's README).
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class MetsFormat extends AbstractFormatProvider {

    /** The format id: {@code mets}. */
    public static final String ID = "mets";

    /** Creates the provider (ServiceLoader calls this). */
    public MetsFormat() {
        super(PageFormats.info(ID,
                "METS/ALTO packages (ALTO pages and images; dmdSec in MODS, DC, MARCXML, EAD, LIDO or EDM)",
                "mets", "application/mets+xml", "article")
                .withSettings(AltoOptions.SETTING_HYPHENATION, AltoOptions.SETTING_RESOLUTION));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> !"mets".equals(root.localName()) ? MatchStrength.NO_MATCH
                : "http://www.loc.gov/METS/".equals(root.namespace()) ? MatchStrength.FULL_MATCH
                : MatchStrength.SOLID_MATCH);
    }

    /** A METS document claims the files its fileSec names. */
    @Override
    public boolean claimsOthers() {
        return true;
    }

    /**
     * The ALTO, PAGE XML and image files the METS document names: when lam walks a folder that
     * holds a METS package, they are read once, through the METS document, not again on their own.
     */
    @Override
    public Set<String> claims(Input input, ReadContext context) {
        return MetsReader.claimedFiles(input, context);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new MetsReader(input, context);
    }
}
