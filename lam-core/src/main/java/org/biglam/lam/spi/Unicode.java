package org.biglam.lam.spi;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Text in Unicode Normalization Form C, the form every lam record's text and labels are in, made
 * cheaply: text with no character from U+0300 up (where the combining marks begin) is NFC as it is
 * and is returned without asking the normaliser, which is most OCR and catalogue text.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Unicode {

    private Unicode() {
    }

    /**
     * The text in NFC.
     *
     * @param s the text, or null
     * @return {@code s} itself if it is NFC already (always so below U+0300), else its NFC form; null for null
     */
    public static @Nullable String nfc(@Nullable String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }
}
