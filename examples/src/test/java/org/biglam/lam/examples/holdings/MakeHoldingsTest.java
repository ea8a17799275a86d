package org.biglam.lam.examples.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.examples.Holdings;
import org.junit.jupiter.api.Test;

/** The committed holdings are what the generator writes, and read as they should. */
class MakeHoldingsTest {

    @Test
    void theCommittedMarcFilesAreWhatTheGeneratorWrites() throws Exception {
        List<MakeHoldings.Book> books = MakeHoldings.books();

        assertThat(MakeHoldings.iso2709(books)).isEqualTo(Files.readAllBytes(Holdings.path("marc/books.mrc")));
        assertThat(MakeHoldings.marcxml(books))
                .isEqualTo(Files.readString(Holdings.path("marc/books.xml"), StandardCharsets.UTF_8));
    }

    @Test
    void marc8WritesCombiningMarksBeforeTheirLetter() {
        assertThat(MakeHoldings.marc8("misérables")).containsExactly('m', 'i', 's', 0xE2, 'e', 'r', 'a', 'b', 'l', 'e', 's');
        assertThat(MakeHoldings.marc8("Hausmärchen")[5]).isEqualTo((byte) 0xE8);
        assertThat(MakeHoldings.marc8("København")[1]).isEqualTo((byte) 0xB2);
    }

    @Test
    void theIsoFileIsMarc8WithBlankLeaderNineAndItsTwinGivesTheSameRecords() {
        byte[] iso = MakeHoldings.iso2709(MakeHoldings.books().get(1));
        assertThat((char) iso[9]).isEqualTo(' ');

        List<LamRecord> fromIso = read("marc/books.mrc");
        List<LamRecord> fromXml = read("marc/books.xml");
        assertThat(fromIso).hasSize(8);
        assertThat(fromIso.stream().map(LamRecord::labels).collect(Collectors.toList()))
                .isEqualTo(fromXml.stream().map(LamRecord::labels).collect(Collectors.toList()));
        assertThat(fromIso.get(1).label("title")).containsExactly("Les misérables");
        assertThat(fromIso.get(4).label("place")).containsExactly("København");
    }

    @Test
    void thePageImagesHaveTheSizeTheirAltoFilesGive() throws Exception {
        BufferedImage png = ImageIO.read(Holdings.path("newspaper/0001.png").toFile());
        BufferedImage jpg = ImageIO.read(Holdings.path("newspaper/0002.jpg").toFile());

        assertThat(png.getWidth()).isEqualTo(240);
        assertThat(png.getHeight()).isEqualTo(360);
        assertThat(jpg.getWidth()).isEqualTo(240);
        assertThat(jpg.getHeight()).isEqualTo(360);
        assertThat(MakeHoldings.boxes(Holdings.path("newspaper/0001.xml")).get(1)).hasSize(1);
    }

    @Test
    void everyHoldingReadsWithoutAProblemAndTheNewspaperPagesComeOnceThroughTheMets() {
        ReadOptions strict = ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL).build();
        try (LamReader reader = Lam.open(List.of(Holdings.path("").toString()), strict)) {
            Map<String, Long> byFormat = reader.stream()
                    .collect(Collectors.groupingBy(LamRecord::format, java.util.TreeMap::new, Collectors.counting()));
            assertThat(byFormat).containsExactly(Map.entry("iiif", 6L), Map.entry("marc21", 8L),
                    Map.entry("marcxml", 8L), Map.entry("mets", 2L), Map.entry("tei", 2L));
            assertThat(reader.problems()).as("images and the README are left out quietly").isEmpty();
        }
    }

    @Test
    void theMetsIssueGivesItsArticlesWithTheHyphenatedWordJoinedAcrossPages() {
        ReadOptions articles = ReadOptions.builder().granularity("article").build();
        try (Stream<LamRecord> records = Lam.read(Holdings.path("newspaper/mets.xml"), articles)) {
            List<LamRecord> list = records.collect(Collectors.toList());
            assertThat(list).extracting(LamRecord::id).containsExactly("mets.xml#article-ART1",
                    "mets.xml#article-ILL1", "mets.xml#article-ART2", "mets.xml#article-ADV1");
            assertThat(list.get(2).text()).hasValueSatisfying(t -> assertThat(t).contains("the Providence all from Riga"));
            assertThat(list.get(2).images()).hasSize(2);
        }
    }

    private static List<LamRecord> read(String relative) {
        try (Stream<LamRecord> s = Lam.read(Holdings.path(relative), ReadOptions.defaults())) {
            return s.collect(Collectors.toList());
        }
    }

}
