package org.biglam.lam.cli.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.Origin;

/**
 * Loads the bytes of images named by {@link ImageRef}s: local files ({@code file:} URIs) and entries
 * of zip archives ({@code file:///a.zip!/images/p1.jpg}, opened with Commons Compress's {@link
 * ZipFile}, a few kept open), and with {@code --fetch-images} remote ones ({@code http(s)}, through
 * lam-core's {@link Fetcher}: time-outs, size, redirect and low-speed limits, retries after 429 and
 * 5xx; with {@code --image-size} an image that has a IIIF Image API service is asked for at that
 * size, and its region, from the service). Every reference is first held to the origin rule
 * ({@link Origin}) of the record's source: a record read over http(s) never gets a local file's
 * bytes. Bytes are embedded only when they are an image ({@link ImageKind}). Without fetching,
 * remote images, entries of other archives, missing files and refused references give no bytes:
 * the row then references the image by its URI only. A region is cut out (and written as PNG) where
 * the JDK's ImageIO can decode the image.
 *
 * <p>Not thread-safe. Close it to close the zip files it opened. {@code lam report} loads its page
 * images with it too.
 */
public final class ImageLoader implements Closeable {

    /** An image too large to embed (bytes). */
    static final long MAX_IMAGE_BYTES = 64L << 20;
    private static final int OPEN_ZIPS = 8;

    /**
     * Loaded bytes with the name to record and the file extension to use.
     *
     * @param bytes the image's bytes
     * @param path a file name for them
     * @param extension their file extension
     */
    public record Loaded(byte[] bytes, String path, String extension) {
    }

    private final Map<Path, ZipFile> zips = new LinkedHashMap<>(16, 0.75f, true);
    private final boolean fetch;
    private final int maxSide;
    private final ReadOptions options;
    private Fetcher http;

    /** A loader that reads local images only, with the default options. */
    ImageLoader() {
        this(false, 0, ReadOptions.defaults());
    }

    /**
     * A loader.
     *
     * @param fetch whether to fetch http(s) images
     * @param maxSide with a IIIF service, ask for images fitting in maxSide x maxSide; 0 for as they are
     * @param options the reading options: their limits bound fetching, their {@code localRoot} the origin rule
     */
    public ImageLoader(boolean fetch, int maxSide, ReadOptions options) {
        this.fetch = fetch;
        this.maxSide = maxSide;
        this.options = options;
    }
    private long missing;
    private long remote;
    private long refused;
    private long notImages;
    private String lastProblem;

    /**
     * Loads an image of a record without a source, held to the origin rule of standard input.
     *
     * @param ref the reference
     * @return the bytes, or null when they cannot be had here (see {@link #lastProblem()})
     */
    Loaded load(ImageRef ref) {
        return load(ref, (RecordSource) null);
    }

    /**
     * Loads an image of a record.
     *
     * @param ref the reference
     * @param record the record naming it, whose source is the origin the rule holds it to; null for none
     * @return the bytes, or null when they cannot be had here (see {@link #lastProblem()})
     */
    public Loaded load(ImageRef ref, LamRecord record) {
        return load(ref, record == null ? null : record.source().orElse(null));
    }

