/**
 * MODS for lam: MODS 3.x records ({@code mods}, {@code modsCollection}) as uniform
 * {@link org.biglam.lam.LamRecord}s. Provides the {@code mods} format through
 * {@link org.biglam.lam.spi.FormatProvider}, and MODS inside other documents (OAI-PMH, METS
 * {@code dmdSec}) through {@link org.biglam.lam.spi.EmbeddedXmlReader}; requires lam-core and
 * Woodstox.
 */
module org.biglam.lam.mods {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires com.ctc.wstx;

    exports org.biglam.lam.mods;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.mods.ModsFormat;
    provides org.biglam.lam.spi.EmbeddedXmlReader with org.biglam.lam.mods.internal.ModsEmbedded;
}
