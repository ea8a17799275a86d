package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a tool calling lam sees it: standard output, standard error, exit code. */
class ConvertCommandTest {

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = LamCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(System.err, true));
            cl.setOut(new java.io.PrintWriter(System.out, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path delivery() {
        return Archives.write(dir.resolve("x.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("batch/one.jsonl", "{\"id\":\"a1\",\"text\":\"alpha\"}\n{\"id\":\"a2\",\"text\":\"beta\"}\n")
                .add("batch/two.jsonl", "{\"id\":\"b1\",\"text\":\"gamma\"}\n{\"id\":\"b2\" \"text\":\"broken\"}\n")
                .add("batch/three.jsonl", "{\"id\":\"c1\",\"text\":\"delta\"}\n"))));
    }

    @Test
    void convertGivesBackLinesWithTheirEntriesAsSources() {
        Path f = delivery();
        Run r = run("convert", f.toString());
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines().get(0)).isEqualTo("{\"id\":\"a1\",\"format\":\"lam-jsonl\",\"source\":{\"uri\":\""
                + f.toUri() + "\",\"entry\":\"batch/one.jsonl\",\"index\":0,\"offset\":0,\"line\":1},\"text\":\"alpha\"}");
        assertThat(r.lines()).extracting(l -> l.replaceAll(".*\"entry\":\"([^\"]+)\".*\"text\":\"([^\"]+)\".*", "$1=$2"))
                .containsExactly("batch/one.jsonl=alpha", "batch/one.jsonl=beta", "batch/two.jsonl=gamma",
                        "batch/three.jsonl=delta");
    }

    @Test
    void skipReadsPastABadMemberExitsOneAndNamesTheMember() {
        Run r = run("convert", "--on-error", "skip", delivery().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("x.tar.gz!/batch/two.jsonl record 1 line 2").contains("malformed JSON")
                .contains("4 records, 1 skipped by errors");
        assertThat(r.lines()).hasSize(4);
    }

    @Test
    void aGlobThatMatchesNothingExitsOneAndSaysSo() {
        Run r = run("convert", dir.resolve("scans").toString() + "/*.xmll");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).isEmpty();
        assertThat(r.err()).contains("*.xmll").contains("no file matches");
    }

    @Test
    void failStopsAtTheFirstProblem() {
        Run r = run("convert", "--on-error", "fail", delivery().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.err()).contains("lam: error: ").contains("batch/two.jsonl");
    }

    @Test
    void exitsZeroWhenEverythingWasReadAndWritesToAFileWithALimit() throws IOException {
        Path in = Archives.write(dir.resolve("in.jsonl"), "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out.jsonl");
        Run r = run("convert", in.toString(), "-o", out.toString(), "--limit", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllLines(out)).extracting(l -> l.substring(0, 10)).containsExactly("{\"id\":\"1\",", "{\"id\":\"2\",");
    }

    @Test
    void versionNamesTheFormatsOnTheClassPath() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("lam ").contains("Java ")
                .containsPattern("formats: .*marc21.*tei");
    }

    @Test
    void generatesAShellCompletionScriptThatKnowsTheSubcommands() {
        Run r = run("generate-completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("convert").contains("export").contains("--granularity");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("convert", "--bogus", "x").exit()).isEqualTo(2);
        assertThat(run("convert").exit()).isEqualTo(2);
        assertThat(run("convert", "--on-error", "maybe", "x").exit()).isEqualTo(2);
        assertThat(run("nonsense").exit()).isEqualTo(2);
    }

    @Test
    void detectPrintsEachEntrysFormatAndLayers() {
        Run r = run("detect", delivery().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(3).allSatisfy(l -> assertThat(l).endsWith("\tlam-jsonl\tgzip+tar"));
    }

    @Test
    void aBareRecordIsDublinCoresWhenItHoldsDublinCoreAndMarcxmlsWhenItHoldsMarcFields() throws IOException {
        // with every format on the class path: a record in no namespace was MARCXML's weak match
        Path dc = dir.resolve("dc-record.xml");
        Files.writeString(dc, "<record><title>Whitby harbour</title><creator>Sutcliffe</creator></record>");
        Path marc = dir.resolve("marc-record.xml");
        Files.writeString(marc, "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Whitby</subfield></datafield></record>");
        Run r = run("detect", dc.toString(), marc.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).contains("dc-record.xml\tdc\t");
        assertThat(r.lines().get(1)).contains("marc-record.xml\tmarcxml\t");
        Run c = run("convert", dc.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("\"title\":[\"Whitby harbour\"]").doesNotContain("dc:record");
    }

    @Test
    void aFedoraObjectIsReadThroughItsInlineModsElseThroughItsDublinCore() {
        // FOXML holds its DC datastream inline, and MODS inline (CONTROL_GROUP X) or managed (base64):
        // both DC's and MODS's probes were solid matches, and DC took the tie by its id
        String inline = "src/test/resources/foxml/inline-mods.xml";
        String managed = "src/test/resources/foxml/managed-mods.xml";
        Run r = run("detect", inline, managed);
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).contains("inline-mods.xml\tmods\t");
        assertThat(r.lines().get(1)).contains("managed-mods.xml\tdc\t");
        Run c = run("convert", inline);
        assertThat(c.exit()).isZero();
        assertThat(c.lines()).hasSize(1);
        assertThat(c.out()).contains("\"format\":\"mods\"", "\"mods:subject:geographic\":[\"Springfield (Ill.)\"]",
                "\"mods:role:photographer\":[\"Harlan, Edward\"]");
        Run d = run("convert", managed);
        assertThat(d.exit()).isZero();
        assertThat(d.lines()).hasSize(1);
        assertThat(d.out()).contains("\"id\":\"islandora:1234\"", "\"format\":\"dc\"",
                "\"title\":[\"Main Street looking north, 1912\"]");
    }

    @Test
    void everyXmlFormatIsDetectedBehindAPrologLongerThanTheLookAhead() throws IOException {
        // a licence text in a comment, and a DOCTYPE whose internal subset declares many entities:
        // the 8 KiB look-ahead ended inside them and no probe saw the root
        StringBuilder comment = new StringBuilder("<!--\n");
        while (comment.length() < 10_000) {
            comment.append("  Licensed under the Creative Commons Attribution 4.0 International License (CC BY 4.0);\n");
        }
        comment.append("-->\n");
        StringBuilder subset = new StringBuilder();
        for (int i = 0; subset.length() < 10_000; i++) {
            subset.append("<!ENTITY ch").append(i).append(" \"&#x").append(Integer.toHexString(0x100 + i)).append(";\">\n");
        }
        java.util.Map<String, String> docs = new java.util.LinkedHashMap<>();
        docs.put("alto", "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page ID=\"p1\"/></Layout></alto>");
        docs.put("page", "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">"
                + "<Page imageFilename=\"p1.png\" imageWidth=\"10\" imageHeight=\"10\"/></PcGts>");
        docs.put("tei", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title>"
                + "</titleStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>");
        docs.put("ead", "<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>e1</eadid></eadheader>"
                + "<archdesc level=\"fonds\"><did><unittitle>F</unittitle></did></archdesc></ead>");
        docs.put("lido", "<lido:lidoWrap xmlns:lido=\"http://www.lido-schema.org\"><lido:lido>"
                + "<lido:lidoRecID lido:type=\"local\">o1</lido:lidoRecID></lido:lido></lido:lidoWrap>");
        docs.put("mods", "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>M</title></titleInfo></mods>");
        docs.put("dc", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>D</dc:title></oai_dc:dc>");
        docs.put("marcxml", "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
                + "<leader>00000nam a2200000 a 4500</leader></record></collection>");
        docs.put("oai-pmh", "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2024-01-01T00:00:00Z"
                + "</responseDate><request verb=\"ListRecords\">https://example.org/oai</request></OAI-PMH>");
        List<String> files = new java.util.ArrayList<>();
        int i = 0;
        for (var e : docs.entrySet()) {
            // half behind the comment, half behind the DOCTYPE
            String root = e.getValue().substring(1, e.getValue().indexOf(' '));
            String prolog = i++ % 2 == 0 ? comment.toString()
                    : "<!DOCTYPE " + root + " SYSTEM \"local.dtd\" [\n" + subset + "]>\n";
            Path f = dir.resolve(e.getKey() + "-long-prolog.xml");
            Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog + e.getValue() + "\n");
            files.add(f.toString());
        }
        Run r = run(java.util.stream.Stream.concat(java.util.stream.Stream.of("detect"), files.stream()).toArray(String[]::new));
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(docs.size());
        for (String format : docs.keySet()) {
            assertThat(r.lines()).anySatisfy(l -> assertThat(l).contains(format + "-long-prolog.xml\t" + format + "\t"));
        }
    }

    @Test
    void formatsListsEveryFormatModule() {
        Run r = run("formats");
        assertThat(r.lines().stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toList()))
                .contains("alto", "iiif", "lam-jsonl", "marc21", "marcxml", "marc-json", "mets", "tei", "ead", "lido", "edm");
    }
}
