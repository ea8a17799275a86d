package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a JSON value from a parser into a Jackson tree, as {@code ObjectMapper.readTree} does with
 * default settings (the same nodes: text, int, long, big integer, double, boolean and null nodes;
 * a repeated property keeps its first position and its last value; null properties kept), but
 * cheaper: objects hold a {@link CompactMap} instead of a {@code LinkedHashMap}, arrays an
 * exactly sized list (which {@link ListNode} lends to the reader), and there is no
 * deserialization context to set up. The parser is driven
 * with the calls {@code readTree} makes ({@code nextFieldName} in objects, {@code nextToken}
 * elsewhere), so malformed input fails at the same place with the same message, and the
 * parser's {@code StreamReadConstraints} apply as before. Not recursive: depth costs heap, not
 * stack.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Open containers' members: an object's keys and values in turn, an array's values. */
    private Object[] slots = new Object[64];
    private int top;
    /** Per open container: where its members start in {@code slots}, and whether it is an object. */
    private int[] starts = new int[16];
    private boolean[] objects = new boolean[16];
    private int depth;

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
        open(object);
        while (true) {
            JsonToken t;
            if (objects[depth - 1]) {
                String name = p.nextFieldName();
                if (name == null) {
                    JsonNode done = close();
                    if (depth == 0) {
                        return done;
                    }
                    push(done);
                    continue;
                }
                push(name);
                t = p.nextToken();
            } else {
                t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    JsonNode done = close();
                    if (depth == 0) {
                        return done;
                    }
                    push(done);
                    continue;
                }
            }
            if (t == JsonToken.START_OBJECT) {
                open(true);
            } else if (t == JsonToken.START_ARRAY) {
                open(false);
            } else {
                push(scalar(p, t));
            }
        }
    }

    private void open(boolean object) {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
        }
        starts[depth] = top;
        objects[depth] = object;
        depth++;
    }

    private JsonNode close() {
        depth--;
        int from = starts[depth];
        JsonNode node;
        if (objects[depth]) {
            node = new ObjectNode(NODES, new CompactMap(slots, from, top));
        } else {
            ArrayList<JsonNode> items = new ArrayList<>(top - from);
            for (int i = from; i < top; i++) {
                items.add((JsonNode) slots[i]);
            }
            node = new ListNode(items);
        }
        top = from;
        return node;
    }

    private void push(Object o) {
        if (top == slots.length) {
            slots = Arrays.copyOf(slots, top * 2);
        }
        slots[top++] = o;
    }

    /** An array node that lets the reader walk its elements' list itself ({@link Json#many}). */
    @SuppressWarnings("unchecked") // ArrayNode's own deepCopy() override of JsonNode's generic one, inherited
    static final class ListNode extends ArrayNode {
        private final List<JsonNode> items;

        ListNode(List<JsonNode> items) {
            super(NODES, items);
            this.items = items;
        }

        /** The elements, read-only by contract: the node's own list. */
        List<JsonNode> items() {
            return items;
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
