package org.biglam.lam;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One unit read from a library, archive or museum format — a catalogue record, a page, a line, a
 * canvas, a paragraph — in one shape whatever the format: an id, the format it was read from, where
 * it came from, the document it belongs to, its plain text, its images and its labels.
 *
 * <p>Label names follow one vocabulary across formats (see {@link Labels}); format-specific names
 * carry a prefix such as {@code marc:650}. Each label maps to an ordered list of distinct values.
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares every field shown in the JSON form;
 * the {@linkplain #unwrap(Class) native object} a reader may attach is not compared.
 *
 * @since 0.1
 */
public final class LamRecord {

    private final String id;
    private final String format;
    private final RecordSource source;
    private final String group;
    private final String text;
    private final List<ImageRef> images;
    private final Map<String, List<String>> labels;
    private final double confidence;
    private final OcrQuality quality;
    private final Object nativeObject;

    private LamRecord(Builder b) {
        this.id = b.id;
        this.format = b.format;
        this.source = b.source;
        this.group = b.group;
        this.text = b.text;
        this.images = b.frozenImages();
        this.labels = b.frozenLabels();
        this.confidence = b.confidence;
        this.quality = b.quality;
        this.nativeObject = b.nativeObject;
    }

    /**
     * Starts a record.
     *
     * @param id the record's id, stable and unique within its input; not blank
     * @param format the format id it was read from, for example {@code marc21}; not blank
     * @return a builder
     */
    public static Builder builder(String id, String format) {
        return new Builder(id, format);
    }

    /** Returns a builder holding this record's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id, format);
        b.source = source;
        b.group = group;
        b.text = text;
        b.images.addAll(images);
        b.imagesFrozen = images;
        labels.forEach(b::putFrozen);
        b.labelsFrozen = labels;
        b.confidence = confidence;
        b.quality = quality;
        b.nativeObject = nativeObject;
        return b;
    }

    /** The record's id: stable and unique within its input; never null. */
    public String id() {
        return id;
    }

    /** The id of the format it was read from ({@code marc21}, {@code tei}, ...); never null. */
    public String format() {
        return format;
    }

    /** Where the record came from, where known. */
    public Optional<RecordSource> source() {
        return Optional.ofNullable(source);
    }

    /** The id of the document the record belongs to (a line's page, a canvas's manifest). */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The plain text in reading order, if the unit has any. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The image references, in order; empty if none; unmodifiable. */
    public List<ImageRef> images() {
        return images;
    }

    /** The labels, name to ordered distinct values, in the order they were added; unmodifiable. */
    public Map<String, List<String>> labels() {
        return labels;
    }

    /** The values of one label; empty if the record has none. */
    public List<String> label(String name) {
        return labels.getOrDefault(name, List.of());
    }

    /** The first value of one label, if any. */
    public Optional<String> firstLabel(String name) {
        List<String> values = labels.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The OCR confidence of the text, from 0 to 1, where the source gives one. */
    public OptionalDouble confidence() {
        return Double.isNaN(confidence) ? OptionalDouble.empty() : OptionalDouble.of(confidence);
    }

    /**
     * The OCR's own word-level figures for the text (word count, mean and standard deviation of
     * the words' confidence), for records of OCR formats (ALTO, PAGE, hOCR, METS pages and
     * articles); empty for other records.
     *
     * @since 0.1
     */
    public Optional<OcrQuality> quality() {
        return Optional.ofNullable(quality);
    }

    /**
     * Returns the object the reader built this record from, if it is of the given type: for
     * example the marc4j {@code org.marc4j.marc.Record} behind a MARC record. It is not part of
     * the JSON form, nor of {@link #equals(Object)}; records read back from JSON have none.
     *
     * @param type the expected type
     * @param <T> the type
     * @return the object, or empty if there is none of that type
     */
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(nativeObject) ? Optional.of(type.cast(nativeObject)) : Optional.empty();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LamRecord)) {
            return false;
        }
        LamRecord r = (LamRecord) o;
        return id.equals(r.id) && format.equals(r.format) && Objects.equals(source, r.source)
                && Objects.equals(group, r.group) && Objects.equals(text, r.text)
                && images.equals(r.images) && labels.equals(r.labels)
                && Double.compare(confidence, r.confidence) == 0 && Objects.equals(quality, r.quality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, format, source, group, text, images, labels, confidence, quality);
    }

    /**
     * Returns a short, one-line summary for people at a terminal: the id, format, the start of the
     * text, the labels and counts. Not a serialisation; use the JSON Lines writer for that.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LamRecord[").append(id).append(" (").append(format).append(')');
        if (group != null) {
            sb.append(" group=").append(group);
        }
        if (text != null) {
            String oneLine = text.replaceAll("\\s+", " ").strip();
            sb.append(" text=\"");
            if (oneLine.length() > 60) {
                sb.append(oneLine, 0, 60).append("…\" (").append(text.length()).append(" chars)");
            } else {
                sb.append(oneLine).append('"');
            }
        }
        if (!labels.isEmpty()) {
            sb.append(" labels={");
            int shown = 0;
            for (Map.Entry<String, List<String>> e : labels.entrySet()) {
                if (shown++ == 6) {
                    sb.append(", …");
                    break;
                }
                if (shown > 1) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            sb.append('}');
        }
        if (!images.isEmpty()) {
            sb.append(" images=").append(images.size());
        }
        if (!Double.isNaN(confidence)) {
            sb.append(String.format(java.util.Locale.ROOT, " confidence=%.2f", confidence));
        }
        if (quality != null) {
            sb.append(" words=").append(quality.words());
        }
        return sb.append(']').toString();
    }

    /**
     * A record's labels: names and value lists in two arrays, in the order they were added, with a
     * hash index when there are more than sixteen (as in the builder); unmodifiable. Lighter to make
     * than a linked hash map for the dozen labels most records have.
     */
    private static final class LabelMap extends AbstractMap<String, List<String>> {
        private static final int LINEAR = 16;
        private final String[] keys;
        private final List<String>[] values;
        /**
         * Positions plus one, by hash, open addressing; made on the first look-up of a map of more
         * than a few labels (most records are written out, never looked up); null until then, and
         * for a few labels (searched in order). Volatile: a record may be looked up from several threads.
         */
        private volatile int[] index;

        LabelMap(String[] keys, List<String>[] values) {
            this.keys = keys;
            this.values = values;
        }

        private int[] index() {
            int[] ix = index;
            if (ix == null) {
                int size = Integer.highestOneBit(keys.length * 2 - 1) << 1;
                ix = new int[size];
                for (int i = 0; i < keys.length; i++) {
                    int h = keys[i].hashCode() & (size - 1);
                    while (ix[h] != 0) {
                        h = (h + 1) & (size - 1);
                    }
                    ix[h] = i + 1;
                }
                index = ix; // two threads may both make it: the same table
            }
            return ix;
        }

        private int find(@Nullable Object key) {
            if (key == null) {
                return -1;
            }
            if (keys.length <= LINEAR) {
                int hash = key.hashCode();
                for (int i = 0; i < keys.length; i++) {
                    String k = keys[i];
                    if (k == key || k.hashCode() == hash && k.equals(key)) {
                        return i;
                    }
                }
                return -1;
            }
            int[] ix = index();
            int mask = ix.length - 1;
            for (int h = key.hashCode() & mask; ix[h] != 0; h = (h + 1) & mask) {
                if (keys[ix[h] - 1].equals(key)) {
                    return ix[h] - 1;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public boolean isEmpty() {
            return keys.length == 0;
        }

        @Override
        public @Nullable List<String> get(@Nullable Object key) {
            int i = find(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return find(key) >= 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super List<String>> action) {
            for (int i = 0; i < keys.length; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        @Override
        public @Nullable List<String> remove(@Nullable Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Map.Entry<String, List<String>>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return keys.length;
                }

                @Override
                public Iterator<Map.Entry<String, List<String>>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keys.length;
                        }

                        @Override
                        public Map.Entry<String, List<String>> next() {
                            if (i >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, List<String>> e = new AbstractMap.SimpleImmutableEntry<>(keys[i],
                                    values[i]);
                            i++;
                            return e;
                        }
                    };
                }
            };
        }
    }

    /**
     * Builds a {@link LamRecord}. Not thread-safe; a builder can build several records.
     *
     * <p>A builder that builds several records (the canvases of one manifest, say) hands each the
     * same unmodifiable label lists, and the same label map and image list, as long as they have not
     * changed since the last record: records share what they have in common instead of copying it.
     */
    public static final class Builder {
        private String id;
        private String format;
        private RecordSource source;
        private String group;
        private String text;
        private final List<ImageRef> images = new ArrayList<>();
        /** The images as the last record got them; null when changed since. */
        private List<ImageRef> imagesFrozen = List.of();
        /**
         * Label names in the order they were added, and each one's values: one value as a string,
         * several as a list (a mutable {@link ArrayList} of the builder's own, or a record's
         * unmodifiable list until a value is added); kept distinct by {@link #label}, lists being short.
         */
        private String[] names = new String[16];
        private Object[] values = new Object[16];
        /** Each label's values as the last record got them; null when changed since. */
        @SuppressWarnings("unchecked")
        private List<String>[] frozen = new List[16];
        private int count;
        /** Positions plus one by hash (open addressing) once there are many labels; null while few (searched in order). */
        private int[] slots;
        /** The labels as the last record got them; null when changed since. */
        private Map<String, List<String>> labelsFrozen = Map.of();
        private double confidence = Double.NaN;
        private OcrQuality quality;
        private Object nativeObject;

        private Builder(String id, String format) {
            id(id);
            this.format = requireText(format, "format");
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, what);
            // a name or id starting with other than white space is not blank: no scan
            if (value.isEmpty() || Character.isWhitespace(value.charAt(0)) && value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        /** Replaces the id; not blank. */
        public Builder id(String id) {
            this.id = requireText(id, "id");
            return this;
        }

        /**
         * Replaces the format id; not blank. For readers of embedded metadata, which start from
         * the envelope's record.
         *
         * @since 0.1
         */
        public Builder format(String format) {
            this.format = requireText(format, "format");
            return this;
        }

        /** Sets where the record came from; null clears it. */
        public Builder source(@Nullable RecordSource source) {
            this.source = source;
            return this;
        }

        /** Sets the id of the document the record belongs to; null or blank clears it. */
        public Builder group(@Nullable String group) {
            this.group = group == null || group.isBlank() ? null : group;
            return this;
        }

        /** Sets the plain text; null clears it. Empty text is kept as empty. */
        public Builder text(@Nullable String text) {
            this.text = text;
            return this;
        }

        /** Appends an image reference. */
        public Builder image(ImageRef image) {
            images.add(Objects.requireNonNull(image, "image"));
            imagesFrozen = null;
            return this;
        }

        /** Removes every image reference. */
        public Builder clearImages() {
            if (!images.isEmpty()) {
                images.clear();
                imagesFrozen = List.of();
            }
            return this;
        }

        /**
         * Appends a value to a label. Null, blank and repeated values are ignored; values are
         * stripped of surrounding white space.
         *
         * @param name the label's name, for example {@code subject} or {@code marc:650}; not blank
         * @param value the value
         * @return this builder
         */
        public Builder label(String name, String value) {
            int at = find(name);
            if (at < 0) {
                requireText(name, "label name");
            }
            if (value == null) {
                return this;
            }
            int len = value.length();
            String v;
            if (len > 0 && !Character.isWhitespace(value.charAt(0))
                    && !Character.isWhitespace(value.charAt(len - 1))) {
                v = value;
            } else if (value.isBlank()) {
                return this;
            } else {
                v = value.strip();
            }
            if (at < 0) {
                append(name, v, null);
                labelsFrozen = null;
                return this;
            }
            Object cur = values[at];
            if (cur instanceof String) {
                if (cur.equals(v)) {
                    return this;
                }
                List<String> l = new ArrayList<>(4);
                l.add((String) cur);
                l.add(v);
                values[at] = l;
            } else {
                @SuppressWarnings("unchecked")
                List<String> l = (List<String>) cur;
                if (l.contains(v)) {
                    return this;
                }
                if (!(l instanceof ArrayList)) {
                    l = new ArrayList<>(l);
                    values[at] = l;
                }
                l.add(v);
            }
            frozen[at] = null;
            labelsFrozen = null;
            return this;
        }

        /** The position of a label, or -1. */
        private int find(@Nullable String name) {
            if (slots != null && name != null) {
                int mask = slots.length - 1;
                for (int h = name.hashCode() & mask; slots[h] != 0; h = (h + 1) & mask) {
                    String n = names[slots[h] - 1];
                    if (n == name || n.equals(name)) {
                        return slots[h] - 1;
                    }
                }
                return -1;
            }
            if (name == null) {
                return -1;
            }
            int hash = name.hashCode(); // kept by each name: a new label is told from the others without comparing text
            for (int i = 0; i < count; i++) {
                String n = names[i];
                if (n == name || n.hashCode() == hash && n.equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private void append(String name, Object value, List<String> frozenValues) {
            if (count == names.length) {
                int size = count * 2;
                names = java.util.Arrays.copyOf(names, size);
                values = java.util.Arrays.copyOf(values, size);
                frozen = java.util.Arrays.copyOf(frozen, size);
            }
            names[count] = name;
            values[count] = value;
            frozen[count] = frozenValues;
            count++;
            if (slots != null && count * 2 <= slots.length) {
                slot(count - 1);
            } else if (count > 16) {
                reindex();
            }
        }

        private void reindex() {
            if (count <= 16) {
                slots = null;
                return;
            }
            slots = new int[Integer.highestOneBit(count * 2 - 1) << 1];
            for (int i = 0; i < count; i++) {
                slot(i);
            }
        }

        private void slot(int i) {
            int mask = slots.length - 1;
            int h = names[i].hashCode() & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = i + 1;
        }

        /** A record's label, taken as it is (from {@link LamRecord#toBuilder()}). */
        private void putFrozen(String name, List<String> list) {
            append(name, list, list);
        }

        /** Appends each value to a label, as {@link #label(String, String)} does. */
        public Builder labels(String name, Iterable<String> values) {
            for (String v : values) {
                label(name, v);
            }
            return this;
        }

        /** Removes a label and its values. */
        public Builder removeLabel(String name) {
            int at = find(name);
            if (at >= 0) {
                int move = count - at - 1;
                System.arraycopy(names, at + 1, names, at, move);
                System.arraycopy(values, at + 1, values, at, move);
                System.arraycopy(frozen, at + 1, frozen, at, move);
                count--;
                names[count] = null;
                values[count] = null;
                frozen[count] = null;
                reindex();
                labelsFrozen = null;
            }
            return this;
        }

        /** Returns the values added so far for a label, in order; a copy. */
        public List<String> labelValues(String name) {
            int at = find(name);
            return at < 0 ? List.of() : List.copyOf(valuesAt(at));
        }

        /**
         * Sets the OCR confidence.
         *
         * @param confidence from 0 to 1, or NaN to clear it
         * @throws IllegalArgumentException if outside 0..1
         */
        public Builder confidence(double confidence) {
            if (!Double.isNaN(confidence) && (confidence < 0 || confidence > 1)) {
                throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
            }
            this.confidence = confidence;
            return this;
        }

        /**
         * Sets the OCR's word-level figures; null clears them.
         *
         * @since 0.1
         */
        public Builder quality(@Nullable OcrQuality quality) {
            this.quality = quality;
            return this;
        }

        /** Attaches the object the record was built from, for {@link LamRecord#unwrap(Class)}. */
        public Builder nativeObject(Object nativeObject) {
            this.nativeObject = nativeObject;
            return this;
        }

        /** Returns the record. */
        public LamRecord build() {
            return new LamRecord(this);
        }

        private List<ImageRef> frozenImages() {
            if (imagesFrozen == null) {
                imagesFrozen = List.copyOf(images);
            }
            return imagesFrozen;
        }

        @SuppressWarnings("unchecked")
        private List<String> valuesAt(int at) {
            Object v = values[at];
            return v instanceof String ? List.of((String) v) : (List<String>) v;
        }

        @SuppressWarnings("unchecked")
        private Map<String, List<String>> frozenLabels() {
            if (labelsFrozen == null) {
                String[] keys = java.util.Arrays.copyOf(names, count);
                List<String>[] lists = new List[count];
                for (int i = 0; i < count; i++) {
                    if (frozen[i] == null) {
                        Object v = values[i];
                        if (v instanceof String) {
                            frozen[i] = List.of((String) v);
                        } else if (v instanceof ArrayList) {
                            // the builder's list becomes the record's; a later value copies it
                            List<String> l = Collections.unmodifiableList((List<String>) v);
                            frozen[i] = l;
                            values[i] = l;
                        } else {
                            frozen[i] = (List<String>) v;
                        }
                    }
                    lists[i] = frozen[i];
                }
                labelsFrozen = new LabelMap(keys, lists);
            }
            return labelsFrozen;
        }
    }
}
