package org.biglam.lam.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * The records of a list of units, pulled one at a time. Splits for parallel streams by unit (a
 * folder's files), and inside an archive by entry: the splitting thread reads the next entry into
 * memory and hands it to another thread, while at most {@link #BUFFER_BUDGET} bytes wait buffered.
 */
final class RecordSpliterator implements Spliterator<LamRecord> {

    /** Most bytes of archive entries buffered for other threads at once. */
    static final long BUFFER_BUDGET = 64L << 20;
    /** Largest entry handed to another thread; larger ones are read by the splitting thread. */
    static final long MAX_BUFFERED_ENTRY = 16L << 20;

    private final Engine.Shared shared;
    private final List<Unit> units;
    private int next;
    private int end;
    private final Guard.Tripwire tripwire = new Guard.Tripwire();

    private Unit unit;
    /** The source being read, page by page, and its unit; null when none. */
    private org.biglam.lam.spi.SourceProvider.Source source;
    private Unit.SourceUnit sourceUnit;
    private InputCursor cursor;
    private InputCursor.Leaf pendingLeaf;
    private FormatReader reader;
    private Context context;
    private long emitted;
    private long bufferedBytes;

    RecordSpliterator(Engine.Shared shared, List<Unit> units, int from, int to) {
        this.shared = shared;
        this.units = units;
        this.next = from;
        this.end = to;
        shared.open.add(this);
    }

    @Override
    public boolean tryAdvance(Consumer<? super LamRecord> action) {
        while (true) {
            if (shared.closed.get()) {
                return false;
            }
            if (reader != null) {
                LamRecord r;
                try {
                    r = reader.next();
                } catch (IOException | RuntimeException | StackOverflowError | LinkageError e) {
                    Location where = context.location().withIndex(emitted);
                    closeReader();
                    report(e, where);
                    continue;
                }
                if (r == null) {
                    closeReader();
                    continue;
                }
                r = References.images(r, (LeafInput) context.input(), context, emitted);
                emitted++;
                shared.records.incrementAndGet();
                action.accept(r);
                return true;
            }
            if (cursor != null) {
                InputCursor.Leaf leaf = pendingLeaf;
                pendingLeaf = null;
                if (leaf == null) {
                    try {
                        leaf = cursor.next();
                    } catch (IOException | RuntimeException | LinkageError e) {
                        Location where = Location.of(unit.uri(), unit.entry());
                        closeCursor();
                        report(e, where);
                        continue;
                    }
                }
                if (leaf == null) {
                    closeCursor();
                    continue;
                }
                openReader(leaf);
                continue;
            }
            if (source != null) {
                nextPage();
                continue;
            }
            if (next >= end) {
                finish();
                return false;
            }
            Unit u = units.get(next++);
            if (u instanceof Unit.SourceUnit) {
                openSource((Unit.SourceUnit) u);
            } else {
                startUnit(u);
            }
        }
    }

    private void openSource(Unit.SourceUnit u) {
        try {
            sourceUnit = u;
            source = u.openSource(shared.options);
        } catch (RuntimeException e) {
            closeSource();
            report(e, Location.of(u.uri(), null));
        }
    }

    /** Starts the source's next page, or ends the source (reporting why, if it failed). */
    private void nextPage() {
        org.biglam.lam.spi.SourceProvider.Page page;
        try {
            page = source.next();
        } catch (IOException | RuntimeException e) {
            Location where = Location.of(sourceUnit.uri(), null);
            closeSource();
            report(e, where);
            return;
        }
        if (page == null) {
            closeSource();
        } else {
            startUnit(new Unit.SourcePage(page, sourceUnit.many, shared.options));
        }
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException | RuntimeException ignored) {
                // the source's own resources
            }
        }
        source = null;
        sourceUnit = null;
    }

    private void startUnit(Unit u) {
        unit = u;
        cursor = new InputCursor(u, shared.options, tripwire, new InputCursor.ProblemSink() {
            @Override
            public void report(LamException e) {
                shared.error(e, Location.of(u.uri(), u.entry()));
            }

            @Override
            public void warn(String kind, String message, Location where) {
                shared.warn(kind, message, where);
            }
        });
    }

    private void openReader(InputCursor.Leaf leaf) {
        Location where = leaf.place.location();
        try {
            FormatProvider p = unit.format() != null ? Providers.byId(unit.format()) : Engine.provider(leaf, shared.options);
            if (p == null) {
                String msg = "no format on the class path recognises it (formats: " + Providers.ids() + ")";
                if (leaf.inArchive || unit.many) {
                    if (!Providers.isCompanion(leaf.place.name())) {
                        shared.warn("unrecognised", msg + "; left out", where);
                    }
                } else {
                    shared.error(new UnsupportedFormatException(msg, where), where);
                }
                return;
            }
            String granularity = shared.options.granularity().orElse(p.granularities().get(0));
            if (!p.granularities().contains(granularity)) {
                shared.error(new UnsupportedFormatException("format " + p.id() + " has no granularity '" + granularity
                        + "' (it has: " + String.join(", ", p.granularities()) + ")", where), where);
                return;
            }
            LeafInput input = new LeafInput(leaf.stream, leaf.place, shared.options, shared::warn);
            context = new Context(shared, input, granularity, where);
            emitted = 0;
            reader = p.open(input, context);
            if (reader == null) {
                throw new IllegalStateException(p.id() + " opened no reader");
            }
        } catch (IOException | RuntimeException | StackOverflowError | LinkageError e) {
            closeReader();
            report(e, where);
        }
    }

    /** Reports a failure as a located problem (thrown under FAIL) and resets the tripwire. */
    private void report(Throwable e, Location where) {
        LamException problem = Engine.toLam(e, where, tripwire);
        tripwire.clear();
        shared.error(problem, where);
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader's own resources; the input's stream is ours
            }
            reader = null;
        }
    }

    private void closeCursor() {
        closeReader();
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        unit = null;
    }

    private void finish() {
        closeCursor();
        closeSource();
        if (bufferedBytes > 0) {
            synchronized (shared.buffered) {
                shared.buffered.addAndGet(-bufferedBytes);
                shared.buffered.notifyAll();
            }
            bufferedBytes = 0;
        }
        shared.open.remove(this);
    }

    void closeQuietly() {
        closeCursor();
        closeSource();
        shared.open.remove(this);
    }

    @Override
    public Spliterator<LamRecord> trySplit() {
        if (shared.closed.get() || reader != null || source != null) {
            return null; // a source's pages come in order, one at a time
        }
        int remaining = end - next;
        if (cursor == null && remaining >= 2) {
            // hand off the first half of the files not yet started: a prefix, as ORDERED requires
            int mid = next + remaining / 2;
            RecordSpliterator prefix = new RecordSpliterator(shared, units, next, mid);
            next = mid;
            return prefix;
        }
        if (cursor == null && remaining == 1) {
            if (units.get(next) instanceof Unit.SourceUnit) {
                return null;
            }
            startUnit(units.get(next++));
        }
        if (cursor == null || pendingLeaf != null) {
            return null;
        }
        return splitEntry();
    }

    /** Reads the next archive entry into memory and hands it to a new spliterator. */
    private Spliterator<LamRecord> splitEntry() {
        InputCursor.Leaf leaf;
        try {
            leaf = cursor.next();
        } catch (IOException | RuntimeException | LinkageError e) {
            Location where = Location.of(unit.uri(), unit.entry());
            closeCursor();
            report(e, where);
            return null;
        }
        if (leaf == null) {
            closeCursor();
            return null;
        }
        if (!cursor.inArchive()) {
            // a plain input or an entry already buffered: read it here
            pendingLeaf = leaf;
            return null;
        }
        byte[] bytes;
        try {
            bytes = readUpTo(leaf, MAX_BUFFERED_ENTRY);
        } catch (IOException | RuntimeException e) {
            report(e, leaf.place.location());
            return null;
        }
        if (bytes == null) {
            pendingLeaf = leaf;
            return null;
        }
        awaitBudget(bytes.length);
        Unit entry = new Unit.BufferedEntry(bytes, leaf.place);
        RecordSpliterator s = new RecordSpliterator(shared, List.of(entry), 0, 1);
        s.bufferedBytes = bytes.length;
        return s;
    }

    /** The leaf's bytes if it has at most {@code max}; else null, and the leaf is left unread. */
    private static byte[] readUpTo(InputCursor.Leaf leaf, long max) throws IOException {
        leaf.stream.mark((int) max + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int r;
        while ((r = leaf.stream.read(buf)) >= 0) {
            out.write(buf, 0, r);
            if (out.size() > max) {
                leaf.stream.reset();
                return null;
            }
        }
        return out.toByteArray();
    }

    private void awaitBudget(long size) {
        ForkJoinPool.ManagedBlocker blocker = new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
                synchronized (shared.buffered) {
                    while (shared.buffered.get() > 0 && shared.buffered.get() + size > BUFFER_BUDGET
                            && !shared.closed.get()) {
                        shared.buffered.wait(100);
                    }
                    shared.buffered.addAndGet(size);
                }
                return true;
            }

            @Override
            public boolean isReleasable() {
                return false;
            }
        };
        try {
            ForkJoinPool.managedBlock(blocker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }

    /** The context of one input. */
    static final class Context implements ReadContext {
        private final Engine.Shared shared;
        private final Input input;
        private final String granularity;
        private final Location location;

        Context(Engine.Shared shared, Input input, String granularity, Location location) {
            this.shared = shared;
            this.input = input;
            this.granularity = granularity;
            this.location = location;
        }

        @Override
        public org.biglam.lam.ReadOptions options() {
            return shared.options;
        }

        @Override
        public String granularity() {
            return granularity;
        }

        @Override
        public Input input() {
            return input;
        }

        @Override
        public void problem(LamFormatException problem) {
            shared.error(problem, location);
        }

        @Override
        public void warn(String kind, String message, Location where) {
            shared.warn(kind, message, where == null ? location : where);
        }

        @Override
        public Location location() {
            return location;
        }
    }

}
