package org.biglam.lam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafInputTest {

    @TempDir
    Path dir;

    /** What the general way (Path.toUri, URI.resolve, Path.toUri again) gives. */
    private static String general(Path file, String href) {
        return Path.of(file.toUri().resolve(href.replace(" ", "%20"))).toUri().toString();
    }

    @Test
    void resolvesPlainReferencesBesideAFileAsTheGeneralWayDoes() throws IOException {
        Path file = Files.createDirectories(dir.resolve("issue-1/alto")).resolve("page_0001.xml");
        Files.writeString(file, "<alto/>");
        String uri = Unit.fileUri(file);
        assertThat(uri).isEqualTo(file.toUri().toString());
        for (String href : List.of("0001.jpg", "images/0001.jpg", "../images/p-1.tif", "a/b/c~d_e.jp2")) {
            String fast = LeafInput.beside(uri, href);
            if (href.contains("..")) {
                assertThat(fast).as(href).isNull();
            } else {
                assertThat(fast).as(href).isEqualTo(general(file, href));
            }
        }
        for (String odd : List.of("with space.jpg", "./x.jpg", "a//b.jpg", "a/./b.jpg", "/abs.jpg", "caf\u00e9.jpg",
                "x%20y.jpg", "")) {
            assertThat(LeafInput.beside(uri, odd)).as(odd).isNull();
        }
        assertThat(LeafInput.beside("file:///tmp/caf%C3%A9/p.xml", "i.jpg")).isNull();
        assertThat(LeafInput.beside("https://example.org/p.xml", "i.jpg")).isNull();
    }
}
