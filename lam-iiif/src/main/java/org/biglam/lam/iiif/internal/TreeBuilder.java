package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a Jackson tree from its members handed in document order, without recursion: objects
 * hold a {@link CompactMap}, arrays an exactly sized list (a {@link ListNode}). The builder of
 * {@link TreeReader}, one per document.
 */
final class TreeBuilder {

    /** The node factory Jackson's {@code ObjectMapper} uses by default. */
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Open containers' members: an object's names and values in turn, an array's values. */
    private Object[] slots = new Object[64];
    private int top;
    /** Per open container: where its members start in {@code slots}, and whether it is an object. */
    private int[] starts = new int[16];
    private boolean[] objects = new boolean[16];
    private int depth;

    /** Whether the innermost open container is an object. */
    boolean inObject() {
        return objects[depth - 1];
    }

    /** Opens an object or an array, inside the innermost open container if any. */
    void open(boolean object) {
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
            objects = Arrays.copyOf(objects, depth * 2);
        }
        starts[depth] = top;
        objects[depth] = object;
        depth++;
    }

    /** Adds a member to the innermost open container: a property's name then its value, or a value. */
    void add(Object member) {
        if (top == slots.length) {
            slots = Arrays.copyOf(slots, top * 2);
        }
        slots[top++] = member;
    }

    /**
     * Closes the innermost open container: the root is returned, any other is added to its
     * parent (and null returned).
     */
    JsonNode close() {
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
        if (depth == 0) {
            return node;
        }
        add(node);
        return null;
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
}
