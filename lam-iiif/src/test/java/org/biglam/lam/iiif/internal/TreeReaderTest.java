package org.biglam.lam.iiif.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.biglam.lam.LamException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;

/** The tree reader gives what {@code ObjectMapper.readTree} gives, and fails where and as it fails. */
class TreeReaderTest {

    private static final Location WHERE = Location.of("file:///t.json", null);

    /** The same document through the mapper's own readTree (the reader's former parse). */
    private static JsonNode viaMapper(String json, ReadLimits limits) throws Exception {
        ObjectMapper m = JsonDocs.mapper(limits);
        try (var p = m.getFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            return m.readTree(p);
        }
    }

    private static JsonNode viaDocs(String json, ReadLimits limits) throws Exception {
        return JsonDocs.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits, WHERE);
    }

    private static void assertSameTree(String json) throws Exception {
        JsonNode expected = viaMapper(json, ReadLimits.defaults());
        JsonNode actual = viaDocs(json, ReadLimits.defaults());
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertSameShape(actual, expected);
    }

    /** Same node classes, same field order, same lookups, all the way down. */
    private static void assertSameShape(JsonNode actual, JsonNode expected) {
        assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
        assertThat(actual.numberType()).isEqualTo(expected.numberType());
        assertThat(actual.asText()).isEqualTo(expected.asText());
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
            Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> ee = e.next();
                Map.Entry<String, JsonNode> ae = a.next();
                assertThat(ae.getKey()).isEqualTo(ee.getKey());
                assertThat(actual.get(ee.getKey())).isSameAs(ae.getValue());
                assertThat(actual.has(ee.getKey() + "?")).isFalse();
                assertSameShape(ae.getValue(), ee.getValue());
            }
            assertThat(a.hasNext()).isFalse();
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameShape(actual.get(i), expected.get(i));
            }
            assertThat(Json.many(actual)).hasSize(expected.size());
        }
    }

    @Test
    void readsWhatReadTreeReads() throws Exception {
        assertSameTree("{\"a\":1,\"b\":[true,false,null,\"x\",-2.5e3,12345678901,123456789012345678901234567890],"
                + "\"c\":{\"d\":{},\"e\":[]},\"f\":0.1,\"g\":\"\",\"h\":-0}");
        assertSameTree("[1,[2,[3,{\"x\":[4]}]],\"s\"]");
        assertSameTree("\"just a string\"");
        assertSameTree("42");
        assertSameTree("{\"a\":1,\"b\":2,\"a\":3,\"c\":{\"k\":1,\"k\":{\"z\":true}},}");
    }

    @Test
    void repeatedAndManyPropertiesKeepLinkedHashMapOrder() throws Exception {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder("{");
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," : "").append("\"k").append(r.nextInt(30)).append("\":").append(r.nextInt(100));
            }
            assertSameTree(sb.append('}').toString());
        }
    }

    @Test
    void compactMapBehavesAsAMap() {
        List<Object> slots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            slots.add("k" + (i % 25));
            slots.add(com.fasterxml.jackson.databind.node.IntNode.valueOf(i));
        }
        CompactMap m = new CompactMap(slots.toArray(), 0, slots.size());
        java.util.LinkedHashMap<String, JsonNode> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i += 2) {
            expected.put((String) slots.get(i), (JsonNode) slots.get(i + 1));
        }
        assertThat(m).isEqualTo(expected);
        assertThat(List.copyOf(m.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        for (int i = 0; i < 25; i += 3) {
            assertThat(m.remove("k" + i)).isEqualTo(expected.remove("k" + i));
        }
        assertThat(m.get("k0")).isNull();
        assertThat(m.get("k1")).isEqualTo(expected.get("k1"));
        assertThat(List.copyOf(m.entrySet())).isEqualTo(List.copyOf(expected.entrySet()));
        m.put("new", com.fasterxml.jackson.databind.node.NullNode.getInstance());
        assertThat(m.containsKey("new")).isTrue();
        assertThat(m.get(null)).isNull();
        m.clear();
        assertThat(m).isEmpty();
        assertThat(m.get("k1")).isNull();
    }

    @Test
    void failsWhereAndAsReadTreeFails() throws Exception {
        ReadLimits tight = ReadLimits.builder().maxNestingDepth(5).maxStringLength(20).build();
        for (String bad : new String[] {"{\"a\":1 \"b\":2}", "{\"a\":[1,2}", "[1,2", "{\"a\":tru}", "{\"a\"1}",
            "{a:1}", "[[[[[[[1]]]]]]]", "{\"a\":\"" + "x".repeat(30) + "\"}", "{\"" + "k".repeat(30) + "\":1}",
            "{\"a\":01}", "\n\n  {\"a\":\n [1,,2]}"}) {
            Throwable expected = catchThrowable(() -> viaMapper(bad, tight));
            Throwable actual = catchThrowable(() -> viaDocs(bad, tight));
            assertThat(expected).as(bad).isNotNull();
            assertThat(actual).as(bad).isInstanceOf(LamException.class);
            assertThat(actual.getCause()).as(bad).hasSameClassAs(expected);
            assertThat(actual.getCause().getMessage()).as(bad).isEqualTo(expected.getMessage());
        }
    }
}
