/**
 * LIDO 1.0 and 1.1 museum object records for lam: provides the {@code lido} format (one record per
 * object) and reads LIDO embedded in OAI-PMH harvests and METS. Requires lam-core and Woodstox.
 */
module org.biglam.lam.lido {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires transitive java.xml;
    requires com.ctc.wstx;

    exports org.biglam.lam.lido;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.lido.LidoFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.lido.LidoFormat.Embedded;
}
