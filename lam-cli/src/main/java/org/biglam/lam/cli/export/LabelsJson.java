package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code labels} column's value, made once for a run of rows whose records have the same labels
 * in the same order (the pages of a book or an issue share theirs): the JSON object as a string, and
 * that string as a JSON Lines writer writes it (escaped UTF-8), so that a repeated value is neither
 * built nor escaped again. One per shard writer; not thread-safe.
 */
final class LabelsJson {

    private Map<String, List<String>> last;
    private String json;
    private byte[] escaped;

    /** The labels as one JSON object; the same String object as last time when they are the same. */
    String json(Map<String, List<String>> labels) {
        if (!same(last, labels)) {
            json = RowSchema.labelsJson(labels);
            last = labels;
            escaped = null;
        }
        return json;
    }

    /**
     * The labels' JSON as a JSON string value, escaped and UTF-8 encoded as {@link RowSchema#JSON}'s
     * generators write it, with its quotes at the first and last byte.
     */
    byte[] escaped(Map<String, List<String>> labels) {
        String j = json(labels);
        if (escaped == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(j.length() + 32);
            try (JsonGenerator g = RowSchema.JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeString(j);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            escaped = out.toByteArray();
        }
        return escaped;
    }

    /** Same keys and values in the same order. */
    static boolean same(Map<String, List<String>> a, Map<String, List<String>> b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, List<String>>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, List<String>>> ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<String, List<String>> ea = ia.next();
            Map.Entry<String, List<String>> eb = ib.next();
            if (!ea.getKey().equals(eb.getKey()) || !ea.getValue().equals(eb.getValue())) {
                return false;
            }
        }
        return true;
    }
}
