package org.biglam.lam.iiif.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.iiif.IiifOptions;

/**
 * Fetches IIIF resources over http(s), politely: connect, read and request timeouts, a body size
 * limit, a redirect limit (http and https only), retries with back-off on 429 and 5xx honouring
 * Retry-After, a per-host limit of requests in flight (shared by every reader of the JVM), and an
 * optional on-disk cache. Thread-safe.
 */
public final class HttpFetcher {

    /** A fetched body and the URI it finally came from (after redirects). */
    public record Fetched(URI uri, byte[] body, boolean fromCache) {
    }

    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, Semaphore> HOSTS = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lam-iiif-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ReadLimits limits;
    private final IiifOptions options;
    private final long maxBytes;
    private final HttpClient client;

    /** Requests sent, for tests and statistics. */
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param limits timeouts, redirect and size limits
     * @param options retries, back-off, per-host limit, cache
     */
    public HttpFetcher(ReadLimits limits, IiifOptions options) {
        this.limits = limits;
        this.options = options;
        this.maxBytes = Math.min(limits.maxDownloadBytes(), limits.maxRecordBytes());
        this.client = CLIENTS.computeIfAbsent(limits.connectTimeout(), t -> HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** How many requests this fetcher has sent. */
    public long requestCount() {
        return requests.get();
    }

    /** Whether a URI is one this fetcher may fetch (http or https). */
    public static boolean isHttp(String uri) {
        String s = uri.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * Fetches a URI.
     *
     * @param uri an http or https URI
     * @return the body
     * @throws IOException on a network error, a bad status after the retries, a redirect to another
     *     scheme or too many redirects, a body over the limit, or a timeout
     */
    public Fetched fetch(String uri) throws IOException {
        URI u;
        try {
            u = new URI(uri.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("not a URI: " + uri, e);
        }
        checkScheme(u);
        Path cached = cacheFile(u);
        if (cached != null && Files.isRegularFile(cached)) {
            byte[] body = Files.readAllBytes(cached);
            if (body.length <= maxBytes) {
                return new Fetched(u, body, true);
            }
        }
        // one permit of the host for the whole exchange: retries, redirects and the body
        Semaphore host = HOSTS.computeIfAbsent(u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort() + "|"
                + options.maxPerHost(), k -> new Semaphore(options.maxPerHost(), true));
        try {
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting to fetch " + u);
        }
        try {
            return exchange(u, cached);
        } finally {
            host.release();
        }
    }

    private Fetched exchange(URI u, Path cached) throws IOException {
        URI current = u;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> r = sendWithRetries(current);
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(r.body());
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new IOException("HTTP " + status + " without a Location from " + current);
                }
                if (redirects >= limits.maxRedirects()) {
                    throw new IOException("more than " + limits.maxRedirects() + " redirects from " + u
                            + " (ReadLimits.maxRedirects)");
                }
                current = current.resolve(location.strip());
                checkScheme(current);
                continue;
            }
            if (status != 200) {
                closeQuietly(r.body());
                throw new IOException("HTTP " + status + " from " + current);
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                closeQuietly(r.body());
                throw new IOException("body of " + declared + " bytes from " + current + " is over the limit of "
                        + maxBytes + " bytes (ReadLimits.maxRecordBytes / maxDownloadBytes)");
            }
            byte[] body = readBody(r.body(), current);
            if (cached != null) {
                store(cached, body);
            }
            return new Fetched(current, body, false);
        }
    }

    private static void checkScheme(URI u) throws IOException {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https are fetched: " + u);
        }
        if (u.getHost() == null) {
            throw new IOException("no host in " + u);
        }
    }

    private HttpResponse<InputStream> sendWithRetries(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(limits.readTimeout().compareTo(limits.requestTimeout()) < 0 ? limits.readTimeout()
                        : limits.requestTimeout())
                .header("Accept", "application/ld+json, application/json;q=0.9, */*;q=0.1")
                .header("User-Agent", "lam-iiif/0.1 (+https://github.com/biglam/lam)")
                .GET().build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> r;
            try {
                requests.incrementAndGet();
                r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted fetching " + uri);
            } catch (java.net.http.HttpTimeoutException e) {
                throw new IOException("timed out fetching " + uri + " (ReadLimits.readTimeout)", e);
            }
            int status = r.statusCode();
            boolean retriable = status == 429 || status >= 500 && status <= 599;
            if (!retriable || attempt >= options.retries()) {
                return r;
            }
            closeQuietly(r.body());
            long waitMs = options.backoff().toMillis() << Math.min(attempt, 16);
            String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            if (retryAfter != null) {
                long ra = retryAfterMillis(retryAfter);
                if (ra > options.maxRetryAfter().toMillis()) {
                    throw new IOException("HTTP " + status + " from " + uri + " asks to retry after " + retryAfter
                            + ", longer than the " + options.maxRetryAfter() + " honoured");
                }
                if (ra >= 0) {
                    waitMs = ra;
                }
            }
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting to retry " + uri);
            }
        }
    }

    /** Milliseconds a Retry-After value asks for (delta seconds or an HTTP date), or -1 if unreadable. */
    static long retryAfterMillis(String value) {
        String v = value.strip();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000L;
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, t.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (DateTimeParseException e2) {
                return -1;
            }
        }
    }

    private byte[] readBody(InputStream in, URI uri) throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicBoolean timedOut = new AtomicBoolean();
        long readTimeoutNanos = limits.readTimeout().toNanos();
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        long period = Math.max(10, Math.min(1000, limits.readTimeout().toMillis() / 4));
        ScheduledFuture<?> watch = WATCHDOG.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now - lastProgress.get() > readTimeoutNanos || now > deadline) {
                timedOut.set(true);
                closeQuietly(in);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try (InputStream body = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = body.read(buf)) >= 0) {
                lastProgress.set(System.nanoTime());
                total += n;
                if (total > maxBytes) {
                    throw new IOException("body from " + uri + " is over the limit of " + maxBytes
                            + " bytes (ReadLimits.maxRecordBytes / maxDownloadBytes)");
                }
                out.write(buf, 0, n);
            }
            if (timedOut.get()) {
                throw new IOException("timed out reading " + uri + " (ReadLimits.readTimeout)");
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException("timed out reading " + uri + " (ReadLimits.readTimeout)", e);
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
    }

    private Path cacheFile(URI u) {
        Path dir = options.cacheDir().orElse(null);
        if (dir == null) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(u.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return dir.resolve(sb.substring(0, 2)).resolve(sb + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static void store(Path file, byte[] body) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "fetch", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // a cache that cannot be written is no reason to fail the read
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
