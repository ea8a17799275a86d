package org.biglam.lam.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;

/**
 * A flat table out of nested archive and museum descriptions: an EAD finding aid as one row per
 * archival component (its level, the path of titles above it, its date and digital objects), and a
 * LIDO export as one row per museum object (work type, creator with role, date).
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.ArchiveTable [finding-aid.xml] [lido.xml]
 * }</pre>
 */
public final class ArchiveTable {

    private ArchiveTable() {
    }

    /**
     * Prints one tab-separated row per component, then one per object, then the counts.
     *
     * @param args an EAD finding aid and a LIDO file (default: the two in {@code examples/archives})
     */
    public static void main(String[] args) {
        Path ead = args.length > 0 ? Path.of(args[0]) : archives("finding-aid.xml");
        Path lido = args.length > 1 ? Path.of(args[1]) : archives("museum-lido.xml");
        long components = 0;
        System.out.println("level\tid\ttitle\tpath above\tdate\timages");
        // "component" is EAD's default granularity: the collection level (archdesc) is a row too
        try (Stream<LamRecord> records = Lam.read(ead)) {
            for (LamRecord c : (Iterable<LamRecord>) records::iterator) {
                System.out.println(String.join("\t", c.firstLabel("ead:level").orElse("-"), c.id(),
                        c.firstLabel("title").orElse("-"), c.firstLabel("ead:path").orElse("-"),
                        c.firstLabel("date").orElse("-"), String.valueOf(c.images().size())));
                components++;
            }
        }
        long objects = 0;
        System.out.println("\tid\ttitle\twork type\tcreator (role)\tdate\timages");
        try (Stream<LamRecord> records = Lam.read(lido)) {
            for (LamRecord o : (Iterable<LamRecord>) records::iterator) {
                System.out.println(String.join("\t", "object", o.id(), o.firstLabel("title").orElse("-"),
                        all(o, "genre"), all(o, "lido:actorInRole"), o.firstLabel("date").orElse("-"),
                        String.valueOf(o.images().size())));
                objects++;
            }
        }
        System.out.println(components + " components, " + objects + " objects");
    }

    private static String all(LamRecord r, String label) {
        return r.label(label).isEmpty() ? "-" : String.join("; ", r.label(label));
    }

    private static Path archives(String name) {
        Path fromRoot = Path.of("examples", "archives", name);
        return Files.exists(fromRoot) ? fromRoot : Path.of("archives", name);
    }
}
