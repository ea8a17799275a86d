package org.biglam.lam.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small writer of bar charts as plain SVG 1.1: columns over ordered categories (decades,
 * histogram bins) and horizontal bars for named values (languages, label values). The SVG is text
 * the project writes itself: no browser, JavaScript, font or rasteriser is needed to make it, the
 * same counts give the same bytes, and it stands alone (as a file beside a dataset card) or inline
 * in HTML ({@code lam report}). Every bar carries a {@code <title>} (its category and count), which
 * viewers show on hover; labels too long for their room are cut with an ellipsis. Stateless.
 */
public final class SvgChart {

    /** The width of every chart, in CSS pixels. */
    public static final int WIDTH = 640;
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
    private static final String BAR = "#4c78a8";
    private static final String AXIS = "#6b7280";
    private static final String GRID = "#e5e7eb";
    private static final String INK = "#1f2937";
    /** About how wide a character of the 11-pixel labels is, to keep them from overlapping. */
    private static final double CHAR = 6.4;

    private SvgChart() {
    }

    /**
     * Vertical columns over ordered categories, left to right as given.
     *
     * @param title the chart's title, drawn above it
     * @param data categories and counts, in order
     * @param xTitle what the categories are (drawn under them), or null
     * @return the SVG document
     */
    public static String columns(String title, List<Map.Entry<String, Long>> data, String xTitle) {
        int height = 280;
        int left = 64;
        int right = 16;
        int top = 40;
        int bottom = xTitle == null ? 36 : 54;
        int plotW = WIDTH - left - right;
        int plotH = height - top - bottom;
        StringBuilder s = open(title, height);
        long max = 0;
        for (Map.Entry<String, Long> e : data) {
            max = Math.max(max, e.getValue());
        }
        long step = niceStep(max, 4);
        long axisMax = Math.max(step, (max + step - 1) / step * step);
        // the grid and the counts on the left
        for (long v = 0; v <= axisMax; v += step) {
            double y = top + plotH - (double) v / axisMax * plotH;
            s.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH - right).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"")
                    .append(v == 0 ? AXIS : GRID).append("\" stroke-width=\"1\"/>");
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"").append(AXIS).append("\">")
                    .append(count(v)).append("</text>");
        }
        int n = Math.max(1, data.size());
        double slot = (double) plotW / n;
        double gap = Math.min(slot * 0.2, 8);
        int longest = 1;
        for (Map.Entry<String, Long> e : data) {
            longest = Math.max(longest, e.getKey().length());
        }
        int every = Math.max(1, (int) Math.ceil((longest * CHAR + 8) / slot));
        for (int i = 0; i < data.size(); i++) {
            Map.Entry<String, Long> e = data.get(i);
            double h = axisMax == 0 ? 0 : (double) e.getValue() / axisMax * plotH;
            double x = left + i * slot + gap / 2;
            s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(top + plotH - h))
                    .append("\" width=\"").append(num(slot - gap)).append("\" height=\"").append(num(h))
                    .append("\" fill=\"").append(BAR).append("\"><title>").append(esc(e.getKey())).append(": ")
                    .append(count(e.getValue())).append("</title></rect>");
            if (i % every == 0) {
                s.append("<text x=\"").append(num(left + (i + 0.5) * slot)).append("\" y=\"")
                        .append(top + plotH + 16).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"")
                        .append(AXIS).append("\">").append(esc(e.getKey())).append("</text>");
            }
        }
        if (xTitle != null) {
            s.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(height - 10)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"").append(INK).append("\">")
                    .append(esc(xTitle)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /**
     * Horizontal bars for named values, top to bottom as given, each with its count at its end.
     *
     * @param title the chart's title, drawn above it
     * @param data values and counts, in order (the most frequent first, usually)
     * @return the SVG document
     */
    public static String bars(String title, List<Map.Entry<String, Long>> data) {
        int row = 22;
        int top = 40;
        int labelW = 200;
        int right = 64;
        int height = top + Math.max(1, data.size()) * row + 12;
        int plotW = WIDTH - labelW - right;
        StringBuilder s = open(title, height);
        long max = 1;
        for (Map.Entry<String, Long> e : data) {
            max = Math.max(max, e.getValue());
        }
        int maxChars = (int) ((labelW - 14) / CHAR);
        s.append("<line x1=\"").append(labelW).append("\" x2=\"").append(labelW).append("\" y1=\"").append(top - 4)
                .append("\" y2=\"").append(height - 8).append("\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>");
        for (int i = 0; i < data.size(); i++) {
            Map.Entry<String, Long> e = data.get(i);
            double y = top + i * row;
            double w = Math.max(1, (double) e.getValue() / max * plotW);
            String label = e.getKey().replaceAll("\\s+", " ").strip();
            s.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(num(y + 15))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"").append(INK).append("\">")
                    .append(esc(cut(label, maxChars))).append("<title>").append(esc(cut(label, 500)))
                    .append("</title></text>");
            s.append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 3)).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(row - 6).append("\" fill=\"").append(BAR)
                    .append("\"><title>").append(esc(cut(label, 500))).append(": ").append(count(e.getValue()))
                    .append("</title></rect>");
            s.append("<text x=\"").append(num(labelW + w + 6)).append("\" y=\"").append(num(y + 15))
                    .append("\" font-size=\"11\" fill=\"").append(AXIS).append("\">").append(count(e.getValue()))
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"").append(FONT).append("\" role=\"img\">");
        s.append("<title>").append(esc(title)).append("</title>");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        s.append("<text x=\"8\" y=\"22\" font-size=\"14\" font-weight=\"600\" fill=\"").append(INK).append("\">")
                .append(esc(title)).append("</text>");
        return s;
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about this many intervals up to max. */
    static long niceStep(long max, int intervals) {
        if (max <= intervals) {
            return 1;
        }
        double raw = (double) max / intervals;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, (long) (nice * pow));
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String num(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String cut(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s
                : s.substring(0, s.offsetByCodePoints(0, Math.max(1, n - 1))) + "…";
    }

    /** Text made safe for XML content and attribute values (control characters dropped). */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\n' || c == '\t') {
                        b.append(c);
                    } else if (c == '\r') {
                        b.append(' ');
                    }
            }
        }
        return b.toString();
    }
}
