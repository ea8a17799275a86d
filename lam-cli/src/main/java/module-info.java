/**
 * The {@code lam} command line tool: convert, detect, formats. Reads every format on the module
 * path through {@link org.biglam.lam.spi.FormatProvider}.
 */
module org.biglam.lam.cli {
    requires org.biglam.lam.core;
    requires info.picocli;
    // lam export: JSON rows, WebDataset tars and zip images, Parquet shards, ImageIO crops
    requires com.fasterxml.jackson.core;
    requires org.apache.commons.compress;
    requires org.biglam.lam.parquet;
    requires java.desktop;

    opens org.biglam.lam.cli to info.picocli;

    uses org.biglam.lam.spi.FormatProvider;
}
