package org.biglam.lam.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.biglam.lam.ReadLimits;

/**
 * A bounded HTTP GET: {@code http} and {@code https} only, a connect timeout, a timeout between
 * bytes, a deadline for the whole request (so a server that trickles a byte a second is cut off),
 * a body size limit, and redirects followed by hand up to a limit and never to another scheme.
 */
public final class Http {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lam-http-deadline");
        t.setDaemon(true);
        return t;
    });

    private Http() {
    }

    /** Says why a request failed, with the HTTP status where there was one. */
    public static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HttpStatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status code. */
        public int status() {
            return status;
        }
    }

    /**
     * Opens the body of a GET request. The caller closes the stream.
     *
     * @param uri an http or https URI
     * @param limits the timeouts, size and redirect limits
     * @return the body
     * @throws IOException on a bad scheme, a status other than 2xx, a timeout or a network error
     */
    public static InputStream get(URI uri, ReadLimits limits) throws IOException {
        long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            checkScheme(current);
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()));
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, limits.readTimeout().toMillis()));
            c.setRequestProperty("User-Agent", "lam/" + org.biglam.lam.Lam.version() + " (+https://github.com/biglam/lam)");
            c.setRequestProperty("Accept-Encoding", "identity");
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new InterruptedIOException("request took longer than requestTimeout " + limits.requestTimeout());
            }
            ScheduledFuture<?> kill = WATCHDOG.schedule(c::disconnect, left, TimeUnit.MILLISECONDS);
            int status;
            try {
                status = c.getResponseCode();
            } catch (IOException e) {
                kill.cancel(false);
                if (System.nanoTime() - deadline >= 0) {
                    throw new InterruptedIOException("request took longer than requestTimeout " + limits.requestTimeout());
                }
                throw e;
            }
            if (status >= 300 && status < 400 && status != 304) {
                kill.cancel(false);
                String location = c.getHeaderField("Location");
                c.disconnect();
                if (location == null) {
                    throw new HttpStatusException(status, "HTTP " + status + " redirect without a Location from " + current);
                }
                if (redirects >= limits.maxRedirects()) {
                    throw new HttpStatusException(status, "more than maxRedirects (" + limits.maxRedirects()
                            + ") redirects, last to " + location);
                }
                try {
                    current = current.resolve(new URI(location.trim()));
                } catch (URISyntaxException e) {
                    throw new HttpStatusException(status, "redirect to a bad URI: " + location);
                }
                continue;
            }
            if (status < 200 || status >= 300) {
                kill.cancel(false);
                String msg = c.getResponseMessage();
                c.disconnect();
                throw new HttpStatusException(status, "HTTP " + status + (msg == null ? "" : " " + msg) + " from " + current);
            }
            long declared = c.getContentLengthLong();
            if (declared > limits.maxDownloadBytes()) {
                kill.cancel(false);
                c.disconnect();
                throw new HttpStatusException(status, "body of " + declared + " bytes is larger than maxDownloadBytes ("
                        + limits.maxDownloadBytes() + ")");
            }
            return new Body(c.getInputStream(), c, kill, deadline, limits);
        }
    }

    private static void checkScheme(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https URLs are read, not " + uri);
        }
    }

    /** The body: bounded in size and time; closing it ends the request. */
    private static final class Body extends FilterInputStream {
        private final HttpURLConnection connection;
        private final ScheduledFuture<?> kill;
        private final long deadline;
        private final ReadLimits limits;
        private long read;

        Body(InputStream in, HttpURLConnection connection, ScheduledFuture<?> kill, long deadline, ReadLimits limits) {
            super(in);
            this.connection = connection;
            this.kill = kill;
            this.deadline = deadline;
            this.limits = limits;
        }

        private void check(int n) throws IOException {
            if (n > 0) {
                read += n;
            }
            if (read > limits.maxDownloadBytes()) {
                throw new IOException("body is larger than maxDownloadBytes (" + limits.maxDownloadBytes() + ")");
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new InterruptedIOException("request took longer than requestTimeout " + limits.requestTimeout());
            }
        }

        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                check(b < 0 ? 0 : 1);
                return b;
            } catch (IOException e) {
                throw timeoutOr(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                check(n);
                return n;
            } catch (IOException e) {
                throw timeoutOr(e);
            }
        }

        private IOException timeoutOr(IOException e) {
            if (System.nanoTime() - deadline >= 0 && !(e instanceof InterruptedIOException)) {
                return new InterruptedIOException("request took longer than requestTimeout " + limits.requestTimeout());
            }
            return e;
        }

        @Override
        public void close() throws IOException {
            kill.cancel(false);
            try {
                in.close();
            } finally {
                connection.disconnect();
            }
        }
    }
}
