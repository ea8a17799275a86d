package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/** The origin rule, case by case. */
class OriginTest {

    private static final ReadOptions DEFAULTS = ReadOptions.defaults();

    @Test
    void aRemoteDocumentLeadsOnlyToHttpReferences() {
        Origin o = Origin.of("https://example.org/iiif/manifest.json", null, DEFAULTS);
        assertThat(o.remote()).isTrue();
        assertThat(o.allows("https://example.org/iiif/p1.jpg")).isTrue();
        assertThat(o.allows("HTTP://other.example/x.xml")).isTrue();
        for (String bad : new String[] {"file:///etc/passwd", "FILE:/etc/passwd", "file://localhost/etc/passwd",
                " file:///etc/passwd", "/etc/passwd", "jar:file:///tmp/a.jar!/x", "ftp://example.org/x.jpg",
                "data:image/png;base64,AAAA", "custom-scheme:thing", "C:\\Windows\\win.ini"}) {
            assertThat(o.refusal(bad)).as(bad).isPresent();
        }
        assertThat(o.refusal("file:///etc/passwd").orElseThrow()).contains("came over http(s)");
        assertThat(o.follow("https://example.org/other.json").remote()).isTrue();
    }

    @Test
    void aLocalFileLeadsToFilesInsideItsFolderOnly(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path doc = dir.resolve("pkg/mets.xml");
        Origin o = Origin.of(doc.toUri().toString(), null, DEFAULTS);
        assertThat(o.remote()).isFalse();
        String folder = dir.toUri() + "pkg/";
        assertThat(o.allows(folder + "alto/p1.xml")).isTrue();
        assertThat(o.allows(folder + "images/a%20b.jpg")).isTrue();
        assertThat(o.allows(folder + "x/../alto/p1.xml")).as("climbs back in").isTrue();
        assertThat(o.allows(folder + "images.zip!/p1.jpg")).isTrue();
        assertThat(o.allows("https://example.org/p1.jpg")).as("listed; read only where fetching is on").isTrue();
        assertThat(o.allows("images/p1.jpg")).as("unresolved: names nothing lam reads").isTrue();
        for (String bad : new String[] {folder + "../secret.txt", folder + "%2e%2e/secret.txt", "file:///etc/passwd",
                "/etc/passwd", "file://fileserver/share/x.jpg", folder + "images.zip!/../../x", "jar:" + folder + "a.jar!/x",
                "ftp://example.org/x.jpg"}) {
            assertThat(o.refusal(bad)).as(bad).isPresent();
        }
        assertThat(o.refusal("file:///etc/passwd").orElseThrow()).contains("inside the folder it came from");
        Origin next = o.follow(folder + "alto/p1.xml");
        assertThat(next.allows(folder + "alto/../images/p1.jpg")).isTrue();
        assertThat(next.allows(folder + "../secret.txt")).as("a chain of documents keeps the first bounds").isFalse();
    }

    @Test
    void localRootWidensTheBoundsOfLocalDocumentsButNeverOfRemoteOnes(@org.junit.jupiter.api.io.TempDir Path dir) {
        ReadOptions wide = ReadOptions.builder().localRoot(dir).build();
        Origin local = Origin.of(dir.resolve("pkg/mets.xml").toUri().toString(), null, wide);
        assertThat(local.allows(dir.resolve("images/p1.jpg").toUri().toString())).isTrue();
        assertThat(local.allows("file:///etc/passwd")).isFalse();
        assertThat(Origin.of("https://example.org/m.json", null, wide).allows(dir.resolve("images/p1.jpg").toUri().toString()))
                .isFalse();
        Origin stdin = Origin.of("stdin:", null, DEFAULTS);
        assertThat(stdin.refusal(dir.resolve("x.jpg").toUri().toString()).orElseThrow()).contains("standard input");
        assertThat(Origin.of("stdin:", null, wide).allows(dir.resolve("x.jpg").toUri().toString())).isTrue();
    }

    @Test
    void anArchiveEntryLeadsToEntriesOfItsArchiveOnly(@org.junit.jupiter.api.io.TempDir Path dir) {
        String zip = dir.resolve("delivery.zip").toUri().toString();
        Origin o = Origin.of(zip, "pkg/mets.xml", DEFAULTS);
        assertThat(o.allows(zip + "!/pkg/alto/p1.xml")).isTrue();
        assertThat(o.allows(zip + "!/pkg/../../x")).isFalse();
        assertThat(o.allows(dir.resolve("beside.jpg").toUri().toString())).isFalse();
        assertThat(o.allows("jar:" + zip + "!/pkg/alto/p1.xml")).isFalse();
    }

    @Test
    void aDocumentOfAnotherStoreLeadsOnlyToItsOwnStoreInsideItsFolderOrTheRoot() {
        Origin o = Origin.of("hdfs://nn:8020/batch/issue/mets.xml", null, "hdfs://nn:8020/batch", DEFAULTS);
        assertThat(o.remote()).isFalse();
        assertThat(o.allows("hdfs://nn:8020/batch/issue/alto/p1.xml")).isTrue();
        assertThat(o.allows("HDFS://nn:8020/batch/issue/images/a%20b.jpg")).isTrue();
        assertThat(o.allows("hdfs://nn:8020/batch/master/0001.tif")).as("inside the root").isTrue();
        assertThat(o.allows("https://example.org/p1.jpg")).as("listed, never fetched").isTrue();
        assertThat(o.allows("images/p1.jpg")).as("unresolved: names nothing lam reads").isTrue();
        for (String bad : new String[] {"hdfs://nn:8020/private/p1.xml", "hdfs://nn:8020/batch/../private/x.xml",
                "hdfs://nn:8020/batch/issue/%2e%2e/%2e%2e/private/x.xml", "hdfs://other:8020/batch/issue/p1.xml",
                "s3a://nn:8020/batch/issue/p1.xml", "file:///etc/passwd", "/etc/passwd", "jar:file:///a.jar!/x",
                "hdfs://nn:8020/batch/issue/p1.xml?x=1"}) {
            assertThat(o.refusal(bad)).as(bad).isPresent();
        }
        assertThat(o.refusal("file:///etc/passwd").orElseThrow()).contains("never lead to a local file");
        // a document reached through a reference keeps the first one's bounds
        Origin followed = o.follow("hdfs://nn:8020/batch/issue/alto/p1.xml");
        assertThat(followed.allows("hdfs://nn:8020/batch/master/0001.tif")).isTrue();
        assertThat(followed.allows("hdfs://nn:8020/private/p1.xml")).isFalse();
        // without a root, the document's own folder; an entry, its archive
        Origin alone = Origin.of("hdfs://nn:8020/batch/issue/mets.xml", null, null, DEFAULTS);
        assertThat(alone.allows("hdfs://nn:8020/batch/master/0001.tif")).isFalse();
        Origin entry = Origin.of("s3a://bucket/issue.zip", "issue/mets.xml", null, DEFAULTS);
        assertThat(entry.allows("s3a://bucket/issue.zip!/issue/alto/p1.xml")).isTrue();
        assertThat(entry.allows("s3a://bucket/other.xml")).isFalse();
        // a root on another store bounds nothing
        Origin elsewhere = Origin.of("hdfs://nn:8020/batch/issue/mets.xml", null, "hdfs://other/", DEFAULTS);
        assertThat(elsewhere.allows("hdfs://other/x.xml")).isFalse();
    }
}
