package org.biglam.lam.cli.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shards of one split while they are written: under temporary names in the partial folder,
 * a new one started once the current one reaches the shard size. Renamed by {@link Exporter} once
 * every split's shard count is known.
 */
final class SplitOutput {

    /** Opens a shard writer on a temporary file. */
    interface Opener {
        ShardWriter open(Path file, long firstRow) throws IOException;
    }

    final String name;
    private final Path tempDir;
    private final String extension;
    private final long shardBytes;
    private final int maxFilesPerFolder;
    private final Opener opener;
    final List<Path> shards = new ArrayList<>();
    final long[] classCounts;
    long rows;
    long rowsWithText;
    private ShardWriter current;

    SplitOutput(String name, Path tempDir, String extension, long shardBytes, int maxFilesPerFolder, int classes,
            Opener opener) {
        this.name = name;
        this.tempDir = tempDir;
        this.extension = extension;
        this.shardBytes = shardBytes;
        this.maxFilesPerFolder = maxFilesPerFolder;
        this.classCounts = new long[classes];
        this.opener = opener;
    }

    void write(Row r) throws IOException {
        if (current == null) {
            openNext();
        }
        current.write(r);
        rows++;
        if (r.text() != null) {
            rowsWithText++;
        }
        if (r.labelIndex() >= 0) {
            classCounts[r.labelIndex()]++;
        }
        if (current.size() >= shardBytes) {
            closeCurrent();
        }
    }

    private void openNext() throws IOException {
        int n = shards.size();
        Path folder = tempDir.resolve(name).resolve(String.format("%05d", n / (maxFilesPerFolder - 1)));
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format("%05d.%s", n, extension));
        current = opener.open(file, rows);
        shards.add(file);
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            ShardWriter w = current;
            current = null;
            w.close();
        }
    }

    /** Closes the last shard. A split that received no rows has no shard. */
    void finish() throws IOException {
        closeCurrent();
    }

    /** Closes without caring for errors, after a failure. */
    void abort() {
        try {
            closeCurrent();
        } catch (IOException | RuntimeException e) {
            // the partial folder is deleted next
        }
    }
}
