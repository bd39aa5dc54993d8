package org.seq2seq4j.core.decode;

/**
 * A finished beam-search output with the score it was ranked by.
 *
 * @param hypothesis the output; its {@code logProbability} is the raw model log-probability, end-of-sequence included
 * @param score      the length-normalised score ({@link LengthPenalty#score}); equals the log-probability when the
 *                   length penalty is 0
 */
public record ScoredHypothesis(Hypothesis hypothesis, double score) {
}
