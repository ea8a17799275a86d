package org.biglam.lam.parquet.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.biglam.lam.parquet.HubColumn;
import org.biglam.lam.parquet.HubFeatures;
import org.biglam.lam.parquet.HubImage;
import org.biglam.lam.parquet.HubObject;

/**
 * Writes rows given as {@code Object[]} (one value per {@link HubColumn}) with the Parquet schema
 * that pyarrow and {@code datasets} produce for the same features: strings as annotated binary,
 * lists in the three-level {@code list/element} form, images as {@code struct<bytes, path>}.
 */
public final class RowWriteSupport extends WriteSupport<Object[]> {

    private final List<HubColumn> columns;
    private final MessageType schema;
    /**
     * Per column, the last string or timestamp value and its UTF-8 bytes or milliseconds: a value
     * passed again as the same object is converted once (values are immutable, so bytes are shared).
     */
    private final Object[] lastString;
    private final Binary[] lastBinary;
    private final long[] lastMillis;
    private RecordConsumer out;

    /**
     * Creates the write support.
     *
     * @param columns the columns, in order
     */
    public RowWriteSupport(List<HubColumn> columns) {
        this.columns = List.copyOf(columns);
        this.schema = schema(this.columns);
        this.lastString = new Object[this.columns.size()];
        this.lastBinary = new Binary[this.columns.size()];
        this.lastMillis = new long[this.columns.size()];
    }

    /** The Parquet schema of these columns. */
    public static MessageType schema(List<HubColumn> columns) {
        List<Type> fields = new ArrayList<>();
        for (HubColumn c : columns) {
            switch (c.type()) {
                case STRING:
                    fields.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                            .named(c.name()));
                    break;
                case INT64:
                case CLASS_LABEL:
                    fields.add(Types.optional(PrimitiveTypeName.INT64).named(c.name()));
                    break;
                case STRING_LIST:
                    fields.add(Types.optionalList()
                            .optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                            .named(c.name()));
                    break;
                case IMAGE:
                    fields.add(Types.optionalGroup()
                            .optional(PrimitiveTypeName.BINARY).named("bytes")
                            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("path")
                            .named(c.name()));
                    break;
                case FLOAT64:
                    fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named(c.name()));
                    break;
                case BOOL:
                    fields.add(Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name()));
                    break;
                case TIMESTAMP:
                    fields.add(Types.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS))
                            .named(c.name()));
                    break;
                case OBJECTS:
                    fields.add(Types.optionalList().element(Types.optionalGroup()
                            .addField(Types.optionalList().optionalElement(PrimitiveTypeName.DOUBLE).named("bbox"))
                            .addField(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                                    .named("category"))
                            .addField(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                                    .named("text"))
                            .named("element"))
                            .named(c.name()));
                    break;
                default:
                    throw new IllegalStateException(c.type().toString());
            }
        }
        return new MessageType("schema", fields);
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(schema, Map.of(HubFeatures.METADATA_KEY, HubFeatures.metadataJson(columns)));
    }

    @Override
    public String getName() {
        return "lam";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        out.startMessage();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            HubColumn c = columns.get(i);
            out.startField(c.name(), i);
            switch (c.type()) {
                case STRING:
                    if (v != lastString[i]) {
                        // a value passed again as the same object (a book's labels on each of its pages) is encoded once
                        lastBinary[i] = utf8(v, c);
                        lastString[i] = v;
                    }
                    out.addBinary(lastBinary[i]);
                    break;
                case INT64:
                case CLASS_LABEL:
                    if (!(v instanceof Number)) {
                        throw new IllegalArgumentException(c.name() + " takes a number, not " + v.getClass().getName());
                    }
                    long n = ((Number) v).longValue();
                    if (c.type() == HubColumn.Type.CLASS_LABEL && (n < 0 || n >= c.classNames().size())) {
                        throw new IllegalArgumentException(c.name() + ": class index " + n + " outside 0.."
                                + (c.classNames().size() - 1));
                    }
                    out.addLong(n);
                    break;
                case STRING_LIST:
                    writeList(v, c);
                    break;
                case IMAGE:
                    writeImage(v, c);
                    break;
                case FLOAT64:
                    if (!(v instanceof Number)) {
                        throw new IllegalArgumentException(c.name() + " takes a number, not " + v.getClass().getName());
                    }
                    out.addDouble(((Number) v).doubleValue());
                    break;
                case BOOL:
                    if (!(v instanceof Boolean)) {
                        throw new IllegalArgumentException(c.name() + " takes a Boolean, not " + v.getClass().getName());
                    }
                    out.addBoolean((Boolean) v);
                    break;
                case TIMESTAMP:
                    if (!(v instanceof LocalDateTime)) {
                        throw new IllegalArgumentException(c.name() + " takes a LocalDateTime, not "
                                + v.getClass().getName());
                    }
                    if (v != lastString[i]) {
                        lastMillis[i] = ((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli();
                        lastString[i] = v;
                    }
                    out.addLong(lastMillis[i]);
                    break;
                case OBJECTS:
                    writeObjects(v, c);
                    break;
                default:
                    throw new IllegalStateException(c.type().toString());
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    private void writeList(Object v, HubColumn c) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(c.name() + " takes a List<String>, not " + v.getClass().getName());
        }
        List<?> list = (List<?>) v;
        out.startGroup();
        if (!list.isEmpty()) {
            out.startField("list", 0);
            for (Object e : list) {
                out.startGroup();
                if (e != null) {
                    out.startField("element", 0);
                    out.addBinary(utf8(e, c));
                    out.endField("element", 0);
                }
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    private void writeObjects(Object v, HubColumn c) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(c.name() + " takes a List<HubObject>, not " + v.getClass().getName());
        }
        List<?> list = (List<?>) v;
        out.startGroup();
        if (!list.isEmpty()) {
            out.startField("list", 0);
            for (Object e : list) {
                if (!(e instanceof HubObject)) {
                    throw new IllegalArgumentException(c.name() + " takes HubObjects, not " + e);
                }
                HubObject o = (HubObject) e;
                out.startGroup();
                out.startField("element", 0);
                out.startGroup();
                out.startField("bbox", 0);
                out.startGroup();
                out.startField("list", 0);
                for (double d : new double[] {o.x(), o.y(), o.w(), o.h()}) {
                    out.startGroup();
                    out.startField("element", 0);
                    out.addDouble(d);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
                out.endGroup();
                out.endField("bbox", 0);
                if (o.category() != null) {
                    out.startField("category", 1);
                    out.addBinary(Binary.fromString(o.category()));
                    out.endField("category", 1);
                }
                if (o.text() != null) {
                    out.startField("text", 2);
                    out.addBinary(Binary.fromString(o.text()));
                    out.endField("text", 2);
                }
                out.endGroup();
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    private void writeImage(Object v, HubColumn c) {
        if (!(v instanceof HubImage)) {
            throw new IllegalArgumentException(c.name() + " takes a HubImage, not " + v.getClass().getName());
        }
        HubImage img = (HubImage) v;
        out.startGroup();
        if (img.bytes() != null) {
            out.startField("bytes", 0);
            out.addBinary(Binary.fromConstantByteArray(img.bytes()));
            out.endField("bytes", 0);
        }
        if (img.path() != null) {
            out.startField("path", 1);
            out.addBinary(Binary.fromString(img.path()));
            out.endField("path", 1);
        }
        out.endGroup();
    }

    private static Binary utf8(Object v, HubColumn c) {
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(c.name() + " takes a String, not " + v.getClass().getName());
        }
        return Binary.fromConstantByteArray(((String) v).getBytes(StandardCharsets.UTF_8));
    }
}
