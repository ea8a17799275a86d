package org.biglam.lam.ead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;

/** The real finding aids of the shared corpus (skipped when it is absent). */
class EadCorpusFilesTest {

    private static final FormatHarness EAD = new FormatHarness("ead");

    /**
     * Components per file as the corpus manifest counts them ({@code c} and {@code c0N} elements),
     * less those for staff only ({@code audience="internal"}, with what they hold: pc0170's 4 of 6).
     */
    private static final Map<String, Integer> COMPONENTS = Map.ofEntries(
            Map.entry("ead/Catmandu-EAD/t/Export_Online.full1.xml", 683),
            Map.entry("ead/arclight/spec/fixtures/ead/nlm/alphaomegaalpha.xml", 38),
            Map.entry("ead/arclight/spec/fixtures/ead/sul-spec/a0011.xml", 1),
            Map.entry("ead/arclight/spec/fixtures/ead/sul-spec/pc0170.xml", 2),
            Map.entry("ead/arclight/spec/fixtures/ead/sample/large-components-list.xml", 404),
            Map.entry("ead/archivesspace/backend/spec/examples/ead/hornstein.xml", 719),
            Map.entry("ead/archivesspace/backend/spec/examples/ead/wnyu.xml", 43),
            Map.entry("ead/archivesspace/backend/spec/examples/ead/at-tracer.xml", 12),
            Map.entry("ead3/EAD3/samples/ead3/NCSU/mc00246.xml", 11965),
            Map.entry("ead3/EAD3/samples/ead3/NCSU/mc00019.xml", 43),
            Map.entry("ead3/EAD3/samples/ead3/NCSU/rbc00001.xml", 47),
            Map.entry("ead3/EAD3/samples/ead3/NCSU/ua015_010.xml", 3922),
            Map.entry("ead3/EAD3/samples/ead3/NCSU/mc00092.xml", 469),
            Map.entry("ead3/EAD3/samples/ead3/EAD3test.xml", 14),
            Map.entry("ead3/EAD3/samples/ead3/C1571.EAD3.xml", 12));

    @Test
    void everyFindingAidGivesOneRecordPerComponentAndOneForTheCollection() {
        List<Path> files = Corpus.files("ead");
        files.addAll(Corpus.files("ead3"));
        files = files.stream().filter(p -> p.toString().endsWith(".xml")).collect(Collectors.toList());
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        Path root = Corpus.root().orElseThrow();
        for (Path f : files) {
            assertThatCode(() -> {
                List<LamRecord> rs = EAD.read(f);
                String rel = root.relativize(f).toString().replace('\\', '/');
                Integer expected = COMPONENTS.get(rel);
                if (expected != null) {
                    assertThat(rs).as(rel).hasSize(expected + 1);
                }
                assertThat(rs.stream().map(LamRecord::id).distinct().count()).as("unique ids in %s", rel)
                        .isEqualTo(rs.size());
                assertThat(rs).allSatisfy(r -> {
                    assertThat(r.format()).isEqualTo("ead");
                    assertThat(r.group()).isPresent();
                });
                List<LamRecord> one = EAD.read(f, ReadOptions.builder().format("ead").granularity("collection")
                        .build());
                assertThat(one).as(rel).hasSize(1);
            }).as("%s", f).doesNotThrowAnyException();
        }
    }

