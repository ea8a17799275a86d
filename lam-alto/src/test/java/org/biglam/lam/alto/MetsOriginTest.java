package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordWriter;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin rule in METS and ALTO: a METS document served over http that names local ALTO files
 * and images makes lam read none of them; an ALTO page served over http keeps no local image.
 */
class MetsOriginTest {

    private static final String CANARY = "CANARY-mets-41d7-do-not-leak";

    @TempDir
    Path dir;

    private static String readAll(String url, List<Problem> problems) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build();
        try (var s = Lam.read(url, o); RecordWriter w = Lam.jsonLinesWriter(out)) {
            for (LamRecord r : (Iterable<LamRecord>) s::iterator) {
                w.write(r);
            }
        }
        return out.toString(StandardCharsets.UTF_8) + "\n" + problems;
    }

    @Test
    void aMetsDocumentServedOverHttpNamingLocalAltoFilesAndImagesReadsNoneOfThem() throws IOException {
        String page1 = Files.readString(Read.METS.resolve("alto/page1.xml"));
        Path alto = Files.writeString(dir.resolve("canary-alto.xml"), page1.replace("council", CANARY));
        Path jpg = Files.writeString(dir.resolve("canary.jpg"), CANARY);
        String mets = Files.readString(Read.METS.resolve("mets.xml"))
                .replace("xlink:href=\"alto/page1.xml\"", "xlink:href=\"" + alto.toUri() + "\"")
                .replace("xlink:href=\"images/0001.jpg\"", "xlink:href=\"" + jpg.toUri() + "\"");
        assertThat(mets).contains(alto.toUri().toString());
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/issue/mets.xml", mets.getBytes(StandardCharsets.UTF_8));
            server.bytes("/issue/alto/page2.xml", Files.readAllBytes(Read.METS.resolve("alto/page2.xml")));
            List<Problem> problems = new ArrayList<>();
            String all = readAll(server.url("/issue/mets.xml"), problems);

            assertThat(all).doesNotContain(CANARY).contains("and agreed.").contains(server.url("/issue/images/0002.jpg"));
            List<Problem> refused = problems.stream().filter(p -> p.kind().equals("reference")).collect(Collectors.toList());
            assertThat(refused).anySatisfy(p -> assertThat(p.message()).contains(alto.toUri().toString())
                    .contains("came over http(s)"));
            assertThat(refused).anySatisfy(p -> assertThat(p.message()).contains("image left out")
                    .contains(jpg.toUri().toString()));
            assertThat(refused).allSatisfy(p -> assertThat(p.location().input()).isEqualTo(server.url("/issue/mets.xml")));
        }
    }

    @Test
    void anAltoPageServedOverHttpKeepsNoLocalImage() throws IOException {
        Path jpg = Files.writeString(dir.resolve("canary.jpg"), CANARY);
        String page = Files.readString(Read.METS.resolve("alto/page1.xml"));
        String withImage = page.contains("<sourceImageInformation>")
                ? page.replaceFirst("<sourceImageInformation>", "<sourceImageInformation><fileName>" + jpg.toUri()
                        + "</fileName>")
                : page.replaceFirst("<Description>", "<Description><sourceImageInformation><fileName>" + jpg.toUri()
                        + "</fileName></sourceImageInformation>");
        assertThat(withImage).contains(jpg.toUri().toString());
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/page1.xml", withImage.getBytes(StandardCharsets.UTF_8));
            List<Problem> problems = new ArrayList<>();
            String all = readAll(server.url("/page1.xml"), problems);

            String records = all.substring(0, all.lastIndexOf('\n'));
            assertThat(records).contains("council").doesNotContain(jpg.toUri().toString());
            assertThat(problems).filteredOn(p -> p.kind().equals("reference")).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).contains("image left out"));
        }
    }
}
