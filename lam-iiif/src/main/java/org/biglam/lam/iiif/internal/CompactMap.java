package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The children of a parsed JSON object: keys and values in two arrays, in insertion order, a
 * lighter stand-in for the {@link java.util.LinkedHashMap} Jackson's {@code ObjectNode} holds by
 * default. IIIF objects have a handful of properties, so a lookup scans the keys (which the parser
 * interns, so a hit is mostly an identity check); a 64-bit filter of the keys' hashes answers
 * most lookups of absent keys (the reader asks for many) without a scan. An object with
 * {@value #INDEX_FROM} properties or more gets a hash index, so that a hostile object with very
 * many properties costs no more than a hash map would. Same behaviour as {@code LinkedHashMap}:
 * putting an existing key replaces its value and keeps its position.
 */
final class CompactMap extends AbstractMap<String, JsonNode> {

    /** The size from which lookups go through a hash index. */
    static final int INDEX_FROM = 16;

    private String[] keys;
    /** The keys' hash codes: a scan compares these, and a key only where its hash matches. */
    private int[] hashes;
    private JsonNode[] values;
    private int size;
    /** Bit {@code hash & 63} set for the hash of each key (and of removed ones: a filter may over-answer). */
    private long filter;
    /** Key to position; only for maps of {@value #INDEX_FROM} or more entries. */
    private HashMap<String, Integer> index;
    private EntrySet entries;

    /**
     * A map of key, value pairs lying at {@code slots[from..to)} (key at even offsets, value after
     * it); a repeated key keeps its first position and takes its last value.
     */
    CompactMap(Object[] slots, int from, int to) {
        int n = (to - from) >> 1;
        keys = new String[n];
        hashes = new int[n];
        values = new JsonNode[n];
        for (int i = from; i < to; i += 2) {
            put((String) slots[i], (JsonNode) slots[i + 1]);
        }
    }

    private int find(Object key) {
        if (key == null) {
            return -1;
        }
        int h = key.hashCode();
        if ((filter & 1L << h) == 0) {
            return -1;
        }
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        int[] hs = hashes;
        for (int i = 0, n = size; i < n; i++) {
            if (hs[i] == h && keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        int i = find(key);
        if (i >= 0) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            int cap = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, cap);
            hashes = Arrays.copyOf(hashes, cap);
            values = Arrays.copyOf(values, cap);
        }
        int h = key.hashCode();
        keys[size] = key;
        hashes[size] = h;
        values[size] = value;
        filter |= 1L << h;
        if (index != null) {
            index.put(key, size);
        }
        size++;
        if (index == null && size >= INDEX_FROM) {
            reindex();
        }
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(hashes, i + 1, hashes, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        if (index != null) {
            reindex();
        }
    }

    private void reindex() {
        if (size < INDEX_FROM) {
            index = null;
            return;
        }
        index = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            index.put(keys[i], i);
        }
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        filter = 0;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        if (entries == null) {
            entries = new EntrySet();
        }
        return entries;
    }

    private final class EntrySet extends AbstractSet<Map.Entry<String, JsonNode>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            CompactMap.this.clear();
        }

        @Override
        public Iterator<Map.Entry<String, JsonNode>> iterator() {
            return new Iterator<>() {
                private int next;
                private int last = -1;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Map.Entry<String, JsonNode> next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    last = next++;
                    return new Entry(last);
                }

                @Override
                public void remove() {
                    if (last < 0) {
                        throw new IllegalStateException();
                    }
                    removeAt(last);
                    next = last;
                    last = -1;
                }
            };
        }
    }

    /** An entry that writes its value through to the map. */
    private final class Entry implements Map.Entry<String, JsonNode> {
        private final int i;

        Entry(int i) {
            this.i = i;
        }

        @Override
        public String getKey() {
            return keys[i];
        }

        @Override
        public JsonNode getValue() {
            return values[i];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = values[i];
            values[i] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey())
                    && java.util.Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ java.util.Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
