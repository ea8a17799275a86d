package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;

/**
 * Parses JSON documents into Jackson trees with lam's limits as Jackson's
 * {@link StreamReadConstraints}: nesting depth, string length, and document length bounded by
 * {@code maxRecordBytes}. Parse errors become {@link LamFormatException}s with line and column.
 *
 * <p>The tree is built by {@link TreeReader} from Jackson's parser, in compact nodes, as
 * {@code readTree} would build it.
 */
public final class JsonDocs {

    private record Key(int depth, int string, int bytes) {
    }

    private static final Map<Key, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();

    private JsonDocs() {
    }

    /** The mapper for these limits (cached; thread-safe). */
    private static volatile Object[] last = {null, null};

    public static ObjectMapper mapper(ReadLimits limits) {
        Object[] l = last;
        if (l[0] == limits) {
            return (ObjectMapper) l[1];
        }
        ObjectMapper m = cached(limits);
        last = new Object[] {limits, m};
        return m;
    }

    private static ObjectMapper cached(ReadLimits limits) {
        Key k = new Key(limits.maxNestingDepth(), limits.maxStringLength(), limits.maxRecordBytes());
        return MAPPERS.computeIfAbsent(k, key -> {
            JsonFactory f = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(key.depth())
                            .maxStringLength(key.string())
                            .maxDocumentLength(key.bytes())
                            .maxNameLength(Math.min(key.string(), 50_000))
                            .build())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build();
            f.enable(JsonParser.Feature.ALLOW_TRAILING_COMMA);
            return new ObjectMapper(f);
        });
    }

    /**
     * Parses one document.
     *
     * @param in the bytes; not closed
     * @param limits the limits
     * @param where the location to refine with line and column
     * @return the root node
     * @throws LamFormatException if the JSON is malformed or empty
     * @throws LamLimitExceededException if a limit is passed
     * @throws IOException if reading fails
     */
    public static JsonNode parse(InputStream in, ReadLimits limits, Location where) throws IOException {
        ObjectMapper m = mapper(limits);
        try (JsonParser p = open(m, in, where)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonNode root;
            try {
                root = TreeReader.read(p);
            } catch (java.io.CharConversionException e) {
                throw new LamFormatException("malformed JSON: " + e.getMessage(), locate(where, p.currentLocation()), e);
            }
            if (root == null || root.isMissingNode()) {
                throw new LamFormatException("empty input: no JSON document", where);
            }
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new LamFormatException("more than one JSON value: content after the document",
                        locate(where, l));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new LamLimitExceededException(limitMessage(e, limits), locate(where, e.getLocation()), e);
        } catch (JsonProcessingException e) {
            throw new LamFormatException("malformed JSON: " + tidy(e.getOriginalMessage()),
                    locate(where, e.getLocation()), e);
        }
    }

    /** A parser; the encoding the first bytes announce, if it cannot be read, is a problem at byte 0. */
    private static JsonParser open(ObjectMapper m, InputStream in, Location where) throws IOException {
        try {
            return m.getFactory().createParser(in);
        } catch (java.io.CharConversionException e) {
            throw new LamFormatException("malformed JSON: " + e.getMessage(), where.withOffset(0), e);
        }
    }

    /** Parses bytes. */
    public static JsonNode parse(byte[] bytes, ReadLimits limits, Location where) throws IOException {
        return parse(new java.io.ByteArrayInputStream(bytes), limits, where);
    }

    private static String limitMessage(StreamConstraintsException e, ReadLimits limits) {
        String m = e.getOriginalMessage();
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "JSON nested deeper than " + limits.maxNestingDepth() + " (ReadLimits.maxNestingDepth): " + m;
        }
        if (lower.contains("document length")) {
            return "JSON document longer than " + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes): "
                    + m;
        }
        if (lower.contains("string value length") || lower.contains("name length")) {
            return "JSON string longer than " + limits.maxStringLength() + " chars (ReadLimits.maxStringLength): "
                    + m;
        }
        return "JSON over a limit: " + m;
    }

    private static String tidy(String m) {
        return m == null ? "" : m.replace("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ",
                "[").replaceAll("\\s+", " ");
    }

    static Location locate(Location where, JsonLocation l) {
        if (l == null) {
            return where;
        }
        Location out = where;
        if (l.getLineNr() > 0) {
            out = out.withLine(l.getLineNr(), l.getColumnNr());
        }
        if (l.getByteOffset() >= 0) {
            out = out.withOffset(l.getByteOffset());
        }
        return out;
    }
}
