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
 * The children of a parsed JSON object: keys and values in turn in one array, in insertion order, a
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

    /** Keys and values in turn: the key of entry {@code i} at {@code 2i}, its value at {@code 2i + 1}. */
    private Object[] entries;
    /** The keys' hash codes: a scan compares these, and a key only where its hash matches. */
    private int[] hashes;
    private int size;
    /** Bit {@code hash & 63} set for the hash of each key (and of removed ones: a filter may over-answer). */
    private long filter;
    /** Key to position; only for maps of {@value #INDEX_FROM} or more entries. */
    private HashMap<String, Integer> index;
    private EntrySet entrySet;

    /**
     * A map of key, value pairs lying at {@code slots[from..to)} (key at even offsets, value after
     * it); a repeated key keeps its first position and takes its last value.
     */
    CompactMap(Object[] slots, int from, int to) {
        entries = Arrays.copyOfRange(slots, from, to);
        int n = (to - from) >> 1;
        hashes = new int[n];
        for (int i = 0; i < n; i++) {
            String key = (String) entries[2 * i];
            JsonNode value = (JsonNode) entries[2 * i + 1];
            int h = key.hashCode();
            int at = find(key, h);
            if (at >= 0) {
                entries[2 * at + 1] = value;
            } else {
                append(key, h, value);
            }
        }
        Arrays.fill(entries, 2 * size, entries.length, null);
    }

    private int find(Object key) {
        return key == null ? -1 : find(key, key.hashCode());
    }

    private int find(Object key, int h) {
        if ((filter & 1L << h) == 0) {
            return -1;
        }
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        int[] hs = hashes;
        for (int i = 0, n = size; i < n; i++) {
            if (hs[i] == h && entries[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds an entry at the end; there is room (in the constructor, where entries only move down). */
    private void append(String key, int h, JsonNode value) {
        entries[2 * size] = key;
        entries[2 * size + 1] = value;
        hashes[size] = h;
        filter |= 1L << h;
        if (index != null) {
            index.put(key, size);
        }
        size++;
        if (index == null && size >= INDEX_FROM) {
            reindex();
        }
    }

    @Override
    public JsonNode get(Object key) {
        int i = find(key);
        return i < 0 ? null : (JsonNode) entries[2 * i + 1];
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
        int h = key.hashCode();
        int i = find(key, h);
        if (i >= 0) {
            JsonNode old = (JsonNode) entries[2 * i + 1];
            entries[2 * i + 1] = value;
            return old;
        }
        if (size == hashes.length) {
            int cap = Math.max(4, size * 2);
            entries = Arrays.copyOf(entries, 2 * cap);
            hashes = Arrays.copyOf(hashes, cap);
        }
        append(key, h, value);
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = (JsonNode) entries[2 * i + 1];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(entries, 2 * i + 2, entries, 2 * i, 2 * (size - i - 1));
        System.arraycopy(hashes, i + 1, hashes, i, size - i - 1);
        size--;
        entries[2 * size] = null;
        entries[2 * size + 1] = null;
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
            index.put((String) entries[2 * i], i);
        }
    }

    @Override
    public void clear() {
        Arrays.fill(entries, 0, 2 * size, null);
        size = 0;
        index = null;
        filter = 0;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        if (entrySet == null) {
            entrySet = new EntrySet();
        }
        return entrySet;
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
            return (String) entries[2 * i];
        }

        @Override
        public JsonNode getValue() {
            return (JsonNode) entries[2 * i + 1];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = getValue();
            entries[2 * i + 1] = value;
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
