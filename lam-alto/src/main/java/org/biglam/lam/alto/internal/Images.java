package org.biglam.lam.alto.internal;

import java.util.Locale;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.spi.ReadContext;

/** Image references of OCR files: where the image is and its media type. */
public final class Images {

    private Images() {
    }

    /** Whether a reference is a local path of another machine (Windows drive, UNC, backslashes). */
    static boolean notPortable(String ref) {
        return ref.indexOf('\\') >= 0 || ref.startsWith("//") || driveLetter(ref);
    }

    /** Whether a reference starts with a Windows drive ({@code C:}). */
    static boolean driveLetter(String ref) {
        return ref.length() >= 2 && asciiLetter(ref.charAt(0)) && ref.charAt(1) == ':';
    }

    /** Whether a reference is an absolute URI with a scheme of two letters or more (http:, file:, ...). */
    public static boolean isAbsoluteUri(String ref) {
        int colon = ref.indexOf(':');
        if (colon < 2 || !asciiLetter(ref.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = ref.charAt(i);
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Resolves an image reference against an input's place. A path of another machine
     * ({@code \\server\scans\0001.tif}, {@code C:\scans\0001.tif}) is replaced by its file name
     * beside the input.
     *
     * @param input the input naming the image
     * @param ref the reference
     * @return the URI, or null if the reference is blank
     */
    public static String resolve(Input input, String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String s = ref.strip();
        if (isAbsoluteUri(s)) {
            return s;
        }
        if (notPortable(s)) {
            int cut = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
            s = s.substring(cut + 1);
            if (s.isEmpty()) {
                return null;
            }
        }
        try {
            return input.resolveUri(s.replace(" ", "%20"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * For an absolute path of a Unix machine ({@code /home/ocr/scans/0001.png}, as Tesseract writes
     * the image path it was given into hOCR and PAGE XML): the path itself where an input read from
     * a file finds that file here and the {@link Origin} rule lets the input name it, else its file
     * name, which stands for the file beside the input. Any other reference is returned as it is.
     *
     * @param input the input naming the image
     * @param options the read's options (the origin rule's root)
     * @param ref the reference, or null
     * @return the reference to resolve; {@code ref} when it is not such a path or names a file here
     */
    public static String absolutePathHere(Input input, ReadOptions options, String ref) {
        if (ref == null) {
            return null;
        }
        String s = ref.strip();
        if (!s.startsWith("/") || s.startsWith("//")) {
            return ref;
        }
        if (input.file().isPresent() && Origin.of(input, options).allows(s)) {
            try {
                if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(s))) {
                    return ref;
                }
            } catch (RuntimeException e) {
                // not a path here
            }
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /**
     * The image reference of an OCR document to resolve: {@code ref}, or, for an absolute path not
     * here ({@link #absolutePathHere}), the file of its name beside the document, with a warning of
     * {@code kind} when {@code warn} (a document of many pages warns once); null where the path
     * names no file.
     *
     * @param input the document
     * @param ctx its read's context (options, warnings)
     * @param ref the image reference as written, or null
     * @param kind the warning's kind
     * @param document what the document is, for the warning ({@code the hOCR document})
     * @param warn whether to warn
     * @return the reference to resolve
     */
    public static String imageHere(Input input, ReadContext ctx, String ref, String kind, String document,
            boolean warn) {
        String here = absolutePathHere(input, ctx.options(), ref);
        if (here == null || here.equals(ref)) {
            return ref;
        }
        if (warn) {
            ctx.warn(kind, "the page image " + ref + " is not on this machine: the file "
                    + (here.isEmpty() ? "(none)" : here) + " beside " + document + " stands for it", ctx.location());
        }
        return here.isEmpty() ? null : here;
    }

    /** The media type for an image file name's extension, or null. */
    public static String mime(String ref) {
        if (ref == null) {
            return null;
        }
        String s = ref.toLowerCase(Locale.ROOT);
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        if (s.endsWith(".jpg") || s.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (s.endsWith(".tif") || s.endsWith(".tiff")) {
            return "image/tiff";
        } else if (s.endsWith(".png")) {
            return "image/png";
        } else if (s.endsWith(".jp2") || s.endsWith(".j2k")) {
            return "image/jp2";
        } else if (s.endsWith(".gif")) {
            return "image/gif";
        } else if (s.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }

    /**
     * Pixels per unit for an ALTO MeasurementUnit at a resolution.
     *
     * @param unit pixel, mm10 or inch1200
     * @param dpi dots per inch, or NaN
     * @return the factor, or NaN if it cannot be converted
     */
    public static double factor(String unit, double dpi) {
        switch (unit == null ? "pixel" : unit) {
            case "pixel":
            case "px":
            case "":
                return 1;
            case "mm10":
                return dpi > 0 ? dpi / 254.0 : Double.NaN;
            case "inch1200":
                return dpi > 0 ? dpi / 1200.0 : Double.NaN;
            default:
                return Double.NaN;
        }
    }
}
