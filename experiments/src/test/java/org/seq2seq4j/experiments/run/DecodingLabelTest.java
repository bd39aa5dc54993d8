package org.seq2seq4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.DecodingConfig;

/** The results directory of an evaluation names every decoding setting that changes the outputs. */
class DecodingLabelTest {

    private static DecodingConfig beam(int minLength, double coveragePenalty) {
        return new DecodingConfig(new DecodingConfig.Beam(5, 1, 0.6, minLength, coveragePenalty), 30, 64);
    }

    @Test
    void namesTheStrategyAndOnlyTheSettingsThatDifferFromTheDefaults() {
        assertEquals("beam5-lp0.6-max30", ExperimentRunner.label(beam(0, 0)));
        assertEquals("beam5-lp0.6-min2-max30", ExperimentRunner.label(beam(2, 0)));
        assertEquals("beam5-lp0.6-cp0.2-max30", ExperimentRunner.label(beam(0, 0.2)));
    }

    /** A coverage-penalty evaluation used to write into the plain beam's directory and overwrite its results. */
    @Test
    void aCoveragePenaltyGetsItsOwnDirectory() {
        assertNotEquals(ExperimentRunner.label(beam(0, 0)), ExperimentRunner.label(beam(0, 0.2)));
    }
}
