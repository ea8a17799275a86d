// Your first records. From the repository root, after `mvn -q package -DskipTests`:
//   jshell --class-path lam-cli/target/lam.jar examples/jshell/01-first-records.jsh
import java.nio.file.*
import java.util.*
import java.util.stream.*
import org.biglam.lam.*

// Read the bundled catalogue (ISO 2709 in MARC-8): one record per catalogue record.
List<LamRecord> books;
try (Stream<LamRecord> records = Lam.read(Path.of("examples/holdings/marc/books.mrc"))) {
    books = records.collect(Collectors.toList());
}
System.out.println(books.size() + " records");

// A record prints as one line: id, format, the start of its text, its labels.
books.stream().limit(2).forEach(System.out::println);

// Filter by a label: the fiction, with its language.
books.stream().
     filter(r -> r.label("genre").contains("fiction")).
     forEach(r -> System.out.println(r.firstLabel("language").orElse("?") + "  " + r.firstLabel("title").orElse("?")));

// Every label of one record.
books.get(1).labels().forEach((name, values) -> System.out.println(name + " = " + values));
/exit
