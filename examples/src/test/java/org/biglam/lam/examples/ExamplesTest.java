package org.biglam.lam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs each example's main over the bundled holdings and checks what it prints. */
class ExamplesTest {

    /** Runs a main and returns its standard output. */
    static String run(ThrowingMain main, String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A main method. */
    interface ThrowingMain {
        void run(String[] args) throws Exception;
    }

    @Test
    void altoTextPrintsEachPageWithItsDateAndHyphenatedWordsJoined() throws Exception {
        List<String> lines = run(AltoText::main).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("mets.xml#page-PHYS1\t0.92\t1883\tTHE WHITBY GAZETTE HARBOUR NEWS")
                .contains("put into harbour yesterday morning").endsWith("the Star and the Providence");
        assertThat(lines.get(1)).startsWith("mets.xml#page-PHYS2\t0.93\t1883\tall from Riga,")
                .endsWith("Church Street, Whitby.");
        assertThat(lines.get(2)).isEqualTo("2 pages, 385 characters");
    }

    @Test
    void altoTextLeavesOutPagesBelowTheConfidenceAskedFor() throws Exception {
        String out = run(AltoText::main, Holdings.path("newspaper/mets.xml").toString(), "0.95");

        assertThat(out.lines()).containsExactly("skipped mets.xml#page-PHYS1 (confidence 0.92)",
                "skipped mets.xml#page-PHYS2 (confidence 0.93)", "0 pages, 0 characters");
    }

    @Test
    void archiveTableFlattensAFindingAidByComponentAndALidoExportByObject() throws Exception {
        List<String> lines = run(ArchiveTable::main).lines().toList();

        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).isEqualTo("level\tid\ttitle\tpath above\tdate\timages");
        // a component without a unittitle takes its digital object's description, its unitid or its date
        assertThat(lines).contains("item\tFA-1#c1.1.1\tA letter about wool\tPapers of John Smith > Correspondence > "
                        + "Letters to his brother, 1870-1875\t-\t1",
                "item\tFA-1#c1.1.3\tca. 1872\tPapers of John Smith > Correspondence > Letters to his brother, "
                        + "1870-1875\t1872\t0",
                // the collection level comes after its components, when the finding aid's end is read
                "fonds\tFA-1\tPapers of John Smith\t-\t1850/1920\t0");
        assertThat(lines.get(7)).startsWith("fonds\t");
        assertThat(lines).contains("object\tMUS-1\tLa Primavera\tpainting\tBotticelli, Sandro (painter)\t1478/1482\t1",
                "object\tMUS-2\tDenar\tM\u00fcnze\t-\t-\t0");
        assertThat(lines.get(11)).isEqualTo("7 components, 2 objects");
    }

    @Test
    void genreDatasetLabelsEveryBookWithItsLiteraryFormAndAStableSplit() throws Exception {
        List<String> lines = run(GenreDataset::main).lines().toList();

        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("train\tfiction\tlamex0001\tA Christmas carol in prose : being a ghost "
                + "story of Christmas / by Charles Dickens. A miser is visited on Christmas Eve by the ghost of his "
                + "partner and by three spirits, and wakes a changed man.");
        // the MARC-8 diacritics of the ISO 2709 file come out as Unicode
        assertThat(lines.get(1)).isEqualTo("train\tfiction\tlamex0002\tLes misérables / Victor Hugo. Jean Valjean, "
                + "a released convict, is pursued for years by the police inspector Javert.");
        assertThat(lines.get(2)).startsWith("train\tshort stories\tlamex0003\tKinder- und Hausmärchen");
        assertThat(lines.get(6)).startsWith("test\tnon-fiction\tlamex0007\t");
        assertThat(lines.get(8)).isEqualTo("labels: {dramas=1, fiction=3, non-fiction=2, poetry=1, short stories=1}");
    }

    @Test
    void genreDatasetGivesTheSameRowsFromTheMarcxmlTwin() throws Exception {
        String fromIso = run(GenreDataset::main);
        String fromXml = run(GenreDataset::main, Holdings.path("marc/books.xml").toString());

        assertThat(fromXml).isEqualTo(fromIso);
    }

    @Test
    void iiifImagesGivesOneRowPerCanvasWithAThumbnailFromTheImageService() throws Exception {
        List<String> lines = run(IiifImages::main).lines().toList();

        assertThat(lines).containsExactly(
                "https://example.org/iiif/whitby-views/canvas/1\tThe harbour from the West Cliff\t"
                        + "https://example.org/iiif/image/whitby-views-1/full/max/0/default.jpg\t"
                        + "https://example.org/iiif/image/whitby-views-1/full/256,/0/default.jpg\t"
                        + "Harbors;Abbeys;Whitby (England);sailing ship\tsailing ship",
                "https://example.org/iiif/whitby-views/canvas/2\tTate Hill Pier at low water\t"
                        + "https://example.org/iiif/image/whitby-views-2/full/max/0/default.jpg\t"
                        + "https://example.org/iiif/image/whitby-views-2/full/256,/0/default.jpg\t"
                        + "Harbors;Abbeys;Whitby (England)\t",
                "https://example.org/iiif/whitby-views/canvas/3\tThe Abbey in snow\t"
                        + "https://example.org/iiif/image/whitby-views-3/full/max/0/default.jpg\t"
                        + "https://example.org/iiif/image/whitby-views-3/full/256,/0/default.jpg\t"
                        + "Harbors;Abbeys;Whitby (England)\t");
    }

    @Test
    void iiifImagesReadsTheVersionTwoManifestOfTheSameObjectToTheSameCanvases() throws Exception {
        List<String> v2 = run(IiifImages::main, Holdings.path("iiif/whitby-views-v2.json").toString()).lines().toList();

        assertThat(v2).hasSize(3);
        assertThat(v2.get(0)).startsWith("https://example.org/iiif/whitby-views/canvas/1\tThe harbour from the West Cliff\t"
                + "https://example.org/iiif/image/whitby-views-1/full/full/0/default.jpg\t");
    }

    @Test
    void teiSentencesSplitsEveryParagraphWithEditorialChoicesResolved() throws Exception {
        List<String> lines = run(TeiSentences::main).lines().toList();

        assertThat(lines).hasSize(11);
        assertThat(lines).contains(
                "letter-from-whitby.xml#p-1\t1\tThe storm has done us great harm.",
                "storm-at-whitby.xml#p-1\t1\tUpon the fourteenth day of January there arose at Whitby so great a "
                        + "storm as no man living had seen.",
                "storm-at-whitby.xml#p-3\t2\tThe Captain of the Good Hope was carried to the Abbey steps and lived.");
        assertThat(lines.get(10)).isEqualTo("10 sentences");
    }

    @Test
    void oaiPagesReadsTheSavedPagesAndHarvestsTheSameRecords() throws Exception {
        List<String> lines = run(OaiPages::main).lines().toList();
        List<String> expected = List.of(
                "oai:archive.example.org:photo-0001\tdc\tWhitby harbour at low tide\t1885\t1 image(s)",
                "oai:archive.example.org:photo-0003\tdc\tThe 199 steps to St Mary's church\t1890\t1 image(s)",
                "oai:archive.example.org:album-01\tmods\tThe Whitby album : views of the town and harbour\t1880/1895\t1 image(s)");
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("saved pages:");
        assertThat(lines.subList(1, 4)).isEqualTo(expected);
        assertThat(lines.get(4)).isEqualTo("harvest:");
        assertThat(lines.subList(5, 8)).isEqualTo(expected);
    }
}
