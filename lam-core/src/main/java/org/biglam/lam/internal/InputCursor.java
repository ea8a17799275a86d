package org.biglam.lam.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamIOException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.store.InputFile;

/**
 * Walks one {@link Unit} down to its leaf inputs, lazily: compression layers are taken off,
 * archives are read entry by entry (archives inside archives too) without unpacking to disk.
 * Every leaf's bytes are bounded by the limits. Not thread-safe.
 */
final class InputCursor implements Closeable {

    /** Where problems with single entries go; under FAIL it throws. */
    interface ProblemSink {
        void report(LamException e);

        /** Something not read that may have held nothing; never stops reading. */
        default void warn(String kind, String message, Location where) {
        }
    }

    /** A leaf input: its bytes (buffered, marks supported), its place, and the layers taken off. */
    static final class Leaf {
        final BufferedInputStream stream;
        final Place place;
        final List<String> containers;
        final boolean inArchive;
        final long size;

        Leaf(BufferedInputStream stream, Place place, List<String> containers, boolean inArchive, long size) {
            this.stream = stream;
            this.place = place;
            this.containers = containers;
            this.inArchive = inArchive;
            this.size = size;
        }

        /** Reads up to {@code n} bytes ahead without consuming them. */
        byte[] peek(int n, int[] len) throws IOException {
            byte[] buf = new byte[n];
            stream.mark(n);
            int total = 0;
            try {
                while (total < n) {
                    int r = stream.read(buf, total, n - total);
                    if (r < 0) {
                        break;
                    }
                    total += r;
                }
            } finally {
                stream.reset();
            }
            len[0] = total;
            return buf;
        }
    }

    private interface Layer extends Closeable {
        /** The next entry, or null at the end of the archive. */
        Entry next() throws IOException;

        String kind();

        /** How many bytes of the archive have been read, or -1 if that means nothing (random access). */
        default long offset() {
            return -1;
        }
    }

    private static final class Entry {
        final String name;
        final InputStream stream;
        final LongSupplier compressed;
        final long declaredSize;
        final ZipFile zip;
        boolean costlyToPass;

        Entry(String name, InputStream stream, LongSupplier compressed, long declaredSize, ZipFile zip) {
            this.name = name;
            this.stream = stream;
            this.compressed = compressed;
            this.declaredSize = declaredSize;
            this.zip = zip;
        }
    }

    private static final int BUFFER = 64 * 1024;

    private final Unit unit;
    private final ReadOptions options;
    private final ReadLimits limits;
    private final Guard.Tripwire tripwire;
    private final ProblemSink sink;
    private final Deque<Layer> stack = new ArrayDeque<>();
    private final Deque<Place> places = new ArrayDeque<>();
    private final Deque<List<String>> layerNames = new ArrayDeque<>();
    private final List<Closeable> toClose = new ArrayList<>();
    private boolean started;
    /** The guard of the last entry handed out of a streamed archive, to tell whether it was refused. */
    private Guard.Limited lastEntry;
    /** Whether passing the rest of the last entry means expanding it (a zip entry with a data descriptor). */
    private boolean lastEntryCostly;

    InputCursor(Unit unit, ReadOptions options, Guard.Tripwire tripwire, ProblemSink sink) {
        this.unit = unit;
        this.options = options;
        this.limits = options.limits();
        this.tripwire = tripwire;
        this.sink = sink;
    }

    /** True while the cursor is inside an archive, so the next leaf is an entry. */
    boolean inArchive() {
        return !stack.isEmpty();
    }

