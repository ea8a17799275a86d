package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of source, read through the test format plugged in by ServiceLoader. */
class SourcesTest {

    @TempDir
    Path dir;

    static byte[] lines(String... lines) {
        return ("LAMTEST\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** entry-or-name=text for each record. */
    static List<String> read(Path p) {
        try (var s = Lam.read(p)) {
            return s.map(SourcesTest::describe).collect(Collectors.toList());
        }
    }

    static String describe(LamRecord r) {
        RecordSource s = r.source().orElseThrow();
        return s.entry().orElse(Path.of(java.net.URI.create(s.uri())).getFileName().toString()) + "=" + r.text().orElse("");
    }

    @Test
    void readsAPlainFileWithItsUriAndIndex() throws IOException {
        Path f = Archives.write(dir.resolve("a.testlines"), lines("one", "two"));
        try (var s = Lam.read(f)) {
            List<LamRecord> records = s.collect(Collectors.toList());
            assertThat(records).extracting(r -> r.text().orElseThrow()).containsExactly("one", "two");
            assertThat(records.get(1).source()).contains(new RecordSource(f.toUri().toString(), null, 1, -1, 3));
            assertThat(records.get(1).id()).isEqualTo("a.testlines#3");
        }
    }

    @Test
    void walksAFolderInAStableOrderAndLeavesOutHiddenFiles() {
        Archives.write(dir.resolve("b/2.txt"), lines("b2"));
        Archives.write(dir.resolve("a/z.txt"), lines("az"));
        Archives.write(dir.resolve("b/10.txt"), lines("b10"));
        Archives.write(dir.resolve(".hidden/x.txt"), lines("hidden"));
        assertThat(read(dir)).containsExactly("z.txt=az", "10.txt=b10", "2.txt=b2");
    }

    @Test
    void givesTheFilesOfAFolderTheUrisTheJdkGivesThemAndReadsLinksToFiles() throws IOException {
        Path plain = Archives.write(dir.resolve("a/plain-1.txt"), lines("plain"));
        Path spaced = Archives.write(dir.resolve("a/with space #1.txt"), lines("spaced"));
        Path accented = Archives.write(dir.resolve("a/Stra\u00dfe/\u00e9t\u00e9.txt"), lines("accented"));
        Archives.write(dir.resolve("a/.hidden.txt"), lines("hidden"));
        Path link = Files.createSymbolicLink(dir.resolve("a/z-link.txt"), plain);
        try (var s = Lam.read(dir)) {
            assertThat(s.map(r -> r.source().orElseThrow().uri() + "=" + r.text().orElseThrow()))
                    .containsExactly(accented.toUri() + "=accented", plain.toUri() + "=plain",
                            spaced.toUri() + "=spaced", link.toUri() + "=plain");
        }
    }

    @Test
    void leavesOutOfAFolderWalkTheFilesThatAPackageDocumentReadsItself() {
        Archives.write(dir.resolve("issue/0001.txt"), lines("page one on its own"));
        Archives.write(dir.resolve("issue/0002.txt"), lines("page two on its own"));
        Archives.write(dir.resolve("issue/mets.testlines"), lines("CLAIM 0001.txt", "CLAIM ./0002.txt", "the package"));
        Archives.write(dir.resolve("issue/other.txt"), lines("not claimed"));
        assertThat(read(dir)).containsExactly("mets.testlines=the package", "other.txt=not claimed");
        try (var s = Lam.read(dir.resolve("issue/0001.txt"))) {
            assertThat(s.count()).as("a file named on its own is always read").isEqualTo(1);
        }
    }

    @Test
    void expandsAGlob() {
        Archives.write(dir.resolve("x/1.dat"), lines("one"));
        Archives.write(dir.resolve("x/2.other"), lines("two"));
        try (var s = Lam.read(dir.toString() + "/x/*.dat", ReadOptions.defaults())) {
            assertThat(s.map(SourcesTest::describe)).containsExactly("1.dat=one");
        }
    }

    @Test
    void readsEveryKindOfArchiveEntryByEntry() {
        Archives.Entries e = Archives.entries().add("p/1.txt", lines("one")).add("p/2.txt", lines("two"));
        byte[] tar = Archives.tar(e);
        List<String> expected = List.of("p/1.txt=one", "p/2.txt=two");
        assertThat(read(Archives.write(dir.resolve("x.zip"), Archives.zip(e)))).isEqualTo(expected);
        assertThat(read(Archives.write(dir.resolve("x.tar"), tar))).isEqualTo(expected);
        assertThat(read(Archives.write(dir.resolve("x.tar.gz"), Archives.gzip(tar)))).isEqualTo(expected);
        assertThat(read(Archives.write(dir.resolve("x.tgz"), Archives.gzip(tar)))).isEqualTo(expected);
        assertThat(read(Archives.write(dir.resolve("x.tar.bz2"), Archives.bzip2(tar)))).isEqualTo(expected);
        assertThat(read(Archives.write(dir.resolve("x.tar.xz"), Archives.xz(tar)))).isEqualTo(expected);
        assertThat(read(Archives.sevenZ(dir.resolve("x.7z"), e))).isEqualTo(expected);
    }

    @Test
    void readsArchivesInsideArchivesAndNamesTheNestedEntry() {
        byte[] innerZip = Archives.zip(Archives.entries().add("page1.txt", lines("deep")));
        byte[] tgz = Archives.gzip(Archives.tar(Archives.entries()
                .add("delivery/batch.zip", innerZip)
                .add("delivery/loose.txt.gz", Archives.gzip(lines("loose")))));
        assertThat(read(Archives.write(dir.resolve("d.tar.gz"), tgz)))
                .containsExactly("delivery/batch.zip!/page1.txt=deep", "delivery/loose.txt.gz=loose");
    }

    @Test
    void readsSingleCompressedFilesUnderTheirInnerName() {
        Path f = Archives.write(dir.resolve("books.testlines.gz"), Archives.gzip(lines("gz")));
        try (var s = Lam.read(f)) {
            LamRecord r = s.findFirst().orElseThrow();
            assertThat(r.text()).contains("gz");
            assertThat(r.id()).isEqualTo("books.testlines#2");
        }
        assertThat(read(Archives.write(dir.resolve("b.bz2"), Archives.bzip2(lines("bz"))))).containsExactly("b.bz2=bz");
        assertThat(read(Archives.write(dir.resolve("c.xz"), Archives.xz(lines("xz"))))).containsExactly("c.xz=xz");
    }

    @Test
    void readsACallersStreamWithoutClosingIt() throws IOException {
        var closed = new boolean[1];
        var in = new ByteArrayInputStream(Archives.gzip(lines("s1", "s2"))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (var s = Lam.read(in, "upload", ReadOptions.defaults())) {
            assertThat(s.map(r -> r.text().orElseThrow())).containsExactly("s1", "s2");
        }
        assertThat(closed[0]).isFalse();
    }

    @Test
    void resolvesSiblingsInFoldersAndZipFilesButNotOutsideThem() throws IOException {
        Path f = Archives.write(dir.resolve("pkg/mets.testlines"), lines("@alto/p1.txt", "@../missing.txt"));
        Archives.write(dir.resolve("pkg/alto/p1.txt"), "ALTO-1\n".getBytes(StandardCharsets.UTF_8));
        try (var s = Lam.read(f)) {
            List<LamRecord> r = s.collect(Collectors.toList());
            assertThat(r.get(0).text()).contains(dir.resolve("pkg/alto/p1.txt").toUri().toString());
            assertThat(r.get(0).label("sibling")).containsExactly("ALTO-1");
            assertThat(r.get(1).label("sibling")).containsExactly("none");
        }
        Path zip = Archives.write(dir.resolve("pkg.zip"), Archives.zip(Archives.entries()
                .add("pkg/mets.testlines", lines("@alto/p1.txt", "@../../etc/passwd"))
                .add("pkg/alto/p1.txt", "ZIPPED\n")));
        try (var s = Lam.read(zip)) {
            List<LamRecord> r = s.collect(Collectors.toList());
            assertThat(r.get(0).text()).contains(zip.toUri() + "!/pkg/alto/p1.txt");
            assertThat(r.get(0).label("sibling")).containsExactly("ZIPPED");
            assertThat(r.get(1).label("sibling")).containsExactly("none");
        }
        Path tar = Archives.write(dir.resolve("pkg.tar"), Archives.tar(Archives.entries()
                .add("pkg/mets.testlines", lines("@alto/p1.txt")).add("pkg/alto/p1.txt", "TARRED\n")));
        try (var s = Lam.read(tar)) {
            LamRecord r = s.findFirst().orElseThrow();
            assertThat(r.text()).contains(tar.toUri() + "!/pkg/alto/p1.txt");
            assertThat(r.label("sibling")).as("a streamed tar cannot reopen entries").containsExactly("none");
        }
    }

    @Test
    void choosesTheGranularityAskedForAndRefusesOneTheFormatLacks() {
        Path f = Archives.write(dir.resolve("g.testlines"), lines("one"));
        try (var s = Lam.read(f, ReadOptions.builder().granularity("word").build())) {
            assertThat(s.findFirst().orElseThrow().label("part")).containsExactly("word");
        }
        try (var s = Lam.read(f)) {
            assertThat(s.findFirst().orElseThrow().label("part")).containsExactly("line");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (var s = Lam.read(f, ReadOptions.builder().granularity("canvas").build())) {
                s.count();
            }
        }).isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("has no granularity 'canvas'");
    }
}
