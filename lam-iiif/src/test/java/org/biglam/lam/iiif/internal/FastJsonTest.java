package org.biglam.lam.iiif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.biglam.lam.LamException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The fast path against Jackson: where it takes a document, the tree is the one Jackson makes
 * (node classes, values, property order); and {@link JsonDocs#parse} as a whole answers every
 * document, good or broken, as Jackson's {@code readTree} did, error messages and locations
 * included.
 */
class FastJsonTest {

    private static final Location WHERE = Location.of("file:///t.json", null);

    /** What JsonDocs did before the fast path: Jackson's readTree over the stream, then the checks. */
    private static Object reference(byte[] doc, ReadLimits limits) {
        ObjectMapper m = JsonDocs.mapper(limits);
        try (JsonParser p = m.getFactory().createParser(new ByteArrayInputStream(doc))) {
            JsonNode root = m.readTree(p);
            if (root == null || root.isMissingNode()) {
                return "empty";
            }
            if (p.nextToken() != null) {
                return "trailing " + p.currentTokenLocation();
            }
            return root;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Object actual(byte[] doc, ReadLimits limits) {
        try {
            return JsonDocs.parse(new ByteArrayInputStream(doc), limits, WHERE);
        } catch (LamException e) {
            String m = e.getMessage();
            Throwable c = e.getCause();
            if (c != null) {
                return c.getClass().getName() + ": " + c.getMessage();
            }
            return m.contains("empty input") ? "empty" : m.contains("content after") ? "trailing" : m;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Asserts JsonDocs answers as before; returns whether the fast path took the document. */
    private static boolean assertSame(byte[] doc, ReadLimits limits) {
        Object expected = reference(doc, limits);
        Object actual = actual(doc, limits);
        String what = new String(doc, StandardCharsets.UTF_8);
        if (expected instanceof JsonNode e) {
            assertThat(actual).as(what).isInstanceOf(JsonNode.class);
            assertSameTree((JsonNode) actual, e, what);
        } else if (expected instanceof String s && s.startsWith("trailing")) {
            assertThat(actual).as(what).isEqualTo("trailing");
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
        // within the document length limit (Prefetch's part), the fast path never takes what Jackson refuses
        JsonNode fast = FastJson.parse(java.util.Arrays.copyOf(doc, doc.length + 1), doc.length, limits);
        if (fast != null && doc.length <= limits.maxRecordBytes()) {
            assertThat(expected).as("fast path took a document Jackson refuses: " + what).isInstanceOf(JsonNode.class);
            assertSameTree(fast, (JsonNode) expected, what);
        }
        return fast != null;
    }

    private static void assertSameTree(JsonNode actual, JsonNode expected, String what) {
        assertThat(actual.getClass()).as(what).isEqualTo(expected.getClass() == com.fasterxml.jackson.databind.node.ArrayNode.class
                ? TreeBuilder.ListNode.class : expected.getClass());
        assertThat(actual.asText()).as(what).isEqualTo(expected.asText());
        assertThat(actual.size()).as(what).isEqualTo(expected.size());
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
            for (Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator(); e.hasNext();) {
                Map.Entry<String, JsonNode> ee = e.next();
                Map.Entry<String, JsonNode> ae = a.next();
                assertThat(ae.getKey()).as(what).isEqualTo(ee.getKey());
                assertSameTree(ae.getValue(), ee.getValue(), what);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i), what);
            }
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static final String[] STRINGS = {"", "a", "id", "type", "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00",
        "tab\there", "quote\"q", "back\\slash", "nl\nx", "\u0001", "<b>html</b> &amp;", "  spaced  "};
    private static final String[] NUMBERS = {"0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "9999999999", "123456789012345678", "1234567890123456789", "99999999999999999999",
        "1.5", "-0.0", "1e3", "1E-7", "2.5e+10", "0.1", "1.7976931348623157e309", "4.9e-325", "10.000"};

    private static String randomJson(Random r, int depth) {
        int k = depth > 4 ? r.nextInt(4) : r.nextInt(7);
        switch (k) {
            case 0:
                return Json2.quote(STRINGS[r.nextInt(STRINGS.length)]);
            case 1:
                return NUMBERS[r.nextInt(NUMBERS.length)];
            case 2:
                return new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 3:
                return "\"" + "x".repeat(r.nextInt(40)) + "\"";
            case 4:
            case 5: {
                StringBuilder sb = new StringBuilder("{");
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(ws(r)).append(Json2.quote(new String[] {"a", "b", "id", "@id",
                        "k\u00e9", "type", "items", "n\\u0061me"}[r.nextInt(8)]).replace("\\\\u", "\\u"))
                            .append(ws(r)).append(':').append(ws(r)).append(randomJson(r, depth + 1));
                }
                return sb.append(ws(r)).append('}').toString();
            }
            default: {
                StringBuilder sb = new StringBuilder("[");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(ws(r)).append(randomJson(r, depth + 1));
                }
                return sb.append(ws(r)).append(']').toString();
            }
        }
    }

    private static String ws(Random r) {
        return new String[] {"", "", "", " ", "\n  ", "\t", "\r\n"}[r.nextInt(7)];
    }

    /** JSON string quoting with escapes for the characters JSON requires escaped. */
    private static final class Json2 {
        static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }

    @Test
    void randomDocumentsAndTheirDamage() {
        Random r = new Random(20240611L);
        ReadLimits defaults = ReadLimits.defaults();
        ReadLimits tight = ReadLimits.builder().maxNestingDepth(4).maxStringLength(12).maxRecordBytes(300).build();
        byte[] noise = " \t\n{}[]:,\"\\/-+.0123456789eEtrufalsn\u00e9x\u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        int taken = 0;
        for (int i = 0; i < 4000; i++) {
            boolean object = r.nextBoolean();
            String json = (object ? "{\"a\":" : "[") + randomJson(r, 0) + (object ? "}" : "]")
                    + new String[] {"", "", "", "\n", " ", "}", ",", " x"}[r.nextInt(8)];
            byte[] doc = json.getBytes(StandardCharsets.UTF_8);
            taken += assertSame(doc, defaults) ? 1 : 0;
            assertSame(doc, tight);
            for (int m = 0; m < 3; m++) {
                byte[] bent = doc.clone();
                int at = r.nextInt(bent.length);
                switch (r.nextInt(4)) {
                    case 0:
                        bent[at] = noise[r.nextInt(noise.length)];
                        break;
                    case 1:
                        bent = java.util.Arrays.copyOf(bent, at);
                        break;
                    case 2:
                        bent[at] = (byte) r.nextInt(256);
                        break;
                    default:
                        byte[] longer = new byte[bent.length + 1];
                        System.arraycopy(bent, 0, longer, 0, at);
                        longer[at] = noise[r.nextInt(noise.length)];
                        System.arraycopy(bent, at, longer, at + 1, bent.length - at);
                        bent = longer;
                }
                assertSame(bent, defaults);
                assertSame(bent, tight);
            }
        }
        assertThat(taken).as("documents the fast path took").isGreaterThan(2000);
    }

    @Test
    void edgeCases() {
        for (String doc : new String[] {"", " ", "{}", "[]", "{} {}", "[1,]", "{\"a\":1,}", "[,]", "\ufeff{\"a\":1}",
            "{\"a\":1}\u0000", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\uD83D\\uDE00\"}", "{\"a\":\"\\x\"}", "{\"a\":01}",
            "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":truex}", "{\"a\":tru}", "[nul]",
            "{\"a\":1}//c", "{'a':1}", "{a:1}", "[\"\t\"]", "[1 2]", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
            "[\"\u00e9\"]", "{\"\u00e9\":1}", "{\"a\":[[[[[[[[1]]]]]]]]}", "42", "\"s\"", "null", "[1]x", "[1] ]"}) {
            assertSame(doc.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
            assertSame(doc.getBytes(StandardCharsets.UTF_8),
                    ReadLimits.builder().maxNestingDepth(3).maxStringLength(3).maxRecordBytes(10).build());
        }
        // bytes that are not UTF-8, and UTF-16
        assertSame(new byte[] {'[', '"', (byte) 0xC3, '"', ']'}, ReadLimits.defaults());
        assertSame(new byte[] {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'}, ReadLimits.defaults());
        assertSame(new byte[] {'[', '"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"', ']'}, ReadLimits.defaults());
        assertSame("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE), ReadLimits.defaults());
        assertSame("{\"a\":1}".getBytes(StandardCharsets.UTF_16), ReadLimits.defaults());
    }

    @Test
    void theCorpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"iiif-v2", "iiif-v3"}) {
            try (Stream<Path> s = Files.walk(Corpus.dir(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
            }
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            byte[] doc = Files.readAllBytes(f);
            assertSame(doc, ReadLimits.defaults());
            assertThat(FastJson.parse(java.util.Arrays.copyOf(doc, doc.length + 1), doc.length, ReadLimits.defaults()))
                    .as(f.toString()).isNotNull();
        }
    }

    @Test
    void replayGivesJacksonTheSameReads() throws IOException {
        byte[] doc = ("{\"a\":[" + "1,".repeat(20_000) + "2]}").getBytes(StandardCharsets.UTF_8);
        // an input that gives odd chunks, then fails
        InputStream odd = new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= 25_000) {
                    throw new IOException("gone");
                }
                int n = Math.min(len, 777);
                System.arraycopy(doc, at, b, off, n);
                at += n;
                return n;
            }
        };
        ReadLimits limits = ReadLimits.builder().maxRecordBytes(30_000).build();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JsonDocs.parse(odd, limits, WHERE));
        assertThat(t).isInstanceOf(IOException.class).hasMessage("gone");
        Throwable tooLong = org.assertj.core.api.Assertions.catchThrowable(() -> JsonDocs.parse(
                new ByteArrayInputStream(doc), ReadLimits.builder().maxRecordBytes(10_000).build(), WHERE));
        assertThat(tooLong).isInstanceOf(LamException.class).hasMessageContaining("(ReadLimits.maxRecordBytes)");
        assertThat(String.valueOf(reference(doc, ReadLimits.builder().maxRecordBytes(10_000).build())))
                .isEqualTo(tooLong.getCause().getClass().getName() + ": " + tooLong.getCause().getMessage());
    }

    /** An input that counts what it gives. */
    private static final class Counting extends ByteArrayInputStream {
        Counting(byte[] b) {
            super(b);
        }

        int given() {
            return pos;
        }
    }

    @Test
    void hostileNestingIsLeftToJacksonWithoutReadingOn() {
        byte[] deep = ("{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}").getBytes(StandardCharsets.UTF_8);
        Counting in = new Counting(deep);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JsonDocs.parse(in, ReadLimits.defaults(), WHERE));
        assertThat(t).isInstanceOf(org.biglam.lam.LamLimitExceededException.class).hasMessageContaining("1000");
        assertThat(in.given()).isLessThan(Prefetch.SCAN_FROM + 2 * Prefetch.CHUNK);
        assertSame(deep, ReadLimits.defaults());
    }

    @Test
    void longDocumentsReadTheSame() {
        for (int n : new int[] {300, 3_000, 30_000}) { // about 12 KB, 120 KB (scanned), 1.2 MB (past the read-ahead)
            StringBuilder sb = new StringBuilder("{\"items\":[");
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," : "").append("{\"id\":\"https://example.org/c/").append(i).append("\",\"n\":").append(i)
                        .append('}');
            }
            byte[] doc = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            assertSame(doc, ReadLimits.defaults());
        }
    }
}
