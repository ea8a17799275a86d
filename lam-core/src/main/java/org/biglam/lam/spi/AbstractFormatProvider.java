package org.biglam.lam.spi;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;

/**
 * A {@link FormatProvider} whose description is a value given once: a provider that extends it is
 * its {@link FormatInfo}, passed to the constructor, its {@link #probe} and its {@link #open}.
 *
 * <pre>{@code
 * public final class NotesFormat extends AbstractFormatProvider {
 *     public NotesFormat() {
 *         super(FormatInfo.of("notes", "Field notes", "note").withExtensions("notes"));
 *     }
 *
 *     public MatchStrength probe(byte[] head, int len) {
 *         return probeXml(head, len, root -> "notes".equals(root.localName())
 *                 ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH);
 *     }
 *
 *     public FormatReader open(Input input, ReadContext context) { return new NotesReader(input, context); }
 * }
 * }</pre>
 *
 * <p>For XML formats, {@link #probeXml probeXml} is a probe by the root element and
 * {@link #openXml openXml} a reader streaming records from the root element. Implementing
 * {@link FormatProvider} directly stays possible.
 *
 * @since 0.1
 */
public abstract class AbstractFormatProvider implements FormatProvider {

    private final FormatInfo info;

    /**
     * Creates a provider of the format {@code info} describes.
     *
     * @param info the format's description, as {@link #info()} returns it
     */
    protected AbstractFormatProvider(FormatInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    /** The description given to the constructor. */
    @Override
    public final FormatInfo info() {
        return info;
    }

    /**
     * The probe of an XML format known by its root element: {@code byRoot} decides when the
     * look-ahead holds the root's start tag ({@link Sniff#xmlRoot}); otherwise the input is no match.
     * A look-ahead that cannot be read is no match.
     *
     * @param head the look-ahead, as given to {@link #probe}
     * @param len how many bytes of {@code head} are valid
     * @param byRoot the strength of a document with this root
     * @return the strength of the match
     */
    protected static MatchStrength probeXml(byte[] head, int len, Function<Sniff.XmlRoot, MatchStrength> byRoot) {
        return probeXml(head, len, byRoot, text -> MatchStrength.NO_MATCH);
    }

    /**
     * The probe of an XML format known by its root element, that may also be told by the text
     * around a root the look-ahead does not reach (behind a long prolog, say): {@code byRoot}
     * decides when the look-ahead holds the root's start tag ({@link Sniff#xmlRoot}); otherwise,
     * when the input starts with {@code <}, {@code byText} decides from the look-ahead's
     * {@linkplain Sniff#text text}; anything else is no match, and so is a look-ahead that cannot
     * be read.
     *
     * @param head the look-ahead, as given to {@link #probe}
     * @param len how many bytes of {@code head} are valid
     * @param byRoot the strength of a document with this root
     * @param byText the strength of markup whose root the look-ahead does not show
     * @return the strength of the match
     */
    protected static MatchStrength probeXml(byte[] head, int len, Function<Sniff.XmlRoot, MatchStrength> byRoot,
            Function<String, MatchStrength> byText) {
        try {
            Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(head, len);
            if (root.isPresent()) {
                return byRoot.apply(root.get());
            }
            if (Sniff.firstChar(head, len) != '<') {
                return MatchStrength.NO_MATCH;
            }
            return byText.apply(Sniff.text(head, len));
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    /**
     * A reader of an XML format whose parser streams the records of the document from its root
     * element: an {@link XmlRecordReader} over the input, with a StAX parser from {@link AaltoXml}
     * under the read's limits.
     *
     * @param context the read's context (its input's stream is read)
     * @param lenientSetting the format's setting that binds the well-known prefixes for a record
     *     cut out of its envelope ({@code ead.lenient}), read as a flag, false by default
     * @param parser makes the format's parser from the StAX parser standing on the root element
     *     and the consumer to hand records to
     * @return the reader
     * @throws IOException if reading fails
     * @throws LamFormatException if the document has no root element or is malformed before it
     */
    protected static FormatReader openXml(ReadContext context, String lenientSetting,
            BiFunction<XMLStreamReader, Consumer<LamRecord>, XmlRecordReader.Parser> parser) throws IOException {
        boolean lenient = context.options().flag(lenientSetting, false);
        return new XmlRecordReader(AaltoXml.factory(context.limits()), context, lenient, lenientSetting, parser);
    }

    /**
     * {@link #openXml(ReadContext, String, BiFunction)} for a format with one kind of root: a
     * document whose root {@code isRoot} refuses is a {@link LamFormatException} located at the
     * root, "not <i>what</i>: the root element is {<i>namespace</i>}<i>name</i>".
     *
     * @param context the read's context (its input's stream is read)
     * @param lenientSetting the format's setting that binds the well-known prefixes
     * @param isRoot whether an element of this namespace (the empty string for none) and local
     *     name is the format's root
     * @param what the format's name in the problem ({@code an EAD finding aid})
     * @param parser makes the format's parser from the StAX parser standing on the root element
     *     and the consumer to hand records to
     * @return the reader
     * @throws IOException if reading fails
     * @throws LamFormatException if the document has no root element, another root, or is
     *     malformed before it
     */
    protected static FormatReader openXml(ReadContext context, String lenientSetting,
            BiPredicate<String, String> isRoot, String what,
            BiFunction<XMLStreamReader, Consumer<LamRecord>, XmlRecordReader.Parser> parser) throws IOException {
        return openXml(context, lenientSetting, (r, out) -> {
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (!isRoot.test(ns, r.getLocalName())) {
                throw new LamFormatException("not " + what + ": the root element is {" + ns + "}" + r.getLocalName(),
                        XmlRecordReader.place(context.location(), r));
            }
            return parser.apply(r, out);
        });
    }
}
