package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.biglam.lam.iiif.IiifTesting.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/**
 * Manifests bent out of shape: values of the wrong type put in random places (a number for a
 * label, an array for an id, an object for a target, null for a body). Reading never fails with
 * anything but a located {@link LamException}, and never reports more than "not a IIIF resource".
 */
class IiifBentInputTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode wrongValue(Random r) {
        switch (r.nextInt(9)) {
            case 0:
                return NullNode.instance;
            case 1:
                return IntNode.valueOf(-5);
            case 2:
                return TextNode.valueOf("x#xywh=-1,a,3");
            case 3:
                return M.createArrayNode();
            case 4:
                return M.createObjectNode();
            case 5:
                return M.createArrayNode().add(1).add("a").addNull();
            case 6:
                return M.createObjectNode().put("@value", 3);
            case 7:
                return M.createObjectNode().set("en", M.createArrayNode().add(M.createObjectNode()));
            default:
                return DoubleNode.valueOf(1e300);
        }
    }

    private static void containers(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> containers(c, out));
        }
    }

    @Test
    void valuesOfTheWrongTypeAnywhereGiveRecordsOrLocatedProblemsButNeverACrash() throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        for (String f : List.of("same-object-v2.json", "same-object-v3.json", "collection/m1.json",
                "collection/m2.json", "collection/top.json")) {
            samples.add(M.readTree(fixture(f).toFile()));
        }
        Random r = new Random(11);
        List<Problem> errors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            JsonNode root = samples.get(r.nextInt(samples.size())).deepCopy();
            List<JsonNode> cs = new ArrayList<>();
            containers(root, cs);
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                JsonNode c = cs.get(r.nextInt(cs.size()));
                if (c.isObject() && c.size() > 0) {
                    List<String> names = new ArrayList<>();
                    c.fieldNames().forEachRemaining(names::add);
                    ((ObjectNode) c).set(names.get(r.nextInt(names.size())), wrongValue(r));
                } else if (c.isArray() && c.size() > 0) {
                    ((ArrayNode) c).set(r.nextInt(c.size()), wrongValue(r));
                }
            }
            byte[] bytes = M.writeValueAsBytes(root);
            for (String g : List.of("canvas", "manifest", "annotation")) {
                ReadOptions o = ReadOptions.builder().format("iiif").granularity(g).errorPolicy(ErrorPolicy.SKIP)
                        .set("iiif.fetch", "never")
                        .onProblem(p -> {
                            if (p.severity() == Problem.Severity.ERROR) {
                                errors.add(p);
                            }
                        }).build();
                assertThatCode(() -> {
                    try (Stream<LamRecord> s = Lam.read(new ByteArrayInputStream(bytes), "bent.json", o)) {
                        s.forEach(rec -> assertThat(rec.id()).isNotBlank());
                    } catch (LamException located) {
                        assertThat(located.location()).isPresent();
                    }
                }).doesNotThrowAnyException();
            }
        }
        assertThat(errors).allSatisfy(p -> assertThat(p.message()).startsWith("not a IIIF"));
    }
}
