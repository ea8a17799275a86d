package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP source against a loopback server; nothing leaves this machine. */
class HttpSourceTest {

    private HttpServer server;
    private String base;
    private final AtomicInteger fileHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.jsonl", ex -> send(ex, 200, "{\"id\":\"h1\",\"text\":\"over http\"}\n"));
        server.createContext("/missing", ex -> send(ex, 404, "not here"));
        server.createContext("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/big", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] line = "{\"id\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 200_000; i++) {
                    out.write(line);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            send(ex, 302, "");
        });
        server.createContext("/to-file", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            send(ex, 302, "");
        });
        server.createContext("/file", ex -> {
            fileHits.incrementAndGet();
            send(ex, 200, "secret");
        });
        server.createContext("/hop", ex -> {
            ex.getResponseHeaders().add("Location", "/good.jsonl");
            send(ex, 301, "");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static List<LamRecord> read(String url, ReadOptions options) {
        try (var s = Lam.read(url, options)) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void readsAGoodBodyAndNamesTheUrlAsTheSource() {
        List<LamRecord> r = read(base + "/good.jsonl", ReadOptions.defaults());
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.text()).contains("over http");
            assertThat(x.source().get().uri()).isEqualTo(base + "/good.jsonl");
        });
        assertThat(read(base + "/hop", ReadOptions.defaults())).extracting(LamRecord::id).containsExactly("h1");
    }

    @Test
    void reportsA404WithTheUrl() {
        assertThatThrownBy(() -> read(base + "/missing", ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(base + "/missing");
    }

    @Test
    void givesUpOnAServerThatTricklesWithinTheRequestTimeout() {
        ReadOptions o = ReadOptions.builder().format("lam-jsonl")
                .limits(ReadLimits.builder().readTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(2)).build())
                .build();
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() -> read(base + "/slow", o))
                .isInstanceOf(LamIOException.class)
                .hasMessageContaining("requestTimeout"));
    }

    @Test
    void refusesABodyLargerThanTheDownloadLimit() {
        ReadOptions o = ReadOptions.builder().limits(ReadLimits.builder().maxDownloadBytes(100_000).build()).build();
        assertThatThrownBy(() -> read(base + "/big", o))
                .isInstanceOf(LamIOException.class)
                .hasMessageContaining("maxDownloadBytes");
    }

    @Test
    void stopsARedirectLoopAndNeverFollowsARedirectToFile() {
        assertThatThrownBy(() -> read(base + "/loop", ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> read(base + "/to-file", ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class).hasMessageContaining("only http and https");
        assertThat(fileHits).hasValue(0);
    }
}
