package org.seq2seq4j.core.train;

import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.decode.Hypothesis;

/**
 * Scores the dev split's greedy outputs after every epoch with measures the core cannot compute from ids alone, such
 * as corpus BLEU and chrF of the detokenized text (Joey NMT's {@code eval_metric}). The scores go into the epoch's
 * {@link EpochMetrics#devScores()} under their {@link ValidationMetricKey keys}, and a {@code bleu} or {@code chrf}
 * validation metric reads them from there.
 */
@FunctionalInterface
public interface DevScorer {

    /** Scores nothing. */
    DevScorer NONE = hypotheses -> Map.of();

    /**
     * @param hypotheses one greedy output per dev example, in dev order
     * @return score name to value, in a stable order
     */
    Map<String, Double> score(List<Hypothesis> hypotheses);

    /** The score names the validation metrics read. */
    final class ValidationMetricKey {
        public static final String BLEU = "bleu";
        public static final String CHRF = "chrf";

        private ValidationMetricKey() {
        }
    }
}
