package org.biglam.lam.internal;

/** The byte order marks a look-ahead may start with: one place for detection's readers of bytes. */
public final class ByteOrderMarks {

    private ByteOrderMarks() {
    }

    /** Whether the bytes start with a UTF-16 byte order mark (big- or little-endian). */
    public static boolean utf16(byte[] head, int len) {
        return len >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE);
    }

    /** Whether a UTF-16 byte order mark is big-endian (call after {@link #utf16}). */
    public static boolean bigEndian(byte[] head) {
        return (head[0] & 0xff) == 0xFE;
    }

    /** The length of a UTF-8 byte order mark the bytes start with: 3, or 0 for none. */
    public static int utf8(byte[] head, int len) {
        return len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
    }
}
