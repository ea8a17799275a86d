package org.biglam.lam.lido.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The numbering of the LIDO names: more than 63, the ancestors' bits below 64. */
class LidoNamesTest {

    @Test
    void namesPastTheSixtyThirdAreNumberedAndLookedUp() {
        assertThat(LidoNames.count()).isGreaterThan(63);
        assertThat(LidoNames.NAMES.code("periodName")).isEqualTo(LidoNames.PERIOD_NAME).isEqualTo(64);
        assertThat(LidoNames.in(LidoNames.TERM_HOLDERS, LidoNames.PERIOD_NAME)).isTrue();
        assertThat(LidoNames.in(LidoNames.TEXT, LidoNames.PERIOD_NAME)).isFalse();
        // 64 is not 0: no shift wraps around a long (1L << 64 == 1L << 0)
        assertThat(LidoNames.in(LidoNames.TERM_HOLDERS, 0)).isFalse();
        assertThat(LidoNames.OPEN[LidoNames.PERIOD_NAME]).isZero();
        // a name not read is 0, in no table
        assertThat(LidoNames.NAMES.code("objectMeasurementsWrap")).isZero();
        assertThat(LidoNames.in(LidoNames.TEXT, 0)).isFalse();
    }

    @Test
    void theAncestorsAskedAboutHaveOneBitEachBelowSixtyFour() {
        assertThat(Long.bitCount(LidoNames.CONTEXT)).isEqualTo(17);
        assertThat(LidoNames.CONTEXT & 1L).isZero();
        for (int c = 1; c <= LidoNames.count(); c++) {
            long bit = LidoNames.OPEN[c];
            if (c < 64 && (LidoNames.CONTEXT & 1L << c) != 0) {
                assertThat(bit).as("name %d", c).isEqualTo(1L << c);
            } else {
                assertThat(bit).as("name %d", c).isZero();
            }
        }
        assertThat(LidoNames.OPEN[LidoNames.EVENT_DATE]).isEqualTo(1L << 62);
        assertThat(LidoNames.OPEN[LidoNames.DISPLAY_ACTOR]).isZero();
    }
}
