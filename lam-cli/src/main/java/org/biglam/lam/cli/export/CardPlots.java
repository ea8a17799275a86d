package org.biglam.lam.cli.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.cli.internal.ShapeCharts;

/**
 * The plots of a dataset card: the charts of {@link ShapeCharts} drawn from each config's rows,
 * written as SVG files beside the card ({@code plots/NAME.svg}, in config mode {@code
 * plots/CONFIG/NAME.svg}) and shown by the card with relative links, so that the published dataset
 * shows its shape at a glance. The {@code plots/} folder is lam's, as {@code data/} is: an export
 * replaces it (an export of configs, only its configs' folders).
 *
 * <p>SVG rather than PNG: the charts are text lam writes itself, the same rows give the same bytes
 * on every machine (no font or rasteriser of the machine that exports is involved), they stay sharp
 * at any zoom and weigh a few kilobytes; the card shows them as Markdown images ({@code <img>}), in
 * which an SVG is a picture and nothing else (no script, no external resource).
 */
final class CardPlots {

    /** The folder of the plots, in the dataset folder. */
    static final String FOLDER = "plots";

    /**
     * A plot written.
     *
     * @param path its path relative to the dataset folder, with {@code /}
     * @param title its title
     */
    record Plot(String path, String title) {
    }

    private CardPlots() {
    }

    /**
     * Removes the plots an export replaces: the whole {@code plots/} folder, or in config mode the
     * folders of these configs.
     *
     * @param out the dataset folder
     * @param configs the configs written, in config mode; null otherwise
     * @throws IOException if deleting fails
     */
    static void clear(Path out, List<ConfigOutput> configs) throws IOException {
        Path folder = out.resolve(FOLDER);
        if (configs == null) {
            Exporter.deleteTree(folder);
        } else {
            for (ConfigOutput c : configs) {
                Exporter.deleteTree(folder.resolve(c.name));
            }
        }
    }

    /**
     * Writes a config's plots.
     *
     * @param out the dataset folder
     * @param c the config, counted
     * @param configMode whether the export writes configs (then the plots go in {@code plots/CONFIG/})
     * @return the plots written, in the card's order
     * @throws IOException if writing fails
     */
    static List<Plot> write(Path out, ConfigOutput c, boolean configMode) throws IOException {
        List<ShapeCharts.Chart> charts = ShapeCharts.of(c.counts, "rows");
        List<Plot> plots = new ArrayList<>();
        if (charts.isEmpty()) {
            return plots;
        }
        String prefix = FOLDER + "/" + (configMode ? c.name + "/" : "");
        Path folder = out.resolve(prefix);
        Files.createDirectories(folder);
        for (ShapeCharts.Chart chart : charts) {
            String name = chart.id() + ".svg";
            Files.writeString(folder.resolve(name), chart.svg() + "\n", StandardCharsets.UTF_8);
            plots.add(new Plot(prefix + name, chart.title()));
        }
        return plots;
    }

    /**
     * The card's plots section of a config: a heading and one image a plot.
     *
     * @param b where to append
     * @param c the config
     * @param h the heading's hashes
     */
    static void markdown(StringBuilder b, ConfigOutput c, String h) {
        if (c.plots.isEmpty()) {
            return;
        }
        b.append(h).append(" Plots\n\n");
        for (Plot p : c.plots) {
            b.append("![").append(p.title().replace("[", "(").replace("]", ")")).append("](").append(p.path())
                    .append(")\n\n");
        }
    }
}
