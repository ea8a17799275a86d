package org.biglam.lam.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.biglam.lam.ReadOptions;

/**
 * hOCR (format {@code hocr}), read with a lenient HTML tokenizer at every granularity. The last byte of an input chooses the granularity, the rest is the
 * document. Seeds: {@code HocrFuzzTestInputs/}.
 */
class HocrFuzzTest {

    private static final List<String> GRANULARITIES = FuzzCheck.granularities("hocr");

    @DictionaryEntries({
        "<div class='ocr_page' title='image \"p.png\"; bbox 0 0 100 100'>",
        "<span class='ocr_line' title='bbox 0 0 10 10'>",
        "<span class='ocrx_word' title='bbox 0 0 5 5; x_wconf 93'>",
        "<p class='ocr_par'>",
        "<div class='ocr_carea'>",
        "<meta name='ocr-system' content='tesseract'>",
        "<div class='ocr_photo'>",
        "lang=\"de\"",
        "<span class='ocrx_cinfo' title='x_bboxes 0 0 1 1; x_conf 98.7'>",
        "<span class='ocr_word'><span class='xocr_word'>",
        "<meta charset='iso-8859-1'>",
        "&nbsp;"})
    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    void anyBytesGiveRecordsOrALocatedProblem(FuzzedDataProvider in) {
        String granularity = GRANULARITIES.get((in.consumeByte() & 0xff) % GRANULARITIES.size());
        FuzzCheck.check(in.consumeRemainingAsBytes(), "fuzz.xml",
                ReadOptions.builder().format("hocr").granularity(granularity).build());
    }
}