    @Test
    void numberedComponentsFiveDeepWithTitlesFromDaodescAndNormalDates() {
        List<LamRecord> rs = EAD.read(Corpus.file("ead/Catmandu-EAD/t/Export_Online.full1.xml"));
        int deepest = rs.stream().mapToInt(r -> r.label("ead:path").isEmpty() ? 0
                : r.label("ead:path").get(0).split(" > ").length).max().orElse(0);
        assertThat(deepest).isEqualTo(5);
        // c05 inv. no. 596: no unittitle, its title from the daodesc; date from @normal
        LamRecord c = rs.stream().filter(r -> r.label("identifier").contains("596")).findFirst().orElseThrow();
        assertThat(c.label("title")).containsExactly("Handtekeningen van hen die een bezoek brachten aan De Vries op 5 "
                + "augustus 1930.");
        assertThat(c.label("part")).isEmpty();
        assertThat(c.label("date")).containsExactly("1930");
        assertThat(c.label("ead:container")).containsExactly("box 53");
        assertThat(c.images()).extracting(ImageRef::uri).singleElement().asString()
                .endsWith("/NL-AmU_AF_UBAINV0297_596");
        assertThat(c.label("ead:path").get(0)).startsWith("Archief van Hugo de Vries > ");
        assertThat(c.text()).isEmpty();
        LamRecord framed = rs.stream().filter(r -> r.label("identifier").contains("597")).findFirst().orElseThrow();
        assertThat(framed.text()).contains("Ingelijst. Door licht aangetast.");
        LamRecord top = rs.get(rs.size() - 1);
        assertThat(top.id()).isEqualTo("UBAinv297");
        assertThat(top.label("collection")).containsExactly("Inventaris van het archief van Hugo de Vries 1866-1935");
        assertThat(top.label("language")).containsExactly("nl", "de", "fr", "en", "es");
        assertThat(top.label("creator")).containsExactly("Hugo de Vries (1848-1935)");
    }

    @Test
    void componentsAndLinksForStaffOnlyAreLeftOut() {
        List<LamRecord> rs = EAD.read(Corpus.file("ead/arclight/spec/fixtures/ead/sul-spec/pc0170.xml"));
        assertThat(FormatHarness.ids(rs)).containsExactly("pc0170.xml#aspace_ref1_z0j", "pc0170.xml#aspace_ref5_edi",
                "pc0170.xml");
        // the archdesc is marked internal too (ArchivesSpace's unpublished resource): it still gives its record
        assertThat(rs.get(2).label("identifier")).containsExactly("PC0170");
        List<LamRecord> a0011 = EAD.read(Corpus.file("ead/arclight/spec/fixtures/ead/sul-spec/a0011.xml"));
        assertThat(a0011.get(0).label("title")).containsExactly("Photograph Album");
        assertThat(a0011.get(0).images()).isEmpty();
    }

    @Test
    void daoLinksOfArclightsFixture() {
        List<LamRecord> rs = EAD.read(Corpus.file("ead/arclight/spec/fixtures/ead/nlm/alphaomegaalpha.xml"));
        LamRecord c = rs.stream().filter(r -> r.images().size() == 2).findFirst().orElseThrow();
        assertThat(c.images()).extracting(ImageRef::uri).containsExactly(
                "https://collections.nlm.nih.gov/bookviewer?PID=nlm:nlmuid-100957835-bk",
                "https://profiles.nlm.nih.gov/ps/access/KKBBFL.pdf");
        assertThat(c.label("title")).containsExactly(
                "\"A brief account of the origin of the Alpha Omega Alpha Honorary Fraternity\" - William W. Root,");
        assertThat(c.label("ead:path")).containsExactly("Alpha Omega Alpha Archives > Series I: Administrative Records,");
        assertThat(c.label("date")).containsExactly("1967");
    }

    @Test
    void ead3NcsuGuideWithTwelveThousandComponents() {
        List<LamRecord> rs = EAD.read(Corpus.file("ead3/EAD3/samples/ead3/NCSU/mc00246.xml"));
        assertThat(rs).hasSize(11966);
        LamRecord top = rs.get(rs.size() - 1);
        assertThat(top.id()).isEqualTo("mc00246");
        assertThat(top.label("date")).containsExactly("1928/2003");
        assertThat(top.label("creator")).containsExactly("Sigma Xi, the Scientific Research Society");
        assertThat(rs.get(0).label("title")).containsExactly("Administrative Records");
        assertThat(rs.get(0).label("ead:path")).containsExactly("Sigma Xi, The Scientific Research Society Records");
        assertThat(rs.get(0).label("ead:extent")).containsExactly("98.25 linear feet");
    }
}
