package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lam's one HTTP client, against a loopback server only. */
class FetcherTest {

    private static Fetcher fast(ReadLimits limits) {
        return Fetcher.builder(limits).backoff(Duration.ofMillis(5)).retries(2).build();
    }

    private static String text(Fetcher f, String url) throws IOException {
        try (InputStream in = f.open(URI.create(url))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void retriesA503HonouringRetryAfterAndHandsTheLastAnswerBack() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/busy", (ex, n) -> {
                ex.getResponseHeaders().add("Retry-After", "0");
                LoopbackServer.send(ex, 503, "busy " + n);
            });
            server.on("/flaky", (ex, n) -> LoopbackServer.send(ex, n < 3 ? 502 : 200, "try " + n));
            Fetcher f = fast(ReadLimits.defaults());

            try (Fetcher.Response r = f.get(URI.create(server.url("/busy")))) {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.retryAfter()).contains(Duration.ZERO);
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("busy 3");
            }
            assertThat(server.count("/busy")).isEqualTo(3);
            assertThatThrownBy(() -> f.open(URI.create(server.url("/busy"))))
                    .isInstanceOf(Fetcher.StatusException.class).hasMessageContaining("HTTP 503")
                    .satisfies(e -> assertThat(((Fetcher.StatusException) e).status()).isEqualTo(503));
            assertThat(text(f, server.url("/flaky"))).isEqualTo("try 3");
        }
    }

    @Test
    void aRetryAfterLongerThanHonouredIsHandedBackAtOnce() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/later", (ex, n) -> {
                ex.getResponseHeaders().add("Retry-After", "3600");
                LoopbackServer.send(ex, 429, "");
            });
            Fetcher f = fast(ReadLimits.defaults());

            try (Fetcher.Response r = f.get(URI.create(server.url("/later")))) {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.header("retry-after")).contains("3600");
                assertThat(r.retryAfter()).contains(Duration.ofHours(1));
            }
            assertThat(server.count("/later")).isEqualTo(1);
        }
    }

    @Test
    void a404IsNotRetried() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/gone", (ex, n) -> LoopbackServer.send(ex, 404, "no"));
            Fetcher f = fast(ReadLimits.defaults());

            assertThatThrownBy(() -> f.open(URI.create(server.url("/gone")))).hasMessageContaining("HTTP 404");
            assertThat(server.count("/gone")).isEqualTo(1);
        }
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndOnlyToHttp() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/loop", (ex, n) -> {
                ex.getResponseHeaders().add("Location", "/loop");
                LoopbackServer.send(ex, 302, "");
            });
            server.on("/to-file", (ex, n) -> {
                ex.getResponseHeaders().add("Location", "file:///etc/passwd");
                LoopbackServer.send(ex, 301, "");
            });
            server.on("/to-jar", (ex, n) -> {
                ex.getResponseHeaders().add("Location", "jar:file:///tmp/x.jar!/a");
                LoopbackServer.send(ex, 307, "");
            });
            server.on("/once", (ex, n) -> {
                ex.getResponseHeaders().add("Location", "/target");
                LoopbackServer.send(ex, 301, "");
            });
            server.json("/target", "{\"ok\":true}");
            Fetcher f = fast(ReadLimits.builder().maxRedirects(3).build());

            assertThatThrownBy(() -> f.get(URI.create(server.url("/loop")))).hasMessageContaining("maxRedirects (3)");
            assertThat(server.count("/loop")).isEqualTo(4);
            assertThatThrownBy(() -> f.get(URI.create(server.url("/to-file")))).hasMessageContaining("only http and https");
            assertThatThrownBy(() -> f.get(URI.create(server.url("/to-jar")))).hasMessageContaining("only http and https");
            try (Fetcher.Response r = f.get(URI.create(server.url("/once")))) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.uri().toString()).isEqualTo(server.url("/target"));
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
            }
            assertThatThrownBy(() -> f.get(URI.create("ftp://127.0.0.1/x"))).hasMessageContaining("only http and https");
            assertThatThrownBy(() -> f.get(URI.create("file:///etc/passwd"))).hasMessageContaining("only http and https");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedDeclaredOrNot() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/big", "[" + "1,".repeat(5000) + "1]");
            server.on("/chunked", (ex, n) -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[20_000]);
                } catch (IOException e) {
                    // the client hung up
                }
            });
            Fetcher f = fast(ReadLimits.builder().maxDownloadBytes(1000).build());

            assertThatThrownBy(() -> f.get(URI.create(server.url("/big")))).hasMessageContaining("maxDownloadBytes (1000)");
            assertThatThrownBy(() -> text(f, server.url("/chunked"))).hasMessageContaining("maxDownloadBytes (1000)");
        }
    }

    @Test
    void aServerSilentForTheReadTimeoutIsCut() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/slow", (ex, n) -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackServer.send(ex, 200, "{}");
            });
            Fetcher f = fast(ReadLimits.builder().readTimeout(Duration.ofMillis(200)).build());

            assertThatThrownBy(() -> f.get(URI.create(server.url("/slow")))).isInstanceOf(IOException.class)
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void aTransferSlowerThanTheLowSpeedLimitIsCutLongBeforeTheRequestTimeout() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            // 10 bytes every 50 ms: 200 bytes/s, never silent for the read timeout
            server.on("/trickle", (ex, n) -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 400; i++) {
                        out.write(new byte[10]);
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up, as it should
                }
            });
            Fetcher f = fast(ReadLimits.builder().lowSpeedLimit(1000).lowSpeedTime(Duration.ofMillis(400))
                    .readTimeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofMinutes(10)).build());

            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> text(f, server.url("/trickle")))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessageContaining("lowSpeedLimit (1000 bytes/s)"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTransferAboveTheLowSpeedLimitIsNotCut() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            // 1,000 bytes every 50 ms: 20,000 bytes/s for about 1 s
            server.on("/steady", (ex, n) -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 20; i++) {
                        out.write(new byte[1000]);
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Fetcher f = fast(ReadLimits.builder().lowSpeedLimit(1000).lowSpeedTime(Duration.ofMillis(300)).build());

            assertThat(text(f, server.url("/steady"))).hasSize(20_000);
        }
    }

    @Test
    void theOnDiskCacheAnswersTheSecondFetchOnceTheFirstWasReadToItsEnd(@TempDir Path cache) throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/m.json", "{\"id\":\"m\"}");
            Fetcher f = Fetcher.builder(ReadLimits.defaults()).cacheDir(cache).build();
            try (Fetcher.Response r = f.get(URI.create(server.url("/m.json")))) {
                assertThat(r.fromCache()).isFalse();
                r.body().read();
            }
            try (Fetcher.Response r = f.get(URI.create(server.url("/m.json")))) {
                assertThat(r.fromCache()).isFalse();
                assertThat(r.body().readAllBytes()).hasSize(10);
            }
            try (Fetcher.Response r = f.get(URI.create(server.url("/m.json")))) {
                assertThat(r.fromCache()).isTrue();
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"m\"}");
            }
            assertThat(server.count("/m.json")).isEqualTo(2);
            try (var files = Files.walk(cache)) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void noMoreThanTheLimitOfRequestsGoToOneHostAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/p", (ex, n) -> {
                int now = inFlight.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                if (n % 2 == 1) {
                    // every other answer asks for a retry: the retry keeps the host's one permit
                    ex.getResponseHeaders().add("Retry-After", "0");
                    LoopbackServer.send(ex, 503, "");
                } else {
                    LoopbackServer.send(ex, 200, "{}");
                }
            });
            Fetcher f = Fetcher.builder(ReadLimits.defaults()).maxPerHost(1).build();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(pool.submit(() -> text(f, server.url("/p"))));
                }
                for (Future<String> fu : fs) {
                    assertThat(fu.get()).isEqualTo("{}");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.count("/p")).isEqualTo(12);
            assertThat(most.get()).isEqualTo(1);
        }
    }

    @Test
    void aThreadHoldingTheHostsOnlyPermitCanStillOpenAReferencedDocumentThere() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/a", "{\"a\":1}");
            server.json("/b", "{\"b\":2}");
            Fetcher f = Fetcher.builder(ReadLimits.defaults()).maxPerHost(1).build();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (InputStream a = f.open(URI.create(server.url("/a")))) {
                    assertThat(text(f, server.url("/b"))).isEqualTo("{\"b\":2}");
                    assertThat(a.readAllBytes()).hasSize(7);
                }
            });
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(Fetcher.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(Fetcher.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
        assertThat(Fetcher.retryAfterMillis("soon")).isEqualTo(-1);
    }
}
