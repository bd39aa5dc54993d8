package org.seq2seq4j.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.seq2seq4j.core.train.EpochMetrics;

/** Small, deterministic {@link EpochMetrics} for the report tests: a run that improves every epoch. */
final class SampleMetrics {

    private SampleMetrics() {
    }

    /** Epoch {@code epoch} of a run with three digit positions plus end-of-sequence. */
    static EpochMetrics epoch(int epoch) {
        double progress = epoch / (epoch + 1.0);
        double devLoss = 2.0 / epoch;
        return new EpochMetrics(epoch, 100L * epoch, 1e-3, 2.5 / epoch, devLoss, Math.exp(devLoss),
                0.5 + 0.4 * progress, 0.1 + 0.8 * progress,
                List.of(0.9 * progress, 0.8 * progress, 0.7 * progress, 1.0),
                10.0, 1000.0 + epoch);
    }

    /** Epochs 1..n. */
    static List<EpochMetrics> epochs(int n) {
        List<EpochMetrics> result = new ArrayList<>();
        for (int e = 1; e <= n; e++) {
            result.add(epoch(e));
        }
        return result;
    }

    /** Epoch {@code epoch} whose losses and some accuracies diverged to non-finite values. */
    static EpochMetrics diverged(int epoch) {
        return new EpochMetrics(epoch, 100L * epoch, 1e-3, Double.NaN, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NaN, 0.0, List.of(Double.NaN, 0.5, 0.25, Double.NaN),
                10.0, Double.NaN);
    }
}
