package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.biglam.lam.LamFormatException;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JSON made to hurt, in each JSON format (lam's JSON Lines, IIIF, MARC-in-JSON): nesting 100,000 deep
 * and a string of a gigabyte that is never held in memory. Refused at the nesting and string limits
 * with a located error, in a 256 MiB heap.
 */
class HostileJsonTest {

    /** Each JSON format: its id, a file name, and the text before a value the test chooses. */
    enum Json {
        JSONL("lam-jsonl", "deep.jsonl", "{\"id\":\"x\",\"labels\":{\"title\":"),
        IIIF("iiif", "deep.json", "{\"@context\":\"http://iiif.io/api/presentation/3/context.json\",\"id\":\"m\","
                + "\"type\":\"Manifest\",\"label\":"),
        MARC_JSON("marc-json", "deep.json", "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"x\"},"
                + "{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":");

        final String format;
        final String name;
        final String head;

        Json(String format, String name, String head) {
            this.format = format;
            this.name = name;
            this.head = head;
        }

        ReadOptions options() {
            return ReadOptions.builder().format(format).build();
        }
    }

    @ParameterizedTest
    @EnumSource(Json.class)
    void nesting100000DeepIsRefusedAtTheNestingLimit(Json json) {
        GeneratedInputStream in = GeneratedInputStream.repeat(json.head, "[", 100_000, "]".repeat(100_000) + "}}\n");
        Hostile.Outcome out = Hostile.read(in, json.name, json.options());
        assertThat(out.refused()).isInstanceOf(LamFormatException.class)
                .hasMessageContaining(json.name).hasMessageContaining("1000");
        // JSON Lines (and MARC-in-JSON, which reads one object a line) read a whole line before parsing it,
        // bounded by maxRecordBytes; IIIF stops at the limit.
        assertThat(in.produced()).as("stopped at the limit").isLessThan(json == Json.IIIF ? 100_000 : 300_000);
    }

    /** A JSON document whose one string is a gigabyte long, made as it is read. */
    private static GeneratedInputStream gigabyteString(Json json) {
        return GeneratedInputStream.repeat(json.head + "\"", "a".repeat(1 << 16), 1 << 14, "\"}\n");
    }

    @ParameterizedTest
    @EnumSource(value = Json.class, names = {"IIIF", "MARC_JSON"})
    void aStringOfAGigabyteIsRefusedAtTheStringLimitWithoutBeingHeld(Json json) {
        GeneratedInputStream in = gigabyteString(json);
        Hostile.Outcome out = Hostile.read(in, json.name, json.options());
        assertThat(out.refused()).isInstanceOf(LamFormatException.class).hasMessageContaining(json.name)
                .hasMessageContaining("20000000");
        assertThat(in.produced()).as("stopped at the limit, far before the end").isLessThan(24L << 20);
    }

    @org.junit.jupiter.api.Test
    void aJsonLinesLineOfAGigabyteIsRefusedAtMaxRecordBytes() {
        GeneratedInputStream in = gigabyteString(Json.JSONL);
        ReadOptions o = Json.JSONL.options().toBuilder()
                .limits(org.biglam.lam.ReadLimits.builder().maxRecordBytes(16 << 20).build()).build();
        Hostile.Outcome out = Hostile.read(in, "big.jsonl", o);
        assertThat(out.refused()).isInstanceOf(org.biglam.lam.LamLimitExceededException.class)
                .hasMessageContaining("maxRecordBytes");
        // The reader scans on to the end of the line (in constant memory) to find the next record.
        assertThat(in.produced()).isEqualTo((1L << 30) + Json.JSONL.head.length() + 4);
    }

    @org.junit.jupiter.api.Test
    void aJsonLinesLineOfAGigabyteIsRefusedWithTheDefaultLimitsInA256MiBHeap() {
        GeneratedInputStream in = gigabyteString(Json.JSONL);
        Hostile.Outcome out = Hostile.read(in, "big.jsonl", Json.JSONL.options());
        assertThat(out.refused()).isInstanceOf(LamFormatException.class).hasMessageContaining("big.jsonl");
    }
}
