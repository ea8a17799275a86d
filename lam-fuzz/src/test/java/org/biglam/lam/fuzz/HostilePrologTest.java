package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.biglam.lam.ReadOptions;
import org.biglam.lam.UnsupportedFormatException;
import org.junit.jupiter.api.Test;

/**
 * A prolog made to make detection read on: detection looks past a prolog longer than its 8 KiB
 * look-ahead, up to 1 MiB, and no further.
 */
class HostilePrologTest {

    private static final String EAD = "<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>e</eadid></eadheader>"
            + "<archdesc level=\"fonds\"><did><unittitle>Fonds</unittitle></did></archdesc></ead>\n";

    @Test
    void aCommentOfAGigabyteBeforeTheRootIsReadToTheLimitAndNoFurther() {
        GeneratedInputStream in = GeneratedInputStream.repeat("<?xml version=\"1.0\"?>\n<!--",
                "licence text, line after line ".repeat(2048), 1 << 14, "-->\n" + EAD);
        Hostile.Outcome out = Hostile.read(in, "licensed.xml", ReadOptions.defaults());
        assertThat(out.refused()).isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("licensed.xml");
        // 1 MiB looked at, and the stream's buffer beyond it at most
        assertThat(in.produced()).isLessThan((1 << 20) + (128 << 10));
    }

    @Test
    void processingInstructionsWithoutEndAreReadToTheLimitAndNoFurther() {
        GeneratedInputStream in = GeneratedInputStream.repeat("<?xml version=\"1.0\"?>\n",
                "<?pi " + "x".repeat(1000) + "?>\n", Long.MAX_VALUE, "");
        Hostile.Outcome out = Hostile.read(in, "pis.xml", ReadOptions.defaults());
        assertThat(out.refused()).isInstanceOf(UnsupportedFormatException.class);
        assertThat(in.produced()).isLessThan((1 << 20) + (128 << 10));
    }

    @Test
    void aCommentOfHalfAMegabyteBeforeTheRootIsLookedPast() {
        GeneratedInputStream in = GeneratedInputStream.repeat("<?xml version=\"1.0\"?>\n<!--",
                "licence text, line after line\n", 500_000 / 30, "-->\n" + EAD);
        Hostile.Outcome out = Hostile.read(in, "licensed.xml", ReadOptions.defaults());
        assertThat(out.error()).isNull();
        assertThat(out.records()).isNotEmpty().allSatisfy(r -> assertThat(r.format()).isEqualTo("ead"));
    }
}
