package org.biglam.lam.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds archives and compressed files in tests, from entry names to contents. */
public final class Archives {

    private Archives() {
    }

    /** Ordered entries: name to bytes. */
    public static final class Entries {
        final Map<String, byte[]> map = new LinkedHashMap<>();

        /** Adds a text entry (UTF-8). */
        public Entries add(String name, String text) {
            map.put(name, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Adds a binary entry. */
        public Entries add(String name, byte[] bytes) {
            map.put(name, bytes);
            return this;
        }
    }

    /** Starts a list of entries. */
    public static Entries entries() {
        return new Entries();
    }

    /** A tar archive's bytes. */
    public static byte[] tar(Entries e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> en : e.map.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(en.getKey(), true);
                te.setSize(en.getValue().length);
                tar.putArchiveEntry(te);
                tar.write(en.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    /** A zip archive's bytes (deflated). */
    public static byte[] zip(Entries e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            for (Map.Entry<String, byte[]> en : e.map.entrySet()) {
                ZipArchiveEntry ze = new ZipArchiveEntry(en.getKey());
                zip.putArchiveEntry(ze);
                zip.write(en.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    /** A zip archive's bytes, entries stored (not compressed): a zip as large as its entries. */
    public static byte[] storedZip(Entries e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            for (Map.Entry<String, byte[]> en : e.map.entrySet()) {
                ZipArchiveEntry ze = new ZipArchiveEntry(en.getKey());
                ze.setMethod(ZipArchiveEntry.STORED);
                ze.setSize(en.getValue().length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(en.getValue());
                ze.setCrc(crc.getValue());
                zip.putArchiveEntry(ze);
                zip.write(en.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    /** Writes a 7z archive. */
    public static Path sevenZ(Path file, Entries e) {
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (Map.Entry<String, byte[]> en : e.map.entrySet()) {
                SevenZArchiveEntry se = new SevenZArchiveEntry();
                se.setName(en.getKey());
                se.setSize(en.getValue().length);
                out.putArchiveEntry(se);
                out.write(en.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** Gzip-compressed bytes. */
    public static byte[] gzip(byte[] bytes) {
        return compress(bytes, "gz");
    }

    /** bzip2-compressed bytes. */
    public static byte[] bzip2(byte[] bytes) {
        return compress(bytes, "bz2");
    }

    /** xz-compressed bytes. */
    public static byte[] xz(byte[] bytes) {
        return compress(bytes, "xz");
    }

    private static byte[] compress(byte[] bytes, String kind) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = kind.equals("gz") ? new GzipCompressorOutputStream(buf)
                : kind.equals("bz2") ? new BZip2CompressorOutputStream(buf) : new XZCompressorOutputStream(buf)) {
            out.write(bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    /** Writes bytes to a file and returns it. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }
}
