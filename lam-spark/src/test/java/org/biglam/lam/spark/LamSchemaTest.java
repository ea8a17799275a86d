package org.biglam.lam.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema is a public contract, like the JSON form: pinned here, documented in the README. */
class LamSchemaTest {

    @Test
    void schemaIsPinned() {
        assertThat(LamSchema.SCHEMA.toDDL()).isEqualTo(String.join(",",
                "id STRING",
                "format STRING",
                "source STRUCT<uri: STRING, entry: STRING, index: BIGINT, offset: BIGINT, line: BIGINT>",
                "group STRING",
                "text STRING",
                "images ARRAY<STRUCT<uri: STRING, service: STRING, region: STRUCT<x: BIGINT, y: BIGINT, w: BIGINT, h: BIGINT>,"
                        + " width: BIGINT, height: BIGINT, mime: STRING>>",
                "labels MAP<STRING, ARRAY<STRING>>",
                "confidence DOUBLE",
                "quality STRUCT<words: INT, scored_words: INT, mean: DOUBLE, sd: DOUBLE>",
                "_problem STRUCT<severity: STRING, kind: STRING, message: STRING, input: STRING, entry: STRING,"
                        + " index: BIGINT, offset: BIGINT, line: BIGINT>"));
        assertThat(LamSchema.SCHEMA.fields()).allSatisfy(f -> assertThat(f.nullable()).isTrue());
    }
}
