package org.biglam.lam.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.MapData;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.Problem;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.junit.jupiter.api.Test;

/** Records and problems as rows of lam's schema, field by field. */
class RowsTest {

    @Test
    void aRecordRow() {
        LamRecord r = LamRecord.builder("p1.xml#line-3", "alto")
                .source(new RecordSource("hdfs://nn/scans/p1.xml", null, 2, -1, 40))
                .group("p1.xml").text("THE WHITBY GAZETTE")
                .image(ImageRef.builder("hdfs://nn/scans/p1.jp2").region(new Region(1, 2, 3, 4)).size(240, 360).build())
                .label("language", "en").label("subject", "Ships").label("subject", "Whitby")
                .confidence(0.9).quality(OcrQuality.of(3, 2, 0.9, 0.05)).build();
        InternalRow row = Rows.of(r);
        assertThat(row.numFields()).isEqualTo(10);
        assertThat(row.getUTF8String(0).toString()).isEqualTo("p1.xml#line-3");
        assertThat(row.getUTF8String(1).toString()).isEqualTo("alto");
        InternalRow source = row.getStruct(2, 5);
        assertThat(source.getUTF8String(0).toString()).isEqualTo("hdfs://nn/scans/p1.xml");
        assertThat(source.isNullAt(1)).isTrue();
        assertThat(source.getLong(2)).isEqualTo(2);
        assertThat(source.isNullAt(3)).isTrue();
        assertThat(source.getLong(4)).isEqualTo(40);
        assertThat(row.getUTF8String(3).toString()).isEqualTo("p1.xml");
        InternalRow image = row.getArray(5).getStruct(0, 6);
        assertThat(image.getUTF8String(0).toString()).isEqualTo("hdfs://nn/scans/p1.jp2");
        assertThat(image.isNullAt(1)).isTrue();
        assertThat(image.getStruct(2, 4).getLong(3)).isEqualTo(4);
        assertThat(image.getLong(3)).isEqualTo(240);
        MapData labels = row.getMap(6);
        assertThat(labels.numElements()).isEqualTo(2);
        assertThat(labels.keyArray().getUTF8String(1).toString()).isEqualTo("subject");
        assertThat(labels.valueArray().getArray(1).getUTF8String(1).toString()).isEqualTo("Whitby");
        assertThat(row.getDouble(7)).isEqualTo(0.9);
        assertThat(row.getStruct(8, 4).getInt(1)).isEqualTo(2);
        assertThat(row.isNullAt(9)).isTrue();
    }

    @Test
    void aBareRecordHasEmptyListsAndNulls() {
        InternalRow row = Rows.of(LamRecord.builder("1", "marc21").build());
        assertThat(row.isNullAt(2)).isTrue();
        assertThat(row.isNullAt(4)).isTrue();
        assertThat(row.getArray(5).numElements()).isZero();
        assertThat(row.getMap(6).numElements()).isZero();
        assertThat(row.isNullAt(7)).isTrue();
        assertThat(row.isNullAt(8)).isTrue();
    }

    @Test
    void aProblemRow() {
        Problem p = new Problem(Problem.Severity.ERROR, "malformed", "unexpected end of input",
                Location.of("s3a://b/a.zip", "x/p1.xml").withIndex(3).withLine(12, 5));
        InternalRow row = Rows.of(p);
        for (int i = 0; i < 9; i++) {
            assertThat(row.isNullAt(i)).isTrue();
        }
        InternalRow problem = row.getStruct(9, 8);
        assertThat(problem.getUTF8String(0).toString()).isEqualTo("error");
        assertThat(problem.getUTF8String(1).toString()).isEqualTo("malformed");
        assertThat(problem.getUTF8String(2).toString()).isEqualTo("unexpected end of input");
        assertThat(problem.getUTF8String(3).toString()).isEqualTo("s3a://b/a.zip");
        assertThat(problem.getUTF8String(4).toString()).isEqualTo("x/p1.xml");
        assertThat(problem.getLong(5)).isEqualTo(3);
        assertThat(problem.isNullAt(6)).isTrue();
        assertThat(problem.getLong(7)).isEqualTo(12);
        Problem back = ProblemValues.of(p).problem();
        assertThat(back.message()).isEqualTo(p.message());
        assertThat(back.location().entry()).contains("x/p1.xml");
        assertThat(back.location().index()).hasValue(3);
        assertThat(back.location().line()).hasValue(12);
    }
}
