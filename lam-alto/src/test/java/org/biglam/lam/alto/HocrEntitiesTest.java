package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

/** hOCR's character references are decoded by lam-core's one decoder: HTML 4's named ones and numeric ones. */
class HocrEntitiesTest {

    private static final String PAGE = "<!DOCTYPE html><html><head><meta name='ocr-system' content='t&eacute;st'>"
            + "</head><body><div class='ocr_page' id='p1' title='image \"a.png\"; bbox 0 0 100 100'>"
            + "<span class='ocr_line' id='l1' title='bbox 0 0 100 10'>"
            + "<span class='ocrx_word' id='w1' title='bbox 0 0 10 10'>Caf&eacute;</span> "
            + "<span class='ocrx_word' id='w2' title='bbox 10 0 20 10'>&Theta;&euro;&#x1F600;</span> "
            + "<span class='ocrx_word' id='w3' title='bbox 20 0 30 10'>AT&amp;T&#0;&unknown;</span>"
            + "</span></div></body></html>";

    @Test
    void namedReferencesOfHtml4AndNumericOnesAreDecodedInTextAndAttributesAndTheRestIsLeftAsWritten() {
        List<LamRecord> words = Read.string(PAGE, "entities.hocr",
                ReadOptions.builder().format("hocr").granularity("word").build());
        assertThat(words).extracting(w -> w.text().orElseThrow())
                .containsExactly("Caf\u00e9", "\u0398\u20ac\ud83d\ude00", "AT&T&#0;&unknown;");
        assertThat(words.get(0).label("hocr:system")).containsExactly("t\u00e9st");
    }
}
