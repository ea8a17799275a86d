package org.biglam.lam.parquet;

import java.util.List;
import java.util.Objects;

/**
 * One column of a Hub dataset shard: its name and its Hugging Face {@code datasets} feature type.
 * Values handed to {@link HubParquetWriter#write(Object...)} per type: {@link Type#STRING} a
 * {@link String}, {@link Type#INT64} and {@link Type#CLASS_LABEL} a {@link Long} (or any {@link
 * Number}; for a class label the index into {@link #classNames()}), {@link Type#STRING_LIST} a
 * {@code List<String>}, {@link Type#IMAGE} a {@link HubImage}, {@link Type#FLOAT64} a {@link Double} (or
 * any {@link Number}), {@link Type#BOOL} a {@link Boolean}, {@link Type#TIMESTAMP} a {@link
 * java.time.LocalDateTime} (stored in milliseconds, without a time zone), {@link Type#OBJECTS} a {@code
 * List<HubObject>}; {@code null} for a missing value.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class HubColumn {

    /** The feature types lam writes. */
    public enum Type {
        /** UTF-8 text: {@code Value("string")}. */
        STRING,
        /** A 64-bit integer: {@code Value("int64")}. */
        INT64,
        /** An index into a list of class names, stored as int64: {@code ClassLabel(names=...)}. */
        CLASS_LABEL,
        /** A list of strings: {@code Sequence(Value("string"))}. */
        STRING_LIST,
        /** An image stored as a struct of {@code bytes} and {@code path}: {@code Image()}. */
        IMAGE,
        /** A 64-bit float: {@code Value("float64")}. */
        FLOAT64,
        /** A boolean: {@code Value("bool")}. */
        BOOL,
        /** A date and time without a time zone, in milliseconds: {@code Value("timestamp[ms]")}. */
        TIMESTAMP,
        /**
         * A list of regions of an image, {@code [{bbox: [x, y, w, h], category, text}]}, the shape the
         * Hub's object-detection datasets use: {@code List({"bbox": List(float64), "category":
         * string, "text": string})}.
         */
        OBJECTS
    }

    private final String name;
    private final Type type;
    private final List<String> classNames;

    private HubColumn(String name, Type type, List<String> classNames) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.classNames = List.copyOf(classNames);
    }

    /** A string column. */
    public static HubColumn string(String name) {
        return new HubColumn(name, Type.STRING, List.of());
    }

    /** A 64-bit integer column. */
    public static HubColumn int64(String name) {
        return new HubColumn(name, Type.INT64, List.of());
    }

    /** A list-of-strings column. */
    public static HubColumn stringList(String name) {
        return new HubColumn(name, Type.STRING_LIST, List.of());
    }

    /** A 64-bit float column. */
    public static HubColumn float64(String name) {
        return new HubColumn(name, Type.FLOAT64, List.of());
    }

    /** A boolean column. */
    public static HubColumn bool(String name) {
        return new HubColumn(name, Type.BOOL, List.of());
    }

    /** A timestamp column (milliseconds, no time zone). */
    public static HubColumn timestamp(String name) {
        return new HubColumn(name, Type.TIMESTAMP, List.of());
    }

    /** A column of object lists ({@code [{bbox, category, text}]}), values {@code List<HubObject>}. */
    public static HubColumn objects(String name) {
        return new HubColumn(name, Type.OBJECTS, List.of());
    }

    /** An image column ({@code {bytes, path}}). */
    public static HubColumn image(String name) {
        return new HubColumn(name, Type.IMAGE, List.of());
    }

    /**
     * A class label column.
     *
     * @param name the column's name
     * @param classNames the class names; a value is an index into this list
     * @return the column
     */
    public static HubColumn classLabel(String name, List<String> classNames) {
        return new HubColumn(name, Type.CLASS_LABEL, classNames);
    }

    /** The column's name. */
    public String name() {
        return name;
    }

    /** The column's type. */
    public Type type() {
        return type;
    }

    /** The class names of a {@link Type#CLASS_LABEL} column; empty for other types. */
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }
}
