package org.biglam.lam.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/**
 * A genre-labelled dataset from a MARC catalogue, as the BigLAM genre datasets are made: the title
 * and summary as text, the literary form (from 008/33) as the label, and a train/test split that
 * depends only on the record's id, so it is the same every run.
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.GenreDataset [books.mrc]
 * }</pre>
 */
public final class GenreDataset {

    /** The literary forms lam-marc gives as genre values for books (008/33). */
    static final Set<String> FORMS = Set.of("fiction", "non-fiction", "poetry", "dramas", "short stories",
            "novels", "essays", "letters", "speeches", "humor, satires, etc.", "mixed forms", "comic strips");

    private GenreDataset() {
    }

    /**
     * Prints one tab-separated row per labelled record (split, label, id, text), then the count of
     * each label.
     *
     * @param args a MARC file (ISO 2709, MARCXML or MARC-in-JSON; default: the bundled catalogue)
     */
    public static void main(String[] args) {
        Path catalogue = args.length > 0 ? Path.of(args[0]) : Holdings.path("marc/books.mrc");
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<LamRecord> records = Lam.read(catalogue, ReadOptions.defaults())) {
            records.forEach(r -> {
                List<String> forms = r.label("genre").stream().filter(FORMS::contains).collect(Collectors.toList());
                if (forms.isEmpty() || r.text().isEmpty()) {
                    return;
                }
                String label = forms.get(0);
                String split = Math.floorMod(r.id().hashCode(), 10) < 8 ? "train" : "test";
                String text = r.text().get().replaceAll("\\s+", " ").strip();
                System.out.println(split + "\t" + label + "\t" + r.id() + "\t" + text);
                counts.merge(label, 1, Integer::sum);
            });
        }
        System.out.println("labels: " + counts);
    }
}
