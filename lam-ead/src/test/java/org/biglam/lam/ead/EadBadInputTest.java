package org.biglam.lam.ead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad and hostile input: refused at bounded cost, located, and the good records kept. */
class EadBadInputTest {

    private static final FormatHarness EAD = new FormatHarness("ead");

    @TempDir
    Path dir;

    @Test
    void anEntityBombIsRefusedWithALocatedProblem() {
        assertThatThrownBy(() -> EAD.read(EadFormatTest.fixture("billion-laughs.xml")))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("entity &f;")
                .hasMessageContaining("not expanded")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).hasValue(11L));
    }

    @Test
    void anExternalEntityIsNeverRead() {
        try {
            List<LamRecord> rs = EAD.read(EadFormatTest.fixture("xxe.xml"));
            assertThat(rs.toString()).doesNotContain("root:");
        } catch (LamFormatException e) {
            assertThat(e.getMessage()).doesNotContain("root:");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAtItsLine() {
        StringBuilder sb = new StringBuilder("<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>deep</eadid>"
                + "</eadheader><archdesc><did><unittitle>T</unittitle></did><dsc>\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("<c><did><unittitle>").append(i).append("</unittitle></did>\n");
        }
        for (int i = 0; i < 2000; i++) {
            sb.append("</c>");
        }
        sb.append("</dsc></archdesc></ead>\n");
        assertThatThrownBy(() -> EAD.read(dir, sb.toString())).isInstanceOf(LamFormatException.class)
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).isPresent());
        // within the limit, every level is a record with the whole path
        ReadOptions deep = ReadOptions.builder().format("ead")
                .limits(ReadLimits.builder().maxNestingDepth(5000).build()).build();
        List<LamRecord> rs = EAD.read(dir, "deep.xml", sb.toString(), deep);
        assertThat(rs).hasSize(2001);
        assertThat(rs.get(1999).label("ead:path").get(0)).startsWith("T > 0 > 1 > 2").endsWith("1997 > 1998");
    }

    @Test
    void aHugeAttributeIsRefused() {
        String big = "x".repeat(200_000);
        String xml = "<ead xmlns=\"urn:isbn:1-931666-22-9\"><archdesc level=\"" + big + "\"><did/></archdesc></ead>";
        ReadOptions small = ReadOptions.builder().format("ead")
                .limits(ReadLimits.builder().maxStringLength(100_000).build()).build();
        assertThatThrownBy(() -> EAD.read(dir, "big.xml", xml, small)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("malformed XML");
    }

    @Test
    void malformedMarkupLateInTheFileKeepsTheRecordsBeforeItUnderSkip() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = EAD.skip(EadFormatTest.fixture("malformed-late.xml"), problems);
        assertThat(FormatHarness.ids(rs)).containsExactly("broken#c1", "broken#c2", "broken#c3");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.message()).contains("malformed XML");
            assertThat(p.location().line()).hasValue(9);
        });
        assertThatThrownBy(() -> EAD.read(EadFormatTest.fixture("malformed-late.xml")))
                .isInstanceOf(LamFormatException.class);
    }

    @Test
    void anUnboundPrefixIsAClearErrorUnlessTheLenientOptionBindsIt() {
        Path f = EadFormatTest.fixture("prefixed-unbound.xml");
        assertThatThrownBy(() -> EAD.read(f)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("lenient")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).hasValue(2));
        List<LamRecord> rs = EAD.read(f, ReadOptions.builder().format("ead").set("ead.lenient", "true").build());
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).id()).isEqualTo("cut");
        assertThat(rs.get(0).label("title")).containsExactly("Cut out of its envelope");
        assertThat(rs.get(0).images()).extracting(ImageRef::uri).containsExactly("https://example.org/a.jpg");
    }

    @Test
    void aDocumentThatIsNotEadIsRefusedWhenTheFormatIsForced() {
        assertThatThrownBy(() -> EAD.read(dir, "<mods xmlns=\"http://www.loc.gov/mods/v3\"/>"))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("not an EAD finding aid");
    }

    @Test
    void aTextLargerThanMaxRecordBytesLosesOnlyItsComponent() {
        String xml = "<ead><eadheader><eadid>t</eadid></eadheader><archdesc><did><unittitle>T</unittitle></did><dsc>"
                + "<c><did><unittitle>small</unittitle></did></c>"
                + "<c><did><unittitle>big</unittitle></did><scopecontent><p>" + "word ".repeat(400) + "</p>"
                + "<p>" + "word ".repeat(400) + "</p></scopecontent></c>"
                + "<c><did><unittitle>after</unittitle></did></c></dsc></archdesc></ead>";
        List<Problem> problems = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().format("ead").errorPolicy(org.biglam.lam.ErrorPolicy.SKIP)
                .onProblem(problems::add).limits(ReadLimits.builder().maxRecordBytes(3000).build()).build();
        List<LamRecord> rs = EAD.read(dir, "big.xml", xml, o);
        assertThat(FormatHarness.ids(rs)).containsExactly("t#c1", "t#c3", "t");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("t#c2", "maxRecordBytes"));
    }

    @Test
    void daoLinksTheOriginRuleRefusesAreLeftOutWithAWarning() {
        String xml = "<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>o</eadid></eadheader><archdesc><did>"
                + "<unittitle>T</unittitle><dao href=\"file:///etc/passwd\"/><dao href=\"ftp://x.org/a.jpg\"/>"
                + "<dao href=\"https://x.org/ok.jpg\"/><dao href=\"scans/p1.jpg\"/></did></archdesc></ead>";
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = EAD.read(dir, "o.xml", xml, ReadOptions.builder().format("ead")
                .onProblem(problems::add).build());
        assertThat(rs.get(0).images()).extracting(ImageRef::uri)
                .containsExactly("https://x.org/ok.jpg", dir.resolve("scans/p1.jpg").toUri().toString());
        assertThat(problems).filteredOn(p -> p.kind().equals("reference")).hasSize(2);
    }
}
