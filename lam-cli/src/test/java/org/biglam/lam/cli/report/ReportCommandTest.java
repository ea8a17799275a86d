package org.biglam.lam.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.biglam.lam.ImageRef;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordSource;
import org.biglam.lam.cli.LamCommand;
import org.biglam.lam.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lam report} without a browser: its sections, its sample, its bounds, and where its images come from. */
class ReportCommandTest {

    static final Path HOLDINGS = Path.of("..", "examples", "holdings");

    @TempDir
    Path tmp;

    record Run(int code, String err, String html) {
    }

    Run report(String name, String... args) throws Exception {
        return run(tmp.resolve(name), args);
    }

    /** Runs {@code lam report ARGS -o HTML}: its exit code, standard error, and the HTML written (or null). */
    static Run run(Path html, String... args) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "report";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "-o";
            all[args.length + 2] = html.toString();
            int code = LamCommand.commandLine().execute(all);
            return new Run(code, buf.toString(StandardCharsets.UTF_8),
                    Files.isRegularFile(html) ? Files.readString(html, StandardCharsets.UTF_8) : null);
        } finally {
            System.setErr(old);
        }
    }

    static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void theHoldingsReportHasEverySectionAndNothingThatLoadsFromElsewhere() throws Exception {
        Run run = report("h.html", HOLDINGS.toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
        String html = run.html();
        for (String id : List.of("summary", "problems", "check", "charts", "sample")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        String summary = section(html, "summary");
        assertThat(summary).contains("<b>26</b><span>records</span>").contains("<td>marc21</td><td>record</td>"
                + "<td class=\"n\">8</td>").contains("<td>iiif</td><td>canvas</td><td class=\"n\">6</td>");
        assertThat(section(html, "charts")).contains("id=\"chart-decades\"").contains("id=\"chart-languages\"")
                .contains("id=\"chart-text-length\"").contains("id=\"chart-confidence\"").contains("id=\"chart-label-genre\"");
        // 24 of 26 records in the sample; the two newspaper pages' images (PNG, JPEG) embedded, scaled down
        assertThat(count(section(html, "sample"), "<article class=\"rec")).isEqualTo(24);
        assertThat(count(html, "<image class=\"pageimg\"[^>]* href=\"data:image/(png|jpeg);base64,")).isEqualTo(2);
        // the IIIF canvases' images are on example.org: not fetched, drawn as placeholders that say so
        assertThat(html).contains("remote image not fetched");
        // no script, no stylesheet, image or frame from elsewhere: links only
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                .doesNotContain("<iframe").doesNotContain("url(");
        assertThat(count(html, "(src|href)=\"(?!data:|#)")).isEqualTo(count(html, "<a href=\"https?://"));
        assertThat(html.length()).isLessThan(1 << 20);
    }

    @Test
    void theSampleIsSeededAndBounded() throws Exception {
        Run a = report("a.html", HOLDINGS.toString(), "-q", "--sample", "5", "--seed", "3");
        Run b = report("b.html", HOLDINGS.toString(), "-q", "--sample", "5", "--seed", "3");
        Run c = report("c.html", HOLDINGS.toString(), "-q", "--sample", "5", "--seed", "4");
        assertThat(a.html()).isEqualTo(b.html());
        assertThat(count(section(a.html(), "sample"), "<article class=\"rec")).isEqualTo(5);
        assertThat(section(c.html(), "sample")).isNotEqualTo(section(a.html(), "sample"));
        assertThat(section(a.html(), "sample")).contains("5 records drawn at random").contains("from 26");
        assertThat(report("x.html", HOLDINGS.toString(), "--sample", "-1").code()).isEqualTo(LamCommand.EXIT_USAGE);
        assertThat(report("y.html", HOLDINGS.toString(), "--image-size", "99999").code())
                .isEqualTo(LamCommand.EXIT_USAGE);
    }

    @Test
    void lowConfidenceAndEmptyPagesComeFirstInTheirOwnSection() throws Exception {
        Path in = tmp.resolve("ocr.jsonl");
        Path img = Files.write(tmp.resolve("p.png"), png(40, 60));
        String image = "\"images\":[{\"uri\":\"" + img.toUri() + "\",\"width\":40,\"height\":60}]";
        Files.write(in, List.of(
                "{\"id\":\"good\",\"format\":\"alto\",\"text\":\"fine\",\"confidence\":0.97," + image + "}",
                "{\"id\":\"poor\",\"format\":\"alto\",\"text\":\"tbe\",\"confidence\":0.31," + image + "}",
                "{\"id\":\"blank\",\"format\":\"alto\"," + image + "}",
                "{\"id\":\"fair\",\"format\":\"alto\",\"text\":\"so so\",\"confidence\":0.45," + image + "}"),
                StandardCharsets.UTF_8);
        Run run = report("o.html", in.toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
        String check = section(run.html(), "check");
        assertThat(check).contains("OCR pages without text: <b>1</b>").contains("below 0.50: <b>2</b>");
        assertThat(check.indexOf("blank")).isLessThan(check.indexOf("poor"));
        assertThat(check.indexOf("poor")).isLessThan(check.indexOf("fair"));
        assertThat(check).doesNotContain(">good<");
        // the report's checks come before its sample
        assertThat(run.html().indexOf("id=\"check\"")).isLessThan(run.html().indexOf("id=\"sample\""));
    }

    @Test
    void aDocumentReadOverHttpGetsItsPagesFromTheIiifServiceAtASmallSizeAndNeverALocalFile() throws Exception {
        Path secret = Files.write(tmp.resolve("secret.png"), png(30, 20));
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/iiif/p1/full/!200,200/0/default.jpg", png(150, 200));
            String jsonl = "{\"id\":\"r1\",\"format\":\"iiif\",\"images\":[{\"uri\":\"" + server.url("/iiif/p1/full/full/0/default.jpg")
                    + "\",\"service\":\"" + server.url("/iiif/p1") + "\",\"width\":3000,\"height\":4000,"
                    + "\"region\":{\"x\":300,\"y\":400,\"w\":1200,\"h\":800}}]}\n"
                    + "{\"id\":\"r2\",\"format\":\"iiif\",\"images\":[{\"uri\":\"" + secret.toUri() + "\"}]}\n";
            server.on("/records.jsonl", (ex, n) -> LoopbackServer.send(ex, 200, jsonl));
            Run run = report("r.html", server.url("/records.jsonl"), "--image-size", "200");
            assertThat(server.count("/iiif/p1/full/!200,200/0/default.jpg")).isEqualTo(1);
            assertThat(run.err()).contains("[reference]");
            String html = run.html();
            assertThat(count(html, "href=\"data:image/")).isEqualTo(1);
            assertThat(html).contains("viewBox=\"0 0 3000 4000\"")
                    .contains("<rect class=\"region\" x=\"300\" y=\"400\" width=\"1200\" height=\"800\"");
            // the local file is named in the problem that refused it, and never read: r2 has no page
            String r2 = html.substring(html.indexOf("<article class=\"rec\" id=\"s1\">"));
            r2 = r2.substring(0, r2.indexOf("</article>"));
            assertThat(r2).contains(">r2<").doesNotContain("<svg").doesNotContain("data:image");
        }
    }

    @Test
    void remoteImagesOfLocalDocumentsAreFetchedOnlyWithFetchImages() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.bytes("/a.png", png(20, 10));
            Path in = tmp.resolve("local.jsonl");
            Files.writeString(in, "{\"id\":\"a\",\"format\":\"iiif\",\"images\":[{\"uri\":\"" + server.url("/a.png")
                    + "\"}]}\n");
            Run without = report("n.html", in.toString(), "-q");
            assertThat(server.count("/a.png")).isZero();
            assertThat(without.html()).doesNotContain("href=\"data:image/").contains("remote image not fetched");
            Run with = report("f.html", in.toString(), "-q", "--fetch-images");
            assertThat(server.count("/a.png")).isEqualTo(1);
            assertThat(count(with.html(), "href=\"data:image/png;base64,")).isEqualTo(1);
        }
    }

    @Test
    void thePageImagesHoldEveryImageToTheOriginOfItsRecord() throws Exception {
        Path local = Files.write(tmp.resolve("p.png"), png(8, 8));
        ImageRef ref = ImageRef.builder(local.toUri().toString()).build();
        try (PageImages images = new PageImages(ReadOptions.defaults(), true, 100, 1 << 20)) {
            PageImages.Picture remote = images.picture(ref, new RecordSource("https://example.org/m.json", null, 0, -1, -1));
            assertThat(remote.dataUri()).isNull();
            assertThat(remote.note()).contains("came over http(s)");
            PageImages.Picture beside = images.picture(ref, new RecordSource(tmp.resolve("m.json").toUri().toString(),
                    null, 0, -1, -1));
            assertThat(beside.dataUri()).startsWith("data:image/png;base64,");
        }
    }

    @Test
    void largeImagesAreScaledDownAndTheirSizeKept() throws Exception {
        PageImages.Scaled s = PageImages.scale(png(2400, 1200), 300);
        assertThat(s.width()).isEqualTo(2400);
        assertThat(s.height()).isEqualTo(1200);
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(s.bytes()));
        assertThat(small.getWidth()).isEqualTo(300);
        assertThat(small.getHeight()).isEqualTo(150);
        assertThat(PageImages.scale("not an image".getBytes(StandardCharsets.UTF_8), 300)).isNull();
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, (x * 7 & 0xff) << 16 | (y * 5 & 0xff) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
