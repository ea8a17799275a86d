/**
 * MARC 21 and UNIMARC for lam: ISO 2709 (MARC-8, UTF-8, ISO 5426, ISO 6937), MARCXML and
 * MARCXchange, MARC-in-JSON and MarcEdit's mnemonic text as uniform
 * {@link org.biglam.lam.LamRecord}s with catalogue labels. Provides four
 * {@link org.biglam.lam.spi.FormatProvider}s; requires lam-core, marc4j and jackson-core.
 */
module org.biglam.lam.marc {
    requires static org.jspecify;
    requires transitive org.biglam.lam.core;
    requires transitive marc4j;
    requires com.fasterxml.jackson.core;
    requires java.xml;

    exports org.biglam.lam.marc;

    provides org.biglam.lam.spi.FormatProvider with
            org.biglam.lam.marc.Marc21Format,
            org.biglam.lam.marc.MarcXmlFormat,
            org.biglam.lam.marc.MarcJsonFormat,
            org.biglam.lam.marc.MarcEditFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.marc.internal.MarcXmlEmbedded;
}
