package org.biglam.lam.spi;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.biglam.lam.FormatInfo;

/**
 * A format lam can read, found with {@link java.util.ServiceLoader}: a format module registers its
 * providers in {@code META-INF/services/org.biglam.lam.spi.FormatProvider} and in its
 * {@code module-info} ({@code provides org.biglam.lam.spi.FormatProvider with ...}), and putting the
 * module on the class path is all it takes for {@code Lam.read(path)} to read the format.
 *
 * <p>A provider is its description, its probe and its reader: it implements {@link #info()} (a
 * {@link FormatInfo} value, the same on every call), {@link #probe} and {@link #open}; the rest has
 * defaults. {@link AbstractFormatProvider} takes the description in its constructor, so that a
 * provider extending it is only its probe and its reader (for an XML format, its
 * {@code probeXml} and {@code openXml} are the usual ones):
 *
 * <pre>{@code
 * public final class NotesFormat extends AbstractFormatProvider {
 *     public NotesFormat() {
 *         super(FormatInfo.of("notes", "Field notes, one a line", "note").withExtensions("notes"));
 *     }
 *
 *     public MatchStrength probe(byte[] head, int len) { ... }
 *
 *     public FormatReader open(Input input, ReadContext context) { return new NotesReader(input, context); }
 * }
 * }</pre>
 *
 * <p><b>What lam guarantees a provider</b>, so that it need not check again:
 * <ul>
 * <li>{@link #open} is called only with a {@linkplain ReadContext#granularity() granularity} the
 *     provider's {@link FormatInfo#granularities()} list (its default when the user named none); lam
 *     refuses any other, before {@code open}, with an {@link org.biglam.lam.UnsupportedFormatException}
 *     that names the input and the granularities there are.</li>
 * <li>The input's {@linkplain Input#stream() stream} is decompressed, bounded by
 *     {@link org.biglam.lam.ReadLimits#maxInputBytes()} and {@link
 *     org.biglam.lam.ReadLimits#maxCompressionRatio()}, and counted against the archive limits
 *     ({@code maxEntries}, {@code maxArchiveDepth}): a read past a limit throws a located
 *     {@link org.biglam.lam.LamLimitExceededException}, which a reader lets through. lam owns and
 *     closes the stream.</li>
 * <li>Whatever {@code open} or {@link FormatReader#next()} throws is reported located at the input
 *     and the record's index (an {@link IOException} as an I/O problem, any other exception as a
 *     format problem), under the user's error policy, and lam goes on with the next input; a
 *     reader throws a {@link org.biglam.lam.LamException} itself only where it can say more
 *     precisely where (a record, an offset, a line).</li>
 * <li>A reader is used by one thread at a time, and closed once (what its {@code close} throws
 *     is ignored).</li>
 * <li>The images of the records a reader gives are checked against the {@link Origin} rule:
 *     references it refuses are left out with a warning.</li>
 * </ul>
 * What stays the provider's to do: declaring in its {@link FormatInfo#settings()} every string
 * setting its reader, its embedded reader or its module's source reads (lam warns about, and the
 * {@code lam} command refuses, a setting in a format's namespace that no format declares); the limits lam cannot see from outside the format
 * ({@code maxRecordBytes}, {@code maxNestingDepth}, {@code maxStringLength}; XML read through
 * {@link SecureXml} has the last two applied by the parser), and reporting what it steps over
 * through {@link ReadContext#problem} and {@link ReadContext#warn}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor; a provider is
 * created once and asked to {@link #probe} and {@link #open} many inputs, possibly at once.
 *
 * <p>To drive a provider without lam's engine (a test, a tool), give {@code open} a
 * {@link ReadContext#of ready context}.
 *
 * @since 0.1
 */
public interface FormatProvider {

    /**
     * What the format is: its id, description, extensions, granularities and media types, as
     * {@code Lam.formats()} lists them. The same value on every call.
     *
     * @return the format's description
     */
    FormatInfo info();

    /**
     * The format's stable lowercase id, as records carry it in {@code format}: {@code marc21},
     * {@code marcxml}, {@code marc-json}, {@code tei}, {@code alto}, {@code mets}, {@code page},
     * {@code hocr}, {@code iiif}, {@code lam-jsonl}. {@code info().id()}; not to be overridden.
     */
    default String id() {
        return info().id();
    }

    /**
     * A one-line description for {@code lam formats}, for example "MARC 21 in ISO 2709".
     * {@code info().description()}; not to be overridden.
     */
    default String description() {
        return info().description();
    }

    /** Media types of the format, most specific first; may be empty. {@code info().mediaTypes()}. */
    default Set<String> mediaTypes() {
        return info().mediaTypes();
    }

    /**
     * File name extensions, lowercase, without the dot ({@code mrc}, {@code xml}); used only when
     * no provider recognises the content. {@code info().extensions()}; not to be overridden.
     */
    default Set<String> extensions() {
        return info().extensions();
    }

    /**
     * The granularities the format supports; the first is the default. Never empty.
     * {@code info().granularities()}; not to be overridden.
     */
    default List<String> granularities() {
        return info().granularities();
    }

    /**
     * Tells how sure the provider is that an input starting with these bytes is in its format.
     * Must not throw, must not keep the array, and must finish in time proportional to {@code len}.
     *
     * <p>Where no provider is sure of the first bytes and they are all XML prolog (a long comment,
     * processing instructions, a document type declaration with a long internal subset), lam reads
     * on, up to 1 MiB, and asks again with the prolog's declaration, processing instructions and
     * document type declaration (its internal subset and the comments left out) followed by the
     * document from its root element on, so that the probe sees the root.
     *
     * @param head the first bytes of the (decompressed) input, or those past a long prolog as above;
     *     a UTF-8 BOM is not stripped
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
     * @param context the options, the granularity chosen (always one of {@link #granularities()})
     *     and where to report problems
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
    default Set<String> claims(Input input, ReadContext context) throws IOException {
        return Set.of();
    }

    /** How many bytes detection reads ahead and hands to {@link #probe}: 8 KiB. */
    int PROBE_BYTES = 8192;
}
