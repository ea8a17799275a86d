package org.biglam.lam.cli.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.biglam.lam.ImageRef;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordSource;
import org.biglam.lam.cli.export.ImageLoader;
import org.biglam.lam.spi.Fetcher;

/**
 * The page images of {@code lam report}, small and embedded: each is loaded by {@code lam
 * export}'s {@link ImageLoader} (held to the origin rule of the record's source: a document read
 * over http(s) never makes the report read a local file), scaled down with the JDK's ImageIO to fit
 * in a square of the size asked (decoded with subsampling, so that a large scan costs little
 * memory) and made a {@code data:} URI, JPEG or PNG. Remote images (and pages asked of a IIIF Image
 * API service, at that small size: the whole page, on which the record's region is drawn) are
 * fetched, through lam-core's {@link Fetcher}, only for records read over http(s), or for all with
 * {@code --fetch-images}. The images of a report together stay under {@link #budget} bytes; past it,
 * pages are drawn without their image. Loaded pages are kept for the pages of other records on the
 * same image (a few). Not thread-safe.
 */
final class PageImages implements Closeable {

    /** What a record's page looks like in the report. */
    record Picture(String dataUri, long width, long height, String note) {
    }

    private static final int CACHED = 32;
    /** Scans larger than this many pixels (after subsampling) are not decoded. */
    private static final long MAX_PIXELS = 64L << 20;

    private final ImageLoader local;
    private final ImageLoader remote;
    private final boolean fetchAll;
    private final int side;
    private long budget;
    private final Map<String, Picture> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * Page images for a report.
     *
     * @param options the reading options (limits, local root)
     * @param fetchAll fetch remote images for every record, not only those read over http(s)
     * @param side the largest side of an embedded image, in pixels
     * @param budget the most bytes of images one report embeds
     */
    PageImages(ReadOptions options, boolean fetchAll, int side, long budget) {
        this.local = new ImageLoader(false, side, options);
        this.remote = new ImageLoader(true, side, options);
        this.fetchAll = fetchAll;
        this.side = side;
        this.budget = budget;
    }

    /**
     * The picture of a record's image: the whole page, small, with the size its region's
     * coordinates are in.
     *
     * @param ref the record's image
     * @param src the record's source (its origin), or null
     * @return the picture; its {@code dataUri} is null when the image could not be had (the note says why)
     */
    Picture picture(ImageRef ref, RecordSource src) {
        boolean overHttp = src != null && Fetcher.isHttp(src.uri());
        boolean fetch = fetchAll || overHttp;
        String key = ref.uri() + "\n" + ref.service().orElse("") + "\n" + fetch + "\n"
                + (src == null ? "" : src.uri() + "!" + src.entry().orElse(""));
        Picture cached = cache.get(key);
        if (cached != null) {
            return sized(cached, ref);
        }
        Picture p = load(ref, src, fetch);
        cache.put(key, p);
        return sized(p, ref);
    }

    /** The picture in the coordinates of this reference: its declared size when it has one. */
    private static Picture sized(Picture p, ImageRef ref) {
        if (ref.width().isPresent() && ref.height().isPresent() && ref.width().getAsLong() > 0
                && ref.height().getAsLong() > 0) {
            return new Picture(p.dataUri(), ref.width().getAsLong(), ref.height().getAsLong(), p.note());
        }
        return p;
    }

    private Picture load(ImageRef ref, RecordSource src, boolean fetch) {
        if (budget <= 0) {
            return new Picture(null, 0, 0, "not embedded: the report's images reached their size bound");
        }
        // the whole page: the region is drawn on it
        ImageRef page = ref.toBuilder().region(null).build();
        ImageLoader loader = fetch ? remote : local;
        ImageLoader.Loaded loaded = loader.load(page, src);
        if (loaded == null) {
            String why = loader.lastProblem();
            if (why != null && why.startsWith("not fetched (remote)")) {
                why = "remote image not fetched (use --fetch-images, or read the document over http(s))";
            }
            return new Picture(null, 0, 0, why == null ? "image not loaded" : why);
        }
        try {
            Scaled s = scale(loaded.bytes(), side);
            if (s == null) {
                return new Picture(null, 0, 0, "image not decoded here (the JDK reads JPEG, PNG, GIF, BMP, TIFF): "
                        + ref.uri());
            }
            budget -= s.bytes.length;
            return new Picture("data:" + s.mime + ";base64," + Base64.getEncoder().encodeToString(s.bytes),
                    s.width, s.height, null);
        } catch (IOException | RuntimeException e) {
            return new Picture(null, 0, 0, "image not decoded: " + ref.uri() + ": " + e.getMessage());
        }
    }

    /** An image scaled down: its bytes, media type, and the full size of the original. */
    record Scaled(byte[] bytes, String mime, long width, long height) {
    }

    /**
     * Decodes an image with subsampling and scales it to fit in side x side.
     *
     * @param bytes the image
     * @param side the largest side wanted
     * @return the scaled image, or null when ImageIO cannot read it
     * @throws IOException if decoding fails
     */
    static Scaled scale(byte[] bytes, int side) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    return null;
                }
                int sub = Math.max(1, Math.max(w, h) / (side * 2));
                if ((long) (w / sub) * (h / sub) > MAX_PIXELS) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage img = reader.read(0, param);
                double f = Math.min(1.0, (double) side / Math.max(img.getWidth(), img.getHeight()));
                int tw = Math.max(1, (int) Math.round(img.getWidth() * f));
                int th = Math.max(1, (int) Math.round(img.getHeight() * f));
                BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                    g.setColor(java.awt.Color.WHITE);
                    g.fillRect(0, 0, tw, th);
                    g.drawImage(img, 0, 0, tw, th, null);
                } finally {
                    g.dispose();
                }
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                boolean lineArt = format.equals("png") || format.equals("gif") || format.equals("bmp");
                byte[] encoded = lineArt ? png(out) : null;
                if (encoded == null || encoded.length > 96 * 1024) {
                    encoded = jpeg(out, 0.8f);
                    return new Scaled(encoded, "image/jpeg", w, h);
                }
                return new Scaled(encoded, "image/png", w, h);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            local.close();
        } finally {
            remote.close();
        }
    }
}
