package org.biglam.lam.spi;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;

/**
 * An {@link EmbeddedXmlReader} made of its format, its namespaces, the elements it reads and the
 * format's streaming {@linkplain XmlRecordReader.Parser parser} (the one its own reader uses): it
 * {@linkplain #read reads} an element by stepping a new parser over it until the parser is done.
 *
 * <pre>{@code
 * public static final class Embedded extends AbstractEmbeddedXmlReader {
 *     public Embedded() {
 *         super("notes", Set.of(NotesParser.NS), (ns, localName) -> "notes".equals(localName),
 *                 (xml, envelope, context, out) -> new NotesParser(xml, context, envelope, out));
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract class AbstractEmbeddedXmlReader implements EmbeddedXmlReader {

    /** Makes the format's parser over an embedded element. */
    @FunctionalInterface
    public interface ParserFactory {

        /**
         * The format's parser over the element {@code xml} stands on, making records that start
         * from {@code envelope} (see {@link EmbeddedXmlReader#read}).
         *
         * @param xml the StAX parser, standing on the element's start
         * @param envelope what the envelope knows of the record
         * @param context the options, and where to report problems and warnings
         * @param out takes each record
         * @return the parser
         * @throws XMLStreamException if the XML is not well-formed
         */
        XmlRecordReader.Parser parser(XMLStreamReader xml, LamRecord envelope, ReadContext context,
                Consumer<LamRecord> out) throws XMLStreamException;
    }

    private final String format;
    private final Set<String> namespaces;
    private final BiPredicate<String, String> reads;
    private final ParserFactory parsers;

    /**
     * Creates the reader.
     *
     * @param format the format id of the records it makes, as {@link #format()} returns it
     * @param namespaces the namespace URIs of the elements it reads, as {@link #namespaces()}
     *     returns them
     * @param reads whether it reads an element of this namespace and local name, as
     *     {@link #reads} tells (asked only for an element in one of {@code namespaces})
     * @param parsers makes the parser that {@link #read} steps through an element
     */
    protected AbstractEmbeddedXmlReader(String format, Set<String> namespaces, BiPredicate<String, String> reads,
            ParserFactory parsers) {
        this.format = Objects.requireNonNull(format, "format");
        this.namespaces = Set.copyOf(namespaces);
        this.reads = Objects.requireNonNull(reads, "reads");
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final Set<String> namespaces() {
        return namespaces;
    }

    @Override
    public final boolean reads(String namespace, String localName) {
        return reads.test(namespace, localName);
    }

    /** Steps a new parser over the element until it is done. */
    @Override
    public final void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException {
        XmlRecordReader.Parser p = parsers.parser(xml, envelope, context, out);
        while (!p.done()) {
            p.step();
        }
    }
}
