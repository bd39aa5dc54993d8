package org.seq2seq4j.core.decode;

/**
 * The length normalisation of GNMT (Wu et al. 2016, "Google's Neural Machine Translation System", section 7, eq. 14):
 * a finished hypothesis {@code Y} with model log-probability {@code log P(Y|X)} is ranked by
 * {@code log P(Y|X) / lp(Y)} with {@code lp(Y) = (5 + |Y|)^alpha / (5 + 1)^alpha}, where {@code |Y|} counts the output
 * tokens including end-of-sequence. {@code alpha = 0} ranks by the raw log-probability; larger values favour longer
 * outputs. (GNMT's coverage penalty is not part of this toolkit.)
 *
 * @param alpha the exponent, at least 0
 */
public record LengthPenalty(double alpha) {

    public LengthPenalty {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the length penalty must be a finite number of at least 0, got "
                    + alpha);
        }
    }

    /** {@code lp(Y)} for an output of {@code length} tokens, end-of-sequence included; 1 when {@code alpha} is 0. */
    public double divisor(int length) {
        return alpha == 0 ? 1 : Math.pow((5.0 + length) / 6.0, alpha);
    }

    /** The normalised score {@code logProbability / lp(Y)} of an output of {@code length} tokens (with EOS). */
    public double score(double logProbability, int length) {
        return logProbability / divisor(length);
    }
}
