package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;
import org.biglam.lam.testing.Archives;
import org.biglam.lam.testing.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an engine (Spark) calls: the planner as a function of the inputs, the read of one unit with
 * its records and problems in order, zip entry ranges, and stores other than the local files.
 */
class EngineApiTest {

    private static final ReadOptions SKIP = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();

    @TempDir
    Path dir;

    private static String lines(String... lines) {
        return "LAMTEST\n" + String.join("\n", lines) + "\n";
    }

    private static String uri(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * A holdings folder: records in folders, hidden files and folders, page images and notes, a
     * package document that claims one file and reads it, a file no format reads, and a zip.
     */
    private Path holdings() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("pkg/alto"));
        Files.createDirectories(dir.resolve("pkg/images"));
        Files.writeString(dir.resolve("a/1.testlines"), lines("one", "BAD", "two"));
        Files.writeString(dir.resolve("a/b/2.testlines"), lines("three"));
        Files.writeString(dir.resolve("a-b.testlines"), lines("four"));
        Files.writeString(dir.resolve("a/.hidden.testlines"), lines("hidden"));
        Files.writeString(dir.resolve(".git/x.testlines"), lines("hidden too"));
        Files.write(dir.resolve("pkg/images/p1.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        Files.writeString(dir.resolve("pkg/README.md"), "# a note\n");
        Files.writeString(dir.resolve("pkg/mets.testlines"), lines("CLAIM alto/p1.testlines", "@alto/p1.testlines",
                "!images/p1.jpg", "!../../outside.jpg"));
        Files.writeString(dir.resolve("pkg/alto/p1.testlines"), lines("claimed page"));
        Files.writeString(dir.resolve("pkg/alto/p2.testlines"), lines("loose page"));
        Files.writeString(dir.resolve("unknown.dat"), "nothing lam reads\n");
        Archives.Entries e = Archives.entries().add("z/", new byte[0]);
        for (int i = 0; i < 7; i++) {
            e.add("z/" + i + ".testlines", lines("zipped " + i, i == 3 ? "BAD" : "ok " + i));
        }
        Archives.write(dir.resolve("zz.zip"), Archives.zip(e));
        return dir;
    }

    @Test
    void plansAFolderAsLamReadReadsItHiddenCompanionAndClaimedFilesLeftOut() throws IOException {
        Path root = holdings();
        List<WorkUnit> units = Lam.plan(List.of(root.toString()), FileStore.local(), SKIP);

        assertThat(units).extracting(WorkUnit::uri).containsExactly(uri(root.resolve("a-b.testlines")),
                uri(root.resolve("a/1.testlines")), uri(root.resolve("a/b/2.testlines")),
                uri(root.resolve("pkg/alto/p2.testlines")), uri(root.resolve("pkg/mets.testlines")),
                uri(root.resolve("unknown.dat")), uri(root.resolve("zz.zip")));
        assertThat(units).allSatisfy(u -> {
            assertThat(u.root()).contains(uri(root));
            assertThat(u.oneOfMany()).isTrue();
            assertThat(u.isEntryRange()).isFalse();
            assertThat(u.size()).isEqualTo(sizeOf(u.uri()));
        });
        assertThat(units).filteredOn(WorkUnit::isZip).extracting(WorkUnit::uri)
                .containsExactly(uri(root.resolve("zz.zip")));
        // a function of the tree: the same again, and the same from a URI or a glob of the folder
        assertThat(Lam.plan(List.of(uri(root)), FileStore.local(), SKIP)).isEqualTo(units);
        assertThat(Lam.plan(List.of(root + "/a/**.testlines"), FileStore.local(), SKIP))
                .extracting(WorkUnit::uri).containsExactly(uri(root.resolve("a/.hidden.testlines")),
                        uri(root.resolve("a/1.testlines")), uri(root.resolve("a/b/2.testlines")));
    }

    private static long sizeOf(String uri) {
        try {
            return Files.size(Path.of(java.net.URI.create(uri)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPlanOfOneFileIsOneUnitThatIsNotOneOfMany() throws IOException {
        Path f = Files.writeString(dir.resolve("only.dat"), "nothing lam reads\n");
        List<WorkUnit> units = Lam.plan(List.of(f.toString()), FileStore.local(), SKIP);
        assertThat(units).extracting(WorkUnit::uri).containsExactly(uri(f));
        assertThat(units.get(0).oneOfMany()).isFalse();
        // as for Lam.read, a single file no format reads is an error, not a warning
        List<Problem> problems = new ArrayList<>();
        assertThat(readAll(units, FileStore.local(), SKIP, problems)).isEmpty();
        assertThat(problems).extracting(Problem::severity).containsExactly(Problem.Severity.ERROR);
    }

    @Test
    void aMissingInputIsThrownUnderFailAndReportedUnderSkip() {
        String missing = dir.resolve("nope").toString();
        assertThatThrownBy(() -> Lam.plan(List.of(missing), FileStore.local(), ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class).hasMessageContaining("nope");
        List<Problem> seen = new ArrayList<>();
        assertThat(Lam.plan(List.of(missing), FileStore.local(),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build())).isEmpty();
        assertThat(seen).extracting(Problem::kind).containsExactly("io");
    }

    /** The records of units as JSON Lines, and their problems. */
    private static String readAll(List<WorkUnit> units, FileStore store, ReadOptions options, List<Problem> problems)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = Lam.jsonLinesWriter(out)) {
            for (WorkUnit u : units) {
                try (RecordCursor c = Lam.read(u, store, options)) {
                    while (c.next()) {
                        if (c.isRecord()) {
                            w.write(c.record());
                        } else {
                            problems.add(c.problem());
                        }
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lamRead(String input, ReadOptions options, List<Problem> problems) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LamReader r = Lam.open(List.of(input), options); RecordWriter w = Lam.jsonLinesWriter(out)) {
            for (LamRecord rec : r) {
                w.write(rec);
            }
            problems.addAll(r.problems());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRecordsAndProblemsOfAllUnitsAreThoseOfLamRead() throws IOException {
        Path root = holdings();
        List<Problem> expectedProblems = new ArrayList<>();
        String expected = lamRead(root.toString(), SKIP, expectedProblems);

        List<WorkUnit> units = new ArrayList<>();
        for (WorkUnit u : Lam.plan(List.of(root.toString()), FileStore.local(), SKIP)) {
            units.addAll(u.isZip() ? Lam.split(u, FileStore.local(), 3, SKIP) : List.of(u));
        }
        assertThat(units).filteredOn(WorkUnit::isEntryRange).extracting(WorkUnit::toString).containsExactly(
                uri(root.resolve("zz.zip")) + "[0,3)", uri(root.resolve("zz.zip")) + "[3,6)",
                uri(root.resolve("zz.zip")) + "[6,8)");
        List<Problem> problems = new ArrayList<>();
        String got = readAll(serialized(units), FileStore.local(), SKIP, problems);

        assertThat(got).isEqualTo(expected);
        assertThat(got.lines().count()).isEqualTo(1 + 2 + 1 + 1 + 3 + 13);
        assertThat(got).contains("pkg/alto/p1.testlines").doesNotContain("claimed page").doesNotContain("hidden")
                .doesNotContain("outside.jpg");
        assertThat(problems).isEqualTo(expectedProblems);
        assertThat(problems).extracting(Problem::kind).containsExactly("malformed", "reference", "unrecognised",
                "malformed");
    }

    @Test
    void aReadersCursorGivesTheRecordsAndProblemsOfAllUnitsInTheSameOrder() throws IOException {
        Path root = holdings();
        List<Object> fromUnits = new ArrayList<>();
        for (WorkUnit u : Lam.plan(List.of(root.toString()), FileStore.local(), SKIP)) {
            try (RecordCursor c = Lam.read(u, FileStore.local(), SKIP)) {
                while (c.next()) {
                    fromUnits.add(c.isRecord() ? c.record() : c.problem());
                }
            }
        }
        List<Object> fromReader = new ArrayList<>();
        try (LamReader r = Lam.open(List.of(root.toString()), SKIP); RecordCursor c = r.cursor()) {
            while (c.next()) {
                fromReader.add(c.isRecord() ? c.record() : c.problem());
            }
            assertThat(r.errorCount()).isEqualTo(2);
            assertThatThrownBy(r::stream).isInstanceOf(IllegalStateException.class);
        }
        assertThat(fromReader).isEqualTo(fromUnits);
        assertThat(fromReader).filteredOn(Problem.class::isInstance).hasSize(4);
    }

    @SuppressWarnings("unchecked")
    private static List<WorkUnit> serialized(List<WorkUnit> units) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(new ArrayList<>(units));
        }
        assertThat(buf.size() / units.size()).as("bytes a unit").isLessThan(400);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray()))) {
            List<WorkUnit> back = (List<WorkUnit>) in.readObject();
            assertThat(back).isEqualTo(units);
            return back;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rangesOfA5000EntryZipCoverEveryEntryOnceInOrderReadingTheCentralDirectoryOnly() throws IOException {
        Archives.Entries e = Archives.entries();
        for (int i = 0; i < 5000; i++) {
            e.add(String.format("pages/%05d.testlines", i), lines("entry " + i));
        }
        byte[] zip = Archives.zip(e);
        MemoryStore store = new MemoryStore().put("mem://bucket/big.zip", zip);
        WorkUnit whole = Lam.plan(List.of("mem://bucket/big.zip"), store, SKIP).get(0);
        assertThat(whole.isZip()).isTrue();

        List<WorkUnit> ranges = Lam.split(whole, store, 777, SKIP);
        assertThat(store.streams.get()).as("split opens no stream").isZero();
        assertThat(store.channels.get()).isEqualTo(1);
        assertThat(ranges).hasSize(7);
        int expectedFrom = 0;
        for (WorkUnit r : ranges) {
            assertThat(r.entryFrom()).isEqualTo(expectedFrom);
            assertThat(r.entryTo()).isEqualTo(Math.min(expectedFrom + 777, 5000));
            assertThat(r.size()).isPositive();
            expectedFrom = r.entryTo();
        }
        assertThat(expectedFrom).isEqualTo(5000);
        assertThat(ranges.stream().mapToLong(WorkUnit::size).sum()).isLessThan(zip.length);

        List<String> texts = new ArrayList<>();
        for (WorkUnit r : ranges) {
            try (RecordCursor c = Lam.read(r, store, ReadOptions.defaults())) {
                while (c.next()) {
                    texts.add(c.record().text().orElseThrow());
                }
            }
        }
        assertThat(texts).containsExactlyElementsOf(
                IntStream.range(0, 5000).mapToObj(i -> "entry " + i).collect(Collectors.toList()));
        // a range of entries, read on its own, is the same range of the whole zip's records
        try (RecordCursor c = Lam.read(ranges.get(3), store, ReadOptions.defaults())) {
            assertThat(c.next()).isTrue();
            assertThat(c.record().source().orElseThrow().entry()).contains("pages/02331.testlines");
            assertThat(c.record().source().orElseThrow().uri()).isEqualTo("mem://bucket/big.zip");
        }
    }

    @Test
    void aStoreThatCannotSeekKeepsAZipWholeAndReadsItAsAStream() throws IOException {
        Archives.Entries e = Archives.entries().add("a.testlines", lines("x")).add("b.testlines", lines("y"));
        MemoryStore store = new MemoryStore(false).put("mem://b/z.zip", Archives.zip(e));
        WorkUnit u = Lam.plan(List.of("mem://b/z.zip"), store, SKIP).get(0);
        assertThat(Lam.split(u, store, 1, SKIP)).containsExactly(u);
        assertThat(readAll(List.of(u), store, SKIP, new ArrayList<>())).contains("\"x\"").contains("\"y\"");
    }

    @Test
    void nonZipFilesAndTarsAreNotSplit() throws IOException {
        Path tar = Archives.write(dir.resolve("t.zip"), Archives.tar(Archives.entries().add("a.testlines", lines("x"))));
        WorkUnit u = Lam.plan(List.of(tar.toString()), FileStore.local(), SKIP).get(0);
        assertThat(u.isZip()).as("named .zip").isTrue();
        assertThat(Lam.split(u, FileStore.local(), 1, SKIP)).containsExactly(u);
    }

    @Test
    void aCursorGivesRecordsAndProblemsInOrderUnderSkip() throws IOException {
        Path f = Files.writeString(dir.resolve("f.testlines"), lines("one", "BAD", "two", "BOOM", "never"));
        WorkUnit u = Lam.plan(List.of(f.toString()), FileStore.local(), SKIP).get(0);
        List<String> items = new ArrayList<>();
        try (RecordCursor c = Lam.read(u, FileStore.local(), SKIP)) {
            assertThatThrownBy(c::isRecord).isInstanceOf(IllegalStateException.class).hasMessageContaining("next()");
            while (c.next()) {
                if (c.isRecord()) {
                    assertThatThrownBy(c::problem).isInstanceOf(IllegalStateException.class);
                    items.add(c.record().text().orElseThrow());
                } else {
                    assertThatThrownBy(c::record).isInstanceOf(IllegalStateException.class);
                    items.add(c.problem().kind() + " " + c.problem().location().line().orElse(-1));
                }
            }
            assertThat(c.next()).isFalse();
            assertThatThrownBy(c::record).isInstanceOf(IllegalStateException.class);
        }
        assertThat(items).containsExactly("one", "malformed 3", "two", "malformed 5");
    }

    @Test
    void underFailTheCursorGivesTheItemsBeforeTheFirstErrorThenThrowsIt() throws IOException {
        Path f = Files.writeString(dir.resolve("f.testlines"), lines("one", "two", "BAD", "three"));
        WorkUnit u = Lam.plan(List.of(f.toString()), FileStore.local(), SKIP).get(0);
        List<String> items = new ArrayList<>();
        RecordCursor c = Lam.read(u, FileStore.local(), ReadOptions.defaults());
        assertThatThrownBy(() -> {
            while (c.next()) {
                items.add(c.record().text().orElseThrow());
            }
        }).isInstanceOf(LamFormatException.class).satisfies(t -> {
            Location where = ((LamException) t).location().orElseThrow();
            assertThat(where.input()).isEqualTo(uri(f));
            assertThat(where.line()).hasValue(4);
        });
        assertThat(items).containsExactly("one", "two");
        assertThatThrownBy(c::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        c.close();
    }

    @Test
    void aUnitWhoseFileIsGoneIsALocatedProblem() {
        WorkUnit gone = WorkUnit.of("mem://b/gone.testlines", 10, null, false);
        List<Problem> problems = new ArrayList<>();
        try (RecordCursor c = Lam.read(gone, new MemoryStore(), SKIP)) {
            while (c.next()) {
                problems.add(c.problem());
            }
        }
        assertThat(problems).extracting(Problem::kind).containsExactly("io");
        assertThat(problems.get(0).location().input()).isEqualTo("mem://b/gone.testlines");
    }

    private static MemoryStore packageStore() {
        return new MemoryStore()
                .put("mem://bucket/data/pkg/mets.testlines", lines("CLAIM alto/p1.testlines", "@alto/p1.testlines",
                        "!images/p%201.jpg", "@../other/ok.testlines"))
                .put("mem://bucket/data/pkg/alto/p1.testlines", lines("page one"))
                .put("mem://bucket/data/pkg/images/p 1.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
                .put("mem://bucket/data/other/ok.testlines", lines("other"))
                .put("mem://bucket/data/.hidden/x.testlines", lines("hidden"))
                .put("mem://bucket/secret.testlines", lines("SECRET"));
    }

    @Test
    void aStoreOfItsOwnReadsAPackageResolvingItsReferencesOnTheStore() throws IOException {
        MemoryStore store = packageStore();
        List<WorkUnit> units = Lam.plan(List.of("mem://bucket/data"), store, SKIP);
        assertThat(units).extracting(WorkUnit::uri).containsExactly("mem://bucket/data/other/ok.testlines",
                "mem://bucket/data/pkg/mets.testlines");
        assertThat(units).allSatisfy(u -> assertThat(u.root()).contains("mem://bucket/data/"));

        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (WorkUnit u : units) {
            try (RecordCursor c = Lam.read(u, store, SKIP)) {
                while (c.next()) {
                    if (c.isRecord()) {
                        records.add(c.record());
                    } else {
                        problems.add(c.problem());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).source().orElseThrow().uri()).isEqualTo("mem://bucket/data/other/ok.testlines");
        LamRecord page = records.get(1);
        assertThat(page.text()).contains("mem://bucket/data/pkg/alto/p1.testlines");
        assertThat(page.label("sibling")).containsExactly("LAMTEST");
        assertThat(records.get(2).images()).extracting(ImageRef::uri)
                .containsExactly("mem://bucket/data/pkg/images/p%201.jpg");
        // a sibling folder inside the folder the read was given
        assertThat(records.get(3).label("sibling")).containsExactly("LAMTEST");
    }

    @Test
    void aDocumentOfAStoreLeadsOnlyToItsOwnStoreInsideTheRootNeverToALocalFile() throws IOException {
        Path canary = Files.writeString(dir.resolve("canary.testlines"), lines("CANARY-do-not-leak"));
        MemoryStore store = packageStore()
                .put("mem://bucket/data/pkg/evil.testlines", lines("@../../secret.testlines", "@" + uri(canary),
                        "@" + canary, "@mem://other/data/pkg/x.testlines", "@https://example.org/x.testlines",
                        "!" + uri(canary), "!../../secret.jpg", "@jar:" + uri(canary) + "!/x"))
                .put("mem://other/data/pkg/x.testlines", lines("SECRET"));
        WorkUnit evil = Lam.plan(List.of("mem://bucket/data/pkg/evil.testlines"), store, SKIP).get(0);
        assertThat(evil.root()).contains("mem://bucket/data/pkg/");
        int streamsBefore = store.streams.get();

        List<Problem> problems = new ArrayList<>();
        String all = readAll(List.of(evil), store, SKIP, problems);

        assertThat(all).doesNotContain("SECRET").doesNotContain("CANARY").doesNotContain("\"LAMTEST\"");
        assertThat(store.streams.get() - streamsBefore).as("only the document itself opened").isEqualTo(1);
        assertThat(problems).extracting(Problem::kind).containsOnly("reference");
        assertThat(problems).hasSize(7); // the https reference is let through, but not fetched
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("local file"));
    }

    @Test
    void theLocalStoreListsOneLevelAndResolvesByUriRules() throws IOException {
        Path root = holdings();
        FileStore local = FileStore.local();
        List<FileStore.Entry> children = local.list(uri(root.resolve("pkg")));
        assertThat(children).extracting(FileStore.Entry::name)
                .containsExactlyInAnyOrder("README.md", "alto", "images", "mets.testlines");
        assertThat(children).filteredOn(FileStore.Entry::folder).extracting(FileStore.Entry::name)
                .containsExactlyInAnyOrder("alto", "images");
        assertThat(children).filteredOn(c -> c.name().equals("README.md")).extracting(FileStore.Entry::size)
                .containsExactly(9L);
        assertThat(local.isFolder(uri(root.resolve("pkg")))).isTrue();
        assertThat(local.isFolder(uri(root.resolve("pkg/mets.testlines")))).isFalse();
        assertThat(local.file(uri(root.resolve("pkg")))).isEmpty();
        assertThat(local.file("https://example.org/a.xml")).isEmpty();
        assertThat(local.file(uri(root.resolve("pkg/mets.testlines")))).get()
                .satisfies(f -> assertThat(f.name()).isEqualTo("mets.testlines"));
        assertThat(local.resolve(uri(root.resolve("pkg/mets.testlines")), "../a/1.testlines"))
                .isEqualTo(uri(root.resolve("a/1.testlines")));
        assertThat(new MemoryStore().resolve("mem://b/x/y.xml", "../z w.xml")).isEqualTo("mem://b/z%20w.xml");
    }
}
