package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/** What the hostile suites share: a read under a hang guard, and what came of it. */
final class Hostile {

    /**
     * A generous guard against a hang, not a speed test: every refusal here takes well under a
     * second on a laptop.
     */
    static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private Hostile() {
    }

    /** What a read gave: the records handed out before it ended, and the exception it ended with. */
    record Outcome(List<LamRecord> records, LamException error, List<Problem> problems) {

        /** Every text and label value of every record, joined. */
        String allText() {
            StringBuilder sb = new StringBuilder();
            for (LamRecord r : records) {
                r.text().ifPresent(sb::append);
                r.labels().values().forEach(v -> v.forEach(sb::append));
            }
            return sb.toString();
        }

        /** Asserts that the read was refused with a located lam exception, and returns it. */
        LamException refused() {
            assertThat(error).as("refused with a LamException").isNotNull();
            assertThat(error.location()).as("the refusal names where").isPresent();
            assertThat(error.getMessage()).isNotBlank();
            return error;
        }

        /**
         * Asserts that the read was refused, or that what could not be read safely was left out with
         * a warning that says so (TEI reads entity references itself and leaves undeclared ones out).
         */
        void refusedOrLeftOutWithAWarning() {
            if (error == null) {
                assertThat(problems).as("no refusal, so a warning that something was left out")
                        .anySatisfy(p -> assertThat(p.message()).containsIgnoringCase("left out"));
            } else {
                refused();
            }
        }

        /** Asserts that an exception, if any, names its location. */
        Outcome locatedIfFailed() {
            if (error != null) {
                assertThat(error.location()).as("the refusal names where: " + error).isPresent();
            }
            return this;
        }
    }

    /** Reads everything within the hang guard; a LamException ends the read and is kept. */
    static Outcome read(Function<Consumer<Problem>, Stream<LamRecord>> read) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            List<LamRecord> records = new ArrayList<>();
            List<Problem> problems = new CopyOnWriteArrayList<>();
            try (Stream<LamRecord> s = read.apply(problems::add)) {
                s.forEach(records::add);
            } catch (LamException e) {
                return new Outcome(records, e, problems);
            }
            return new Outcome(records, null, problems);
        });
    }

    static Outcome read(Path path, ReadOptions options) {
        return read(l -> Lam.read(path, options.toBuilder().onProblem(l).build()));
    }

    static Outcome read(InputStream in, String name, ReadOptions options) {
        return read(l -> Lam.read(in, name, options.toBuilder().onProblem(l).build()));
    }

    static Outcome read(String input, ReadOptions options) {
        return read(l -> Lam.read(input, options.toBuilder().onProblem(l).build()));
    }
}
