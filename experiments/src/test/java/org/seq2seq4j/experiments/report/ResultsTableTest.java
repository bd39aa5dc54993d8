package org.seq2seq4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.train.EpochMetrics;

class ResultsTableTest {

    private static EpochMetrics epoch(int epoch, double sequenceAccuracy, double devLoss) {
        return new EpochMetrics(epoch, 50L * epoch, 1e-3, 0.75, devLoss, Math.exp(devLoss), 0.875,
                sequenceAccuracy, List.of(0.9, 1.0), 4.0, 2000.0 * epoch);
    }

    @Test
    void rendersFinalAndBestEpochWithTheirNumbers() {
        List<EpochMetrics> metrics = List.of(epoch(1, 0.5, 1.0), epoch(2, 0.9375, 0.25), epoch(3, 0.8125, 0.5));

        String md = ResultsTable.render("addition 3 digits", metrics, Map.of(),
                ValidationMetric.SEQUENCE_ACCURACY);

        assertTrue(md.startsWith("# addition 3 digits\n"), md);
        assertTrue(md.contains("| final | 3 | 0.8125 | 0.8750 | 0.5000 | 1.649 | 0.7500 |"), md);
        assertTrue(md.contains("| best | 2 | 0.9375 | 0.8750 | 0.2500 | 1.284 | 0.7500 |"), md);
    }

    @Test
    void bestEpochIsTheTrainersTiesKeepTheEarlierEpochAndNaNNeverImproves() {
        List<EpochMetrics> metrics = List.of(epoch(1, 0.75, 0.5), epoch(2, 0.75, 0.25), epoch(3, Double.NaN, 0.125));

        String md = ResultsTable.render("run", metrics, Map.of(), ValidationMetric.SEQUENCE_ACCURACY);

        assertTrue(md.contains("| best | 1 |"), md);
    }

    @Test
    void rendersTestMetricsSortedByNameAndThroughput() {
        List<EpochMetrics> metrics = List.of(epoch(1, 0.5, 1.0), epoch(2, 0.75, 0.5));

        String md = ResultsTable.render("run", metrics, Map.of("tokenAccuracy", 0.96875, "sequenceAccuracy", 0.90625),
                ValidationMetric.SEQUENCE_ACCURACY);

        assertTrue(md.indexOf("| sequenceAccuracy | 0.9063 |") < md.indexOf("| tokenAccuracy | 0.9688 |"), md);
        assertTrue(md.indexOf("| sequenceAccuracy |") > 0, md);
        assertTrue(md.contains("| 2 | 100 | 8.0 | 3000 | 4000 |"), md);
    }

    @Test
    void bestRowFollowsTheValidationMetricAndTheEpochTableAccumulatesTrainingTime() {
        EpochMetrics a = SampleMetrics.epoch(1);
        EpochMetrics b = SampleMetrics.epoch(2);
        // epoch 2 has the higher sequence accuracy but the higher dev loss
        EpochMetrics worseLoss = new EpochMetrics(2, b.step(), b.learningRate(), b.trainLoss(), 5.0, Math.exp(5.0),
                b.devTokenAccuracy(), b.devSequenceAccuracy(), b.devPositionAccuracy(), 50.0,
                b.targetTokensPerSecond(), Map.of("bleu", 7.5));
        List<EpochMetrics> metrics = List.of(a, worseLoss);

        String byLoss = ResultsTable.render("run", metrics, Map.of(), ValidationMetric.DEV_LOSS);
        String byAccuracy = ResultsTable.render("run", metrics, Map.of(), ValidationMetric.SEQUENCE_ACCURACY);

        assertTrue(byLoss.contains("| best | 1 |"), byLoss);
        assertTrue(byAccuracy.contains("| best | 2 |"), byAccuracy);
        assertTrue(byLoss.contains("| epoch | training time (min) | train loss | dev loss | dev sequence accuracy | dev bleu |"),
                byLoss);
        assertTrue(byLoss.contains("| 1 | 0.2 | 2.5000 | 2.0000 | 0.5000 | NaN |"), byLoss);
        assertTrue(byLoss.contains("| 2 | 1.0 | 1.2500 | 5.0000 | 0.6333 | 7.50 |"), byLoss);
    }

    @Test
    void saysSoWhenThereAreNoTestMetrics() {
        String md = ResultsTable.render("run", List.of(epoch(1, 0.5, 1.0)), Map.of(),
                ValidationMetric.SEQUENCE_ACCURACY);

        assertTrue(md.contains("Not evaluated on a test split."), md);
    }

    @Test
    void writesSummaryAndEmbedsTheLearningCurvesWhenPresent(@TempDir Path runDir) throws IOException {
        List<EpochMetrics> metrics = List.of(epoch(1, 0.5, 1.0));

        Path file = ResultsTable.write(runDir, "run", metrics, Map.of(), ValidationMetric.SEQUENCE_ACCURACY);
        assertEquals(runDir.resolve("summary.md"), file);
        assertFalse(Files.readString(file).contains("learning_curves.png"));

        LearningCurvePlots.writeAll(metrics, runDir, "run");
        ResultsTable.write(runDir, "run", metrics, Map.of(), ValidationMetric.SEQUENCE_ACCURACY);
        assertTrue(Files.readString(file).contains("![learning curves](learning_curves.png)"));
    }

    @Test
    void rejectsARunWithoutEpochs() {
        assertThrows(IllegalArgumentException.class,
                () -> ResultsTable.render("run", List.of(), Map.of(), ValidationMetric.SEQUENCE_ACCURACY));
    }
}
