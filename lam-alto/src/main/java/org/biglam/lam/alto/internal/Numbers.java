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

    private static double slow(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
