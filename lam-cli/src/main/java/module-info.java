/**
 * The {@code lam} command line tool: convert, detect, formats. Reads every format on the module
 * path through {@link org.biglam.lam.spi.FormatProvider}.
 */
module org.biglam.lam.cli {
    requires org.biglam.lam.core;
    requires info.picocli;

    opens org.biglam.lam.cli to info.picocli;

    uses org.biglam.lam.spi.FormatProvider;
}
