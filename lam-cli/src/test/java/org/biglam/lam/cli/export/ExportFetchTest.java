package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;
import static org.biglam.lam.cli.export.ExportTestSupport.png;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fetch-images against a loopback HTTP server (127.0.0.1 only). */
class ExportFetchTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger busy = new AtomicInteger(1);
    private byte[] image;

    @BeforeEach
    void start() throws Exception {
        image = png(3, 10, 8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            requested.add(path);
            byte[] body;
            int status = 200;
            if (path.equals("/busy.png") && busy.getAndDecrement() > 0) {
                ex.getResponseHeaders().add("Retry-After", "0");
                status = 429;
                body = new byte[0];
            } else if (path.endsWith(".png") || path.endsWith("/default.jpg")) {
                body = image;
            } else {
                status = 404;
                body = "no".getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void remoteImagesAreFetchedRetriedAfter429AndAskedOfTheIiifServiceAtASize() throws Exception {
        Path in = tmp.resolve("remote.jsonl");
        Files.write(in, List.of(
                "{\"id\":\"a\",\"format\":\"iiif\",\"group\":\"m\",\"images\":[{\"uri\":\"" + base + "/a.png\"}]}",
                "{\"id\":\"b\",\"format\":\"iiif\",\"group\":\"m\",\"images\":[{\"uri\":\"" + base + "/busy.png\"}]}",
                "{\"id\":\"c\",\"format\":\"iiif\",\"group\":\"m\",\"images\":[{\"uri\":\"" + base
                        + "/iiif/c/full/full/0/default.jpg\",\"service\":\"" + base + "/iiif/c\","
                        + "\"region\":{\"x\":1,\"y\":2,\"w\":30,\"h\":40}}]}",
                "{\"id\":\"d\",\"format\":\"iiif\",\"group\":\"m\",\"images\":[{\"uri\":\"" + base + "/missing.jpg\"}]}"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        var run = lam("export", in.toString(), "--out", out.toString(), "--as", "webdataset", "--image",
                "--fetch-images", "--image-size", "512", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(requested).containsExactly("/a.png", "/busy.png", "/busy.png", "/iiif/c/1,2,30,40/!512,512/0/default.jpg",
                "/missing.jpg");
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (InputStream s = Files.newInputStream(out.resolve("data/train-00000-of-00001.tar"));
                TarArchiveInputStream tar = new TarArchiveInputStream(s)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                members.put(e.getName(), tar.readAllBytes());
            }
        }
        assertThat(members.keySet()).containsExactly("000000000_a.json", "000000000_a.png", "000000001_b.json",
                "000000001_b.png", "000000002_c.json", "000000002_c.png");
        assertThat(members.get("000000002_c.png")).isEqualTo(image);
        assertThat(ExportTestSupport.body(out.resolve("README.md")))
                .contains("1 whose image could not be read here");
    }

    @Test
    void withoutFetchingNothingIsRequested() throws Exception {
        Path in = tmp.resolve("remote.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"format\":\"iiif\",\"images\":[{\"uri\":\"" + base + "/a.png\"}]}\n");
        var run = lam("export", in.toString(), "--out", tmp.resolve("out").toString(), "--image", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(requested).isEmpty();
    }
}
