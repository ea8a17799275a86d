package org.biglam.lam.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/**
 * A harvest, kept and live: reads a folder of saved OAI-PMH pages (format {@code oai-pmh}, each
 * record's metadata read by its namespace: Dublin Core, MODS), then serves the same pages from a
 * server on 127.0.0.1 and harvests them with an {@code oai:} input, as one would harvest an
 * institution's endpoint. Nothing goes to the internet.
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.OaiPages [folder]
 * }</pre>
 */
public final class OaiPages {

    private OaiPages() {
    }

    /**
     * Prints one line per record (id, format, title, date, images), first from the saved pages,
     * then from the harvest.
     *
     * @param args the folder of saved pages (default: examples/harvest)
     */
    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0])
                : Files.exists(Path.of("examples", "harvest")) ? Path.of("examples", "harvest") : Path.of("harvest");

        System.out.println("saved pages:");
        try (Stream<LamRecord> records = Lam.read(folder, ReadOptions.defaults())) {
            records.forEach(OaiPages::print);
        }

        // The same pages as a live endpoint: the first request gets page-1.xml, a request with the
        // token "whitby:2" gets page-2.xml.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/oai", ex -> {
            String query = ex.getRequestURI().getQuery();
            byte[] page = Files.readAllBytes(folder.resolve(query.contains("resumptionToken=whitby:2") ? "page-2.xml" : "page-1.xml"));
            ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        try {
            String endpoint = "oai:http://127.0.0.1:" + server.getAddress().getPort() + "/oai?metadataPrefix=oai_dc&set=whitby";
            System.out.println("harvest:");
            // a short delay between requests for the example; the default is one second
            ReadOptions options = ReadOptions.builder().set("oai.delay", "100ms").build();
            try (Stream<LamRecord> records = Lam.read(endpoint, options)) {
                records.forEach(OaiPages::print);
            }
        } finally {
            server.stop(0);
        }
    }

    private static void print(LamRecord r) {
        System.out.println(r.id() + "\t" + r.format() + "\t" + r.firstLabel("title").orElse("") + "\t"
                + String.join(";", r.label("date")) + "\t" + r.images().size() + " image(s)");
    }
}
