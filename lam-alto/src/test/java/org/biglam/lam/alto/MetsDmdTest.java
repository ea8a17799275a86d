package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The descriptive metadata of METS {@code dmdSec}s other than MODS, read by the module of its
 * namespace (lam-dc, lam-marc, lam-ead, lam-lido, lam-edm, found through ServiceLoader: on this
 * module's test path only), its labels on the package's page records; metadata no module reads;
 * hostile metadata.
 */
class MetsDmdTest {

    private static final Path DMD = Path.of("src/test/resources/mets/dmd");

    /** The records of a fixture read as lam detects it, failing on any problem or warning. */
    private static List<LamRecord> read(Path p, String granularity) {
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(p, ReadOptions.builder().granularity(granularity), records);
        assertThat(problems).as("problems reading " + p).isEmpty();
        return records;
    }

    private static LamRecord page(String fixture) {
        List<LamRecord> pages = read(DMD.resolve(fixture), "page");
        assertThat(pages).hasSize(1);
        LamRecord p = pages.get(0);
        assertThat(p.format()).isEqualTo("mets");
        assertThat(p.id()).isEqualTo(fixture + "#page-PHYS1");
        assertThat(p.text()).hasValue("Dear friend");
        assertThat(p.label("part")).containsExactly("1r");
        return p;
    }

    @Test
    void readsBareDublinCorePropertiesOfADmdSecAsOneDescription() {
        LamRecord p = page("dc.xml");
        assertThat(p.label("title")).containsExactly("Letter to a friend", "Brief an einen Freund");
        assertThat(p.label("dc:title@de")).containsExactly("Brief an einen Freund");
        assertThat(p.label("creator")).containsExactly("Smith, Anna");
        assertThat(p.label("subject")).containsExactly("Friendship", "Travel");
        assertThat(p.label("identifier")).containsExactly("letter-0042");
        assertThat(p.label("rights")).containsExactly("CC0");
        assertThat(p.label("date")).isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("1871"));
        // with no host, the publication is the description's own title, as for MODS
        assertThat(p.label("collection")).containsExactly("Letter to a friend", "Brief an einen Freund");
        assertThat(p.label("language")).containsExactly("en");
    }

    @Test
    void readsAMarcXmlRecordOfADmdSecAsLamMarcMapsIt() {
        LamRecord p = page("marcxml.xml");
        assertThat(p.label("title")).containsExactly("Letters from the coast");
        assertThat(p.label("creator")).containsExactly("Brown, John, 1800-1870");
        assertThat(p.label("date")).containsExactly("1850");
        assertThat(p.label("publisher")).containsExactly("Fixture Press");
        assertThat(p.label("identifier")).containsExactly("book-7");
        assertThat(p.label("language")).containsExactly("en");
    }

    @Test
    void readsTheCollectionLevelDescriptionOfAnEadFindingAidOfADmdSec() {
        LamRecord p = page("ead.xml");
        // the archdesc's, not the first component's (which EAD's component records would give first)
        assertThat(p.label("title")).containsExactly("Smith family papers");
        assertThat(p.label("ead:level")).containsExactly("fonds");
        assertThat(p.label("collection")).containsExactly("Papers of the Smith family");
        assertThat(p.label("identifier")).containsExactly("GB-0001-SMI");
        assertThat(p.label("creator")).containsExactly("Smith, Anna");
        assertThat(p.label("date")).containsExactly("1850/1900");
        assertThat(p.label("language")).containsExactly("en");
        assertThat(p.labels().toString()).doesNotContain("Correspondence", "Letters to a friend");
    }

    @Test
    void readsAnEad3OrNamespacelessFindingAidOfADmdSecToo(@TempDir Path dir) throws IOException {
        String ead2002 = Files.readString(DMD.resolve("ead.xml"));
        String ead3 = ead2002.replace("urn:isbn:1-931666-22-9", "http://ead3.archivists.org/schema/")
                .replace("ead:eadheader>", "ead:control>").replace("ead:eadid>", "ead:recordid>");
        String none = ead2002.replace(" xmlns:ead=\"urn:isbn:1-931666-22-9\"", "").replace("ead:", "");
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        for (String mets : List.of(ead3, none)) {
            Path p = Files.writeString(dir.resolve("mets.xml"), mets);
            List<LamRecord> pages = read(p, "page");
            assertThat(pages).hasSize(1);
            assertThat(pages.get(0).label("title")).containsExactly("Smith family papers");
            assertThat(pages.get(0).label("ead:level")).containsExactly("fonds");
            assertThat(pages.get(0).label("collection")).containsExactly("Papers of the Smith family");
        }
    }

    @Test
    void readsALidoRecordOfADmdSec() {
        LamRecord p = page("lido.xml");
        assertThat(p.label("title")).containsExactly("Sampler with alphabet");
        assertThat(p.label("genre")).containsExactly("sampler");
        assertThat(p.label("creator")).containsExactly("Smith, Anna");
        assertThat(p.label("date")).containsExactly("1865");
        assertThat(p.label("identifier")).containsExactly("obj-0815");
    }

    @Test
    void readsTheProvidersValuesOfAnEdmGraphOfADmdSec() {
        LamRecord p = page("edm.xml");
        assertThat(p.label("title")).containsExactly("A letter home");
        assertThat(p.label("type")).containsExactly("TEXT");
        assertThat(p.label("creator")).containsExactly("Smith, Anna");
        assertThat(p.label("rights")).containsExactly("http://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(p.label("collection")).containsExactly("Fixture Archive", "Fixture Aggregator");
        // the EDM's isShownBy is the object's image, not the page's: the page keeps the METS image
        assertThat(p.images()).hasSize(1);
        assertThat(p.images().get(0).uri()).endsWith("images/0001.jpg");
    }

    @Test
    void givesTheDescriptionsLabelsToLinesAndWordsToo() {
        List<LamRecord> lines = read(DMD.resolve("ead.xml"), "line");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).label("title")).containsExactly("Smith family papers");
        List<LamRecord> words = read(DMD.resolve("lido.xml"), "word");
        assertThat(words).extracting(LamRecord::text).containsExactly(java.util.Optional.of("Dear"),
                java.util.Optional.of("friend"));
        assertThat(words).allSatisfy(w -> assertThat(w.label("title")).containsExactly("Sampler with alphabet"));
    }

    @Test
    void givesAnArticleTheLabelsOfItsOwnDmdSecAndThePackagesTheRest(@TempDir Path dir) throws IOException {
        // the EAD fixture with a letter in its logical structure, described by its own Dublin Core
        String mets = Files.readString(DMD.resolve("ead.xml"))
                .replace("xmlns:ead=", "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:ead=")
                .replace("  <mets:fileSec>", "  <mets:dmdSec ID=\"DMD2\"><mets:mdWrap MDTYPE=\"DC\"><mets:xmlData>"
                        + "<dc:title>A letter of 1871</dc:title><dc:date>1871</dc:date>"
                        + "</mets:xmlData></mets:mdWrap></mets:dmdSec>\n  <mets:fileSec>")
                .replace("<mets:div ID=\"LOG0\" TYPE=\"file\" DMDID=\"DMD1\"/>", "<mets:div ID=\"LOG0\" TYPE=\"file\" "
                        + "DMDID=\"DMD1\"><mets:div ID=\"LET1\" TYPE=\"letter\" DMDID=\"DMD2\"><mets:fptr>"
                        + "<mets:area FILEID=\"ALTO1\" BETYPE=\"IDREF\" BEGIN=\"TB1\"/></mets:fptr></mets:div></mets:div>");
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        List<LamRecord> articles = read(dir.resolve("mets.xml"), "article");
        assertThat(articles).hasSize(1);
        LamRecord a = articles.get(0);
        assertThat(a.id()).isEqualTo("mets.xml#article-LET1");
        assertThat(a.text()).hasValue("Dear friend");
        assertThat(a.label("title")).containsExactly("A letter of 1871");
        assertThat(a.label("date")).containsExactly("1871");
        // what the letter's own description lacks comes from the package's (the root division's DMDID)
        assertThat(a.label("creator")).containsExactly("Smith, Anna");
        assertThat(a.label("collection")).containsExactly("Papers of the Smith family");
        // the pages still carry the package's description
        assertThat(read(dir.resolve("mets.xml"), "page").get(0).label("title")).containsExactly("Smith family papers");
    }

    @Test
    void warnsOfMetadataNoModuleReadsAndOfAnMdRefAndStillGivesThePages() {
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(DMD.resolve("tei-header.xml"), ReadOptions.builder(), records);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text()).hasValue("Dear friend");
        assertThat(records.get(0).label("title")).isEmpty();
        assertThat(records.get(0).label("part")).containsExactly("1r");
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-dmd-unread", "mets-dmd-unread");
        assertThat(problems).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING);
        assertThat(problems.get(0).message()).contains("<teiHeader>", "http://www.tei-c.org/ns/1.0", "dmdSec DMD1");
        assertThat(problems.get(0).location().line()).hasValue(9L);
        assertThat(problems.get(1).message()).contains("dmdSec DMD2", "MODS", "mdRef",
                "https://example.org/mods/letter-0042.xml", "not followed");
    }

    @Test
    void warnsOfBinaryMetadata(@TempDir Path dir) throws IOException {
        String mets = Files.readString(DMD.resolve("tei-header.xml")).replace(
                "<mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"MODS\" xlink:href=\"https://example.org/mods/letter-0042.xml\"/>",
                "<mets:mdWrap MDTYPE=\"MODS\"><mets:binData>PG1vZHMvPg==</mets:binData></mets:mdWrap>");
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(dir.resolve("mets.xml"), ReadOptions.builder(), records);
        assertThat(records).hasSize(1);
        assertThat(problems).extracting(Problem::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("dmdSec DMD2 has its MODS metadata as binData, which is not read"));
    }

    @Test
    void takesTheDescriptionOfAModuleOnThePathWhenAnotherDmdSecIsUnread(@TempDir Path dir) throws IOException {
        // the root division names the TEI header first: the pages take the first dmdSec a module read
        String mets = Files.readString(DMD.resolve("tei-header.xml"))
                .replace("xmlns:tei=", "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:tei=")
                .replace("  <mets:fileSec>", "  <mets:dmdSec ID=\"DMD3\"><mets:mdWrap MDTYPE=\"DC\"><mets:xmlData>"
                        + "<dc:title>Letter to a friend</dc:title></mets:xmlData></mets:mdWrap></mets:dmdSec>\n"
                        + "  <mets:fileSec>");
        Files.writeString(dir.resolve("mets.xml"), mets);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(dir.resolve("mets.xml"), ReadOptions.builder(), records);
        assertThat(records).extracting(r -> r.label("title")).containsExactly(List.of("Letter to a friend"));
        assertThat(problems).extracting(Problem::kind).containsOnly("mets-dmd-unread");
    }

    @Test
    void warnsOfMetadataItsModuleMakesNoRecordOf(@TempDir Path dir) throws IOException {
        // an EAD finding aid without its archdesc: lam-ead makes no record of it
        String mets = Files.readString(DMD.resolve("ead.xml"))
                .replaceAll("(?s)<ead:archdesc .*</ead:archdesc>", "");
        Path p = Files.writeString(dir.resolve("mets.xml"), mets);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(p, ReadOptions.builder(), records);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text()).hasValue("Dear friend");
        assertThat(records.get(0).label("title")).isEmpty();
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-dmd-unread");
        assertThat(problems.get(0).message()).contains("ead reader made no record", "<ead>", "dmdSec DMD1");
    }

    @Test
    void refusesMetadataOverMaxRecordBytesAndUnderSkipStillGivesThePages(@TempDir Path dir) throws IOException {
        // a LIDO record with more text than maxRecordBytes
        String mets = Files.readString(DMD.resolve("lido.xml")).replace("<lido:titleSet>",
                "<lido:titleSet><lido:appellationValue>" + "long ".repeat(2000) + "</lido:appellationValue>");
        Path p = Files.writeString(dir.resolve("mets.xml"), mets);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        ReadLimits limits = ReadLimits.builder().maxRecordBytes(8000).build();
        LamLimitExceededException e = catchThrowableOfType(LamLimitExceededException.class,
                () -> Read.all(p, ReadOptions.builder().limits(limits).build()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("the lido metadata <lido> of dmdSec DMD1", "maxRecordBytes (8000 bytes)");
        assertThat(e.location().orElseThrow().input()).endsWith("mets.xml");
        assertThat(e.location().orElseThrow().line()).hasValue(16L); // the long title's line

        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(p, Read.skip().limits(limits), records);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text()).hasValue("Dear friend");
        assertThat(records.get(0).label("title")).isEmpty();
        assertThat(problems).extracting(Problem::message).singleElement().asString()
                .contains("the lido metadata <lido> of dmdSec DMD1", "maxRecordBytes");
    }

    // ---------------------------------------------------------------- hostile metadata

    private static final String HOSTILE_HEAD = "<mets:mets xmlns:mets='http://www.loc.gov/METS/' "
            + "xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:lido='http://www.lido-schema.org' "
            + "xmlns:dc='http://purl.org/dc/elements/1.1/'>\n"
            + "<mets:dmdSec ID='DMD1'><mets:mdWrap MDTYPE='LIDO'><mets:xmlData>\n";
    private static final String HOSTILE_TAIL = "</mets:xmlData></mets:mdWrap></mets:dmdSec>\n"
            + "<mets:fileSec><mets:fileGrp USE='FULLTEXT'><mets:file ID='A1' MIMETYPE='text/xml'><mets:FLocat "
            + "LOCTYPE='URL' xlink:href='page.xml'/></mets:file></mets:fileGrp></mets:fileSec>\n"
            + "<mets:structMap TYPE='PHYSICAL'><mets:div ID='P1' TYPE='page'><mets:fptr FILEID='A1'/></mets:div>"
            + "</mets:structMap></mets:mets>\n";

    private static LamFormatException refused(Path dir, String doctype, String metadata) throws IOException {
        Path p = Files.writeString(dir.resolve("mets.xml"), doctype + HOSTILE_HEAD + metadata + HOSTILE_TAIL);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        LamFormatException e = catchThrowableOfType(LamFormatException.class,
                () -> Read.all(p, ReadOptions.builder().format("mets").build()));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.location().orElseThrow().input()).endsWith("mets.xml");
        return e;
    }

    @Test
    void refusesAnEntityBombInsideXmlDataWithoutExpandingIt(@TempDir Path dir) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE mets:mets [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        LamFormatException e = refused(dir, dtd.toString(),
                "<lido:lido><lido:lidoRecID>x</lido:lidoRecID>\n<lido:descriptiveMetadata>&lol9;"
                        + "</lido:descriptiveMetadata></lido:lido>\n");
        assertThat(e.getMessage()).containsIgnoringCase("lol9");
        assertThat(e.location().orElseThrow().line()).hasValue(16L);
    }

    @Test
    void refusesMetadataNestedDeeperThanTheLimitAtTheLimit(@TempDir Path dir) throws IOException {
        int depth = 200_000;
        String open = "<lido:lido>\n" + "<lido:x>\n".repeat(depth);
        String close = "</lido:x>".repeat(depth) + "</lido:lido>\n";
        LamFormatException e = refused(dir, "", open + close);
        assertThat(e.getMessage()).contains("1000");
        // refused where the nesting passed the limit, not at the end of the document
        assertThat(e.location().orElseThrow().line().orElseThrow()).isBetween(900L, 1100L);
    }

    @Test
    void refusesMetadataLargerThanMaxRecordBytesWhereItPassesThatSize(@TempDir Path dir) throws IOException {
        // MODS is held whole by its reader: 200,000 notes, one a line, would be a large tree
        String mods = "<mods:mods xmlns:mods='http://www.loc.gov/mods/v3'><mods:titleInfo><mods:title>Kept"
                + "</mods:title></mods:titleInfo>\n" + "<mods:note>a note</mods:note>\n".repeat(200_000) + "</mods:mods>\n";
        Path p = Files.writeString(dir.resolve("mets.xml"), HOSTILE_HEAD.replace("LIDO", "MODS") + mods + HOSTILE_TAIL);
        Files.copy(DMD.resolve("page.xml"), dir.resolve("page.xml"));
        ReadLimits limits = ReadLimits.builder().maxRecordBytes(64 * 1024).build();
        LamLimitExceededException e = catchThrowableOfType(LamLimitExceededException.class,
                () -> Read.all(p, ReadOptions.builder().format("mets").limits(limits).build()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("mods metadata <mods> of dmdSec DMD1", "maxRecordBytes (65536 bytes)");
        // 64 KiB of notes (32 counted a tag, and its text) is some 1,700 lines: refused there, not at the end
        assertThat(e.location().orElseThrow().line().orElseThrow()).isBetween(1_000L, 3_000L);

        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(p, Read.skip().format("mets").limits(limits), records);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).text()).hasValue("Dear friend");
        assertThat(records.get(0).label("title")).isEmpty();
        assertThat(problems).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("dmdSec DMD1", "maxRecordBytes"));
    }

    @Test
    void refusesAHugeAttributeInsideXmlDataAtItsStart(@TempDir Path dir) throws IOException {
        String huge = "<dc:title lang='" + "x".repeat(8 << 20) + "'>t</dc:title>\n<dc:title>never</dc:title>\n";
        LamFormatException e = refused(dir, "", huge);
        assertThat(e.location().orElseThrow().line()).hasValue(3L);
    }
}
