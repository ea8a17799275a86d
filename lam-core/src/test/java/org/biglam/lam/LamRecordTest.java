package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LamRecordTest {

    private static LamRecord sample() {
        return LamRecord.builder("ocm01234567", "marc21")
                .source(new RecordSource("file:///data/books.mrc", null, 0, 0, -1))
                .text("A history of Whitby / by Lionel Charlton.")
                .label("title", "A history of Whitby")
                .label("creator", "Charlton, Lionel")
                .label("subject", "Whitby (England) -- History")
                .label("subject", "Whitby (England) -- History")
                .label("subject", "  ")
                .build();
    }

    @Test
    void keepsLabelsInOrderWithoutRepeatsOrBlanks() {
        LamRecord r = sample();
        assertThat(r.labels()).containsOnlyKeys("title", "creator", "subject");
        assertThat(r.label("subject")).containsExactly("Whitby (England) -- History");
        assertThat(r.firstLabel("title")).contains("A history of Whitby");
        assertThat(r.label("genre")).isEmpty();
    }

    @Test
    void isAnImmutableValueComparedByItsFields() {
        LamRecord a = sample();
        LamRecord b = sample();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().label("genre", "history").build()).isNotEqualTo(a);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThatThrownBy(() -> a.labels().put("x", java.util.List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderOfSeveralRecordsSharesWhatIsUnchangedAndNeverChangesARecordBuilt() {
        LamRecord.Builder b = LamRecord.builder("m#1", "iiif").label("title", "Album")
                .label("creator", "Anon.").image(ImageRef.builder("https://example.org/1.jpg").build());
        LamRecord first = b.label("part", "f. 1").build();
        LamRecord second = b.id("m#2").build();
        assertThat(second.labels()).isSameAs(first.labels());
        assertThat(second.images()).isSameAs(first.images());
        LamRecord third = b.id("m#3").removeLabel("part").label("part", "f. 2").label("creator", "Anon.")
                .clearImages().image(ImageRef.builder("https://example.org/2.jpg").build()).build();
        assertThat(third.labels().get("title")).isSameAs(first.labels().get("title"));
        assertThat(third.label("part")).containsExactly("f. 2");
        assertThat(first.label("part")).containsExactly("f. 1");
        assertThat(first.images()).extracting(ImageRef::uri).containsExactly("https://example.org/1.jpg");
        assertThat(third.images()).extracting(ImageRef::uri).containsExactly("https://example.org/2.jpg");
        LamRecord fourth = third.toBuilder().id("m#4").label("creator", "Someone").build();
        assertThat(fourth.label("creator")).containsExactly("Anon.", "Someone");
        assertThat(third.label("creator")).containsExactly("Anon.");
        assertThat(fourth.labels().get("title")).isSameAs(third.labels().get("title"));
        assertThatThrownBy(() -> first.labels().get("title").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(LamRecord.builder("e", "x").label("t", "v").removeLabel("t").build().labels()).isEmpty();
    }

    @Test
    void aRecordOfManyLabelsFindsEachAndEqualsAMapOfTheSameLabels() {
        LamRecord.Builder b = LamRecord.builder("many", "x");
        java.util.Map<String, java.util.List<String>> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            b.label("name" + i, " value " + i + " ").label("name" + i, "other " + i);
            expected.put("name" + i, java.util.List.of("value " + i, "other " + i));
        }
        LamRecord r = b.label("name3", "value 3").build();
        assertThat(r.labels()).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(r.labels());
        assertThat(r.labels().keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(r.label("name39")).containsExactly("value 39", "other 39");
        assertThat(r.labels().containsKey("name0")).isTrue();
        assertThat(r.labels().get("name40")).isNull();
        assertThat(r.labels().get(null)).isNull();
        assertThat(r.labels().toString()).isEqualTo(expected.toString());
        assertThatThrownBy(() -> r.labels().entrySet().iterator().next().setValue(java.util.List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.labels().remove("name1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.labels().remove("absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LamRecord.builder("e", "x").build().labels().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        LamRecord fewer = r.toBuilder().removeLabel("name5").label("name39", "third 39").label("name5", "back").build();
        expected.remove("name5");
        expected.put("name39", java.util.List.of("value 39", "other 39", "third 39"));
        expected.put("name5", java.util.List.of("back"));
        assertThat(fewer.labels()).isEqualTo(expected);
        assertThat(fewer.labels().keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(fewer.labels().get("name38")).isSameAs(r.labels().get("name38"));
    }

    @Test
    void labelsWhoseNamesHaveTheSameHashCodeStayApartAndAreFoundByValue() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        LamRecord.Builder b = LamRecord.builder("h", "x");
        for (int i = 0; i < 12; i++) {
            b.label("name" + i, "v" + i);
        }
        LamRecord r = b.label("Aa", "first").label("BB", "second").label(new String("Aa"), "third").build();
        assertThat(r.labels()).hasSize(14);
        assertThat(r.label("Aa")).containsExactly("first", "third");
        assertThat(r.label(new String("BB"))).containsExactly("second");
        assertThat(r.label("name11")).containsExactly("v11");
        assertThat(r.labels().get(new StringBuilder("Aa"))).isNull();
        assertThat(r.labels().keySet()).startsWith("name0").endsWith("Aa", "BB");
    }

    @Test
    void printsASummaryAPersonCanRead() {
        String s = sample().toString();
        assertThat(s).startsWith("LamRecord[ocm01234567 (marc21)")
                .contains("text=\"A history of Whitby / by Lionel Charlton.\"")
                .contains("title=[A history of Whitby]");
    }

    @Test
    void refusesBlankIdsAndConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> LamRecord.builder(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LamRecord.builder("a", "x").confidence(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reachesTheObjectItWasBuiltFrom() {
        LamRecord r = LamRecord.builder("a", "x").nativeObject(new StringBuilder("native")).build();
        assertThat(r.unwrap(StringBuilder.class)).hasValueSatisfying(sb -> assertThat(sb.toString()).isEqualTo("native"));
        assertThat(r.unwrap(Integer.class)).isEmpty();
    }

    @Test
    void parsesRegionsInTheIiifForm() {
        assertThat(Region.parse("xywh=10,20,300,40")).isEqualTo(new Region(10, 20, 300, 40));
        assertThat(Region.parse("1.6,2,3,4").toString()).isEqualTo("2,2,3,4");
        assertThatThrownBy(() -> Region.parse("1,2,3")).isInstanceOf(IllegalArgumentException.class);
    }
}
