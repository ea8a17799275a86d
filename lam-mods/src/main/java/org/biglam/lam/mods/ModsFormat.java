package org.biglam.lam.mods;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.mods.internal.ModsMapper;
import org.biglam.lam.mods.internal.ModsReader;
import org.biglam.lam.spi.AbstractFormatProvider;
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
 * read by it too. See the module's README for the table. Setting {@code mods.lenient=true} binds the
 * well-known prefixes for a record cut out of its envelope.
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class ModsFormat extends AbstractFormatProvider {

    /** The format id: {@code mods}. */
    public static final String ID = "mods";

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "mods.lenient";

    /**
     * A root {@code mods:mods} or {@code mods:modsCollection} past the prolog (declaration, comments,
     * processing instructions, a document type declaration), its attributes in group 1.
     */
    private static final Pattern CUT_OUT_ROOT = Pattern.compile(
            "(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*+(?:\\[.*?\\])?\\s*>)*+"
            + "<mods:(?:mods|modsCollection)(?=[\\s/>])([^>]*)>", Pattern.DOTALL);

    /** Creates the provider (ServiceLoader calls this). */
    public ModsFormat() {
        super(FormatInfo.of(ID, "MODS 3.x records (mods, modsCollection)", "record")
                .withExtensions("mods")
                .withMediaTypes("application/mods+xml")
                .withSettings(LENIENT));
    }

    /**
     * The roots of the formats that carry MODS and read it themselves (METS, OAI-PMH) or that are
     * other formats: a MODS namespace in their look-ahead does not make them MODS.
     */
    private static final Set<String> OTHER_ROOTS = Set.of("OAI-PMH", "mets", "TEI", "TEI.2", "teiCorpus",
            "PcGts", "alto", "ead", "lido", "lidoWrap", "RDF", "html");

    /**
     * A start tag {@code mods} or {@code modsCollection}, with or without a prefix: in a wrapper, the
     * MODS namespace alone may be named in escaped text (an SRU response's {@code string} packing).
     */
    private static final Pattern MODS_TAG = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?mods(?:Collection)?[\\s/>]");

    /**
     * A {@code mods} or {@code modsCollection} root in the MODS namespace, a full match; in no
     * namespace, a weak match; {@code mods:mods} or {@code mods:modsCollection} whose prefix is not
     * declared, a solid match; another root (an SRU response, a Fedora object, a wrapper of one's
     * own) whose look-ahead declares the MODS namespace and holds a {@code mods} element, a solid
     * match, unless it is the root of a format that carries MODS itself (METS, OAI-PMH) or of another
     * known format.
     */
    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> ModsMapper.NS.equals(root.namespace()) ? MatchStrength.FULL_MATCH
                : root.namespace().isEmpty() && (root.localName().equals("mods")
                        || root.localName().equals("modsCollection")) ? MatchStrength.WEAK_MATCH
                : !OTHER_ROOTS.contains(root.localName()) && Sniff.containsAscii(head, len, ModsMapper.NS)
                        && MODS_TAG.matcher(Sniff.text(head, len)).find() ? MatchStrength.SOLID_MATCH
                : MatchStrength.NO_MATCH, ModsFormat::cutOut);
    }

    /**
     * A root {@code mods:mods} or {@code mods:modsCollection} whose prefix its start tag does not
     * declare (a record cut out of its envelope, read with {@value #LENIENT}): a solid match, below
     * a declared namespace's full one.
     */
    private static MatchStrength cutOut(String text) {
        Matcher m = CUT_OUT_ROOT.matcher(text);
        return m.lookingAt() && !m.group(1).contains("xmlns:mods") ? MatchStrength.SOLID_MATCH
                : MatchStrength.NO_MATCH;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new ModsReader(context, context.options().flag(LENIENT, false), LENIENT);
    }
}
