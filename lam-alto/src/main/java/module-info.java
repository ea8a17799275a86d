/**
 * ALTO OCR pages (v1-v4, any namespace) and METS/ALTO packages as lam records: text in reading
 * order, layout regions and page images, labels from ALTO tags and METS/MODS.
 *
 * <p>Provides the {@code alto}, {@code mets}, {@code page} (PAGE XML) and {@code hocr} formats to lam
 * through {@link org.biglam.lam.spi.FormatProvider}; requires lam-core, Aalto (ALTO pages) and Woodstox
 * (METS, PAGE XML).
 */
module org.biglam.lam.alto {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires com.ctc.wstx;
    requires com.fasterxml.aalto;
    requires org.codehaus.stax2;

    exports org.biglam.lam.alto;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.alto.AltoFormat,
            org.biglam.lam.alto.MetsFormat, org.biglam.lam.alto.PageXmlFormat,
            org.biglam.lam.alto.HocrFormat;
}
