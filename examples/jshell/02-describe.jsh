// What is in a folder of holdings: counts per format, problems, text, images, labels.
//   jshell --class-path lam-cli/target/lam.jar examples/jshell/02-describe.jsh
import java.nio.file.*
import org.biglam.lam.*
import org.biglam.lam.cli.RecordStats

// SKIP: problems are reported and counted (the page images in the folder are not records).
ReadOptions options = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();
RecordStats stats = RecordStats.read("examples/holdings", options);
System.out.print(stats);

// The same counts as numbers, for code.
System.out.println(stats.records() + " records, " + stats.characters() + " characters, top genres "
        + stats.top("genre", 3));
/exit
