package org.seq2seq4j.core.decode;

/**
 * A decoded output.
 *
 * @param tokens         output token ids, without end-of-sequence (a copy model's may be extended ids)
 * @param logProbability model log-probability of the tokens and of the end-of-sequence if it was produced
 * @param finished       whether end-of-sequence was produced within the length limit
 * @param generation     a copy model's generation probability {@code p_gen} at each output token (same length as
 *                       {@code tokens}); null for other models
 */
public record Hypothesis(int[] tokens, double logProbability, boolean finished, double[] generation) {

    /** An output of a model without copy. */
    public Hypothesis(int[] tokens, double logProbability, boolean finished) {
        this(tokens, logProbability, finished, null);
    }
}
