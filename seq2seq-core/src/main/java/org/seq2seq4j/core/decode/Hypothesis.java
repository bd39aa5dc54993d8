package org.seq2seq4j.core.decode;

/**
 * A decoded output.
 *
 * @param tokens         output token ids, without end-of-sequence
 * @param logProbability model log-probability of the tokens and of the end-of-sequence if it was produced
 * @param finished       whether end-of-sequence was produced within the length limit
 */
public record Hypothesis(int[] tokens, double logProbability, boolean finished) {
}
