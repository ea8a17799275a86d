/**
 * Dublin Core for lam: {@code oai_dc}, simple and qualified Dublin Core and DCTERMS records as
 * uniform {@link org.biglam.lam.LamRecord}s. Provides the {@code dc} format through
 * {@link org.biglam.lam.spi.FormatProvider}, and Dublin Core inside other documents (OAI-PMH,
 * METS) through {@link org.biglam.lam.spi.EmbeddedXmlReader}; requires lam-core and Woodstox.
 */
module org.biglam.lam.dc {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires com.ctc.wstx;

    exports org.biglam.lam.dc;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.dc.DcFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.dc.internal.DcEmbedded;
}
