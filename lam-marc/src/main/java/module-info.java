/**
 * MARC 21 for lam: ISO 2709 (MARC-8 and UTF-8), MARCXML and MARC-in-JSON records as uniform
 * {@link org.biglam.lam.LamRecord}s with catalogue labels. Provides three
 * {@link org.biglam.lam.spi.FormatProvider}s; requires lam-core, marc4j and jackson-core.
 */
module org.biglam.lam.marc {
    requires transitive org.biglam.lam.core;
    requires transitive marc4j;
    requires com.fasterxml.jackson.core;
    requires java.xml;

    exports org.biglam.lam.marc;

    provides org.biglam.lam.spi.FormatProvider with
            org.biglam.lam.marc.Marc21Format,
            org.biglam.lam.marc.MarcXmlFormat,
            org.biglam.lam.marc.MarcJsonFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.marc.internal.MarcXmlEmbedded;
}
