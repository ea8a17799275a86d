package org.biglam.lam.cli.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol with nothing but the JDK: the browser is
 * started with {@code --remote-debugging-port=0} and a fresh {@code --user-data-dir}, whose {@code
 * DevToolsActivePort} file names the port and the browser's WebSocket path; commands go over
 * {@link WebSocket} as JSON, to one page attached with a flat session. Console errors, exceptions
 * and error log entries are collected as they come.
 */
final class Chromium implements AutoCloseable {

    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private String session;

    /** The browser's binary: the system property {@code lam.chromium}, else {@code /usr/bin/chromium}, if there. */
    static Optional<Path> binary() {
        for (String p : new String[] {System.getProperty("lam.chromium", ""), "/usr/bin/chromium",
            "/usr/bin/chromium-browser"}) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p))) {
                return Optional.of(Path.of(p));
            }
        }
        return Optional.empty();
    }

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Starts the browser and opens a page.
     *
     * @param binary the browser
     * @param profile a fresh, empty folder for its user data
     * @param width the window's width
     * @param height the window's height
     * @return the browser, a blank page open
     */
    static Chromium start(Path binary, Path profile, int width, int height) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.add("--window-size=" + width + "," + height);
        cmd.add("about:blank");
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path active = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(log));
            }
            if (Files.isRegularFile(active)) {
                lines = Files.readAllLines(active, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        if (lines.size() < 2) {
            p.destroyForcibly();
            throw new IOException("chromium wrote no DevToolsActivePort in 60 s: " + Files.readString(log));
        }
        URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
        Chromium[] self = new Chromium[1];
        Listener listener = new Listener(self);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(ws, listener).get(30, TimeUnit.SECONDS);
        Chromium c = new Chromium(p, socket);
        self[0] = c;
        listener.ready.complete(null);
        Map<String, Object> target = c.browser("Target.createTarget", Map.of("url", "about:blank"));
        Map<String, Object> attached = c.browser("Target.attachToTarget",
                Map.of("targetId", target.get("targetId"), "flatten", true));
        c.session = (String) attached.get("sessionId");
        c.send("Page.enable", Map.of());
        c.send("Runtime.enable", Map.of());
        c.send("Log.enable", Map.of());
        c.send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        return c;
    }

    private static final class Listener implements WebSocket.Listener {
        final Chromium[] self;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final StringBuilder text = new StringBuilder();

        Listener(Chromium[] self) {
            this.self = self;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String msg = text.toString();
                text.setLength(0);
                ready.join();
                self[0].receive(msg);
            }
            ws.request(1);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private void receive(String msg) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(msg);
        Object id = m.get("id");
        if (id != null) {
            CompletableFuture<Map<String, Object>> f = pending.remove(((Number) id).intValue());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        events.add(m);
        String method = (String) m.get("method");
        Map<String, Object> params = (Map<String, Object>) m.getOrDefault("params", Map.of());
        if ("Runtime.exceptionThrown".equals(method)) {
            errors.add("exception: " + Json.write(params.get("exceptionDetails")));
        } else if ("Runtime.consoleAPICalled".equals(method)
                && ("error".equals(params.get("type")) || "assert".equals(params.get("type")))) {
            errors.add("console." + params.get("type") + ": " + Json.write(params.get("args")));
        } else if ("Log.entryAdded".equals(method)) {
            Map<String, Object> entry = (Map<String, Object>) params.get("entry");
            if (entry != null && "error".equals(entry.get("level"))) {
                errors.add("log: " + entry.get("text") + " " + entry.getOrDefault("url", ""));
            }
        }
    }

    private Map<String, Object> browser(String method, Map<String, Object> params) {
        return call(null, method, params);
    }

    /** Sends a command to the page and waits for its result. */
    Map<String, Object> send(String method, Map<String, Object> params) {
        return call(session, method, params);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String sessionId, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", id);
        msg.put("method", method);
        msg.put("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
        pending.put(id, f);
        synchronized (socket) {
            socket.sendText(Json.write(msg), true).join();
        }
        Map<String, Object> answer;
        try {
            answer = f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        }
        if (answer.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + Json.write(answer.get("error")));
        }
        return (Map<String, Object>) answer.getOrDefault("result", Map.of());
    }

    /** Opens a URL and waits for its load event. */
    void open(String url) throws InterruptedException {
        int before = events.size();
        send("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (int i = before; i < events.size(); i++) {
                if ("Page.loadEventFired".equals(events.get(i).get("method"))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no load event for " + url);
    }

    /** The value of a JavaScript expression (promises awaited), as JSON values. */
    @SuppressWarnings("unchecked")
    Object eval(String expression) {
        Map<String, Object> r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.containsKey("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + Json.write(r.get("exceptionDetails")));
        }
        return ((Map<String, Object>) r.get("result")).get("value");
    }

    /** A PNG of the whole page (up to maxHeight pixels high). */
    byte[] screenshot(int maxHeight) {
        Number w = (Number) eval("document.documentElement.scrollWidth");
        Number h = (Number) eval("document.documentElement.scrollHeight");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", w.intValue(),
                "height", Math.min(maxHeight, h.intValue()), "scale", 1);
        Map<String, Object> r = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip));
        return Base64.getDecoder().decode((String) r.get("data"));
    }

    /** Console errors, exceptions and error log entries so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        try {
            browser("Browser.close", Map.of());
        } catch (RuntimeException e) {
            // it is going anyway
        }
        try {
            socket.abort();
        } finally {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
