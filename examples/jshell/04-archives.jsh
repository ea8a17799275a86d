// A finding aid as one record per archival component, and a LIDO export as one record per object.
//   jshell --class-path lam-cli/target/lam.jar examples/jshell/04-archives.jsh
import java.nio.file.*
import java.util.stream.*
import org.biglam.lam.*

// Each component, with the path of titles above it: a flat table out of a nested finding aid.
try (Stream<LamRecord> components = Lam.read(Path.of("examples/archives/finding-aid.xml"))) {
    components.forEach(c -> System.out.println(c.id() + "  " + c.firstLabel("title").orElse("?") + "  <  "
            + c.firstLabel("ead:path").orElse("(collection level)")));
}

// A component without a unittitle takes its title from its digital object's description.
LamRecord item = Lam.read(Path.of("examples/archives/finding-aid.xml")).
        filter(c -> c.id().equals("FA-1#c1.1.1")).findFirst().orElseThrow();
System.out.println(item.label("title") + " " + item.images());

// Museum objects: work type, creator with role, dates, the master image.
try (Stream<LamRecord> objects = Lam.read(Path.of("examples/archives/museum-lido.xml"))) {
    objects.forEach(o -> System.out.println(o.id() + "  " + o.label("title") + "  " + o.label("genre") + "  "
            + o.label("lido:actorInRole") + "  " + o.label("date") + "  " + o.images()));
}
/exit
