package org.biglam.lam.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;

/**
 * Inputs that are neither files nor URLs but a protocol lam speaks to get documents, named by a
 * scheme in front of the input: {@code oai:https://host/oai?metadataPrefix=oai_dc} harvests an
 * OAI-PMH endpoint. Found with {@link java.util.ServiceLoader} like {@link FormatProvider}s
 * ({@code provides org.biglam.lam.spi.SourceProvider with ...}); an input naming a scheme no
 * provider has is read as before (a path, a glob).
 *
 * <p>A source is a sequence of {@link Page}s, asked for one at a time as the records of the one
 * before are read, so a source holds one page in memory whatever its length. Each page is read like
 * any other input (its format detected, or the one it names), and its records come out in order.
 * A source that cannot go on throws from {@link Source#next()}: lam reports that as a problem
 * located at the source (under {@link org.biglam.lam.ErrorPolicy#FAIL} it ends the read) after the
 * records of the pages before it.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 *
 * @since 0.1
 */
public interface SourceProvider {

    /** The scheme, lowercase, without the colon: {@code oai}. Never {@code http}, {@code https} or {@code file}. */
    String scheme();

    /** A one-line description for {@code lam formats}, for example "OAI-PMH harvest". */
    String description();

    /**
     * Opens a source. Nothing need be fetched before the first {@link Source#next()}.
     *
     * @param input the input as the user gave it, scheme included
     * @param options the options of the read (limits, settings such as {@code oai.delay})
     * @return the source, which lam closes
     * @throws IllegalArgumentException if the input is not one this provider can read (a bad URL)
     */
    Source open(String input, ReadOptions options);

    /** The pages of one source, in order. Used by one thread at a time. */
    interface Source extends Closeable {

        /**
         * Gets the next page.
         *
         * @return the page, or null at the end
         * @throws IOException if the next page cannot be had (after the source's own retries)
         * @throws org.biglam.lam.LamException if the source cannot go on, located
         */
        @Nullable Page next() throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /**
     * One document of a source, in memory.
     *
     * @param uri the URI that records' sources and problems name: the request that got it
     * @param name a short name for ids and messages
     * @param bytes the document
     * @param format the format id to read it with, or null to detect it
     */
    record Page(String uri, String name, byte[] bytes, @Nullable String format) {

        /** Checks the parts. */
        public Page {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
