package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.biglam.lam.ReadOptions;

/**
 * The OAI-PMH harvester behind {@code oai:} inputs (lam-oai's source provider), against a loopback
 * server that answers every request, the first and each resumption, with the fuzzed bytes: pages
 * that repeat their token, end early, carry errors or are not XML at all. The last byte picks the
 * HTTP status (200, or 429, 500 or 503 with {@code Retry-After: 0}); no delay and no retry, so one
 * input costs a few requests. Jazzer's request-forgery detector lets through the connections to that
 * server alone. Seeds: {@code OaiHarvestFuzzTestInputs/}.
 */
class OaiHarvestFuzzTest {

    private static final int[] STATUS = {200, 200, 200, 200, 200, 429, 500, 503};
    private static final ReadOptions OPTIONS = ReadOptions.builder()
            .set("oai.delay", "0").set("oai.retries", "0").set("oai.deleted", "emit").build();

    private static volatile byte[] page = new byte[0];
    private static volatile int status = 200;
    private static final Loopback SERVER = new Loopback().on("/oai", ex -> {
        byte[] body = page;
        if (status != 200) {
            ex.getResponseHeaders().add("Retry-After", "0");
        }
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    });

    private static final int PORT = java.net.URI.create(SERVER.url("/")).getPort();

    @DictionaryEntries({
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">", "<ListRecords>", "</ListRecords>",
        "<record><header><identifier>", "<header status=\"deleted\">", "<metadata>",
        "<resumptionToken cursor=\"0\" completeListSize=\"2\">", "<resumptionToken/>", "</resumptionToken>",
        "<error code=\"badResumptionToken\">", "<error code=\"noRecordsMatch\">",
        "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
        "<mods xmlns=\"http://www.loc.gov/mods/v3\">"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyServerAnswerGivesRecordsOrALocatedProblem(byte[] data) {
        if (data.length == 0) {
            return;
        }
        status = STATUS[(data[data.length - 1] & 0xff) % STATUS.length];
        page = Arrays.copyOf(data, data.length - 1);
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) -> port == PORT
                && (host.equals("127.0.0.1") || host.equals("localhost")))) {
            FuzzCheck.checkInput("oai:" + SERVER.url("/oai?metadataPrefix=oai_dc"), OPTIONS);
        }
    }
}
