/**
 * ALTO OCR pages (v1-v4, any namespace) and METS/ALTO packages as lam records: text in reading
 * order, layout regions and page images, labels from ALTO tags and the METS description (MODS
 * through lam-mods; Dublin Core, MARCXML, EAD, LIDO and EDM through their modules, found with
 * {@link java.util.ServiceLoader} as {@link org.biglam.lam.spi.EmbeddedXmlReader}s when on the path).
 *
 * <p>Provides the {@code alto}, {@code mets}, {@code page} (PAGE XML) and {@code hocr} formats to lam
 * through {@link org.biglam.lam.spi.FormatProvider}, and METS inside other documents (an OAI-PMH
 * record's {@code metadata}) through {@link org.biglam.lam.spi.EmbeddedXmlReader}; requires
 * lam-core (whose Aalto reads every XML document, {@link org.biglam.lam.spi.AaltoXml}) and Aalto
 * itself (ALTO pages' fast paths).
 */
module org.biglam.lam.alto {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires com.fasterxml.aalto;
    requires org.codehaus.stax2;

    exports org.biglam.lam.alto;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.alto.AltoFormat,
            org.biglam.lam.alto.MetsFormat, org.biglam.lam.alto.PageXmlFormat,
            org.biglam.lam.alto.HocrFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.alto.internal.MetsEmbedded;
}
