package org.biglam.lam.spi;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Moves over StAX events the way every lam reader does.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class XmlStreams {

    /**
     * Where the next event comes from: a reader's {@link XMLStreamReader#next()}, or a reader's own
     * step that also applies its limits.
     */
    @FunctionalInterface
    public interface Events {
        /**
         * Moves to the next event.
         *
         * @return its type, an {@link XMLStreamConstants} value
         * @throws XMLStreamException if the XML is malformed
         */
        int next() throws XMLStreamException;
    }

    private XmlStreams() {
    }

    /**
     * Skips the element whose start tag the reader is on, with everything inside it; the reader is
     * left on its end tag. On an event inside an element's content (not on a start tag), skips the
     * rest of that element up to its end tag, so {@code n} calls close {@code n} open elements.
     *
     * @param r a reader on a {@link XMLStreamConstants#START_ELEMENT}, or inside an element
     * @throws XMLStreamException if the XML is malformed or ends inside the element
     */
    public static void skipElement(XMLStreamReader r) throws XMLStreamException {
        skipElement(r::next);
    }

    /**
     * Skips the element whose start tag was the last event, taking events from {@code events}.
     *
     * @param events the events, after a {@link XMLStreamConstants#START_ELEMENT}
     * @throws XMLStreamException if the XML is malformed or ends inside the element
     */
    public static void skipElement(Events events) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = events.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element");
            }
        }
    }
}
