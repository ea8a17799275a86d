package org.biglam.lam.oai;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.biglam.lam.testing.LoopbackServer;

/**
 * A loopback OAI-PMH server for tests: {@code records} Dublin Core records in pages of
 * {@code pageSize}, tokens {@code t1}, {@code t2}, ...; the end of the list in one of the three
 * forms; every {@code deletedEvery}-th record deleted; and a hook that may answer a request
 * otherwise (an HTTP error, an OAI error, a page cut short) by its number and token.
 */
final class OaiServer implements AutoCloseable {

    /** The three forms of the end of a list. */
    enum End { NO_TOKEN, EMPTY_TOKEN, EMPTY_TOKEN_WITH_ATTRIBUTES }

    final LoopbackServer server;
    int records = 7;
    int pageSize = 3;
    End end = End.EMPTY_TOKEN_WITH_ATTRIBUTES;
    int deletedEvery = 0;
    /** Answers a request itself (return true) given its number and token; null for none. */
    volatile BiFunction<Integer, String, Answer> hook;

    /** An answer other than the page: a status with headers and a body, or a cut page. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean cut, int trickleMs) {
        static Answer status(int status, String... headers) {
            Map<String, String> h = new HashMap<>();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
            return new Answer(status, h, ("error " + status).getBytes(StandardCharsets.UTF_8), false, 0);
        }

        static Answer xml(String body) {
            return new Answer(200, Map.of(), body.getBytes(StandardCharsets.UTF_8), false, 0);
        }
    }

    OaiServer() throws IOException {
        server = new LoopbackServer();
        server.on("/oai", this::handle);
        server.on("/moved", (ex, n) -> {
            ex.getResponseHeaders().add("Location", "/oai?" + ex.getRequestURI().getRawQuery());
            ex.sendResponseHeaders(302, -1);
        });
    }

    String url() {
        return server.url("/oai");
    }

    int requests() {
        return server.count("/oai");
    }

    static Map<String, String> params(HttpExchange ex) {
        Map<String, String> p = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                p.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private void handle(HttpExchange ex, int n) throws IOException {
        Map<String, String> p = params(ex);
        String token = p.get("resumptionToken");
        BiFunction<Integer, String, Answer> h = hook;
        Answer a = h == null ? null : h.apply(n, token);
        if (a == null) {
            a = Answer.xml(page(p));
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        byte[] body = a.body();
        if (a.cut()) {
            // a page cut short: the connection ends in the middle (no Content-Length)
            ex.sendResponseHeaders(a.status(), 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, 0, body.length / 2);
            }
            return;
        }
        if (a.trickleMs() > 0) {
            ex.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    try {
                        Thread.sleep(a.trickleMs());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client cut the transfer
            }
            return;
        }
        LoopbackServer.send(ex, a.status(), body);
    }

    static String head(String verbAndArgs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
                + "<responseDate>2024-01-01T00:00:00Z</responseDate>\n<request " + verbAndArgs + ">http://127.0.0.1/oai</request>\n";
    }

    static String error(String code, String text) {
        return head("") + "<error code=\"" + code + "\">" + text + "</error>\n</OAI-PMH>\n";
    }

    /** The page a request asks for. */
    String page(Map<String, String> p) {
        String verb = p.getOrDefault("verb", "");
        String token = p.get("resumptionToken");
        if (verb.equals("GetRecord")) {
            String id = p.get("identifier");
            int i = Integer.parseInt(id.substring(id.lastIndexOf(':') + 1));
            return head("verb=\"GetRecord\"") + "<GetRecord>" + record(i, false) + "</GetRecord>\n</OAI-PMH>\n";
        }
        if (verb.equals("Identify")) {
            return head("verb=\"Identify\"") + "<Identify><repositoryName>Loopback archive</repositoryName>"
                    + "<baseURL>" + url() + "</baseURL><protocolVersion>2.0</protocolVersion>"
                    + "<earliestDatestamp>2000-01-01</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                    + "<granularity>YYYY-MM-DD</granularity><description><x/></description></Identify>\n</OAI-PMH>\n";
        }
        if (verb.equals("ListMetadataFormats")) {
            return head("verb=\"ListMetadataFormats\"") + "<ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>"
                    + "<schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>"
                    + "<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>"
                    + "<metadataFormat><metadataPrefix>mods</metadataPrefix><schema>s</schema><metadataNamespace>http://www.loc.gov/mods/v3</metadataNamespace>"
                    + "</metadataFormat></ListMetadataFormats>\n</OAI-PMH>\n";
        }
        int pageNo = token == null ? 0 : Integer.parseInt(token.substring(1));
        int from = pageNo * pageSize;
        int to = Math.min(records, from + pageSize);
        if (from >= records && token != null) {
            return error("badResumptionToken", "no such token " + token);
        }
        if (records == 0) {
            return error("noRecordsMatch", "nothing");
        }
        boolean sets = verb.equals("ListSets");
        boolean ids = verb.equals("ListIdentifiers");
        StringBuilder sb = new StringBuilder(head("verb=\"" + verb + "\"" + (token == null ? "" : " resumptionToken=\"" + token + "\"")));
        sb.append('<').append(verb).append(">\n");
        for (int i = from + 1; i <= to; i++) {
            boolean deleted = deletedEvery > 0 && i % deletedEvery == 0;
            if (sets) {
                sb.append("<set><setSpec>s").append(i).append("</setSpec><setName>Set ").append(i).append("</setName></set>\n");
            } else if (ids) {
                sb.append(header(i, deleted));
            } else {
                sb.append(record(i, deleted));
            }
        }
        if (to < records) {
            sb.append("<resumptionToken completeListSize=\"").append(records).append("\" cursor=\"").append(from)
                    .append("\">t").append(pageNo + 1).append("</resumptionToken>\n");
        } else if (end == End.EMPTY_TOKEN) {
            sb.append("<resumptionToken/>\n");
        } else if (end == End.EMPTY_TOKEN_WITH_ATTRIBUTES) {
            sb.append("<resumptionToken completeListSize=\"").append(records).append("\" cursor=\"").append(from).append("\"/>\n");
        }
        sb.append("</").append(verb).append(">\n</OAI-PMH>\n");
        return sb.toString();
    }

    static String header(int i, boolean deleted) {
        return "<header" + (deleted ? " status=\"deleted\"" : "") + "><identifier>oai:loop:" + i
                + "</identifier><datestamp>2020-01-01</datestamp><setSpec>all</setSpec></header>\n";
    }

    static String record(int i, boolean deleted) {
        if (deleted) {
            return "<record>" + header(i, true) + "</record>\n";
        }
        return "<record>" + header(i, false) + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Record " + i + "</dc:title><dc:date>19" + (10 + i % 90)
                + "</dc:date></oai_dc:dc></metadata></record>\n";
    }

    @Override
    public void close() {
        server.close();
    }
}
