package org.biglam.lam.alto.internal;

import org.biglam.lam.alto.internal.AltoModel.Boxed;

/** Boxes made of other boxes: a region that names none of its own, in PAGE XML and hOCR. */
final class Boxes {

    private Boxes() {
    }

    /**
     * Gives a box the box around its parts' boxes, where it has none of its own and some part has
     * one (parts without a usable box are passed over).
     *
     * @param box the box to set
     * @param parts its parts
     */
    static void enclose(Boxed box, Iterable<? extends Boxed> parts) {
        if (box.hpos != null) {
            return;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        boolean any = false;
        for (Boxed p : parts) {
            double x = Numbers.parse(p.hpos);
            double y = Numbers.parse(p.vpos);
            double w = Numbers.parse(p.width);
            double h = Numbers.parse(p.height);
            if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h)) {
                continue;
            }
            any = true;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x + w);
            y1 = Math.max(y1, y + h);
        }
        if (any) {
            box.hpos = Long.toString(Math.round(x0));
            box.vpos = Long.toString(Math.round(y0));
            box.width = Long.toString(Math.round(x1 - x0));
            box.height = Long.toString(Math.round(y1 - y0));
        }
    }
}
