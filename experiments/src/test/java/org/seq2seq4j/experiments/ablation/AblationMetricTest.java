package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.experiments.run.DecodingDiagnostics;
import org.seq2seq4j.experiments.run.EvaluationReport;

/** Which score of a test report each metric reads, and which others a summary shows beside it. */
class AblationMetricTest {

    private static EvaluationReport report(DecodingDiagnostics diagnostics) {
        return new EvaluationReport("test", "best", "greedy-max30", 10, 0.5, 0.8, 0.4, Math.exp(0.4), List.of(0.8),
                List.of(), null, null, List.of(), diagnostics);
    }

    @Test
    void repetitionMetricsReadTheirOrderOfTheDiagnostics() {
        EvaluationReport r = report(new DecodingDiagnostics(Map.of("1", 0.4, "2", 0.3, "3", 0.2, "4", 0.1), 0.9,
                null, null));

        assertEquals(0.4, AblationMetric.REPEATED_1GRAMS.of(r));
        assertEquals(0.3, AblationMetric.REPEATED_2GRAMS.of(r));
        assertEquals(0.2, AblationMetric.REPEATED_3GRAMS.of(r));
        assertEquals(0.1, AblationMetric.REPEATED_4GRAMS.of(r));
        assertEquals(30.0, AblationMetric.REPEATED_2GRAMS.shown(AblationMetric.REPEATED_2GRAMS.of(r)), 1e-12,
                "shown in percent");
    }

    @Test
    void aReportWithoutDiagnosticsHasNoRepetitionRate() {
        assertTrue(Double.isNaN(AblationMetric.REPEATED_1GRAMS.of(report(null))));
        assertTrue(Double.isNaN(AblationMetric.BLEU.of(report(null))));
        assertEquals(0.5, AblationMetric.SEQUENCE_ACCURACY.of(report(null)));
    }

    @Test
    void repetitionMetricsHaveTheirJsonNames() {
        assertEquals(List.of("sequence_accuracy", "token_accuracy", "perplexity", "bleu", "chrf", "repeated_1grams",
                "repeated_2grams", "repeated_3grams", "repeated_4grams"), AblationMetric.jsonNames());
    }

    @Test
    void aSummaryShowsTheSelectedMetricsFamilyBesideTheBasicScores() {
        AblationMetric bigrams = AblationMetric.REPEATED_2GRAMS;
        assertTrue(AblationMetric.REPEATED_1GRAMS.shownWith(bigrams));
        assertTrue(AblationMetric.SEQUENCE_ACCURACY.shownWith(bigrams));
        assertFalse(bigrams.shownWith(bigrams), "the selected metric has its own column");
        assertFalse(AblationMetric.BLEU.shownWith(bigrams));
        assertFalse(AblationMetric.REPEATED_1GRAMS.shownWith(AblationMetric.SEQUENCE_ACCURACY));
        assertFalse(AblationMetric.REPEATED_1GRAMS.shownWith(AblationMetric.BLEU));
        assertTrue(AblationMetric.CHRF.shownWith(AblationMetric.BLEU));
        assertTrue(AblationMetric.REPEATED_2GRAMS.inCsvWith(bigrams));
        assertFalse(AblationMetric.SEQUENCE_ACCURACY.inCsvWith(bigrams), "always a column of its own");
        assertFalse(AblationMetric.BLEU.inCsvWith(AblationMetric.SEQUENCE_ACCURACY));
    }
}
