package org.seq2seq4j.experiments.run;

import java.util.List;

/**
 * Scores of a checkpoint on a split, as written to {@code scores.json}.
 *
 * @param split              train, dev or test
 * @param checkpoint         best or last
 * @param examples           number of examples
 * @param sequenceAccuracy   exact-match accuracy of greedy outputs
 * @param tokenAccuracy      token accuracy of greedy outputs (end-of-sequence included)
 * @param loss               teacher-forced per-token cross-entropy (nats)
 * @param perplexity         {@code exp(loss)}
 * @param positionAccuracy   token accuracy by output position
 */
public record EvaluationReport(String split, String checkpoint, long examples, double sequenceAccuracy,
                               double tokenAccuracy, double loss, double perplexity, List<Double> positionAccuracy) {
}
