// A harvest kept as a folder of OAI-PMH pages: each record's metadata read by its namespace.
//   jshell --class-path lam-cli/target/lam.jar examples/jshell/05-saved-harvest.jsh
// A live endpoint is read the same way: Lam.read("oai:https://host/oai?metadataPrefix=oai_dc", options)
import java.nio.file.*
import org.biglam.lam.*

ReadOptions options = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).set("oai.deleted", "emit").build();
try (var records = Lam.read(Path.of("examples/harvest"), options)) {
    records.forEach(r -> System.out.println(r.format() + "  " + r.id() + "  " + r.label("title") + "  " + r.label("oai:status")));
}
/exit