    /**
     * Loads an image named by a record read from a source.
     *
     * @param ref the reference
     * @param src the record's source, the origin the rule holds it to; null for standard input's
     * @return the bytes, or null when they cannot be had here (see {@link #lastProblem()})
     */
    public Loaded load(ImageRef ref, RecordSource src) {
        String uri = ref.uri();
        lastProblem = null;
        Origin origin = src == null ? Origin.of("stdin:", null, options) : Origin.of(src.uri(), src.entry().orElse(null), options);
        Optional<String> no = origin.refusal(uri);
        if (no.isEmpty() && maxSide > 0 && fetch && ref.service().isPresent()) {
            no = origin.refusal(ref.service().get());
        }
        if (no.isPresent()) {
            refused++;
            return miss(no.get());
        }
        try {
            byte[] bytes;
            if (uri.startsWith("file:")) {
                int bang = uri.indexOf("!/");
                if (bang < 0) {
                    Path p = Path.of(URI.create(uri));
                    if (!Files.isRegularFile(p)) {
                        return miss("image not found: " + uri);
                    }
                    if (Files.size(p) > MAX_IMAGE_BYTES) {
                        return miss("image larger than " + MAX_IMAGE_BYTES + " bytes: " + uri);
                    }
                    bytes = Files.readAllBytes(p);
                } else {
                    bytes = fromZip(Path.of(URI.create(uri.substring(0, bang))), uri.substring(bang + 2), uri);
                    if (bytes == null) {
                        return null;
                    }
                }
            } else if (uri.startsWith("http://") || uri.startsWith("https://")) {
                if (!fetch) {
                    remote++;
                    lastProblem = "not fetched (remote): " + uri;
                    return null;
                }
                boolean viaService = maxSide > 0 && ref.service().isPresent();
                String url = viaService ? iiifUrl(ref.service().get(), ref.region().orElse(null), maxSide) : uri;
                bytes = get(url);
                if (bytes == null) {
                    return null;
                }
                if (viaService) {
                    if (ImageKind.of(bytes) == null) {
                        notImages++;
                        return miss("not an image (no JPEG, PNG, TIFF, GIF, WebP or JPEG 2000 header): " + url);
                    }
                    String name = fileName(ref.service().get()) + (ref.region().isPresent()
                            ? "_" + ref.region().get().toString().replace(',', '_') : "") + "." + extension(bytes, null, "");
                    return new Loaded(bytes, name, extension(bytes, null, ""));
                }
            } else {
                return miss("image URI not readable here: " + uri);
            }
            if (ImageKind.of(bytes) == null) {
                notImages++;
                return miss("not an image (no JPEG, PNG, TIFF, GIF, WebP or JPEG 2000 header): " + uri);
            }
            String name = fileName(uri);
            if (ref.region().isPresent()) {
                byte[] cut = crop(bytes, ref.region().get());
                if (cut != null) {
                    return new Loaded(cut, stem(name) + "_" + ref.region().get().toString().replace(',', '_') + ".png",
                            "png");
                }
            }
            return new Loaded(bytes, name, extension(bytes, ref, name));
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return miss("image unreadable: " + uri + ": " + e.getMessage());
        }
    }

    /** A IIIF Image API request: region (or full), best fit in maxSide x maxSide, default quality, jpg. */
    static String iiifUrl(String service, Region region, int maxSide) {
        String base = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
        String r = region == null ? "full" : region.x() + "," + region.y() + "," + region.w() + "," + region.h();
        return base + "/" + r + "/!" + maxSide + "," + maxSide + "/0/default.jpg";
    }

    private byte[] get(String url) {
        if (http == null) {
            http = Fetcher.builder(options.limits()).header("Accept", "image/*;q=0.9, */*;q=0.1").build();
        }
        try (Fetcher.Response r = http.get(URI.create(url))) {
            if (r.status() != 200) {
                miss("HTTP " + r.status() + " for " + url);
                return null;
            }
            byte[] b = r.body().readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (b.length > MAX_IMAGE_BYTES) {
                miss("image larger than " + MAX_IMAGE_BYTES + " bytes: " + url);
                return null;
            }
            return b;
        } catch (IOException | IllegalArgumentException e) {
            miss("image not fetched: " + url + ": " + e.getMessage());
            return null;
        }
    }

