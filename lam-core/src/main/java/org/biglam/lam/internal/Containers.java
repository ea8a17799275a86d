package org.biglam.lam.internal;

import java.util.Locale;

/** Recognises compression and archive layers by their magic bytes, and by name as a fallback. */
enum Containers {
    NONE(false),
    GZIP(false),
    BZIP2(false),
    XZ(false),
    ZSTD(false),
    ZIP(true),
    TAR(true),
    SEVEN_Z(true);

    final boolean archive;

    Containers(boolean archive) {
        this.archive = archive;
    }

    String id() {
        return this == SEVEN_Z ? "7z" : name().toLowerCase(Locale.ROOT);
    }

    static Containers detect(byte[] h, int n, String name) {
        if (n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (n >= 4 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h' && h[3] >= '1' && h[3] <= '9') {
            return BZIP2;
        }
        if (n >= 6 && (h[0] & 0xff) == 0xFD && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z' && h[5] == 0) {
            return XZ;
        }
        if (n >= 4 && (h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xB5 && (h[2] & 0xff) == 0x2F && (h[3] & 0xff) == 0xFD) {
            return ZSTD;
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'K' && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6)
                || (h[2] == 7 && h[3] == 8))) {
            return ZIP;
        }
        if (n >= 6 && h[0] == '7' && h[1] == 'z' && (h[2] & 0xff) == 0xBC && (h[3] & 0xff) == 0xAF
                && h[4] == 0x27 && h[5] == 0x1C) {
            return SEVEN_Z;
        }
        if (n >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return TAR;
        }
        if (n >= 512 && name != null && name.toLowerCase(Locale.ROOT).endsWith(".tar") && looksLikeOldTar(h)) {
            return TAR;
        }
        return NONE;
    }

    /** A pre-POSIX tar header: checksum field of octal digits that matches the header's sum. */
    private static boolean looksLikeOldTar(byte[] h) {
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        String field = new String(h, 148, 8, java.nio.charset.StandardCharsets.US_ASCII).trim();
        field = field.replace("\0", "").trim();
        try {
            return !field.isEmpty() && Long.parseLong(field, 8) == sum;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The name without this layer's suffix: {@code books.mrc.gz} gives {@code books.mrc}. */
    static String strip(String name, Containers kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (kind) {
            case GZIP:
                if (lower.endsWith(".tgz")) {
                    return name.substring(0, name.length() - 4) + ".tar";
                }
                return cut(name, lower, ".gz", ".gzip");
            case BZIP2:
                if (lower.endsWith(".tbz2") || lower.endsWith(".tbz")) {
                    return name.substring(0, name.lastIndexOf('.')) + ".tar";
                }
                return cut(name, lower, ".bz2", ".bzip2");
            case XZ:
                if (lower.endsWith(".txz")) {
                    return name.substring(0, name.length() - 4) + ".tar";
                }
                return cut(name, lower, ".xz");
            case ZSTD:
                return cut(name, lower, ".zst", ".zstd");
            default:
                return name;
        }
    }

    private static String cut(String name, String lower, String... suffixes) {
        for (String s : suffixes) {
            if (lower.endsWith(s) && lower.length() > s.length()) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }
}
