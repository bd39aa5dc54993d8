package org.seq2seq4j.experiments.ablation;

import java.util.List;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.experiments.run.EvaluationReport;

/**
 * What one run of an ablation gave.
 *
 * @param run     the planned run
 * @param test    the best checkpoint's test report, or null if the run failed or has not finished
 * @param epochs  the run's per-epoch metrics (possibly empty)
 * @param failure why it failed, or null
 */
public record RunOutcome(AblationPlan.Run run, EvaluationReport test, List<EpochMetrics> epochs, String failure) {

    public RunOutcome {
        epochs = List.copyOf(epochs);
    }

    /** Whether the run finished with a test report. */
    public boolean finished() {
        return test != null;
    }

    /** Seconds spent in training steps, summed over epochs (evaluation and checkpointing excluded). */
    public double trainingSeconds() {
        return epochs.stream().mapToDouble(EpochMetrics::epochSeconds).sum();
    }

    /** The epoch whose dev score selected the best checkpoint (by the run's validation metric), 0 for none. */
    public int bestEpoch() {
        ValidationMetric metric = run.experiment().training().validationMetric();
        int best = 0;
        double score = Double.NaN;
        for (EpochMetrics m : epochs) {
            double v = m.value(metric);
            if (best == 0 || metric.improves(v, score)) {
                score = v;
                best = m.epoch();
            }
        }
        return best;
    }
}
