package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanStdTest {

    @Test
    void sampleStandardDeviationIsBesselCorrected() {
        // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squared deviations 32, sample variance 32/7
        MeanStd s = MeanStd.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertEquals(8, s.n());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.std(), 1e-12);
        assertEquals("5.00 ± 2.14", s.format(2));
    }

    @Test
    void oneValueHasNoDeviation() {
        MeanStd s = MeanStd.of(List.of(93.5));
        assertEquals(93.5, s.mean());
        assertTrue(Double.isNaN(s.std()));
        assertEquals("93.5", s.format(1));
    }

    @Test
    void noValuesShowADash() {
        MeanStd s = MeanStd.of(List.of());
        assertEquals(0, s.n());
        assertEquals("–", s.format(1));
    }

    @Test
    void identicalValuesHaveZeroDeviation() {
        assertEquals("100.0 ± 0.0", MeanStd.of(List.of(100.0, 100.0, 100.0)).format(1));
    }
}
