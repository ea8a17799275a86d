package org.biglam.lam.cli.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.biglam.lam.cli.LamCommand;
import org.yaml.snakeyaml.Yaml;

/** Fixtures and helpers of the export tests. */
final class ExportTestSupport {

    private ExportTestSupport() {
    }

    /** A fixture under src/test/resources/export/. */
    static Path fixture(String name) {
        try {
            return Path.of(ExportTestSupport.class.getResource("/export/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exit code and standard error of one run of the lam command. */
    record Run(int code, String err) {
    }

    static Run lam(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = LamCommand.commandLine().execute(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** A small PNG made with ImageIO, different for each seed. */
    static byte[] png(int seed, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, ((x * 31 + seed * 70) & 0xff) << 16 | ((y * 41) & 0xff) << 8 | (seed * 97 & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Images and their records: a local PNG, a PNG inside a zip, a remote image, a region, no image. */
    static final class ImageFixture {
        final Path jsonl;
        final byte[] local;
        final byte[] zipped;

        ImageFixture(Path dir) throws IOException {
            local = png(1, 8, 6);
            zipped = png(2, 5, 4);
            Path localFile = dir.resolve("page 1.png");
            Files.write(localFile, local);
            Path zip = dir.resolve("scans.zip");
            try (OutputStream fo = Files.newOutputStream(zip); ZipArchiveOutputStream zo = new ZipArchiveOutputStream(fo)) {
                ZipArchiveEntry e = new ZipArchiveEntry("img/p2.png");
                zo.putArchiveEntry(e);
                zo.write(zipped);
                zo.closeArchiveEntry();
            }
            String localUri = localFile.toUri().toString();
            String zipEntry = zip.toUri() + "!/img/p2.png";
            List<String> lines = new ArrayList<>();
            lines.add("{\"id\":\"m1#c1\",\"format\":\"iiif\",\"group\":\"m1\",\"text\":\"Page one\",\"images\":[{\"uri\":\""
                    + localUri + "\",\"width\":8,\"height\":6}],\"labels\":{\"genre\":[\"map\"]}}");
            lines.add("{\"id\":\"m1#c2\",\"format\":\"iiif\",\"group\":\"m1\",\"images\":[{\"uri\":\"" + zipEntry
                    + "\"}],\"labels\":{\"genre\":[\"map\"]}}");
            lines.add("{\"id\":\"m2#c1\",\"format\":\"iiif\",\"group\":\"m2\",\"images\":[{\"uri\":"
                    + "\"https://iiif.example.org/x/full/full/0/default.jpg\"}],\"labels\":{\"genre\":[\"photo\"]}}");
            lines.add("{\"id\":\"m3#c1\",\"format\":\"iiif\",\"group\":\"m3\",\"images\":[{\"uri\":\"" + localUri
                    + "\",\"region\":{\"x\":2,\"y\":1,\"w\":3,\"h\":2}}],\"labels\":{\"genre\":[\"photo\"]}}");
            lines.add("{\"id\":\"m4\",\"format\":\"iiif\",\"text\":\"no image here\",\"labels\":{\"genre\":[\"map\"]}}");
            jsonl = dir.resolve("images.jsonl");
            Files.write(jsonl, lines, StandardCharsets.UTF_8);
        }
    }

    /** The YAML front matter of a dataset card. */
    static Map<String, Object> frontMatter(Path card) throws IOException {
        String text = Files.readString(card, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n")) {
            throw new AssertionError("no front matter");
        }
        int end = text.indexOf("\n---\n", 4);
        return new Yaml().load(text.substring(4, end + 1));
    }

    /** The card's Markdown body. */
    static String body(Path card) throws IOException {
        String text = Files.readString(card, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\n---\n", 4) + 5);
    }

    /** Every file under a folder but the card's plots ({@code plots/}, see CardPlotsTest), relative, sorted. */
    static List<String> files(Path dir) throws IOException {
        return allFiles(dir).stream().filter(f -> !f.startsWith(CardPlots.FOLDER + "/")).collect(Collectors.toList());
    }

    /** Every file under a folder, relative, sorted. */
    static List<String> allFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .collect(Collectors.toList());
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
