package org.biglam.lam.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The harvester against a loopback OAI-PMH server; delays and back-offs made short by options. */
class HarvestTest {

    private final List<Problem> problems = new ArrayList<>();

    private ReadOptions.Builder fast() {
        return ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add)
                .set("oai.delay", "0").set("oai.backoff", "10ms").set("oai.retries", "2");
    }

    private static List<LamRecord> read(String input, ReadOptions o) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(input, o)) {
            s.forEach(out::add);
        }
        return out;
    }

    private static List<String> titles(List<LamRecord> recs) {
        return recs.stream().map(r -> r.firstLabel("title").orElse(r.id())).toList();
    }

    @ParameterizedTest
    @EnumSource(OaiServer.End.class)
    void pagesThroughTheListAndStopsAtEachFormOfItsEnd(OaiServer.End end) throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.end = end;
            List<LamRecord> recs = read("oai:" + s.url() + "?metadataPrefix=oai_dc&set=all", fast().build());
            assertThat(titles(recs)).containsExactly("Record 1", "Record 2", "Record 3", "Record 4", "Record 5",
                    "Record 6", "Record 7");
            assertThat(s.requests()).isEqualTo(3);
            assertThat(problems).isEmpty();
            assertThat(recs.get(0).source().orElseThrow().uri())
                    .isEqualTo(s.url() + "?verb=ListRecords&metadataPrefix=oai_dc&set=all");
            assertThat(recs.get(4).source().orElseThrow().uri()).isEqualTo(s.url() + "?verb=ListRecords&resumptionToken=t1");
            assertThat(recs.get(4).label("oai:token")).containsExactly("t1");
            assertThat(recs).allSatisfy(r -> assertThat(r.format()).isEqualTo("dc"));
        }
    }

    @Test
    void aRepeatedTokenStopsTheHarvestWithAnError() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.records = 30;
            // the server answers t2 with t2's page again and again
            s.hook = (n, token) -> "t2".equals(token) ? OaiServer.Answer.xml(s.page(java.util.Map.of("verb", "ListRecords",
                    "resumptionToken", "t1")).replace(">t2<", ">t2<")) : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(recs).hasSize(9);
            assertThat(s.requests()).isEqualTo(3);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("resumptionToken 't2' again"));
        }
    }

    @Test
    void honoursRetryAfterOn503AndRetries429() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> n == 1 ? OaiServer.Answer.status(503, "Retry-After", "1")
                    : n == 3 ? OaiServer.Answer.status(429) : null;
            long t0 = System.nanoTime();
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(recs).hasSize(7);
            assertThat(s.requests()).isEqualTo(5);
            assertThat(ms).as("waited the second Retry-After asked").isGreaterThanOrEqualTo(900);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void a502MidHarvestKeepsTheRecordsBeforeAndNamesTheTokenToResumeFrom() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> "t1".equals(token) ? OaiServer.Answer.status(502) : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(titles(recs)).containsExactly("Record 1", "Record 2", "Record 3");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("HTTP 502", "oai.resume=t1");
                assertThat(p.location().input()).contains("resumptionToken=t1");
            });
            // under FAIL the same error ends the read, after the records before it
            List<LamRecord> seen = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (var st = Lam.read("oai:" + s.url(), fast().errorPolicy(ErrorPolicy.FAIL).build())) {
                    st.forEach(seen::add);
                }
            }).isInstanceOf(LamException.class).hasMessageContaining("oai.resume=t1");
            assertThat(seen).hasSize(3);
            // the server is well again: resume from the token
            s.hook = null;
            problems.clear();
            List<LamRecord> rest = read("oai:" + s.url(), fast().set("oai.resume", "t1").build());
            assertThat(titles(rest)).containsExactly("Record 4", "Record 5", "Record 6", "Record 7");
            assertThat(read("oai:" + s.url() + "?resumptionToken=t2", fast().build())).hasSize(1);
        }
    }

    @Test
    void oaiErrorsAreLocatedAndNoRecordsMatchIsEmpty() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> "t2".equals(token) ? OaiServer.Answer.xml(OaiServer.error("badResumptionToken", "expired")) : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(recs).hasSize(6);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("badResumptionToken", "expired", "resumptionToken 't2'");
                assertThat(p.location().line()).isPresent();
            });
            problems.clear();
            s.hook = (n, token) -> OaiServer.Answer.xml(OaiServer.error("cannotDisseminateFormat", "no such format"));
            assertThat(read("oai:" + s.url() + "?metadataPrefix=x", fast().build())).isEmpty();
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("cannotDisseminateFormat"));
            problems.clear();
            s.hook = null;
            s.records = 0;
            assertThat(read("oai:" + s.url(), fast().build())).isEmpty();
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void deletedRecordsAreCountedAndLeftOutOrEmittedFlagged() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.deletedEvery = 3;
            assertThat(titles(read("oai:" + s.url(), fast().build()))).containsExactly("Record 1", "Record 2", "Record 4",
                    "Record 5", "Record 7");
            assertThat(problems).extracting(Problem::kind).containsOnly("deleted");
            List<LamRecord> all = read("oai:" + s.url(), fast().set("oai.deleted", "emit").build());
            assertThat(all).hasSize(7);
            assertThat(all.get(2).label("oai:status")).containsExactly("deleted");
        }
    }

    @Test
    void aPageCutShortIsRetriedThenLocatedAndTheHarvestStops() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.records = 9;
            s.hook = (n, token) -> "t1".equals(token)
                    ? new OaiServer.Answer(200, java.util.Map.of(), s.page(java.util.Map.of("verb", "ListRecords", "resumptionToken", "t1"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), true, 0)
                    : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(s.requests()).as("first page, then the cut page and its 2 retries").isEqualTo(4);
            assertThat(titles(recs)).startsWith("Record 1", "Record 2", "Record 3").doesNotContain("Record 7");
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0).message()).contains("malformed XML", "resumptionToken t1");
            assertThat(problems.get(0).location().line()).isPresent();
            assertThat(problems.get(1).message()).contains("oai.resume=t1");
        }
    }

    @Test
    void pagesWhosePayloadsLostTheirDeclarationsAreReadWithTheLenientOptionAndStopTheHarvestWithoutIt()
            throws Exception {
        for (boolean lenient : List.of(true, false)) {
            problems.clear();
            try (OaiServer s = new OaiServer()) {
                s.hook = (n, token) -> OaiServer.Answer.xml(s.page(token == null ? java.util.Map.of("verb", "ListRecords")
                        : java.util.Map.of("verb", "ListRecords", "resumptionToken", token))
                        .replaceAll(" xmlns:(oai_dc|dc)=\"[^\"]*\"", ""));
                ReadOptions.Builder o = fast();
                if (lenient) {
                    o.set("oai.lenient", "true");
                }
                List<LamRecord> recs = read("oai:" + s.url(), o.build());
                if (lenient) {
                    assertThat(titles(recs)).containsExactly("Record 1", "Record 2", "Record 3", "Record 4", "Record 5",
                            "Record 6", "Record 7");
                    assertThat(recs).allSatisfy(r -> assertThat(r.format()).isEqualTo("dc"));
                    assertThat(problems).isEmpty();
                    assertThat(s.requests()).isEqualTo(3);
                } else {
                    assertThat(recs).isEmpty();
                    assertThat(s.requests()).as("an unbound prefix is not retried: no retry mends it").isEqualTo(1);
                    assertThat(problems).hasSize(2);
                    assertThat(problems.get(0).message()).contains("oai.lenient=true");
                    assertThat(problems.get(0).location().line()).isPresent();
                    assertThat(problems.get(1).message()).contains("does not declare", "oai.lenient=true");
                }
            }
        }
    }

    @Test
    void aServerThatTricklesIsCutByTheLowSpeedLimit() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> "t1".equals(token)
                    ? new OaiServer.Answer(200, java.util.Map.of(), s.page(java.util.Map.of("verb", "ListRecords", "resumptionToken", "t1"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), false, 20)
                    : null;
            ReadLimits limits = ReadLimits.builder().lowSpeedLimit(1000).lowSpeedTime(Duration.ofMillis(300)).build();
            List<LamRecord> recs = read("oai:" + s.url(), fast().set("oai.retries", "1").limits(limits).build());
            assertThat(recs).hasSize(3);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("lowSpeedLimit", "oai.resume=t1"));
        }
    }

    @Test
    void followsRedirects() throws Exception {
        try (OaiServer s = new OaiServer()) {
            List<LamRecord> recs = read("oai:" + s.server.url("/moved") + "?metadataPrefix=oai_dc", fast().build());
            assertThat(recs).hasSize(7);
            assertThat(s.server.count("/moved")).isEqualTo(3);
        }
    }

    @Test
    void listIdentifiersThenGetRecordAndTheOtherVerbs() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.deletedEvery = 4;
            List<LamRecord> ids = read("oai:" + s.url() + "?verb=ListIdentifiers", fast().build());
            assertThat(ids).extracting(LamRecord::id).containsExactly("oai:loop:1", "oai:loop:2", "oai:loop:3",
                    "oai:loop:5", "oai:loop:6", "oai:loop:7");
            assertThat(ids.get(0).format()).isEqualTo("oai-pmh");
            List<LamRecord> got = read("oai:" + s.url() + "?verb=ListIdentifiers", fast().set("oai.get-records", "true").build());
            assertThat(titles(got)).containsExactly("Record 1", "Record 2", "Record 3", "Record 5", "Record 6", "Record 7");
            assertThat(got.get(3).source().orElseThrow().uri()).contains("verb=GetRecord", "identifier=oai%3Aloop%3A5");
            assertThat(read("oai:" + s.url() + "?verb=ListSets", fast().build())).extracting(LamRecord::id)
                    .containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7");
            List<LamRecord> formats = read("oai:" + s.url() + "?verb=ListMetadataFormats", fast().build());
            assertThat(formats).extracting(LamRecord::id).containsExactly("oai_dc", "mods");
            assertThat(formats.get(1).label("oai:metadataNamespace")).containsExactly("http://www.loc.gov/mods/v3");
            LamRecord identify = read("oai:" + s.url() + "?verb=Identify", fast().build()).get(0);
            assertThat(identify.label("title")).containsExactly("Loopback archive");
            assertThat(identify.label("oai:granularity")).containsExactly("YYYY-MM-DD");
        }
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDateAndStopsAtOneTooFarAhead() throws Exception {
        try (OaiServer s = new OaiServer()) {
            // a maintenance window: "come back at" a date, as some servers say it
            s.hook = (n, token) -> n == 1 ? OaiServer.Answer.status(503, "Retry-After",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2))) : null;
            long t0 = System.nanoTime();
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(recs).hasSize(7);
            assertThat(s.requests()).isEqualTo(4);
            assertThat(ms).as("waited until the date asked (whole seconds: at least one)").isGreaterThanOrEqualTo(900);
            assertThat(problems).isEmpty();
        }
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> "t1".equals(token) ? OaiServer.Answer.status(503, "Retry-After",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(3))) : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(recs).hasSize(3);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("HTTP 503", "more than oai.max-retry-after", "oai.resume=t1"));
        }
    }

    @Test
    void aRecordGetRecordCannotDisseminateIsAProblemOfThatRecordAndTheOthersAreGot() throws Exception {
        try (OaiServer s = new OaiServer()) {
            // request 1 lists identifiers 1-3; request 3 is GetRecord of oai:loop:2, which the server
            // cannot give in the format asked for (a restricted item)
            s.hook = (n, token) -> n == 3 ? OaiServer.Answer.xml(OaiServer.error("cannotDisseminateFormat",
                    "oai:loop:2 is not available as oai_dc")) : null;
            List<LamRecord> got = read("oai:" + s.url() + "?verb=ListIdentifiers", fast().set("oai.get-records", "true").build());
            // the harvest stopped there, losing records 3 to 7
            assertThat(titles(got)).containsExactly("Record 1", "Record 3", "Record 4", "Record 5", "Record 6", "Record 7");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("cannotDisseminateFormat", "oai:loop:2 is not available");
                assertThat(p.location().input()).contains("verb=GetRecord", "identifier=oai%3Aloop%3A2");
            });
        }
    }

    @Test
    void aRepositoryWithoutSetsListsNoSetsButARecordsRequestForASetIsAnError() throws Exception {
        try (OaiServer s = new OaiServer()) {
            String noSets = OaiServer.error("noSetHierarchy", "This repository does not support sets")
                    .replace("<request >", "<request verb=\"ListSets\">");
            s.hook = (n, token) -> OaiServer.Answer.xml(n == 1 ? noSets
                    : OaiServer.error("noSetHierarchy", "This repository does not support sets"));
            // it stopped with "OAI-PMH error noSetHierarchy": asking a repository for its sets failed
            assertThat(read("oai:" + s.url() + "?verb=ListSets", fast().build())).isEmpty();
            assertThat(problems).isEmpty();
            // the saved answer reads the same
            assertThat(OaiPmhFormatTest.readText(noSets, fast().build())).isEmpty();
            assertThat(problems).isEmpty();
            // records of a set, from a repository without sets: the request cannot be answered
            assertThat(read("oai:" + s.url() + "?set=maps", fast().build())).isEmpty();
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("noSetHierarchy"));
        }
    }

    @Test
    void anAnswerThatIsNoOaiPmhResponseStopsTheHarvest() throws Exception {
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> "t1".equals(token) ? OaiServer.Answer.xml("<html><body>Maintenance</body></html>") : null;
            List<LamRecord> recs = read("oai:" + s.url(), fast().build());
            assertThat(recs).hasSize(3);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("no OAI-PMH response",
                    "<html>", "oai.resume=t1"));
        }
    }

    @Test
    void sendsTheMetadataPrefixWithTheTokenWhenAsked() throws Exception {
        try (OaiServer s = new OaiServer()) {
            List<LamRecord> recs = read("oai:" + s.url() + "?metadataPrefix=oai_dc", fast().set("oai.token-with-prefix", "true").build());
            assertThat(recs).hasSize(7);
            assertThat(recs.get(3).source().orElseThrow().uri())
                    .isEqualTo(s.url() + "?verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=t1");
        }
    }

    @Test
    void waitsTheDelayBetweenRequests() throws Exception {
        try (OaiServer s = new OaiServer()) {
            long t0 = System.nanoTime();
            assertThat(read("oai:" + s.url(), fast().set("oai.delay", "300ms").build())).hasSize(7);
            assertThat((System.nanoTime() - t0) / 1_000_000).as("two waits of 300 ms").isGreaterThanOrEqualTo(580);
        }
    }

    @Test
    void harvestsTheRealPagesOfTheCorpusServedByToken() throws Exception {
        Path dir = Corpus.dir("oai-pmh").resolve("phpoaipmh/tests/SampleXML");
        try (OaiServer s = new OaiServer()) {
            s.hook = (n, token) -> {
                try {
                    String file = token == null ? "GoodResponseFourPage_1.xml"
                            : "GoodResponseFourPage_" + (Integer.parseInt(token.substring(0, token.indexOf('/'))) / 200 + 2) + ".xml";
                    return OaiServer.Answer.xml(Files.readString(dir.resolve(file)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            List<LamRecord> recs = read("oai:" + s.url() + "?verb=ListIdentifiers&metadataPrefix=nsdl_dc", fast().build());
            assertThat(recs).hasSize(733);
            assertThat(s.requests()).isEqualTo(4);
            assertThat(recs.get(200).source().orElseThrow().uri()).endsWith("resumptionToken=0%2F200%2F733%2Fnsdl_dc%2Fnull%2F2012-07-26%2Fnull");
            assertThat(problems).isEmpty();
        }
    }
}
