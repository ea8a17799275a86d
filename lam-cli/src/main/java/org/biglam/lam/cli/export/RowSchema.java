package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biglam.lam.parquet.HubColumn;

/**
 * The columns of the rows: {@code id}, {@code group}, {@code format}, {@code text}, then {@code
 * image} for image rows, {@code label} for {@code --label}, and {@code labels} (every label of the
 * record as a JSON object in a string, so that no label is lost whatever the format).
 */
final class RowSchema {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private final List<HubColumn> columns;
    private final boolean image;
    private final boolean label;

    RowSchema(Layout layout, boolean imageRows, String labelName, List<String> classNames) {
        List<HubColumn> cols = new ArrayList<>();
        cols.add(HubColumn.string("id"));
        cols.add(HubColumn.string("group"));
        cols.add(HubColumn.string("format"));
        cols.add(HubColumn.string("text"));
        this.image = imageRows;
        if (imageRows) {
            cols.add(layout == Layout.PARQUET ? HubColumn.image("image") : HubColumn.string("image"));
        }
        this.label = labelName != null;
        if (label) {
            cols.add(HubColumn.classLabel("label", classNames));
        }
        cols.add(HubColumn.string("labels"));
        this.columns = List.copyOf(cols);
    }

    List<HubColumn> columns() {
        return columns;
    }

    boolean hasImage() {
        return image;
    }

    boolean hasLabel() {
        return label;
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
