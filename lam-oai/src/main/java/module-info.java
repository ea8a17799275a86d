/**
 * OAI-PMH for lam: saved {@code ListRecords}/{@code GetRecord} responses as the {@code oai-pmh}
 * format, each record's metadata handed to the module that reads its namespace, and the harvester
 * behind {@code oai:} inputs ({@link org.biglam.lam.oai.OaiHarvest}).
 */
module org.biglam.lam.oai {
    requires static org.jspecify;
    requires org.biglam.lam.core;
    requires java.xml;
    requires com.ctc.wstx;
    requires org.codehaus.stax2;

    exports org.biglam.lam.oai;

    provides org.biglam.lam.spi.FormatProvider with org.biglam.lam.oai.OaiPmhFormat;
    provides org.biglam.lam.spi.SourceProvider with org.biglam.lam.oai.OaiHarvest;
}
