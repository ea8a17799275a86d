package org.biglam.lam.iiif.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.iiif.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polite fetcher, against a loopback server only. */
class HttpFetcherTest {

    private static final IiifOptions FAST = IiifOptions.builder().backoff(Duration.ofMillis(5)).retries(2).build();

    @Test
    void retriesHonourRetryAfterAndGiveUpAfterTheLastRetry() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/busy", (ex, n) -> {
                ex.getResponseHeaders().add("Retry-After", "0");
                LoopbackServer.send(ex, 503, "");
            });
            HttpFetcher f = new HttpFetcher(ReadLimits.defaults(), FAST);

            assertThatThrownBy(() -> f.fetch(server.url("/busy"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 503");
            assertThat(server.count("/busy")).isEqualTo(3);
        }
    }

    @Test
    void aRetryAfterLongerThanHonouredGivesUpAtOnce() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/later", (ex, n) -> {
                ex.getResponseHeaders().add("Retry-After", "3600");
                LoopbackServer.send(ex, 429, "");
            });
            HttpFetcher f = new HttpFetcher(ReadLimits.defaults(), FAST);

            assertThatThrownBy(() -> f.fetch(server.url("/later"))).hasMessageContaining("retry after 3600");
            assertThat(server.count("/later")).isEqualTo(1);
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
            server.on("/once", (ex, n) -> {
                ex.getResponseHeaders().add("Location", "/target");
                LoopbackServer.send(ex, 301, "");
            });
            server.json("/target", "{\"ok\":true}");
            HttpFetcher f = new HttpFetcher(ReadLimits.builder().maxRedirects(3).build(), FAST);

            assertThatThrownBy(() -> f.fetch(server.url("/loop"))).hasMessageContaining("more than 3 redirects");
            assertThat(server.count("/loop")).isEqualTo(4);
            assertThatThrownBy(() -> f.fetch(server.url("/to-file"))).hasMessageContaining("only http and https");
            HttpFetcher.Fetched ok = f.fetch(server.url("/once"));
            assertThat(new String(ok.body())).isEqualTo("{\"ok\":true}");
            assertThat(ok.uri().toString()).isEqualTo(server.url("/target"));
            assertThatThrownBy(() -> f.fetch("ftp://127.0.0.1/x")).hasMessageContaining("only http and https");
        }
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/big", "[" + "1,".repeat(5000) + "1]");
            HttpFetcher f = new HttpFetcher(ReadLimits.builder().maxRecordBytes(1000).build(), FAST);

            assertThatThrownBy(() -> f.fetch(server.url("/big"))).hasMessageContaining("over the limit of 1000 bytes");
        }
    }

    @Test
    void aSlowServerTimesOut() throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/slow", (ex, n) -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackServer.send(ex, 200, "{}");
            });
            HttpFetcher f = new HttpFetcher(ReadLimits.builder().readTimeout(Duration.ofMillis(200)).build(), FAST);

            assertThatThrownBy(() -> f.fetch(server.url("/slow"))).hasMessageContaining("timed out");
        }
    }

    @Test
    void theOnDiskCacheAnswersTheSecondFetch(@TempDir Path cache) throws IOException {
        try (LoopbackServer server = new LoopbackServer()) {
            server.json("/m.json", "{\"id\":\"m\"}");
            IiifOptions o = FAST.toBuilder().cacheDir(cache).build();
            HttpFetcher.Fetched first = new HttpFetcher(ReadLimits.defaults(), o).fetch(server.url("/m.json"));
            HttpFetcher.Fetched second = new HttpFetcher(ReadLimits.defaults(), o).fetch(server.url("/m.json"));

            assertThat(first.fromCache()).isFalse();
            assertThat(second.fromCache()).isTrue();
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(server.count("/m.json")).isEqualTo(1);
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
                LoopbackServer.send(ex, 200, "{}");
            });
            IiifOptions o = FAST.toBuilder().maxPerHost(1).build();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<HttpFetcher.Fetched>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(pool.submit(() -> new HttpFetcher(ReadLimits.defaults(), o).fetch(server.url("/p"))));
                }
                for (Future<HttpFetcher.Fetched> fu : fs) {
                    fu.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.count("/p")).isEqualTo(6);
            assertThat(most.get()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(HttpFetcher.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(HttpFetcher.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
        assertThat(HttpFetcher.retryAfterMillis("soon")).isEqualTo(-1);
    }
}
