package org.seq2seq4j.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.config.ValidationMetric;

/**
 * What one training epoch produced: one line of a run's {@code metrics.jsonl}.
 *
 * @param epoch                  1-based epoch number
 * @param step                   optimizer steps taken so far (all epochs)
 * @param learningRate           learning rate used during this epoch
 * @param trainLoss              mean per-token cross-entropy (nats) over the epoch's training batches
 * @param devLoss                mean per-token cross-entropy (nats) on the dev split, teacher-forced
 * @param devPerplexity          {@code exp(devLoss)}
 * @param devTokenAccuracy       share of dev target tokens (including end-of-sequence) predicted right by greedy decoding,
 *                               compared position by position
 * @param devSequenceAccuracy    share of dev examples whose greedy output equals the reference exactly
 * @param devPositionAccuracy    greedy-decoding token accuracy at each output position i, over the dev examples whose
 *                               reference (with its end-of-sequence marker) has a position i; see
 *                               {@link org.seq2seq4j.core.eval.SequenceMetrics}
 * @param epochSeconds           wall-clock seconds spent in training steps this epoch
 * @param targetTokensPerSecond  training throughput: target tokens (with end-of-sequence) per second of training
 * @param devScores              the {@link DevScorer}'s scores of the dev split's greedy outputs, such as {@code bleu}
 *                               and {@code chrf} (0..100); empty when nothing scored them (and in logs written before
 *                               they existed)
 */
public record EpochMetrics(
        int epoch,
        long step,
        double learningRate,
        double trainLoss,
        double devLoss,
        double devPerplexity,
        double devTokenAccuracy,
        double devSequenceAccuracy,
        List<Double> devPositionAccuracy,
        double epochSeconds,
        double targetTokensPerSecond,
        Map<String, Double> devScores) {

    public EpochMetrics {
        devPositionAccuracy = List.copyOf(devPositionAccuracy);
        devScores = devScores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(devScores));
    }

    /** An epoch without extra dev scores. */
    public EpochMetrics(int epoch, long step, double learningRate, double trainLoss, double devLoss,
                        double devPerplexity, double devTokenAccuracy, double devSequenceAccuracy,
                        List<Double> devPositionAccuracy, double epochSeconds, double targetTokensPerSecond) {
        this(epoch, step, learningRate, trainLoss, devLoss, devPerplexity, devTokenAccuracy, devSequenceAccuracy,
                devPositionAccuracy, epochSeconds, targetTokensPerSecond, Map.of());
    }

    /**
     * This epoch's value of a validation metric.
     *
     * @throws IllegalStateException if the metric is a dev score that was not computed
     */
    public double value(ValidationMetric metric) {
        return switch (metric) {
            case DEV_LOSS -> devLoss;
            case SEQUENCE_ACCURACY -> devSequenceAccuracy;
            case TOKEN_ACCURACY -> devTokenAccuracy;
            case BLEU -> devScore(DevScorer.ValidationMetricKey.BLEU);
            case CHRF -> devScore(DevScorer.ValidationMetricKey.CHRF);
        };
    }

    private double devScore(String name) {
        Double v = devScores.get(name);
        if (v == null) {
            throw new IllegalStateException("epoch " + epoch + " has no dev score \"" + name + "\" (it has "
                    + devScores.keySet() + "): the training data's dev scorer does not compute it");
        }
        return v;
    }
}
