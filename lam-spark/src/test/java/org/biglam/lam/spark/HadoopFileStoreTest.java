package org.biglam.lam.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;
import org.biglam.lam.store.WorkUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lam's FileStore over Hadoop's local file system, and planning through it (no session). */
class HadoopFileStoreTest {

    private final HadoopFileStore store = new HadoopFileStore(new Configuration());

    @Test
    void namesFilesAsLamDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a b.xml"), "<x/>");
        Files.createDirectory(dir.resolve("sub"));
        String folder = store.qualify(dir.toString());
        assertThat(folder).isEqualTo(dir.toUri().toString().replaceAll("/$", ""));
        assertThat(store.isFolder(folder)).isTrue();
        List<FileStore.Entry> children = store.list(folder);
        assertThat(children).extracting(FileStore.Entry::name).containsExactlyInAnyOrder("a b.xml", "sub");
        FileStore.Entry file = children.stream().filter(e -> !e.folder()).findFirst().orElseThrow();
        assertThat(file.uri()).isEqualTo(dir.resolve("a b.xml").toUri().toString()).startsWith("file:///");
        assertThat(file.size()).isEqualTo(4);
        InputFile f = store.file(file.uri()).orElseThrow();
        assertThat(f.name()).isEqualTo("a b.xml");
        try (InputStream in = f.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<x/>");
        }
        assertThat(store.file(folder)).isEmpty();
        assertThat(store.file(folder + "/nothing")).isEmpty();
        assertThat(store.isFolder(file.uri())).isFalse();
        assertThat(store.resolve(file.uri(), "sub/p1.png")).isEqualTo(dir.resolve("sub/p1.png").toUri().toString());
        assertThat(store.resolve("hdfs://nn:8020/pkg/mets.xml", "alto/p1.xml")).isEqualTo("hdfs://nn:8020/pkg/alto/p1.xml");
    }

    @Test
    void seeksThroughTheFileSystem(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("b.bin"), bytes);
        InputFile f = store.file(dir.resolve("b.bin").toUri().toString()).orElseThrow();
        try (SeekableByteChannel c = f.openSeekable().orElseThrow()) {
            assertThat(c.size()).isEqualTo(200_000);
            c.position(150_000);
            ByteBuffer direct = ByteBuffer.allocateDirect(10);
            assertThat(c.read(direct)).isEqualTo(10);
            assertThat(direct.get(3)).isEqualTo(bytes[150_003]);
            c.position(5);
            ByteBuffer heap = ByteBuffer.allocate(4);
            c.read(heap);
            assertThat(heap.array()).containsExactly(bytes[5], bytes[6], bytes[7], bytes[8]);
            assertThat(c.position()).isEqualTo(9);
            c.position(200_000);
            assertThat(c.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void plansAsTheLocalStoreDoes() throws IOException {
        Path holdings = Path.of(System.getProperty("lam.examples", "../examples"), "holdings").toAbsolutePath().normalize();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL).build();
        List<String> viaHadoop = Lam.plan(List.of(store.qualify(holdings.toString())), store, o).stream()
                .map(WorkUnit::uri).collect(Collectors.toList());
        List<String> local = Lam.plan(List.of(holdings.toUri().toString()), FileStore.local(), o).stream()
                .map(WorkUnit::uri).collect(Collectors.toList());
        assertThat(viaHadoop).isEqualTo(local);
        // the METS file claims the ALTO pages and images: they are not units of their own
        assertThat(viaHadoop).anyMatch(u -> u.endsWith("newspaper/mets.xml"))
                .noneMatch(u -> u.endsWith("0001.xml") || u.endsWith(".png") || u.endsWith("README.md"));
    }

    @Test
    void aFiftyThousandEntryZipIntoRanges(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("pages.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            byte[] body = "<x/>".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50_000; i++) {
                z.putNextEntry(new ZipEntry("p" + i + ".xml"));
                z.write(body);
                z.closeEntry();
            }
        }
        String uri = store.qualify(zip.toString());
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL).build();
        List<WorkUnit> plan = Lam.plan(List.of(uri), store, o);
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).isZip()).isTrue();
        List<WorkUnit> ranges = Lam.split(plan.get(0), store, 4096, o);
        assertThat(ranges).hasSize(13); // ceil(50,000 / 4,096)
        int next = 0;
        for (WorkUnit r : ranges) {
            assertThat(r.isEntryRange()).isTrue();
            assertThat(r.entryFrom()).isEqualTo(next);
            assertThat(r.entryTo() - r.entryFrom()).isLessThanOrEqualTo(4096);
            assertThat(r.size()).isPositive();
            next = r.entryTo();
        }
        assertThat(next).isEqualTo(50_000);
    }
}
