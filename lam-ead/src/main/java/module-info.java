/**
 * EAD 2002 and EAD3 finding aids for lam: provides the {@code ead} format (one record per archival
 * component, or per finding aid) and reads EAD embedded in OAI-PMH harvests and METS. Requires
 * lam-core and Woodstox.
 */
module org.biglam.lam.ead {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires transitive java.xml;
    requires com.ctc.wstx;

    exports org.biglam.lam.ead;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.ead.EadFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.ead.EadFormat.Embedded;
}
