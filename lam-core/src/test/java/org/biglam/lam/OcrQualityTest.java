package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OcrQualityTest {

    @Test
    void givesThePlainMeanAndPopulationDeviationOfTheScoredWords() {
        OcrQuality q = OcrQuality.counter().word(1.0).word(0.5).word(0.0).word(Double.NaN).build();
        assertThat(q.words()).isEqualTo(4);
        assertThat(q.scoredWords()).isEqualTo(3);
        assertThat(q.meanWordConfidence().getAsDouble()).isCloseTo(0.5, within(1e-12));
        // population deviation of {1, .5, 0}: sqrt(((.5)^2 + 0 + (.5)^2) / 3)
        assertThat(q.wordConfidenceStdDev().getAsDouble()).isCloseTo(Math.sqrt(0.5 / 3), within(1e-12));
    }

    @Test
    void agreesWithTheTwoPassFormulaOnManyWords() {
        Random random = new Random(7);
        OcrQuality.Counter c = OcrQuality.counter();
        double[] v = new double[100_000];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.9 + random.nextDouble() * 0.1;
            sum += v[i];
            c.word(v[i]);
        }
        double mean = sum / v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        OcrQuality q = c.build();
        assertThat(q.meanWordConfidence().getAsDouble()).isCloseTo(mean, within(1e-12));
        assertThat(q.wordConfidenceStdDev().getAsDouble()).isCloseTo(Math.sqrt(ss / v.length), within(1e-12));
    }

    @Test
    void countsWordsWithoutAConfidenceButGivesNoMeanForThem() {
        OcrQuality q = OcrQuality.counter().word(Double.NaN).word(1.7).build();
        assertThat(q.words()).isEqualTo(2);
        assertThat(q.scoredWords()).isZero();
        assertThat(q.meanWordConfidence()).isEmpty();
        assertThat(q.wordConfidenceStdDev()).isEmpty();
        assertThat(OcrQuality.counter().build()).isNull();
    }

    @Test
    void aResetCounterStartsAfresh() {
        OcrQuality.Counter c = OcrQuality.counter().word(0.2);
        c.reset().word(0.8);
        assertThat(c.build()).isEqualTo(OcrQuality.of(1, 1, 0.8, 0.0));
    }

    @Test
    void refusesFiguresOutOfRange() {
        assertThatThrownBy(() -> OcrQuality.of(1, 2, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcrQuality.of(2, 1, 1.5, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcrQuality.of(2, 0, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsCompareByTheirQuality() {
        LamRecord a = LamRecord.builder("p", "alto").quality(OcrQuality.of(3, 3, 0.9, 0.01)).build();
        assertThat(a).isNotEqualTo(LamRecord.builder("p", "alto").build());
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.quality()).contains(OcrQuality.of(3, 3, 0.9, 0.01));
    }
}