    private byte[] fromZip(Path zip, String entry, String uri) throws IOException {
        if (entry.contains("!/")) {
            miss("images inside nested archives are not loaded: " + uri);
            return null;
        }
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") && !isZip(zip)) {
            miss("images inside non-zip archives are not loaded: " + uri);
            return null;
        }
        ZipFile zf = zips.get(zip);
        if (zf == null) {
            if (!Files.isRegularFile(zip)) {
                miss("archive not found: " + uri);
                return null;
            }
            zf = ZipFile.builder().setPath(zip).get();
            zips.put(zip, zf);
            if (zips.size() > OPEN_ZIPS) {
                Iterator<ZipFile> it = zips.values().iterator();
                it.next().close();
                it.remove();
            }
        }
        ZipArchiveEntry e = zf.getEntry(entry);
        if (e == null || e.isDirectory()) {
            miss("archive entry not found: " + uri);
            return null;
        }
        if (e.getSize() > MAX_IMAGE_BYTES) {
            miss("image larger than " + MAX_IMAGE_BYTES + " bytes: " + uri);
            return null;
        }
        try (InputStream in = zf.getInputStream(e)) {
            byte[] b = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (b.length > MAX_IMAGE_BYTES) {
                miss("image larger than " + MAX_IMAGE_BYTES + " bytes: " + uri);
                return null;
            }
            return b;
        }
    }

    private static boolean isZip(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] crop(byte[] bytes, Region r) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                return null;
            }
            long x = Math.max(0, Math.min(r.x(), img.getWidth() - 1));
            long y = Math.max(0, Math.min(r.y(), img.getHeight() - 1));
            long w = Math.max(1, Math.min(r.w(), img.getWidth() - x));
            long h = Math.max(1, Math.min(r.h(), img.getHeight() - y));
            if (x == 0 && y == 0 && w == img.getWidth() && h == img.getHeight()) {
                return null;
            }
            BufferedImage sub = img.getSubimage((int) x, (int) y, (int) w, (int) h);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(sub, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Loaded miss(String problem) {
        missing++;
        lastProblem = problem;
        return null;
    }

    /**
     * Why the last {@link #load} gave no bytes, or null.
     *
     * @return the reason, a sentence naming the image
     */
    public String lastProblem() {
        return lastProblem;
    }

    /** Local images that could not be read. */
    long missing() {
        return missing;
    }

    /** Remote images referenced by URI only. */
    long remote() {
        return remote;
    }

    /** Images the origin rule refused (counted in {@link #missing()} too). */
    long refused() {
        return refused;
    }

    /** Bytes that were no image and were not embedded (counted in {@link #missing()} too). */
    long notImages() {
        return notImages;
    }

    static String fileName(String uri) {
        String u = uri;
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int slash = u.lastIndexOf('/');
        String n = slash >= 0 ? u.substring(slash + 1) : u;
        return n.isEmpty() ? "image" : n;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The file extension for an image: from its magic bytes, else its media type, else its name. */
    static String extension(byte[] b, ImageRef ref, String name) {
        if (b != null && b.length >= 12) {
            if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
                return "jpg";
            }
            if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return "png";
            }
            if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
                return "gif";
            }
            if ((b[0] == 'I' && b[1] == 'I' && b[2] == 42) || (b[0] == 'M' && b[1] == 'M' && b[3] == 42)) {
                return "tif";
            }
            if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E') {
                return "webp";
            }
            if (b[4] == 'j' && b[5] == 'P' && b[6] == ' ') {
                return "jp2";
            }
        }
        if (ref != null && ref.mime().isPresent()) {
            switch (ref.mime().get().toLowerCase(Locale.ROOT)) {
                case "image/jpeg":
                    return "jpg";
                case "image/png":
                    return "png";
                case "image/tiff":
                    return "tif";
                case "image/jp2":
                    return "jp2";
                case "image/gif":
                    return "gif";
                case "image/webp":
                    return "webp";
                default:
                    break;
            }
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        switch (ext) {
            case "jpeg":
                return "jpg";
            case "tiff":
                return "tif";
            case "jpg":
            case "png":
            case "tif":
            case "gif":
            case "webp":
            case "jp2":
                return ext;
            default:
                return "img";
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ZipFile z : zips.values()) {
            try {
                z.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        zips.clear();
        if (first != null) {
            throw first;
        }
    }
}
