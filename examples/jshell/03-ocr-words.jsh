// OCR words: where the page image is, and how sure the OCR was.
//   jshell --class-path lam-cli/target/lam.jar examples/jshell/03-ocr-words.jsh
import java.nio.file.*
import java.util.stream.*
import org.biglam.lam.*

ReadOptions words = ReadOptions.builder().format("alto").granularity("word").build();

// The words the OCR was unsure of, with their region on the page image (x,y,w,h).
try (Stream<LamRecord> records = Lam.read(Path.of("examples/holdings/newspaper/0001.xml"), words)) {
    records.filter(w -> w.confidence().orElse(1) < 0.8).
            forEach(w -> System.out.printf("%-12s %.2f  %s%n", w.text().orElse(""),
                   w.confidence().getAsDouble(), w.images().get(0).region().orElseThrow()));
}

// Illustrations are image regions without text.
ReadOptions pictures = ReadOptions.builder().format("alto").granularity("illustration").build();
try (Stream<LamRecord> records = Lam.read(Path.of("examples/holdings/newspaper/0001.xml"), pictures)) {
    records.forEach(System.out::println);
}
/exit
