package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Reads a JSON value from a parser into a Jackson tree, as {@code ObjectMapper.readTree} does with
 * default settings (the same nodes: text, int, long, big integer, double, boolean and null nodes;
 * a repeated property keeps its first position and its last value; null properties kept), but
 * cheaper: the tree is a {@link TreeBuilder}'s (objects hold a {@link CompactMap} instead of a
 * {@code LinkedHashMap}, arrays an exactly sized list), and there is no deserialization context
 * to set up. The parser is driven with the calls {@code readTree} makes ({@code nextFieldName} in
 * objects, {@code nextToken} elsewhere, and the current token cleared after the root), so
 * malformed input fails at the same place with the same message, and the parser's
 * {@code StreamReadConstraints} apply as before. Not recursive: depth costs heap, not stack.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = TreeBuilder.NODES;

    private final TreeBuilder tree = new TreeBuilder();

    private TreeReader() {
    }

    /**
     * Reads the next value.
     *
     * @param p a parser before its first token
     * @return the value, or null if the input has none
     * @throws IOException as the parser throws it: malformed input, a constraint passed, reading
     */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        JsonNode root = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                ? new TreeReader().container(p, t == JsonToken.START_OBJECT) : scalar(p, t);
        p.clearCurrentToken(); // as readTree leaves the parser: what it reports next says so
        return root;
    }

    private JsonNode container(JsonParser p, boolean object) throws IOException {
        tree.open(object);
        while (true) {
            JsonToken t;
            if (tree.inObject()) {
                String name = p.nextFieldName();
                if (name == null) {
                    JsonNode root = tree.close();
                    if (root != null) {
                        return root;
                    }
                    continue;
                }
                tree.add(name);
                t = p.nextToken();
            } else {
                t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    JsonNode root = tree.close();
                    if (root != null) {
                        return root;
                    }
                    continue;
                }
            }
            if (t == JsonToken.START_OBJECT) {
                tree.open(true);
            } else if (t == JsonToken.START_ARRAY) {
                tree.open(false);
            } else {
                tree.add(scalar(p, t));
            }
        }
    }

    /** A scalar node, made as Jackson's node deserializer makes it with default settings. */
    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                // a JSON text parser reads floats as doubles unless asked otherwise: a double node
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // a JSON parser gives no other value token (embedded objects come from binary formats)
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }
}
