package org.biglam.lam.spi;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadLimits;
import org.jspecify.annotations.Nullable;

/**
 * lam's one HTTP client: every http(s) request lam makes (sources, references readers follow,
 * {@code lam export}'s images, harvesters) goes through it, so the same rules hold everywhere.
 *
 * <ul>
 * <li>{@code http} and {@code https} only, for the first request and every redirect (never
 *     {@code file:}, {@code jar:}, {@code ftp:}, ...); redirects followed by hand up to
 *     {@link ReadLimits#maxRedirects()}.</li>
 * <li>{@link ReadLimits#connectTimeout()}, {@link ReadLimits#readTimeout()} (silence while waiting for
 *     bytes), {@link ReadLimits#requestTimeout()} (one attempt, redirects and body included),
 *     {@link ReadLimits#maxDownloadBytes()} (one body, declared or not), and a low-speed limit
 *     ({@link ReadLimits#lowSpeedLimit()} bytes a second over {@link ReadLimits#lowSpeedTime()}): a
 *     transfer slower than that is cut, as curl's {@code --speed-limit} does.</li>
 * <li>Retries on 429, 500, 502, 503, 504 and other 5xx answers but 501 and 505, waiting what
 *     {@code Retry-After} asks (seconds or an HTTP date) when it is at most {@link
 *     Builder#maxRetryAfter(Duration)}, else a back-off doubled each time; an answer asking for a
 *     longer wait, or the last one, is returned as it is, for the caller to see.</li>
 * <li>At most {@link Builder#maxPerHost(int)} requests in flight to one host across the JVM (a
 *     thread that already holds one for the host, reading a document that names another on the
 *     same host, does not wait for a second).</li>
 * <li>An optional on-disk cache of 200 answers, keyed by URI, written once a body has been read to
 *     its end.</li>
 * </ul>
 *
 * <p>Thread-safe; cheap to make. A {@link Response} holds a connection and a host permit until it
 * is closed: close it.
 *
 * <pre>{@code
 * Fetcher fetcher = Fetcher.builder(options.limits()).header("Accept", "text/xml").build();
 * try (Fetcher.Response r = fetcher.get(URI.create(url))) {
 *     if (r.status() == 200) { parse(r.body()); }
 *     else { ... r.header("Retry-After") ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Fetcher {

    /** Default number of requests in flight to one host: {@value}. */
    public static final int DEFAULT_MAX_PER_HOST = 2;
    /** Default number of retries after a retriable answer: {@value}. */
    public static final int DEFAULT_RETRIES = 3;
    /** Default first back-off before a retry, doubled each time: 500 ms. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    /** Default longest wait honoured from a {@code Retry-After} header: 2 minutes. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private static final Map<String, Semaphore> HOSTS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, int[]>> HELD = ThreadLocal.withInitial(HashMap::new);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lam-fetcher-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ReadLimits limits;
    private final int maxPerHost;
    private final int retries;
    private final Duration backoff;
    private final Duration maxRetryAfter;
    private final Path cacheDir;
    private final Map<String, String> headers;
    private final AtomicLong requests = new AtomicLong();

    private Fetcher(Builder b) {
        this.limits = b.limits;
        this.maxPerHost = b.maxPerHost;
        this.retries = b.retries;
        this.backoff = b.backoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.cacheDir = b.cacheDir;
        this.headers = Map.copyOf(b.headers);
    }

    /**
     * A fetcher with these limits and the default politeness (retries, back-off, per-host limit),
     * no cache.
     *
     * @param limits the timeouts, size, redirect and low-speed limits
     * @return the fetcher
     */
    public static Fetcher of(ReadLimits limits) {
        return builder(limits).build();
    }

    /**
     * Starts a fetcher with these limits.
     *
     * @param limits the timeouts, size, redirect and low-speed limits
     * @return a builder
     */
    public static Builder builder(ReadLimits limits) {
        return new Builder(limits);
    }

    /**
     * Whether a URI is one lam fetches: {@code http:} or {@code https:} (case-insensitive).
     *
     * @param uri a URI
     * @return whether it is http(s)
     */
    public static boolean isHttp(String uri) {
        return uri != null && (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8));
    }

    /** Requests sent by this fetcher (retries and redirects count), for tests and statistics. */
    public long requestCount() {
        return requests.get();
    }

    /**
     * Sends a GET request, following redirects and retrying as the class says, and returns the
     * answer, whatever its status. The caller closes it.
     *
     * @param uri an http or https URI
     * @return the answer: for a 200 from the cache, {@link Response#fromCache()} is true
     * @throws IOException on a scheme other than http(s) (here or in a redirect), too many
     *     redirects, a body declared larger than the limit, a timeout or a network error
     */
    public Response get(URI uri) throws IOException {
        Objects.requireNonNull(uri, "uri");
        checkScheme(uri);
        Path cached = cacheFile(uri);
        if (cached != null && Files.isRegularFile(cached) && Files.size(cached) <= limits.maxDownloadBytes()) {
            return new Response(200, uri, Map.of(), Files.newInputStream(cached), true, () -> { });
        }
        Permit permit = Permit.take(uri, maxPerHost);
        boolean handedOver = false;
        try {
            for (int attempt = 0; ; attempt++) {
                Response r = exchange(uri, cached, permit);
                if (!retriable(r.status()) || attempt >= retries) {
                    handedOver = true;
                    return r;
                }
                long waitMs = backoff.toMillis() << Math.min(attempt, 16);
                Optional<Duration> ra = r.retryAfter();
                if (ra.isPresent()) {
                    if (ra.get().compareTo(maxRetryAfter) > 0) {
                        handedOver = true;
                        return r;
                    }
                    waitMs = ra.get().toMillis();
                }
                r.discard();
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted waiting to retry " + uri);
                }
            }
        } finally {
            if (!handedOver) {
                permit.release();
            }
        }
    }

    /**
     * The body of a 2xx answer to a GET request, as {@link #get(URI)} gives it. The caller closes
     * the stream.
     *
     * @param uri an http or https URI
     * @return the body, bounded by the limits
     * @throws StatusException if the (last) answer is not 2xx
     * @throws IOException as {@link #get(URI)}
     */
    public InputStream open(URI uri) throws IOException {
        Response r = get(uri);
        if (r.status() < 200 || r.status() >= 300) {
            StatusException e = new StatusException(r.status(), r.uri(), r.retryAfter().orElse(null));
            r.close();
            throw e;
        }
        return r.body();
    }

    private static boolean retriable(int status) {
        return status == 429 || status >= 500 && status <= 599 && status != 501 && status != 505;
    }

    private static void checkScheme(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https URLs are fetched, not " + uri);
        }
        if (uri.getHost() == null) {
            throw new IOException("no host in " + uri);
        }
    }

    /** One attempt: redirects followed, the answer's body wrapped in the limits. */
    private Response exchange(URI uri, Path cached, Permit permit) throws IOException {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            checkScheme(current);
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout(millis(limits.connectTimeout()));
            c.setReadTimeout(millis(limits.readTimeout()));
            c.setRequestProperty("User-Agent", "lam/" + Lam.version() + " (+https://github.com/biglam/lam)");
            c.setRequestProperty("Accept-Encoding", "identity");
            headers.forEach(c::setRequestProperty);
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw timeout(current);
            }
            Transfer t = new Transfer(c, deadline, limits);
            int status;
            try {
                requests.incrementAndGet();
                status = c.getResponseCode();
            } catch (IOException e) {
                t.stop();
                c.disconnect();
                if (t.cut != null) {
                    throw new InterruptedIOException(t.cut + " (" + current + ")");
                }
                if (e instanceof java.net.SocketTimeoutException) {
                    throw new InterruptedIOException("timed out waiting for " + current + ": " + e.getMessage()
                            + " (connectTimeout " + limits.connectTimeout() + ", readTimeout " + limits.readTimeout() + ")");
                }
                throw e;
            }
            if (status >= 300 && status < 400 && status != 304) {
                t.stop();
                String location = c.getHeaderField("Location");
                c.disconnect();
                if (location == null) {
                    throw new IOException("HTTP " + status + " redirect without a Location from " + current);
                }
                if (redirects >= limits.maxRedirects()) {
                    throw new IOException("more than maxRedirects (" + limits.maxRedirects() + ") redirects from "
                            + uri + ", last to " + location);
                }
                try {
                    current = current.resolve(new URI(location.strip()));
                } catch (URISyntaxException e) {
                    throw new IOException("redirect to a bad URI from " + current + ": " + location, e);
                }
                continue;
            }
            long declared = c.getContentLengthLong();
            if (declared > limits.maxDownloadBytes()) {
                t.stop();
                c.disconnect();
                throw new IOException("body of " + declared + " bytes from " + current
                        + " is larger than maxDownloadBytes (" + limits.maxDownloadBytes() + ")");
            }
            InputStream raw;
            try {
                raw = status >= 400 ? c.getErrorStream() : c.getInputStream();
            } catch (IOException e) {
                raw = c.getErrorStream();
            }
            if (raw == null) {
                raw = new ByteArrayInputStream(new byte[0]);
            }
            Map<String, List<String>> h = new LinkedHashMap<>();
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null) {
                    h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                }
            });
            Body body = new Body(raw, c, t, current, limits, status == 200 ? cached : null);
            return new Response(status, current, h, body, false, permit::release);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private InterruptedIOException timeout(URI uri) {
        return new InterruptedIOException("request to " + uri + " took longer than requestTimeout ("
                + limits.requestTimeout() + ")");
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

    private Path cacheFile(URI u) {
        if (cacheDir == null) {
            return null;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(u.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return cacheDir.resolve(sb.substring(0, 2)).resolve(sb + ".body");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** An answer: status, headers, the URI it finally came from, and its body. Close it. */
    public static final class Response implements Closeable {
        private final int status;
        private final URI uri;
        private final Map<String, List<String>> headers;
        private final InputStream raw;
        private final InputStream body;
        private final boolean fromCache;
        private final Runnable release;
        private boolean closed;

        Response(int status, URI uri, Map<String, List<String>> headers, InputStream body, boolean fromCache,
                Runnable release) {
            this.status = status;
            this.uri = uri;
            this.headers = headers;
            this.fromCache = fromCache;
            this.release = release;
            this.raw = body;
            this.body = new FilterInputStream(body) {
                @Override
                public void close() throws IOException {
                    Response.this.close();
                }
            };
        }

        /** The HTTP status code of the answer. */
        public int status() {
            return status;
        }

        /** The URI the answer came from, after redirects. */
        public URI uri() {
            return uri;
        }

        /**
         * The first value of a header.
         *
         * @param name the header's name, in any case
         * @return its first value, if the answer has it
         */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        /** Every header, names in lower case; empty for an answer from the cache. */
        public Map<String, List<String>> headers() {
            return headers;
        }

        /** The wait a {@code Retry-After} header asks for, if it has one that can be read. */
        public Optional<Duration> retryAfter() {
            return header("Retry-After").map(Fetcher::retryAfterMillis).filter(ms -> ms >= 0).map(Duration::ofMillis);
        }

        /**
         * The body, bounded by the limits (size, read timeout, request deadline, low speed): a read
         * past one throws an {@link IOException} that says which. Closing it closes the answer.
         */
        public InputStream body() {
            return body;
        }

        /** Whether the answer came from the on-disk cache. */
        public boolean fromCache() {
            return fromCache;
        }

        /** Closes the body of an answer to be retried, keeping the host's permit for the retry. */
        void discard() {
            closed = true;
            try {
                raw.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }

        /** Ends the answer: closes the body and frees the host for another request. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                raw.close();
            } finally {
                release.run();
            }
        }
    }

    /**
     * Thrown by {@link #open(URI)} when the (last) answer is not 2xx.
     */
    public static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Duration retryAfter;

        StatusException(int status, URI uri, Duration retryAfter) {
            super("HTTP " + status + " from " + uri + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"));
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** The HTTP status code. */
        public int status() {
            return status;
        }

        /** The wait the answer's {@code Retry-After} asked for, if any. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** A permit of a host, taken once per thread and host. */
    private static final class Permit {
        private final Semaphore semaphore;
        private final Map<String, int[]> held;
        private final String key;
        private boolean released;

        private Permit(Semaphore semaphore, Map<String, int[]> held, String key) {
            this.semaphore = semaphore;
            this.held = held;
            this.key = key;
        }

        static Permit take(URI uri, int maxPerHost) throws IOException {
            String key = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort() + "|" + maxPerHost;
            Map<String, int[]> held = HELD.get();
            int[] n = held.get(key);
            Semaphore s = HOSTS.computeIfAbsent(key, k -> new Semaphore(maxPerHost, true));
            if (n == null || n[0] == 0) {
                try {
                    s.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted waiting to fetch " + uri);
                }
                synchronized (held) {
                    held.computeIfAbsent(key, k -> new int[1])[0] = 1;
                }
                return new Permit(s, held, key);
            }
            synchronized (held) {
                n[0]++;
            }
            return new Permit(null, held, key);
        }

        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            synchronized (held) {
                int[] n = held.get(key);
                if (n != null && n[0] > 0) {
                    n[0]--;
                }
            }
            if (semaphore != null) {
                semaphore.release();
            }
        }
    }

    /** Watches one connection: the request deadline and the low-speed limit. */
    private static final class Transfer implements Runnable {
        private final HttpURLConnection connection;
        private final long deadline;
        private final ReadLimits limits;
        private final long speedWindow;
        private final ScheduledFuture<?> task;
        volatile long bytes;
        volatile boolean body;
        private long windowStart;
        private long windowBytes;
        volatile String cut;

        Transfer(HttpURLConnection connection, long deadline, ReadLimits limits) {
            this.connection = connection;
            this.deadline = deadline;
            this.limits = limits;
            this.speedWindow = limits.lowSpeedTime().toNanos();
            long period = Math.max(10, Math.min(1000, Math.min(limits.lowSpeedTime().toMillis(),
                    limits.requestTimeout().toMillis()) / 4));
            this.windowStart = System.nanoTime();
            this.task = WATCHDOG.scheduleAtFixedRate(this, period, period, TimeUnit.MILLISECONDS);
        }

        void startBody() {
            synchronized (this) {
                windowStart = System.nanoTime();
                windowBytes = bytes;
            }
            body = true;
        }

        @Override
        public void run() {
            String why = check(System.nanoTime());
            if (why != null && cut == null) {
                cut = why;
                connection.disconnect();
                task.cancel(false);
            }
        }

        /** Why the transfer must end now, or null. */
        synchronized String check(long now) {
            if (cut != null) {
                return cut;
            }
            if (now - deadline >= 0) {
                return "request took longer than requestTimeout (" + limits.requestTimeout() + ")";
            }
            if (body && limits.lowSpeedLimit() > 0 && now - windowStart >= speedWindow) {
                long got = bytes - windowBytes;
                double seconds = (now - windowStart) / 1e9;
                if (got < limits.lowSpeedLimit() * seconds) {
                    return "transfer slower than lowSpeedLimit (" + limits.lowSpeedLimit() + " bytes/s) for lowSpeedTime ("
                            + limits.lowSpeedTime() + "): " + got + " bytes in " + String.format(Locale.ROOT, "%.1f", seconds) + " s";
                }
                windowStart = now;
                windowBytes = bytes;
            }
            return null;
        }

        void stop() {
            task.cancel(false);
        }
    }

    /** The body: bounded in size, time and speed; copied to the cache when read to its end. */
    private static final class Body extends InputStream {
        private final InputStream in;
        private final HttpURLConnection connection;
        private final Transfer transfer;
        private final URI uri;
        private final ReadLimits limits;
        private final Path cacheFile;
        private Path cacheTmp;
        private OutputStream cacheOut;
        private boolean eof;

        Body(InputStream in, HttpURLConnection connection, Transfer transfer, URI uri, ReadLimits limits, Path cacheFile) {
            this.in = in;
            this.connection = connection;
            this.transfer = transfer;
            this.uri = uri;
            this.limits = limits;
            this.cacheFile = cacheFile;
            transfer.startBody();
            if (cacheFile != null) {
                try {
                    Files.createDirectories(cacheFile.getParent());
                    cacheTmp = Files.createTempFile(cacheFile.getParent(), "fetch", ".tmp");
                    cacheOut = Files.newOutputStream(cacheTmp);
                } catch (IOException | UnsupportedOperationException e) {
                    dropCache();
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                String why = transfer.cut;
                if (why != null) {
                    throw new InterruptedIOException(why + " (" + uri + ")");
                }
                if (e instanceof java.net.SocketTimeoutException) {
                    throw new InterruptedIOException("no bytes from " + uri + " for readTimeout ("
                            + limits.readTimeout() + ")");
                }
                throw e;
            }
            if (n < 0) {
                eof = true;
                transfer.stop();
                finishCache();
                return -1;
            }
            transfer.bytes += n;
            if (transfer.bytes > limits.maxDownloadBytes()) {
                throw new IOException("body from " + uri + " is larger than maxDownloadBytes ("
                        + limits.maxDownloadBytes() + ")");
            }
            String why = transfer.check(System.nanoTime());
            if (why != null) {
                transfer.cut = why;
                throw new InterruptedIOException(why + " (" + uri + ")");
            }
            if (cacheOut != null) {
                try {
                    cacheOut.write(b, off, n);
                } catch (IOException e) {
                    dropCache();
                }
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return eof ? 0 : in.available();
        }

        private void finishCache() {
            if (cacheOut == null) {
                return;
            }
            try {
                cacheOut.close();
                cacheOut = null;
                Files.move(cacheTmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                cacheTmp = null;
            } catch (IOException | UnsupportedOperationException e) {
                dropCache();
            }
        }

        private void dropCache() {
            try {
                if (cacheOut != null) {
                    cacheOut.close();
                }
                if (cacheTmp != null) {
                    Files.deleteIfExists(cacheTmp);
                }
            } catch (IOException ignored) {
                // a cache that cannot be written is no reason to fail the read
            }
            cacheOut = null;
            cacheTmp = null;
        }

        @Override
        public void close() throws IOException {
            transfer.stop();
            dropCache();
            try {
                in.close();
            } finally {
                if (!eof) {
                    connection.disconnect();
                }
            }
        }
    }

    /** Builds a {@link Fetcher}. */
    public static final class Builder {
        private final ReadLimits limits;
        private int maxPerHost = DEFAULT_MAX_PER_HOST;
        private int retries = DEFAULT_RETRIES;
        private Duration backoff = DEFAULT_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Path cacheDir;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(ReadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
        }

        /** Most requests in flight to one host across the JVM; at least 1. */
        public Builder maxPerHost(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxPerHost must be at least 1: " + n);
            }
            maxPerHost = n;
            return this;
        }

        /** Retries after a retriable answer (429, 5xx); 0 for none. */
        public Builder retries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + n);
            }
            retries = n;
            return this;
        }

        /** First wait before a retry without {@code Retry-After}, doubled each time. */
        public Builder backoff(Duration d) {
            Objects.requireNonNull(d, "backoff");
            if (d.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative: " + d);
            }
            backoff = d;
            return this;
        }

        /**
         * Longest wait honoured from a {@code Retry-After} header; an answer asking for more is
         * returned to the caller without a retry.
         */
        public Builder maxRetryAfter(Duration d) {
            Objects.requireNonNull(d, "maxRetryAfter");
            if (d.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative: " + d);
            }
            maxRetryAfter = d;
            return this;
        }

        /** Keeps 200 answers in this folder (made if missing) and answers from it; null for none. */
        public Builder cacheDir(@Nullable Path dir) {
            cacheDir = dir;
            return this;
        }

        /** A header sent with every request ({@code Accept}, say); lam sets its own User-Agent. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Returns the fetcher. */
        public Fetcher build() {
            return new Fetcher(this);
        }
    }
}
