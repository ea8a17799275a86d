/**
 * Europeana EDM for lam: provides the {@code edm} format (one record per provided cultural heritage
 * object, external and internal EDM) and reads EDM embedded in OAI-PMH harvests. Requires lam-core
 * and Woodstox.
 */
module org.biglam.lam.edm {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires transitive java.xml;
    requires com.ctc.wstx;

    exports org.biglam.lam.edm;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.edm.EdmFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.edm.EdmFormat.Embedded;
}
