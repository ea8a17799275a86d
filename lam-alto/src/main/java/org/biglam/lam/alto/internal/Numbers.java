package org.biglam.lam.alto.internal;

/** Lenient, fast parsing of the decimal numbers of OCR attributes. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Parses a decimal number ({@code 12}, {@code 0.93}, {@code 808.0}, {@code -3}, {@code 1e3});
     * NaN for null, empty or not a number.
     */
    static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.length();
        if (n >= 3 && n <= 9 && s.charAt(0) == '0' && s.charAt(1) == '.') {
            // a confidence as OCR engines write it (0.93): the general way below, shortened
            long frac = 0;
            long scale = 1;
            int i = 2;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                frac = frac * 10 + (c - '0');
                scale *= 10;
            }
            if (i == n) {
                return (double) frac / scale;
            }
        }
        int i = 0;
        while (i < n && s.charAt(i) <= ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) <= ' ') {
            n--;
        }
        if (i == n) {
            return Double.NaN;
        }
        boolean neg = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            neg = s.charAt(i) == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            whole = whole * 10 + (c - '0');
            i++;
            digits++;
        }
        double value = whole;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            long frac = 0;
            long scale = 1;
            int fd = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                if (fd < 15) {
                    frac = frac * 10 + (c - '0');
                    scale *= 10;
                }
                fd++;
                i++;
            }
            digits += fd;
            value += (double) frac / scale;
        }
        if (digits == 0 || digits > 18 && i == n) {
            return slow(s);
        }
        if (i != n) {
            return slow(s);
        }
        return neg ? -value : value;
    }

    /**
     * A number from 0 to 1 written as OCR engines write a confidence ({@code 0.93}, {@code 0},
     * {@code 1}, {@code 1.0}: at most seven decimals), read from {@code buffer[start..end)}; -1 for
     * anything else, which {@link #parse(String)} then reads.
     */
    static double unitFraction(char[] buffer, int start, int end) {
        int n = end - start;
        if (n == 1) {
            char c = buffer[start];
            return c == '0' ? 0 : c == '1' ? 1 : -1;
        }
        if (n < 3 || n > 9 || buffer[start + 1] != '.') {
            return -1;
        }
        char lead = buffer[start];
        if (lead != '0' && lead != '1') {
            return -1;
        }
        long frac = 0;
        long scale = 1;
        for (int i = start + 2; i < end; i++) {
            char c = buffer[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            frac = frac * 10 + (c - '0');
            scale *= 10;
        }
        if (lead == '1') {
            return frac == 0 ? 1 : -1;
        }
        return (double) frac / scale;
    }

    /**
     * The whole part of a coordinate as OCR engines write it ({@code 1203}, {@code 1203.0},
     * {@code 88.25} gives 88: up to nine digits, then the end or a point), read from
     * {@code buffer[start..end)}; NaN for anything else. Whole pixels (or tenths of a millimetre) are
     * precise enough for the gap between two words, and reading no fraction keeps this cheap: it is
     * read for every word.
     */
    static float coordinate(char[] buffer, int start, int end) {
        int stop = end - start > 9 ? start + 9 : end;
        int whole = 0;
        int i = start;
        while (i < stop) {
            int d = buffer[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            whole = whole * 10 + d;
            i++;
        }
        return i == start || i < end && buffer[i] != '.' ? Float.NaN : whole;
    }

    private static double slow(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
