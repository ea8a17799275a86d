package org.biglam.lam.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/**
 * The property every fuzz target checks: any bytes give records or a {@link LamException} that names
 * its location, never another exception type; and reading with {@link ErrorPolicy#SKIP} never gives
 * fewer good records than reading with {@link ErrorPolicy#FAIL} did before its first problem (a good
 * record is never lost). Hangs and runaway memory are caught by Jazzer itself (libFuzzer's
 * {@code -timeout}, and an {@link OutOfMemoryError} under the fuzz profile's {@code -Xmx1g}).
 *
 * <p>With {@code -Dlam.fuzz.strict=true} (the fuzz profile sets it) a {@link LamFormatException}
 * whose cause is a programming error in a reader ({@link NullPointerException},
 * {@link IndexOutOfBoundsException}, {@link ClassCastException}, {@link StackOverflowError}, ...),
 * which lam's engine turns into a located problem, is reported as a finding too: the user sees a
 * located problem, but the reader has a bug its owner wants to know about.
 */
final class FuzzCheck {

    static final boolean STRICT = Boolean.getBoolean("lam.fuzz.strict");

    /** Kinds of cause that mean a reader crashed rather than refused the input. */
    private static final Set<Class<? extends Throwable>> CRASHES = Set.of(NullPointerException.class,
            IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, ClassCastException.class, ArithmeticException.class,
            NegativeArraySizeException.class, StackOverflowError.class, IllegalStateException.class,
            UnsupportedOperationException.class, java.util.NoSuchElementException.class,
            java.util.ConcurrentModificationException.class);

    private static final java.util.regex.Pattern HTTP_STATUS = java.util.regex.Pattern.compile("\\bHTTP [1-5][0-9][0-9]\\b");

    private FuzzCheck() {
    }

    /** Reads {@code data} as an input named {@code name} with both policies and checks the property. */
    static void check(byte[] data, String name, ReadOptions options) {
        List<String> failIds = readAll(() -> Lam.read(new ByteArrayInputStream(data), name, failOptions(options)));
        List<String> skipIds = readAll(() -> Lam.read(new ByteArrayInputStream(data), name, skipOptions(options)));
        checkNoGoodRecordLost(failIds, skipIds, name);
    }

    /** Same as {@link #check} but through a file, so that siblings (METS to ALTO) can be resolved. */
    static void checkFile(Path file, ReadOptions options) {
        List<String> failIds = readAll(() -> Lam.read(file, failOptions(options)));
        List<String> skipIds = readAll(() -> Lam.read(file, skipOptions(options)));
        checkNoGoodRecordLost(failIds, skipIds, file.toString());
    }

    /** Same as {@link #check} for an input lam opens by name: a source such as an {@code oai:} harvest. */
    static void checkInput(String input, ReadOptions options) {
        List<String> failIds = readAll(() -> Lam.read(input, failOptions(options)));
        List<String> skipIds = readAll(() -> Lam.read(input, skipOptions(options)));
        checkNoGoodRecordLost(failIds, skipIds, input);
    }

    private static ReadOptions failOptions(ReadOptions options) {
        return options.toBuilder().errorPolicy(ErrorPolicy.FAIL).onProblem(FuzzCheck::checkProblem).build();
    }

    private static ReadOptions skipOptions(ReadOptions options) {
        return options.toBuilder().errorPolicy(ErrorPolicy.SKIP).onProblem(FuzzCheck::checkProblem).build();
    }

    interface Opener {
        Stream<LamRecord> open();
    }

    /**
     * Reads everything, checking each record and any exception: under FAIL the first problem is
     * thrown; under SKIP problems are reported, not thrown, but an input refused as a whole still may be.
     */
    private static List<String> readAll(Opener opener) {
        List<String> ids = new ArrayList<>();
        try (Stream<LamRecord> s = opener.open()) {
            Iterator<LamRecord> it = s.iterator();
            while (it.hasNext()) {
                ids.add(checkRecord(it.next()));
            }
        } catch (LamException e) {
            checkException(e);
        }
        return ids;
    }

    private static String checkRecord(LamRecord r) {
        if (r.id() == null || r.id().isEmpty()) {
            throw new FuzzFinding("a record without an id: " + r);
        }
        // The JSON form must never fail for a record a reader handed out.
        try (var w = Lam.jsonLinesWriter(java.io.OutputStream.nullOutputStream())) {
            w.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.id();
    }

    static void checkException(LamException e) {
        Location where = e.location().orElse(null);
        if (where == null || where.input().isBlank()) {
            throw new FuzzFinding("a LamException without a location: " + e, e);
        }
        if (STRICT && e instanceof LamFormatException) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (CRASHES.contains(c.getClass())) {
                    throw new FuzzFinding("a reader crashed with " + c.getClass().getName()
                            + " (lam reported it as a located problem): " + e.getMessage(), e);
                }
            }
        }
    }

    private static void checkProblem(Problem p) {
        Location l = p.location();
        if (l == null || l.input().isBlank()) {
            throw new FuzzFinding("a problem without a location: " + p);
        }
        // An input no format recognises, an empty one, or an answer refused by its HTTP status is
        // rightly named by its input (the request) alone.
        if (STRICT && p.severity() == Problem.Severity.ERROR && !p.kind().equals("unsupported")
                && !p.message().startsWith("empty input") && !(p.kind().equals("io") && HTTP_STATUS.matcher(p.message()).find())
                && l.entry().isEmpty() && l.index().isEmpty()
                && l.offset().isEmpty() && l.line().isEmpty()) {
            throw new FuzzFinding("an error that names only its input, with no record, offset or line: " + p);
        }
    }

    private static void checkNoGoodRecordLost(List<String> failIds, List<String> skipIds, String name) {
        if (skipIds.size() < failIds.size() || !skipIds.subList(0, failIds.size()).equals(failIds)) {
            throw new FuzzFinding("good records lost under SKIP in " + name + ": FAIL gave " + failIds
                    + " before its first problem, SKIP gave " + skipIds);
        }
    }

    /** The granularities of a format, the default first. */
    static List<String> granularities(String format) {
        return Lam.formats().stream().filter(f -> f.id().equals(format)).findFirst()
                .map(FormatInfo::granularities).orElseThrow(() -> new IllegalStateException("no format " + format));
    }

    /** Writes bytes to a file. */
    static Path write(Path file, byte[] data) {
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broken promise of lam's, found by a fuzz target. */
    static final class FuzzFinding extends AssertionError {
        private static final long serialVersionUID = 1L;

        FuzzFinding(String message) {
            super(message);
        }

        FuzzFinding(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
