package org.biglam.lam.examples;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.iiif.IiifImageService;

/**
 * Image records from a IIIF manifest: one per canvas, with the image, a thumbnail URL made from its
 * IIIF Image API service, the canvas's own label and the manifest's labels. Nothing is fetched.
 *
 * <pre>{@code
 * java -cp lam-cli/target/lam.jar:examples/target/classes org.biglam.lam.examples.IiifImages [manifest.json]
 * }</pre>
 */
public final class IiifImages {

    private IiifImages() {
    }

    /**
     * Prints one tab-separated row per canvas: id, part label, image URL, thumbnail URL, subjects and tags.
     *
     * @param args a IIIF manifest, a file or an http(s) URL (default: the bundled v3 manifest)
     */
    public static void main(String[] args) {
        String manifest = args.length > 0 ? args[0] : Holdings.path("iiif/whitby-views-v3.json").toString();
        ReadOptions canvases = ReadOptions.builder().granularity("canvas").set("iiif.prefer-language", "en").build();
        try (Stream<LamRecord> records = manifest.startsWith("http") ? Lam.read(manifest, canvases)
                : Lam.read(Path.of(manifest), canvases)) {
            records.forEach(canvas -> {
                for (ImageRef image : canvas.images()) {
                    // A 256 pixels wide thumbnail where the image has a IIIF Image API service.
                    String thumbnail = image.service()
                            .map(s -> IiifImageService.of(s, 3).url(null, IiifImageService.Size.width(256)))
                            .orElse(image.uri());
                    System.out.println(String.join("\t", canvas.id(), canvas.firstLabel("part").orElse(""),
                            image.uri(), thumbnail, String.join(";", canvas.label("subject")),
                            String.join(";", canvas.label("iiif:tag"))));
                }
            });
        }
    }
}
