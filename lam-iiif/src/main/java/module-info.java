/**
 * IIIF Presentation 2.1 and 3.0 manifests and collections for lam: provides the {@code iiif}
 * format, reading canvases as image records, annotations as text and labels.
 */
module org.biglam.lam.iiif {
    requires static org.jspecify;
    requires transitive org.biglam.lam.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;

    exports org.biglam.lam.iiif;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.iiif.IiifFormat;
}
