/**
 * lam's core: the {@link org.biglam.lam.LamRecord} value, the {@link org.biglam.lam.Lam} facade,
 * the reader SPI that format modules implement ({@link org.biglam.lam.spi.FormatProvider}, found
 * with {@link java.util.ServiceLoader}), format detection, sources (files, folders, globs,
 * archives, compressed files, HTTP, standard input), the error policy, resource limits, and the
 * JSON Lines form of records (format {@code lam-jsonl}).
 *
 * <p>Requires jackson-core (JSON Lines), Commons Compress (archives) and Aalto with the Stax2 API
 * (the XML parser every XML reader uses, {@link org.biglam.lam.spi.AaltoXml}); xz for .xz inputs and
 * zstd-jni for .zst inputs are optional.
 *
 * @uses org.biglam.lam.spi.FormatProvider
 * @uses org.biglam.lam.spi.EmbeddedXmlReader
 * @uses org.biglam.lam.spi.SourceProvider
 * @provides org.biglam.lam.spi.FormatProvider the {@code lam-jsonl} format
 */
module org.biglam.lam.core {
    requires static org.jspecify;
    requires transitive java.xml;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.aalto;
    requires transitive org.codehaus.stax2;
    requires org.apache.commons.compress;
    requires static org.tukaani.xz;

    exports org.biglam.lam;
    exports org.biglam.lam.spi;
    exports org.biglam.lam.spi.vocab;
    exports org.biglam.lam.jsonl;
    exports org.biglam.lam.store;

    uses org.biglam.lam.spi.FormatProvider;
    uses org.biglam.lam.spi.EmbeddedXmlReader;
    uses org.biglam.lam.spi.SourceProvider;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.jsonl.JsonLinesFormat;
}
