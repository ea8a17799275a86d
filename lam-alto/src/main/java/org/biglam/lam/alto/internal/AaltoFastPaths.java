package org.biglam.lam.alto.internal;

import com.fasterxml.aalto.stax.StreamReaderImpl;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * {@link ParserFastPaths} through what Aalto's reader, {@link StreamReaderImpl}, does beyond StAX;
 * each of these is checked by {@code AaltoFastPathsTest}, which fails, saying what to re-check, when
 * an Aalto release changes it:
 *
 * <ul>
 * <li>its Stax2 typed access ({@code getAttributeAs}) hands a {@link TypedValueDecoder} an attribute
 * value as a slice of one buffer holding all the element's attribute values, with white space
 * around the value cut off, so a value is read without a String of all the values being made
 * ({@link ExactDecoder} relies on the cut being visible in the buffer);
 * <li>it interns element and attribute names when asked ({@link XMLInputFactory2#P_INTERN_NAMES},
 * as {@link Xml#alto()} does), so that names compare to literals by identity.
 * </ul>
 */
final class AaltoFastPaths implements ParserFastPaths {

    private final StreamReaderImpl r;
    private final boolean interns;
    private final ExactDecoder exact = new ExactDecoder();
    private final ConfidenceDecoder confidence = new ConfidenceDecoder();
    private final CoordinateDecoder coordinates = new CoordinateDecoder();

    private AaltoFastPaths(StreamReaderImpl r) {
        this.r = r;
        this.interns = interns(r);
    }

    /** Aalto's fast paths for this reader, or null if it is not Aalto's reader. */
    static AaltoFastPaths of(XMLStreamReader r) {
        return r instanceof StreamReaderImpl aalto ? new AaltoFastPaths(aalto) : null;
    }

    private static boolean interns(StreamReaderImpl r) {
        try {
            return Boolean.TRUE.equals(r.getProperty(XMLInputFactory2.P_INTERN_NAMES));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean internsNames() {
        return interns;
    }

    /**
     * The value exactly as written: from Aalto's buffer where it is sure to be whole, else as a
     * String (no String of all the element's attribute values made on the way).
     */
    @Override
    public String value(int i) throws XMLStreamException {
        r.getAttributeAs(i, exact);
        String v = exact.value;
        return v != null ? v : r.getAttributeValue(i);
    }

    @Override
    public float coordinate(int i) throws XMLStreamException {
        r.getAttributeAs(i, coordinates);
        return coordinates.value;
    }

    @Override
    public double confidence(int i) throws XMLStreamException {
        r.getAttributeAs(i, confidence);
        return confidence.raw == null ? confidence.value : -1;
    }

    @Override
    public String confidenceText() {
        return confidence.raw;
    }

    /**
     * Takes an attribute value as a String where it is sure to be whole. Aalto hands a decoder the
     * value in its buffer of all the element's values, with white space around it cut off; where
     * the character before or after the part handed in is white space, some may have been cut (or
     * belong to a neighbouring value), and {@code value} is null: read the value as a String (rare:
     * OCR values have no such space).
     */
    private static final class ExactDecoder extends TypedValueDecoder {
        String value;

        @Override
        public void decode(String input) {
            value = null;
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            boolean cut = start > 0 && buffer[start - 1] <= ' ' || end < buffer.length && buffer[end] <= ' ';
            value = cut ? null : new String(buffer, start, end - start);
        }

        @Override
        public void handleEmptyValue() {
            value = null;
        }
    }

    /**
     * Takes the whole part of a coordinate as OCR engines write it ({@code 1203}, {@code 1203.0});
     * NaN for anything else (a coordinate that only decides a space).
     */
    private static final class CoordinateDecoder extends TypedValueDecoder {
        float value;

        @Override
        public void decode(String input) {
            value = (float) Numbers.parse(input);
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            value = Numbers.coordinate(buffer, start, end);
        }

        @Override
        public void handleEmptyValue() {
            value = Float.NaN;
        }
    }

    /**
     * Takes a confidence, trimmed by the parser: written as OCR engines write it ({@code 0.93},
     * {@code 1}), read on the spot into {@code value}; anything else kept as {@code raw} text for
     * the parser to read and judge.
     */
    private static final class ConfidenceDecoder extends TypedValueDecoder {
        double value;
        String raw;

        @Override
        public void decode(String input) {
            raw = input;
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            double v = Numbers.unitFraction(buffer, start, end);
            if (v >= 0) {
                value = v;
                raw = null;
            } else {
                raw = new String(buffer, start, end - start);
            }
        }

        @Override
        public void handleEmptyValue() {
            raw = "";
        }
    }
}
