package org.biglam.lam.alto;

import java.io.IOException;
import org.biglam.lam.alto.internal.HocrReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

/**
 * hOCR: HTML or XHTML with OCR classes ({@code ocr_page}, {@code ocr_carea}, {@code ocr_par},
 * {@code ocr_line}, {@code ocrx_word}) and {@code title} properties ({@code bbox}, {@code x_wconf},
 * {@code image}), as Tesseract, OCRopus and Kraken write it. Format id {@code hocr}.
 *
 * <p>Granularities: {@code page} (the default), {@code block} (paragraphs, or content areas),
 * {@code line}, {@code word}, {@code illustration} ({@code ocr_image}, {@code ocr_photo},
 * {@code ocr_graphic}, ...). Dublin Core {@code meta} elements give labels. The document is read
 * whole with a lenient HTML tokenizer (no DTDs; character references and HTML 4's named entities only).
 *
 * <p>Thread-safe; each {@link #open} returns a reader for one thread.
 *
 * @since 0.1
 */
public final class HocrFormat extends AbstractFormatProvider {

    /** The format id: {@code hocr}. */
    public static final String ID = "hocr";

    /** Creates the provider (ServiceLoader calls this). */
    public HocrFormat() {
        super(PageFormats.info(ID, "hOCR (HTML with OCR classes and bounding boxes)", "hocr", "text/vnd.hocr+html"));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        char first = Sniff.firstChar(head, len);
        if (first != '<') {
            return MatchStrength.NO_MATCH;
        }
        if (!Sniff.containsAscii(head, len, "ocr_page") && !Sniff.containsAscii(head, len, "ocr-capabilities")
                && !Sniff.containsAscii(head, len, "ocr_line")) {
            return MatchStrength.NO_MATCH; // every XML file that is not hOCR: decided without decoding it
        }
        String text = Sniff.text(head, len);
        boolean html = text.regionMatches(true, 0, "<html", 0, 5) || text.toLowerCase(java.util.Locale.ROOT)
                .contains("<html");
        return html ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return new HocrReader(input, context);
    }
}
