package org.biglam.lam.spi;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A format lam can read, found with {@link java.util.ServiceLoader}: a format module registers its
 * providers in {@code META-INF/services/org.biglam.lam.spi.FormatProvider} and in its
 * {@code module-info} ({@code provides org.biglam.lam.spi.FormatProvider with ...}), and putting the
 * module on the class path is all it takes for {@code Lam.read(path)} to read the format.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor; a provider is
 * created once and asked to {@link #probe} and {@link #open} many inputs, possibly at once.
 *
 * @since 0.1
 */
public interface FormatProvider {

    /**
     * The format's stable lowercase id, as records carry it in {@code format}: {@code marc21},
     * {@code marcxml}, {@code marc-json}, {@code tei}, {@code alto}, {@code mets}, {@code page},
     * {@code hocr}, {@code iiif}, {@code lam-jsonl}.
     */
    String id();

    /** A one-line description for {@code lam formats}, for example "MARC 21 in ISO 2709". */
    String description();

    /** Media types of the format, most specific first; may be empty. */
    default Set<String> mediaTypes() {
        return Set.of();
    }

    /**
     * File name extensions, lowercase, without the dot ({@code mrc}, {@code xml}); used only when
     * no provider recognises the content.
     */
    Set<String> extensions();

    /**
     * The granularities the format supports; the first is the default. Never empty.
     */
    List<String> granularities();

    /**
     * Tells how sure the provider is that an input starting with these bytes is in its format.
     * Must not throw, must not keep the array, and must finish in time proportional to {@code len}.
     *
     * @param head the first bytes of the (decompressed) input; a UTF-8 BOM is not stripped
     * @param len how many bytes of {@code head} are valid (at most {@link #PROBE_BYTES})
     * @return the strength of the match
     */
    MatchStrength probe(byte[] head, int len);

    /**
     * Breaks ties between providers whose probes are equally strong: the higher priority wins,
     * then the lower id in alphabetical order. A generic format (JSON Lines) gives way to specific
     * ones by a lower priority. The default is 0.
     */
    default int priority() {
        return 0;
    }

    /**
     * Opens a reader over one input. The reader reads {@link Input#stream()} and must not close
     * it.
     *
     * @param input the input; lam owns and closes its stream
     * @param context the options, the granularity chosen and where to report problems
     * @return a reader, which the caller closes
     * @throws IOException if reading fails
     * @throws org.biglam.lam.LamException if the input is bad from the start
     */
    FormatReader open(Input input, ReadContext context) throws IOException;

    /**
     * Whether this provider's inputs can {@linkplain #claims claim} other inputs. lam looks ahead
     * in folders only when some provider says yes. The default is no.
     *
     * @since 0.1
     */
    default boolean claimsOthers() {
        return false;
    }

    /**
     * The other inputs this input reads itself, as references relative to it: a METS document's
     * ALTO files, say. When lam walks a folder it asks, before reading, each file that this
     * provider recognises, and leaves the files it claims out of the walk, so that a package is
     * read once, through its document, and its pages do not come twice. Only consulted when
     * {@link #claimsOthers()} is true, and only for files with one of this provider's
     * {@linkplain #extensions() extensions} or {@code .xml}; the default claims nothing.
     *
     * @param input the input, recognised by this provider's probe
     * @param context the options and limits (the granularity is the provider's default)
     * @return references relative to the input (or absolute {@code file:} URIs); never null
     * @throws IOException if reading fails (lam then claims nothing for this input)
     * @since 0.1
     */
    default java.util.Set<String> claims(Input input, ReadContext context) throws IOException {
        return java.util.Set.of();
    }

    /** How many bytes detection reads ahead and hands to {@link #probe}: 8 KiB. */
    int PROBE_BYTES = 8192;
}
