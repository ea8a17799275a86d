package org.biglam.lam.spark.internal;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.Problem;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.spark.LamSchema;

/** Turns records and problems into rows of {@link LamSchema#SCHEMA}, one at a time. */
public final class Rows {

    private static final GenericArrayData EMPTY = new GenericArrayData(new Object[0]);
    private static final ArrayBasedMapData NO_LABELS = new ArrayBasedMapData(EMPTY, EMPTY);

    private Rows() {
    }

    /** The row of a record; {@code _problem} null. */
    public static InternalRow of(LamRecord r) {
        Object[] v = new Object[10];
        v[0] = utf8(r.id());
        v[1] = utf8(r.format());
        v[2] = r.source().map(Rows::source).orElse(null);
        v[3] = utf8(r.group().orElse(null));
        v[4] = utf8(r.text().orElse(null));
        v[5] = images(r.images());
        v[6] = labels(r.labels());
        v[7] = r.confidence().isPresent() ? (Object) r.confidence().getAsDouble() : null;
        v[8] = r.quality().map(Rows::quality).orElse(null);
        v[9] = null;
        return new GenericInternalRow(v);
    }

    /** The row of a problem: every record column null, {@code _problem} set. */
    public static InternalRow of(Problem p) {
        Object[] v = new Object[10];
        Location l = p.location();
        v[9] = new GenericInternalRow(new Object[] {
            utf8(p.severity() == Problem.Severity.ERROR ? "error" : "warning"),
            utf8(p.kind()),
            utf8(p.message()),
            utf8(l.input()),
            utf8(l.entry().orElse(null)),
            l.index().isPresent() ? (Object) l.index().getAsLong() : null,
            l.offset().isPresent() ? (Object) l.offset().getAsLong() : null,
            l.line().isPresent() ? (Object) l.line().getAsLong() : null});
        return new GenericInternalRow(v);
    }

    private static InternalRow source(RecordSource s) {
        return new GenericInternalRow(new Object[] {
            utf8(s.uri()),
            utf8(s.entry().orElse(null)),
            s.index().isPresent() ? (Object) s.index().getAsLong() : null,
            s.offset().isPresent() ? (Object) s.offset().getAsLong() : null,
            s.line().isPresent() ? (Object) s.line().getAsLong() : null});
    }

    private static GenericArrayData images(List<ImageRef> images) {
        if (images.isEmpty()) {
            return EMPTY;
        }
        Object[] out = new Object[images.size()];
        for (int i = 0; i < out.length; i++) {
            ImageRef img = images.get(i);
            Region reg = img.region().orElse(null);
            out[i] = new GenericInternalRow(new Object[] {
                utf8(img.uri()),
                utf8(img.service().orElse(null)),
                reg == null ? null : new GenericInternalRow(new Object[] {reg.x(), reg.y(), reg.w(), reg.h()}),
                img.width().isPresent() ? (Object) img.width().getAsLong() : null,
                img.height().isPresent() ? (Object) img.height().getAsLong() : null,
                utf8(img.mime().orElse(null))});
        }
        return new GenericArrayData(out);
    }

    private static ArrayBasedMapData labels(Map<String, List<String>> labels) {
        if (labels.isEmpty()) {
            return NO_LABELS;
        }
        Object[] keys = new Object[labels.size()];
        Object[] values = new Object[labels.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            keys[i] = UTF8String.fromString(e.getKey());
            List<String> vs = e.getValue();
            Object[] strings = new Object[vs.size()];
            for (int j = 0; j < strings.length; j++) {
                strings[j] = UTF8String.fromString(vs.get(j));
            }
            values[i++] = new GenericArrayData(strings);
        }
        return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
    }

    private static InternalRow quality(OcrQuality q) {
        return new GenericInternalRow(new Object[] {
            q.words(),
            q.scoredWords(),
            q.meanWordConfidence().isPresent() ? (Object) q.meanWordConfidence().getAsDouble() : null,
            q.wordConfidenceStdDev().isPresent() ? (Object) q.wordConfidenceStdDev().getAsDouble() : null});
    }

    private static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }
}
