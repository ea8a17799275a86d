package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biglam.lam.parquet.HubColumn;
import org.biglam.lam.parquet.HubObject;

/**
 * The columns of the rows, in order: {@code id}, {@code group}, {@code format}, the {@code --column}
 * columns, the quality columns ({@code confidence}, {@code word_count}, {@code ocr_quality_mean},
 * {@code ocr_quality_sd}), {@code text}, {@code empty} (with {@code --keep-empty}), {@code image},
 * {@code width}, {@code height} and {@code objects} (with {@code --objects}), {@code label} (with
 * {@code --label}) and {@code labels} (every label of the record as a JSON object in a string, so
 * that no label is lost whatever the format; left out with {@code --no-labels}).
 */
final class RowSchema {

    /** Doubles written with the shortest exact form (Schubfach), faster than Double.toString. */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** The quality columns, in order. */
    static final List<String> QUALITY = List.of("confidence", "word_count", "ocr_quality_mean", "ocr_quality_sd");

    /** Where a column's value comes from. */
    enum Kind {
        ID, GROUP, FORMAT, TEXT, IMAGE, LABEL, LABELS,
        /** A value in {@link Row#values()}, typed as the column says. */
        VALUE
    }

    /** One column and where its value comes from. */
    record Col(HubColumn column, Kind kind) {
        String name() {
            return column.name();
        }
    }

    private final List<Col> cols;
    private final List<HubColumn> columns;
    private final boolean image;
    private final boolean label;
    private final boolean quality;
    private final List<ColumnSpec> specs;
    private final boolean empty;
    private final boolean objects;

    RowSchema(Layout layout, boolean imageRows, String labelName, List<String> classNames) {
        this(layout, imageRows, labelName, classNames, List.of(), false, false, false, true);
    }

    RowSchema(Layout layout, boolean imageRows, String labelName, List<String> classNames, List<ColumnSpec> specs,
            boolean quality, boolean keepEmpty, boolean objects, boolean labels) {
        List<Col> c = new ArrayList<>();
        c.add(new Col(HubColumn.string("id"), Kind.ID));
        c.add(new Col(HubColumn.string("group"), Kind.GROUP));
        c.add(new Col(HubColumn.string("format"), Kind.FORMAT));
        for (ColumnSpec s : specs) {
            c.add(new Col(s.column(), Kind.VALUE));
        }
        if (quality) {
            c.add(new Col(HubColumn.float64("confidence"), Kind.VALUE));
            c.add(new Col(HubColumn.int64("word_count"), Kind.VALUE));
            c.add(new Col(HubColumn.float64("ocr_quality_mean"), Kind.VALUE));
            c.add(new Col(HubColumn.float64("ocr_quality_sd"), Kind.VALUE));
        }
        c.add(new Col(HubColumn.string("text"), Kind.TEXT));
        if (keepEmpty) {
            c.add(new Col(HubColumn.bool("empty"), Kind.VALUE));
        }
        this.image = imageRows || objects;
        if (image) {
            c.add(new Col(layout == Layout.PARQUET ? HubColumn.image("image") : HubColumn.string("image"), Kind.IMAGE));
        }
        if (objects) {
            c.add(new Col(HubColumn.int64("width"), Kind.VALUE));
            c.add(new Col(HubColumn.int64("height"), Kind.VALUE));
            c.add(new Col(HubColumn.objects("objects"), Kind.VALUE));
        }
        this.label = labelName != null;
        if (label) {
            c.add(new Col(HubColumn.classLabel("label", classNames), Kind.LABEL));
        }
        if (labels) {
            c.add(new Col(HubColumn.string("labels"), Kind.LABELS));
        }
        this.cols = List.copyOf(c);
        List<HubColumn> hc = new ArrayList<>();
        cols.forEach(col -> hc.add(col.column()));
        this.columns = List.copyOf(hc);
        this.quality = quality;
        this.specs = List.copyOf(specs);
        this.empty = keepEmpty;
        this.objects = objects;
    }

    List<HubColumn> columns() {
        return columns;
    }

    List<Col> cols() {
        return cols;
    }

    int indexOf(String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasImage() {
        return image;
    }

    boolean hasLabel() {
        return label;
    }

    boolean hasQuality() {
        return quality;
    }

    boolean hasEmpty() {
        return empty;
    }

    boolean hasObjects() {
        return objects;
    }

    List<ColumnSpec> specs() {
        return specs;
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** A timestamp as {@code YYYY-MM-DDTHH:MM:SS}; the common midnight of years 0 to 9999 without a formatter. */
    static String iso(LocalDateTime t) {
        int y = t.getYear();
        if (y < 0 || y > 9999 || t.getHour() != 0 || t.getMinute() != 0 || t.getSecond() != 0 || t.getNano() != 0) {
            return ISO.format(t);
        }
        char[] c = "0000-00-00T00:00:00".toCharArray();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        c[5] = (char) ('0' + t.getMonthValue() / 10);
        c[6] = (char) ('0' + t.getMonthValue() % 10);
        c[8] = (char) ('0' + t.getDayOfMonth() / 10);
        c[9] = (char) ('0' + t.getDayOfMonth() % 10);
        return new String(c);
    }

    /** Writes a typed value as JSON: timestamps as ISO strings, objects as {@code {bbox, category, text}}. */
    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double) {
            g.writeNumber((Double) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof LocalDateTime) {
            g.writeString(iso((LocalDateTime) v));
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object e : (List<?>) v) {
                if (e instanceof HubObject) {
                    HubObject o = (HubObject) e;
                    g.writeStartObject();
                    g.writeArrayFieldStart("bbox");
                    g.writeNumber(o.x());
                    g.writeNumber(o.y());
                    g.writeNumber(o.w());
                    g.writeNumber(o.h());
                    g.writeEndArray();
                    if (o.category() != null) {
                        g.writeStringField("category", o.category());
                    }
                    if (o.text() != null) {
                        g.writeStringField("text", o.text());
                    }
                    g.writeEndObject();
                } else {
                    writeValue(g, e);
                }
            }
            g.writeEndArray();
        } else {
            throw new IllegalStateException("not a row value: " + v);
        }
    }

    /** The record's labels as one JSON object. */
    static String labelsJson(Map<String, List<String>> labels) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            writeLabels(g, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static void writeLabels(JsonGenerator g, Map<String, List<String>> labels) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
