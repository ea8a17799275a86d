package org.biglam.lam.spark.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.RecordSource;
import org.biglam.lam.RecordWriter;
import org.biglam.lam.Region;

/** Rows back to records and records to their JSON form, to compare a DataFrame with {@code Lam.read}. */
final class Records {

    /** The column {@link #rows} adds: the labels' entries, in order. */
    static final String LABEL_ENTRIES = "label_entries";

    private Records() {
    }

    /** The rows of a DataFrame of lam's schema, with the labels' entries in their order. */
    static List<Row> rows(org.apache.spark.sql.Dataset<Row> df) {
        return df.withColumn(LABEL_ENTRIES, org.apache.spark.sql.functions.map_entries(df.col("labels"))).collectAsList();
    }

    /** The record a row of lam's schema stands for (the row has no {@code _problem}). */
    static LamRecord of(Row r) {
        if (!r.isNullAt(r.fieldIndex("_problem"))) {
            throw new IllegalArgumentException("a problem row: " + r);
        }
        LamRecord.Builder b = LamRecord.builder(r.getAs("id"), r.getAs("format"));
        Row s = r.getAs("source");
        if (s != null) {
            b.source(new RecordSource(s.getAs("uri"), s.getAs("entry"), longOr(s, "index"), longOr(s, "offset"),
                    longOr(s, "line")));
        }
        if (r.getAs("group") != null) {
            b.group(r.getAs("group"));
        }
        if (r.getAs("text") != null) {
            b.text(r.getAs("text"));
        }
        List<Row> images = r.getList(r.fieldIndex("images"));
        for (Row i : images) {
            ImageRef.Builder ib = ImageRef.builder(i.getAs("uri"));
            if (i.getAs("service") != null) {
                ib.service(i.getAs("service"));
            }
            Row reg = i.getAs("region");
            if (reg != null) {
                ib.region(new Region(reg.getAs("x"), reg.getAs("y"), reg.getAs("w"), reg.getAs("h")));
            }
            if (i.getAs("width") != null) {
                ib.size(i.<Long>getAs("width"), i.<Long>getAs("height"));
            }
            if (i.getAs("mime") != null) {
                ib.mime(i.getAs("mime"));
            }
            b.image(ib.build());
        }
        // Spark turns a map into a Scala Map, which keeps no order: the entries, in the row's order
        List<Row> labels = r.getList(r.fieldIndex(LABEL_ENTRIES));
        for (Row e : labels) {
            List<String> values = e.getList(1);
            for (String v : values) {
                b.label(e.getString(0), v);
            }
        }
        if (r.getAs("confidence") != null) {
            b.confidence(r.<Double>getAs("confidence"));
        }
        Row q = r.getAs("quality");
        if (q != null) {
            b.quality(OcrQuality.of(q.<Integer>getAs("words"), q.<Integer>getAs("scored_words"),
                    q.getAs("mean") == null ? Double.NaN : q.<Double>getAs("mean"),
                    q.getAs("sd") == null ? Double.NaN : q.<Double>getAs("sd")));
        }
        return b.build();
    }

    /** The JSON form of each record, one line each. */
    static List<String> json(Stream<LamRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(json(r)));
        return out;
    }

    static String json(LamRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter w = org.biglam.lam.Lam.jsonLinesWriter(bytes)) {
            w.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    private static long longOr(Row s, String field) {
        Object v = s.getAs(field);
        return v == null ? -1 : (Long) v;
    }
}
