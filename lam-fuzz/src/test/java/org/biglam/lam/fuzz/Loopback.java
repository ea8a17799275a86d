package org.biglam.lam.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HttpServer on 127.0.0.1, port 0: the only network peer of these tests. Every request it
 * sees is recorded, so that a test can prove that lam asked for nothing (XXE, DTD fetch).
 */
final class Loopback implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();

    Loopback() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI().toString());
            send(ex, 200, "root:x:0:0:secret from the loopback server");
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code path} with {@code handler}; every request is recorded first. */
    Loopback on(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestURI().toString());
            handler.handle(ex);
        });
        return this;
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The request paths seen so far. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