    /**
     * The next leaf input, or null when the unit has no more. A problem with one entry is given to
     * the sink and the walk goes on; a broken archive or input throws.
     */
    Leaf next() throws IOException {
        if (!started) {
            started = true;
            Place root = Place.root(unit);
            InputStream raw = unit.open(options);
            if (unit.closesStream()) {
                toClose.add(raw);
            } else {
                raw = new Guard.NonClosing(raw);
            }
            Leaf leaf = classify(raw, root, unit.entry() != null, new ArrayList<>(), unit.storeFile(), unit.size());
            if (leaf != null) {
                return leaf;
            }
        }
        while (!stack.isEmpty()) {
            Layer top = stack.peek();
            if (lastEntry != null && lastEntry.tripped() && lastEntryCostly) {
                // a refused entry of a streamed zip can only be passed by expanding it: leave the rest
                lastEntry = null;
                sink.warn("limit", "any entries after the refused one are not read: a zip read as a stream cannot "
                        + "be passed without expanding what was refused", places.peek().location());
                popLayer();
                continue;
            }
            lastEntry = null;
            Entry e;
            try {
                e = top.next();
            } catch (IOException ex) {
                // an archive read as a stream and cut short: say where it ends
                if (tripwire != null && tripwire.tripped() != null) {
                    throw tripwire.tripped();
                }
                long at = top.offset();
                Location where = places.peek().location();
                throw new LamIOException("cannot read the next entry of the " + top.kind() + " archive",
                        at >= 0 ? where.withOffset(at) : where, ex);
            } catch (RuntimeException | LinkageError ex) {
                // Commons Compress fails on some damaged or unsupported entries with unchecked exceptions
                // (or a class missing, zstd-jni's for a Zstandard entry): located where it stopped
                long at = top.offset();
                Location where = places.peek().location();
                throw Engine.toLam(ex, at >= 0 ? where.withOffset(at) : where, tripwire);
            }
            if (e == null) {
                popLayer();
                continue;
            }
            Place parent = places.peek();
            Place place = parent.child(e.name, e.zip);
            Location where = place.location();
            if (unsafe(e.name)) {
                sink.report(new LamFormatException("unsafe entry name (absolute, or climbing out with ..): "
                        + "reported and not read", where));
                continue;
            }
            if (e.declaredSize > limits.maxInputBytes()) {
                sink.report(new LamLimitExceededException("entry declares " + e.declaredSize
                        + " bytes, more than maxInputBytes (" + limits.maxInputBytes() + ")", where));
                continue;
            }
            Guard.Limited guarded = new Guard.Limited(new Guard.NonClosing(e.stream), limits, e.compressed, where, tripwire);
            lastEntry = guarded;
            lastEntryCostly = e.costlyToPass;
            try {
                Leaf leaf = classify(guarded, place, true, new ArrayList<>(layerNames.peek()), null, -1);
                if (leaf != null) {
                    return leaf;
                }
            } catch (LamException ex) {
                sink.report(ex);
            } catch (IOException | RuntimeException | LinkageError ex) {
                sink.report(Engine.toLam(ex, where, tripwire));
            }
        }
        return null;
    }

    private void popLayer() throws IOException {
        Layer top = stack.pop();
        places.pop();
        layerNames.pop();
        top.close();
    }

    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes off compression layers; returns a leaf, or pushes an archive layer and returns null.
     */
    private Leaf classify(InputStream in, Place place, boolean inArchive, List<String> layers, InputFile file,
            long fileSize) throws IOException {
        BufferedInputStream cur = new BufferedInputStream(in, bufferFor(fileSize));
        Place p = place;
        InputFile plainFile = file;
        int depth = stack.size();
        for (int round = 0; ; round++) {
            int[] len = new int[1];
            byte[] head = peek(cur, 512, len);
            Containers kind = Containers.detect(head, len[0], p.name());
            if (kind == Containers.NONE) {
                Place leafPlace = plainFile != null ? p : new Place(p.uri(), p.entry(), p.name(), null, p.zip(), p.reach());
                return new Leaf(cur, leafPlace, List.copyOf(layers), inArchive, plainFile != null ? fileSize : -1);
            }
            if (depth + round >= limits.maxArchiveDepth() + 2) {
                throw tripwire.trip(new LamLimitExceededException("more than maxArchiveDepth ("
                        + limits.maxArchiveDepth() + ") archives inside archives", p.location()));
            }
            layers.add(kind.id());
            if (!kind.archive) {
                Guard.Counting raw = new Guard.Counting(cur);
                InputStream dec;
                try {
                    dec = decompress(kind, raw, p);
                } catch (IOException ex) {
                    // the header (gzip's, or bzip2's first block), read when the stream is opened: at its start
                    throw new LamIOException("cannot read the " + kind.id() + " data", p.location().withOffset(0), ex);
                }
                toClose.add(dec);
                InputStream placed = new Guard.Decompressed(dec, kind.id(), raw::count, p.location());
                cur = new BufferedInputStream(new Guard.Limited(placed, limits, raw::count, p.location(), tripwire), BUFFER);
                p = p.decompressed(Containers.strip(p.name(), kind));
                plainFile = null;
                continue;
            }
            if (stack.size() >= limits.maxArchiveDepth()) {
                throw tripwire.trip(new LamLimitExceededException("more than maxArchiveDepth ("
                        + limits.maxArchiveDepth() + ") archives inside archives", p.location()));
            }
            // a unit's entry range applies to the archive that is the unit's file itself
            int[] range = plainFile != null && stack.isEmpty() ? unit.entryRange() : null;
            Layer layer = openArchive(kind, cur, p, plainFile, range);
            stack.push(layer);
            places.push(p);
            layerNames.push(List.copyOf(layers));
            return null;
        }
    }

