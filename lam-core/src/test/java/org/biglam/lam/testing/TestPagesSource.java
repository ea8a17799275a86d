package org.biglam.lam.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.SourceProvider;

/**
 * A source plugged in through ServiceLoader by lam-core's tests: {@code testpages:N} gives N pages
 * of the {@link TestLinesFormat}, two records each; {@code testpages:N!K} fails after K pages.
 * {@link #opened} counts the pages handed out and {@link #closed} the sources closed.
 */
public final class TestPagesSource implements SourceProvider {

    /** Pages handed out since the JVM started. */
    public static final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    /** Sources closed since the JVM started. */
    public static final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String scheme() {
        return "testpages";
    }

    @Override
    public String description() {
        return "lam-core's test source";
    }

    @Override
    public Source open(String input, ReadOptions options) {
        String spec = input.substring("testpages:".length());
        int bang = spec.indexOf('!');
        int pages = Integer.parseInt(bang < 0 ? spec : spec.substring(0, bang));
        int failAfter = bang < 0 ? -1 : Integer.parseInt(spec.substring(bang + 1));
        return new Source() {
            private int n;

            @Override
            public Page next() throws IOException {
                if (n == failAfter) {
                    throw new IOException("page " + (n + 1) + " could not be had");
                }
                if (n == pages) {
                    return null;
                }
                n++;
                opened.incrementAndGet();
                String body = "LAMTEST\np" + n + "a\np" + n + "b\n";
                return new Page("test://pages/" + n, "page" + n, body.getBytes(StandardCharsets.UTF_8), "test-lines");
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
