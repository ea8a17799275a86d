package org.biglam.lam.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on 127.0.0.1 and a free port, for tests that fetch: never the internet.
 * Handlers are registered per path; every request is counted.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one request. */
    public interface Handler {
        void handle(HttpExchange exchange, int requestNumber) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        server.start();
    }

    /** Serves {@code handler} at {@code path}. */
    public LoopbackServer on(String path, Handler handler) {
        AtomicInteger count = counts.computeIfAbsent(path, p -> new AtomicInteger());
        server.createContext(path, ex -> {
            try {
                handler.handle(ex, count.incrementAndGet());
            } finally {
                ex.close();
            }
        });
        return this;
    }

    /** Serves fixed JSON at {@code path}. */
    public LoopbackServer json(String path, String body) {
        return on(path, (ex, n) -> send(ex, 200, body));
    }

    /** The URL of a path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests a path has had. */
    public int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    /** Serves fixed bytes at {@code path}. */
    public LoopbackServer bytes(String path, byte[] body) {
        return on(path, (ex, n) -> send(ex, 200, body));
    }

    /** Answers with a status and a UTF-8 body (sent as JSON). */
    public static void send(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a status and a body. */
    public static void send(HttpExchange ex, int status, byte[] b) throws IOException {
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
