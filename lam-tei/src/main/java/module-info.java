/**
 * TEI P5 and P4 documents and corpora for lam: provides the {@code tei} format (header to labels,
 * text at the granularity asked for with a named text profile). Requires lam-core and Saxon-HE.
 */
module org.biglam.lam.tei {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires Saxon.HE;

    exports org.biglam.lam.tei;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.tei.TeiFormat;
}
