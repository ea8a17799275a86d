package org.biglam.lam.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of the DataFrame that {@code spark.read.format("lam")} gives: one row per
 * {@link org.biglam.lam.LamRecord}, its fields named and ordered as in lam's JSON form
 * ({@code docs/RECORD.md}), and one more column, {@value #PROBLEM}, set on the rows that stand for a
 * problem (under the {@code PERMISSIVE} mode) and null on record rows.
 *
 * <pre>
 * id          string
 * format      string
 * source      struct&lt;uri string, entry string, index bigint, offset bigint, line bigint&gt;
 * group       string
 * text        string
 * images      array&lt;struct&lt;uri string, service string, region struct&lt;x bigint, y bigint, w bigint, h bigint&gt;,
 *                         width bigint, height bigint, mime string&gt;&gt;
 * labels      map&lt;string, array&lt;string&gt;&gt;
 * confidence  double
 * quality     struct&lt;words int, scored_words int, mean double, sd double&gt;
 * _problem    struct&lt;severity string, kind string, message string, input string, entry string,
 *                    index bigint, offset bigint, line bigint&gt;
 * </pre>
 *
 * <p>Every column is nullable: a problem row has only {@code _problem}. A record row always has
 * {@code id}, {@code format}, {@code images} (empty when it has none) and {@code labels} (empty when
 * it has none); the other fields are null where the record has no value, as they are left out of
 * the JSON form.
 *
 * @since 0.1
 */
public final class LamSchema {

    /** The name of the problem column. */
    public static final String PROBLEM = "_problem";

    /** {@code region}: a rectangle in an image's pixels. */
    public static final StructType REGION = new StructType(new StructField[] {
        field("x", DataTypes.LongType), field("y", DataTypes.LongType),
        field("w", DataTypes.LongType), field("h", DataTypes.LongType)});

    /** {@code source}: where the record came from. */
    public static final StructType SOURCE = new StructType(new StructField[] {
        field("uri", DataTypes.StringType), field("entry", DataTypes.StringType),
        field("index", DataTypes.LongType), field("offset", DataTypes.LongType),
        field("line", DataTypes.LongType)});

    /** One element of {@code images}. */
    public static final StructType IMAGE = new StructType(new StructField[] {
        field("uri", DataTypes.StringType), field("service", DataTypes.StringType),
        field("region", REGION), field("width", DataTypes.LongType), field("height", DataTypes.LongType),
        field("mime", DataTypes.StringType)});

    /** {@code quality}: the OCR's word-level figures. */
    public static final StructType QUALITY = new StructType(new StructField[] {
        field("words", DataTypes.IntegerType), field("scored_words", DataTypes.IntegerType),
        field("mean", DataTypes.DoubleType), field("sd", DataTypes.DoubleType)});

    /** {@code _problem}: a problem met while reading, and where. */
    public static final StructType PROBLEM_TYPE = new StructType(new StructField[] {
        field("severity", DataTypes.StringType), field("kind", DataTypes.StringType),
        field("message", DataTypes.StringType), field("input", DataTypes.StringType),
        field("entry", DataTypes.StringType), field("index", DataTypes.LongType),
        field("offset", DataTypes.LongType), field("line", DataTypes.LongType)});

    /** The whole row. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field("id", DataTypes.StringType),
        field("format", DataTypes.StringType),
        field("source", SOURCE),
        field("group", DataTypes.StringType),
        field("text", DataTypes.StringType),
        field("images", new ArrayType(IMAGE, false)),
        field("labels", new MapType(DataTypes.StringType, new ArrayType(DataTypes.StringType, false), false)),
        field("confidence", DataTypes.DoubleType),
        field("quality", QUALITY),
        field(PROBLEM, PROBLEM_TYPE)});

    private LamSchema() {
    }

    private static StructField field(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }
}
