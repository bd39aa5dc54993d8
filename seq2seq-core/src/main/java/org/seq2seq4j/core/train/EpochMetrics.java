package org.seq2seq4j.core.train;

import java.util.List;

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
        double targetTokensPerSecond) {

    public EpochMetrics {
        devPositionAccuracy = List.copyOf(devPositionAccuracy);
    }
}