    /** A small file gets a buffer of its size (at least the probe's), not 64 KiB. */
    private static int bufferFor(long fileSize) {
        return fileSize < 0 ? BUFFER : (int) Math.max(FormatProvider.PROBE_BYTES + 1, Math.min(BUFFER, fileSize + 1));
    }

    private static byte[] peek(BufferedInputStream in, int n, int[] len) throws IOException {
        byte[] buf = new byte[n];
        in.mark(n);
        int total = 0;
        while (total < n) {
            int r = in.read(buf, total, n - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        in.reset();
        len[0] = total;
        return buf;
    }

    private InputStream decompress(Containers kind, InputStream raw, Place p) throws IOException {
        switch (kind) {
            case GZIP:
                // asked for 32 KiB at a time: where the data is cut short, Commons Compress fails the read
                // that meets the cut and what it inflated in that read is lost, so at most 32 KiB before
                // the cut (a truncated .tar.gz gives its entries up to there, not none)
                return new SmallReads(GzipCompressorInputStream.builder().setInputStream(raw)
                        .setDecompressConcatenated(true).get());
            case BZIP2:
                return new BZip2CompressorInputStream(raw, true);
            case XZ:
                return new XZCompressorInputStream(raw, true);
            case ZSTD:
                if (!ZstdUtils.isZstdCompressionAvailable()) {
                    throw new UnsupportedFormatException("zstd-compressed input needs com.github.luben:zstd-jni "
                            + "on the class path", p.location());
                }
                return new ZstdCompressorInputStream(raw);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private Layer openArchive(Containers kind, BufferedInputStream in, Place p, InputFile file, int[] range)
            throws IOException {
        switch (kind) {
            case ZIP:
                Optional<SeekableByteChannel> channel = file == null ? Optional.empty() : file.openSeekable();
                if (channel.isPresent()) {
                    try {
                        // a range of entries is read through the central directory alone: the local
                        // headers of the entries before it are not visited
                        return new ZipFileLayer(range != null ? Planner.openZip(channel.get())
                                : ZipFile.builder().setSeekableByteChannel(channel.get()).get(), range);
                    } catch (IOException noCentralDirectory) {
                        channel.get().close();
                        // a zip cut short (an interrupted download) or written without one: read what
                        // there is entry by entry
                        sink.warn("archive", "no readable central directory (" + noCentralDirectory.getMessage()
                                + "): read entry by entry, as far as the entries go", p.location());
                        return new StreamLayer("zip", new ZipArchiveInputStream(in, "UTF-8", true, true, true), range);
                    }
                }
                if (range != null) {
                    return new StreamLayer("zip", new ZipArchiveInputStream(in, "UTF-8", true, true, true), range);
                }
                byte[] small = readIfSmall(in, SMALL_ZIP);
                if (small != null) {
                    // read through its central directory: entries it cannot decode or refuses are passed
                    // without expanding them, and its entries can reach each other (METS and ALTO)
                    try {
                        return new ZipFileLayer(ZipFile.builder().setSeekableByteChannel(
                                new SeekableInMemoryByteChannel(small)).get(), null);
                    } catch (IOException noCentralDirectory) {
                        // a zip cut short or written without one: read it entry by entry
                        return new StreamLayer("zip", new ZipArchiveInputStream(
                                new java.io.ByteArrayInputStream(small), "UTF-8", true, true, true), null);
                    }
                }
                return new StreamLayer("zip", new ZipArchiveInputStream(in, "UTF-8", true, true, true), null);
            case TAR:
                return new StreamLayer("tar", new TarArchiveInputStream(in), range);
            case SEVEN_Z:
                SevenZFile sz;
                long size;
                Optional<SeekableByteChannel> seekable = file == null ? Optional.empty() : file.openSeekable();
                if (seekable.isPresent()) {
                    try {
                        sz = SevenZFile.builder().setSeekableByteChannel(seekable.get())
                                .setMaxMemoryLimitKiB(limitKb()).get();
                    } catch (IOException | RuntimeException e) {
                        seekable.get().close();
                        throw e;
                    }
                    size = seekable.get().size();
                } else {
                    byte[] bytes = readBounded(in, limits.maxRecordBytes(), p);
                    sz = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                            .setMaxMemoryLimitKiB(limitKb()).get();
                    size = bytes.length;
                }
                return new SevenZLayer(sz, size);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /** Passes reads on at most {@value #SMALL_READ} bytes at a time. */
    private static final class SmallReads extends java.io.FilterInputStream {
        static final int SMALL_READ = 32 * 1024;

        SmallReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, SMALL_READ));
        }
    }

    /** A zip inside another input up to this size is read into memory and read as a zip file. */
    static final int SMALL_ZIP = 16 << 20;

    /**
     * The rest of the stream if it ends within {@code max} bytes; else null, and nothing consumed.
     * Never reads more than {@code max + 1} bytes past the mark, the most the mark keeps: a read
     * beyond it would drop the mark and fail the reset ("Resetting to invalid mark").
     */
    static byte[] readIfSmall(BufferedInputStream in, int max) throws IOException {
        in.mark(max + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[BUFFER];
        while (true) {
            int r = in.read(buf, 0, Math.min(buf.length, max + 1 - out.size()));
            if (r < 0) {
                return out.toByteArray();
            }
            out.write(buf, 0, r);
            if (out.size() > max) {
                in.reset();
                return null;
            }
        }
    }

    private int limitKb() {
        return (int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes() / 1024L * 4);
    }

    private byte[] readBounded(InputStream in, int max, Place p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[BUFFER];
        int r;
        while ((r = in.read(buf)) >= 0) {
            out.write(buf, 0, r);
            if (out.size() > max) {
                throw tripwire.trip(new LamLimitExceededException("a 7z archive inside another input must fit in "
                        + "maxRecordBytes (" + max + " bytes) to be read; extract it first", p.location()));
            }
        }
        return out.toByteArray();
    }

    private LamLimitExceededException tooManyEntries() {
        return tripwire.trip(new LamLimitExceededException("archive has more than maxEntries (" + limits.maxEntries()
                + ") entries; raise ReadLimits.maxEntries to read it", places.peek().location()));
    }

    private LamFormatException unreadable(ZipArchiveEntry e, boolean stream) {
        return new LamFormatException("zip entry uses a method (" + e.getMethod() + ") or encryption that cannot be read"
                + (needsZstd(e) ? "; Zstandard needs com.github.luben:zstd-jni on the class path" : "")
                + (stream && streamedXz(e) ? " from a stream (XZ entries are read from a zip file only)" : ""),
                places.peek().child(e.getName(), null).location());
    }

    /**
     * An XZ entry (method 95) of a zip read as a stream: Commons Compress 1.28 says it can read its data
     * ({@code canReadEntryData}) but makes no stream for it, and fails on a null one when it is read.
     */
    private static boolean streamedXz(ZipArchiveEntry e) {
        return e.getMethod() == org.apache.commons.compress.archivers.zip.ZipMethod.XZ.getCode();
    }

    /** Zstandard entries (methods 93 and the older 20) need zstd-jni, which is optional. */
    private static boolean needsZstd(ZipArchiveEntry e) {
        int m = e.getMethod();
        return (m == 93 || m == 20) && !ZstdUtils.isZstdCompressionAvailable();
    }

    private static long compressedCount(InputStream s) {
        return s instanceof InputStreamStatistics ? ((InputStreamStatistics) s).getCompressedCount() : -1;
    }

    private final class StreamLayer implements Layer {
        private final String kind;
        private final ArchiveInputStream<?> in;
        private final int[] range;
        private int entries;
        private int index;

        StreamLayer(String kind, ArchiveInputStream<?> in, int[] range) {
            this.kind = kind;
            this.in = in;
            this.range = range;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Entry next() throws IOException {
            while (true) {
                if (range != null && index >= range[1]) {
                    return null;
                }
                ArchiveEntry e = in.getNextEntry();
                if (e == null) {
                    return null;
                }
                boolean before = range != null && index < range[0];
                index++;
                if (e.isDirectory()) {
                    continue;
                }
                if (++entries > limits.maxEntries()) {
                    if (before) {
                        return null; // the range before this one met the limit
                    }
                    throw tooManyEntries();
                }
                if (before) {
                    continue;
                }
                // Commons Compress gives no stream for an entry it cannot read, nor for an XZ one though it says
                // it can read that (streamedXz)
                boolean noStream = e instanceof ZipArchiveEntry
                        && (!in.canReadEntryData(e) || streamedXz((ZipArchiveEntry) e));
                if (noStream || e instanceof ZipArchiveEntry && needsZstd((ZipArchiveEntry) e)) {
                    ZipArchiveEntry z = (ZipArchiveEntry) e;
                    LamFormatException unreadable = unreadable(z, true);
                    if (noStream && z.getGeneralPurposeBit().usesDataDescriptor()) {
                        // its size comes after its data, which cannot be read: nothing finds its end in a
                        // stream (Commons Compress would fail on a null stream trying), so no entry after it
                        sink.report(new LamFormatException(unreadable.reason() + "; its size comes after its data, "
                                + "so the entries after it cannot be found in a stream (read the zip as a file to "
                                + "reach them)", unreadable.location().orElseThrow()));
                        return null;
                    }
                    sink.report(unreadable);
                    continue;
                }
                LongSupplier compressed = in instanceof InputStreamStatistics
                        ? () -> Math.max(1, compressedCount(in)) : null;
                if (in instanceof TarArchiveInputStream) {
                    compressed = null;
                }
                Entry entry = new Entry(e.getName(), in, compressed, e.getSize(), null);
                // a streamed zip entry whose sizes come after its data can only be passed by expanding it
                entry.costlyToPass = e instanceof ZipArchiveEntry
                        && ((ZipArchiveEntry) e).getGeneralPurposeBit().usesDataDescriptor();
                return entry;
            }
        }

        @Override
        public long offset() {
            // Commons Compress counts an end of stream met before any byte as -1 byte read
            return Math.max(0, in.getBytesRead());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private final class ZipFileLayer implements Layer {
        private final ZipFile zip;
        private final Enumeration<ZipArchiveEntry> entries;
        private final int[] range;
        private InputStream current;
        private int count;
        private int index;
        /** Where the entry last opened (or being opened) starts: its local header's byte offset. */
        private long at = -1;

        ZipFileLayer(ZipFile zip, int[] range) {
            this.zip = zip;
            this.entries = zip.getEntries();
            this.range = range;
        }

        @Override
        public String kind() {
            return "zip";
        }

        @Override
        public Entry next() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
            while (entries.hasMoreElements()) {
                if (range != null && index >= range[1]) {
                    return null;
                }
                ZipArchiveEntry e = entries.nextElement();
                boolean before = range != null && index < range[0];
                index++;
                if (e.isDirectory()) {
                    continue;
                }
                if (++count > limits.maxEntries()) {
                    if (before) {
                        return null; // the range before this one met the limit
                    }
                    throw tooManyEntries();
                }
                if (before) {
                    continue;
                }
                if (!zip.canReadEntryData(e) || needsZstd(e)) {
                    sink.report(unreadable(e, false));
                    continue;
                }
                at = e.getLocalHeaderOffset();
                InputStream s = zip.getInputStream(e);
                current = s;
                long declaredCompressed = Math.max(1, e.getCompressedSize());
                LongSupplier compressed = s instanceof InputStreamStatistics
                        ? () -> Math.max(1, ((InputStreamStatistics) s).getCompressedCount())
                        : () -> declaredCompressed;
                return new Entry(e.getName(), s, compressed, e.getSize(), zip);
            }
            return null;
        }

        /** A failure between entries (closing one, opening the next) is placed at the entry's start. */
        @Override
        public long offset() {
            return at;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
            zip.close();
        }
    }

    private final class SevenZLayer implements Layer {
        private final SevenZFile file;
        private final long compressedSize;
        private int count;

        SevenZLayer(SevenZFile file, long compressedSize) {
            this.file = file;
            this.compressedSize = Math.max(1, compressedSize);
        }

        @Override
        public String kind() {
            return "7z";
        }

        @Override
        public Entry next() throws IOException {
            SevenZArchiveEntry e;
            while ((e = file.getNextEntry()) != null) {
                if (e.isDirectory() || !e.hasStream()) {
                    continue;
                }
                if (++count > limits.maxEntries()) {
                    throw tooManyEntries();
                }
                // 7z compresses entries together (solid blocks): each entry's ratio is bounded
                // against the whole archive's size
                return new Entry(e.getName(), file.getInputStream(e), () -> compressedSize, e.getSize(), null);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    @Override
    public void close() {
        while (!stack.isEmpty()) {
            try {
                stack.pop().close();
            } catch (IOException ignored) {
                // closing what we opened; nothing to report
            }
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (IOException ignored) {
                // as above
            }
        }
        toClose.clear();
    }

    /** Detection look-ahead size. */
    static int probeBytes() {
        return FormatProvider.PROBE_BYTES;
    }
}
