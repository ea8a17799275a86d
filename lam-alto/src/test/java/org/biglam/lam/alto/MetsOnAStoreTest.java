package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordCursor;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;
import org.biglam.lam.testing.Archives;
import org.biglam.lam.testing.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A METS package on a store of its own (as an engine's Hadoop file system would be): planned with
 * its ALTO files claimed, read with its ALTO pages and images resolved on that store, the same
 * records as a local read but for the URIs, and in a zip split into entry ranges.
 */
class MetsOnAStoreTest {

    private static final ReadOptions SKIP = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Read.METS.resolve(name));
    }

    private static MemoryStore store() throws IOException {
        return new MemoryStore()
                .put("mem://library/batch/issue/mets.xml", fixture("mets.xml"))
                .put("mem://library/batch/issue/alto/page1.xml", fixture("alto/page1.xml"))
                .put("mem://library/batch/issue/alto/page2.xml", fixture("alto/page2.xml"))
                .put("mem://library/batch/issue/images/0001.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                .put("mem://library/batch/loose/page.xml", fixture("alto/page1.xml"));
    }

    private static List<LamRecord> read(List<WorkUnit> units, FileStore store, ReadOptions o, List<Problem> problems) {
        List<LamRecord> out = new ArrayList<>();
        for (WorkUnit u : units) {
            try (RecordCursor c = Lam.read(u, store, o)) {
                while (c.next()) {
                    if (c.isRecord()) {
                        out.add(c.record());
                    } else {
                        problems.add(c.problem());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void readsAPackageOnAStoreThroughItsMetsDocumentWithItsAltoPagesResolvedThere(@TempDir Path dir)
            throws IOException {
        MemoryStore store = store();
        List<WorkUnit> units = Lam.plan(List.of("mem://library/batch/"), store, SKIP);
        assertThat(units).extracting(WorkUnit::uri).containsExactly("mem://library/batch/issue/mets.xml",
                "mem://library/batch/loose/page.xml");

        List<Problem> problems = new ArrayList<>();
        List<LamRecord> records = read(units, store, SKIP, problems);
        assertThat(records).extracting(LamRecord::id).containsExactly("mets.xml#page-PHYS1", "mets.xml#page-PHYS2",
                "page.xml");
        assertThat(records.get(0).text()).isPresent();
        assertThat(records.get(0).source().orElseThrow().uri()).isEqualTo("mem://library/batch/issue/mets.xml");
        assertThat(records.get(0).images()).extracting(ImageRef::uri)
                .contains("mem://library/batch/issue/images/0001.jpg");
        assertThat(problems).noneMatch(p -> p.severity() == Problem.Severity.ERROR);

        // the same records as the same package read from local files, but for the URIs
        Path local = Files.createDirectories(dir.resolve("batch/issue/alto"));
        Files.copy(Read.METS.resolve("mets.xml"), local.resolve("../mets.xml"));
        Files.copy(Read.METS.resolve("alto/page1.xml"), local.resolve("page1.xml"));
        Files.copy(Read.METS.resolve("alto/page2.xml"), local.resolve("page2.xml"));
        Files.createDirectories(dir.resolve("batch/loose"));
        Files.copy(Read.METS.resolve("alto/page1.xml"), dir.resolve("batch/loose/page.xml"));
        List<LamRecord> expected = Read.all(dir.resolve("batch"), SKIP);
        assertThat(records).hasSameSizeAs(expected);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).id()).isEqualTo(expected.get(i).id());
            assertThat(records.get(i).text()).isEqualTo(expected.get(i).text());
            assertThat(records.get(i).labels()).isEqualTo(expected.get(i).labels());
        }
    }

    @Test
    void aPackageInAZipSplitIntoEntryRangesGivesTheRecordsOfTheWholeZip() throws IOException {
        Archives.Entries e = Archives.entries()
                .add("issue/mets.xml", fixture("mets.xml"))
                .add("issue/alto/page1.xml", fixture("alto/page1.xml"))
                .add("issue/alto/page2.xml", fixture("alto/page2.xml"));
        MemoryStore store = new MemoryStore().put("mem://library/issue.zip", Archives.zip(e));
        WorkUnit whole = Lam.plan(List.of("mem://library/issue.zip"), store, SKIP).get(0);
        List<WorkUnit> ranges = Lam.split(whole, store, 1, SKIP);
        assertThat(ranges).hasSize(3);

        List<Problem> problems = new ArrayList<>();
        List<LamRecord> split = read(ranges, store, SKIP, problems);
        List<LamRecord> all = read(List.of(whole), store, SKIP, new ArrayList<>());
        assertThat(split).isEqualTo(all);
        assertThat(split).extracting(LamRecord::id).containsExactly("issue/mets.xml#page-PHYS1",
                "issue/mets.xml#page-PHYS2", "issue/alto/page1.xml", "issue/alto/page2.xml");
        assertThat(split.get(0).text()).isPresent();
    }

    @Test
    void aMetsDocumentOnAStoreReachesNoFileOutsideTheReadsRootAndNoLocalFile(@TempDir Path dir) throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.xml"), "<secret>CANARY</secret>");
        String mets = new String(fixture("mets.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("alto/page1.xml", "../../private/page1.xml")
                .replace("alto/page2.xml", canary.toUri().toString());
        MemoryStore store = store().put("mem://library/batch/issue/mets.xml", mets)
                .put("mem://library/private/page1.xml", fixture("alto/page1.xml"));
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> records = read(Lam.plan(List.of("mem://library/batch/issue/mets.xml"), store, SKIP), store,
                SKIP, problems);
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(r.text()).isEmpty());
        assertThat(problems).extracting(Problem::kind).contains("reference");
        assertThat(problems.toString()).contains("never lead to a local file");
    }
}
