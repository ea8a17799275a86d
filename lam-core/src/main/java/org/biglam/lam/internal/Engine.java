package org.biglam.lam.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.biglam.lam.Detection;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamIOException;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordCursor;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;
import org.biglam.lam.store.WorkUnit;

/** Runs a read: the shared state of one {@link LamReader} and the conversions of failures. */
public final class Engine {

    private static final int MAX_KEPT_PROBLEMS = 1000;

    private Engine() {
    }

    /** A cursor over one unit of work on a store. */
    public static RecordCursor cursor(WorkUnit unit, FileStore store, ReadOptions options) {
        ReadOptions o = options;
        String root = unit.root().orElse(null);
        if (root != null && o.localRoot().isEmpty()) {
            java.nio.file.Path p = LocalStore.path(root);
            if (p != null) {
                o = o.toBuilder().localRoot(p).build();
            }
        }
        Shared shared = new Shared(o);
        shared.items = new ArrayDeque<>();
        InputFile file;
        try {
            file = store.file(unit.uri()).orElse(null);
        } catch (IOException e) {
            file = new Missing(unit.uri(), e);
        }
        if (file == null) {
            file = new Missing(unit.uri(), new java.io.FileNotFoundException("no such file on the store"));
        }
        int[] range = unit.isEntryRange() ? new int[] {unit.entryFrom(), unit.entryTo()} : null;
        Unit u = Unit.of(store, file, root, range);
        u.many = unit.oneOfMany();
        shared.warnSettings();
        return new Cursor(shared, new RecordSpliterator(shared, List.of(u), 0, 1));
    }

    /** A unit's file that the store does not have: reading it fails, located at its URI. */
    private static final class Missing implements InputFile {
        private final String uri;
        private final IOException why;

        Missing(String uri, IOException why) {
            this.uri = uri;
            this.why = why;
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        public String name() {
            String u = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
            return u.substring(u.lastIndexOf('/') + 1);
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public java.io.InputStream open() throws IOException {
            throw why;
        }
    }

    /** Records and problems of a read, in order, pulled by one thread. */
    static final class Cursor implements RecordCursor {
        private final Shared shared;
        private final RecordSpliterator records;
        private Object current;
        private LamException pending;
        private boolean done;
        private boolean closed;

        Cursor(Shared shared, RecordSpliterator records) {
            this.shared = shared;
            this.records = records;
        }

        @Override
        public boolean next() {
            if (closed) {
                throw new IllegalStateException("the cursor is closed");
            }
            current = null;
            while (true) {
                Object item = shared.items.poll();
                if (item != null) {
                    current = item;
                    return true;
                }
                if (pending != null) {
                    LamException e = pending;
                    pending = null;
                    done = true;
                    close();
                    throw e;
                }
                if (done) {
                    return false;
                }
                boolean got;
                try {
                    got = records.tryAdvance(shared.items::add);
                } catch (LamException e) {
                    // under FAIL: the items met before the error come first
                    pending = e;
                    continue;
                } catch (RuntimeException | Error e) {
                    done = true;
                    close();
                    throw e;
                }
                if (!got) {
                    done = true;
                }
            }
        }

        private Object item() {
            if (current == null) {
                throw new IllegalStateException(closed ? "the cursor is closed" : done
                        ? "no current item: next() gave false" : "no current item: call next() first");
            }
            return current;
        }

        @Override
        public boolean isRecord() {
            return item() instanceof LamRecord;
        }

        @Override
        public LamRecord record() {
            Object o = item();
            if (!(o instanceof LamRecord)) {
                throw new IllegalStateException("the current item is a problem, not a record: " + o);
            }
            return (LamRecord) o;
        }

        @Override
        public Problem problem() {
            Object o = item();
            if (!(o instanceof Problem)) {
                throw new IllegalStateException("the current item is a record, not a problem");
            }
            return (Problem) o;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                current = null;
                shared.closed.set(true);
                records.closeQuietly();
            }
        }
    }

    /** Opens a reader over units. */
    public static LamReader open(List<Unit> units, ReadOptions options) {
        if (units.size() > 1) {
            units.forEach(u -> u.many = true);
        }
        return new Reader(units, options);
    }

    /**
     * Makes any failure a {@link LamException} with a location: a tripped limit as it is, an
     * I/O failure as a {@link LamIOException}, anything else a {@link LamFormatException}.
     */
    static LamException toLam(Throwable t, Location where, Guard.Tripwire tripwire) {
        if (tripwire != null && tripwire.tripped() != null) {
            return tripwire.tripped();
        }
        if (t instanceof LamException) {
            return (LamException) t;
        }
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c instanceof LamException) {
                return (LamException) c;
            }
        }
        if (t instanceof java.io.EOFException && t.getMessage() == null) {
            return new LamIOException("cannot read: " + Guard.CUT_SHORT, where,
                    (IOException) t);
        }
        if (t instanceof IOException) {
            return new LamIOException("cannot read", where, (IOException) t);
        }
        if (t instanceof LinkageError) {
            return new LamFormatException("cannot read it: a class is missing (" + t.getMessage()
                    + "); an optional dependency may be needed", where, t);
        }
        if (t instanceof StackOverflowError) {
            return new LamFormatException("input nested too deep to read", where, t);
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().startsWith("org.apache.commons.compress.")) {
            return new LamFormatException("damaged or unsupported archive or compressed data ("
                    + t.getClass().getSimpleName() + " in Commons Compress)", where, t);
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new LamFormatException(msg, where, t);
    }

