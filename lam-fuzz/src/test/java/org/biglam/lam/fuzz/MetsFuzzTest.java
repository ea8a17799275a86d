package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * METS (format {@code mets}) at every granularity, read from a file beside two good ALTO pages
 * ({@code alto/page1.xml}, {@code alto/page2.xml}) so that the fuzzer reaches the METS to ALTO
 * links. The last byte chooses the granularity, the rest is the METS document. Seeds:
 * {@code MetsFuzzTestInputs/}.
 */
class MetsFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("mets");
    private static final Path PACKAGE = unpack();

    private static Path unpack() {
        try {
            Path dir = Files.createTempDirectory("lam-fuzz-mets");
            Files.createDirectories(dir.resolve("alto"));
            for (String page : new String[] {"page1.xml", "page2.xml"}) {
                try (InputStream in = MetsFuzzTest.class.getResourceAsStream("/fuzz-mets-package/alto/" + page)) {
                    Files.copy(in, dir.resolve("alto").resolve(page));
                }
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DictionaryEntries({
        "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">",
        "<mets:fileSec>",
        "<mets:fileGrp USE=\"FULLTEXT\">",
        "<mets:file ID=\"ALTO1\" MIMETYPE=\"text/xml\">",
        "<mets:FLocat LOCTYPE=\"URL\" xlink:href=\"alto/page1.xml\"/>",
        "xlink:href=\"alto/page2.xml\"",
        "<mets:structMap TYPE=\"PHYSICAL\">",
        "<mets:structMap TYPE=\"LOGICAL\">",
        "<mets:div TYPE=\"page\" ORDER=\"1\">",
        "<mets:fptr FILEID=\"ALTO1\"/>",
        "<mets:area FILEID=\"ALTO1\" BETYPE=\"IDREF\" BEGIN=\"P1_TB1\"/>",
        "<mets:dmdSec ID=\"DMD1\">",
        "<mets:mdWrap MDTYPE=\"DC\"><mets:xmlData>",
        "<dc:title>",
        "<ead:ead><ead:archdesc level=\"fonds\">",
        "<lido:lido>",
        "<rdf:RDF><edm:ProvidedCHO rdf:about=\"#c\">",
        "<mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"MODS\" xlink:href=\"mods.xml\"/>",
        "<mods:title>",
        "DMDID=\"DMD1\"",
        "TYPE=\"ARTICLE\"",
        "<mets:structLink>",
        "<mets:smLinkGrp>",
        "</mets:div>"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        Path mets = FuzzCheck.write(PACKAGE.resolve("mets.xml"), in.consumeRemainingAsBytes());
        FuzzCheck.checkFile(mets, ReadOptions.builder().format("mets").granularity(granularity).build());
    }
}
