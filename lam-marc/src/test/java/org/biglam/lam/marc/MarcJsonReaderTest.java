package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

class MarcJsonReaderTest {

    private static void assertTwoRecords(Reading r) {
        assertThat(r.problems).isEmpty();
        assertThat(r.ids()).containsExactly("json-1", "json-2");
        LamRecord first = r.records.get(0);
        assertThat(first.format()).isEqualTo("marc-json");
        assertThat(first.label("title")).containsExactly("Les misérables");
        assertThat(first.label("language")).containsExactly("fr");
        assertThat(first.label("subject")).containsExactly("Paris (France) -- History -- 1830-1848 -- Fiction");
        assertThat(r.records.get(1).label("type")).containsExactly("moving image", "monograph");
    }

    @Test
    void readsOneObject() {
        Reading r = Reading.skip("marc-in-json-one-object.json");
        assertThat(r.ids()).containsExactly("json-1");
        assertThat(r.records.get(0).source().orElseThrow().line()).hasValue(1);
        assertThat(r.records.get(0).source().orElseThrow().offset()).hasValue(0);
    }

    @Test
    void readsAnArrayOfObjects() {
        assertTwoRecords(Reading.skip("marc-in-json-array.json"));
    }

    @Test
    void readsOneObjectPerLine() {
        Reading r = Reading.skip(Reading.bytes("marc-in-json-one-per-line.ndjson"), "records.ndjson",
                ReadOptions.builder());
        assertTwoRecords(r);
        assertThat(r.records.get(1).source().orElseThrow().line()).hasValue(2);
    }

    @Test
    void skipsAnObjectOfTheWrongShapeAndKeepsTheNext() {
        String json = "[{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"245\":42}]},\n"
                + "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"after\"}]}]";
        Reading r = Reading.skip(json.getBytes(StandardCharsets.UTF_8), "x.json", ReadOptions.builder().format("marc-json"));
        assertThat(r.ids()).containsExactly("after");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.location().index()).hasValue(0);
            assertThat(p.message()).contains("245");
        });
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Reading r = Reading.skip(deep.getBytes(StandardCharsets.UTF_8), "deep.json", ReadOptions.builder().format("marc-json"));
        assertThat(r.records).isEmpty();
        assertThat(r.errors()).isNotEmpty();
        assertThat(List.of(r.errors().get(0).message())).allMatch(m -> m.contains("nesting") || m.contains("depth"));
    }

    @Test
    void anEncodingTheJsonParserCannotReadIsMalformedJsonAtByteZero() {
        // fuzz finding of 2026-12-04: UCS-4 in byte order 3412 was an io error naming only its input
        byte[] ucs4 = {0, 'C', 0, 0, 'C', 'a', '9', '{'};
        Reading r = Reading.skip(ucs4, "x.json", ReadOptions.builder().format("marc-json"));
        assertThat(r.records).isEmpty();
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("malformed");
            assertThat(p.message()).startsWith("malformed JSON: ").contains("UCS-4");
            assertThat(p.location().offset()).hasValue(0);
        });
    }

    @Test
    void aCharacterTheJsonParserCannotDecodeIsMalformedJsonAtItsPlace() {
        // fuzz finding (Archive): a UTF-32 character above U+10FFFF was an io error naming only its input
        byte[] utf32 = {'{', 0, 0, 0, 0, '"', 'l', 'e', 'a', 'd', 'e', 'r', '"', 0, 0, 4, 0x10, '{', '\n', '\n'};
        Reading r = Reading.skip(utf32, "x.json", ReadOptions.builder().format("marc-json"));
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("malformed JSON: ").contains("UTF-32");
            assertThat(p.location().line().isPresent() || p.location().offset().isPresent()).isTrue();
        });
    }

    @Test
    void losesOnlyTheBrokenLineOfOneObjectALine() {
        String json = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"l-1\"}]}\n"
                + "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"l-2\"}\n"
                + "\n"
                + "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"l-4\"}]}\n";
        Reading r = Reading.skip(json.getBytes(StandardCharsets.UTF_8), "x.ndjson", ReadOptions.builder().format("marc-json"));
        assertThat(r.ids()).containsExactly("l-1", "l-4");
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).hasValue(2);
            assertThat(p.location().index()).hasValue(1);
            assertThat(p.message()).contains("malformed JSON");
        });
        assertThat(r.records.get(1).source().orElseThrow().line()).hasValue(4);
    }
}