    /** Shared state of one read. */
    static final class Shared {
        final ReadOptions options;
        final AtomicLong records = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong warnings = new AtomicLong();
        final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        final Set<RecordSpliterator> open = ConcurrentHashMap.newKeySet();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicLong buffered = new AtomicLong();
        /** For a cursor: the problems and records not yet pulled, in order; null otherwise. */
        java.util.Deque<Object> items;

        Shared(ReadOptions options) {
            this.options = options;
        }

        private void keep(Problem p) {
            synchronized (problems) {
                if (problems.size() < MAX_KEPT_PROBLEMS) {
                    problems.add(p);
                }
            }
            options.problemListener().accept(p);
            if (items != null) {
                items.add(p);
            }
        }

        /** An error: thrown under FAIL, counted and reported under SKIP. */
        void error(LamException e, Location fallback) {
            if (options.errorPolicy() == ErrorPolicy.FAIL) {
                throw e;
            }
            errors.incrementAndGet();
            keep(Problem.of(e, fallback));
        }

        void warn(String kind, String message, Location where) {
            warnings.incrementAndGet();
            keep(new Problem(Problem.Severity.WARNING, kind, message, where));
        }

        /** The read's settings that no format reads but look meant for one: a warning each, once, first. */
        void warnSettings() {
            for (Problem p : SettingCheck.check(options.settings())) {
                warn(p.kind(), p.message(), p.location());
            }
        }
    }

    /** Chooses the provider for a leaf; null (after reporting) if none. */
    static FormatProvider provider(InputCursor.Leaf leaf, ReadOptions options) throws IOException {
        String forced = options.format().orElse(null);
        if (forced != null) {
            FormatProvider p = Providers.byId(forced);
            if (p == null) {
                throw new UnsupportedFormatException("format '" + forced + "' is not on the class path (formats: "
                        + Providers.ids() + ")", leaf.place.location());
            }
            return p;
        }
        int[] len = new int[1];
        byte[] head = leaf.peek(FormatProvider.PROBE_BYTES, len);
        return Providers.choose(head, len[0], leaf.place.name(), leaf::peek);
    }

    /** Detects every leaf of the units. */
    public static List<Detection> detect(List<Unit> units, ReadOptions options) {
        List<Detection> out = new ArrayList<>();
        Guard.Tripwire tripwire = new Guard.Tripwire();
        for (Unit u : units) {
            if (u instanceof Unit.SourceUnit) {
                // a source is not fetched to be detected: it says what it is
                out.add(new Detection(u.uri(), null, List.of(), ((Unit.SourceUnit) u).provider().scheme(), null));
                continue;
            }
            List<LamException> entryProblems = new ArrayList<>();
            try (InputCursor cursor = new InputCursor(u, options, tripwire, entryProblems::add)) {
                InputCursor.Leaf leaf;
                while (true) {
                    try {
                        leaf = cursor.next();
                    } catch (IOException | RuntimeException e) {
                        LamException le = toLam(e, Location.of(u.uri(), null), tripwire);
                        out.add(new Detection(u.uri(), le.location().flatMap(Location::entry).orElse(null),
                                List.of(), null, le.reason()));
                        break;
                    }
                    for (LamException le : entryProblems) {
                        out.add(new Detection(u.uri(), le.location().flatMap(Location::entry).orElse(null),
                                List.of(), null, le.reason()));
                    }
                    entryProblems.clear();
                    if (leaf == null) {
                        break;
                    }
                    String format = null;
                    String problem = null;
                    try {
                        FormatProvider p = provider(leaf, options);
                        if (p == null) {
                            problem = "no format on the class path recognises it";
                        } else {
                            format = p.id();
                        }
                    } catch (IOException | RuntimeException e) {
                        problem = toLam(e, leaf.place.location(), tripwire).reason();
                    }
                    out.add(new Detection(leaf.place.uri(), leaf.place.entry(), leaf.containers, format, problem));
                }
            }
            tripwire.clear();
        }
        return out;
    }

    /** The public reader. */
    static final class Reader implements LamReader {
        private final Shared shared;
        private final RecordSpliterator root;
        private final AtomicBoolean taken = new AtomicBoolean();

        Reader(List<Unit> units, ReadOptions options) {
            this.shared = new Shared(options);
            this.root = new RecordSpliterator(shared, units, 0, units.size());
            shared.warnSettings();
        }

        private void take() {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("the records of a LamReader can be taken once");
            }
        }

        @Override
        public Stream<LamRecord> stream() {
            take();
            return StreamSupport.stream(root, false).onClose(this::close);
        }

        @Override
        public Iterator<LamRecord> iterator() {
            take();
            return Spliterators.iterator(root);
        }

        @Override
        public RecordCursor cursor() {
            take();
            // the problems met before the cursor was taken (the settings' warnings) come first
            shared.items = new ArrayDeque<>(problems());
            return new Cursor(shared, root);
        }

        @Override
        public long recordCount() {
            return shared.records.get();
        }

        @Override
        public long errorCount() {
            return shared.errors.get();
        }

        @Override
        public long warningCount() {
            return shared.warnings.get();
        }

        @Override
        public List<Problem> problems() {
            synchronized (shared.problems) {
                return List.copyOf(shared.problems);
            }
        }

        @Override
        public void close() {
            if (shared.closed.compareAndSet(false, true)) {
                for (RecordSpliterator s : shared.open) {
                    s.closeQuietly();
                }
            }
        }
    }
}
