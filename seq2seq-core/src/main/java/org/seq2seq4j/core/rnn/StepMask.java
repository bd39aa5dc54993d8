package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A step mask prepared for per-step broadcasting: {@code keep[t]} and {@code carry[t] = 1 - keep[t]} are
 * {@code [B, 1]} columns. The single place where the "mask 0 means carry the state" rule is applied.
 */
final class StepMask {

    private final INDArray keep;
    private final INDArray carry;

    private StepMask(INDArray keep, INDArray carry) {
        this.keep = keep;
        this.carry = carry;
    }

    /** Wraps a {@code [T, B]} mask; returns null for a null mask. */
    static StepMask of(INDArray mask) {
        if (mask == null) {
            return null;
        }
        INDArray keep = mask.reshape('c', mask.size(0), mask.size(1), 1).dup('c');
        return new StepMask(keep, keep.rsub(1.0));
    }

    /** {@code y = m * value}, {@code state = y + (1 - m) * previous}; returns {y, state}. {@code value} is consumed. */
    INDArray[] apply(int t, INDArray value, INDArray previous) {
        INDArray y = value.muliColumnVector(keep.slice(t));
        INDArray state = previous.mulColumnVector(carry.slice(t)).addi(y);
        return new INDArray[]{y, state};
    }

    /** {@code m * value} in place. */
    INDArray keepInPlace(int t, INDArray value) {
        return value.muliColumnVector(keep.slice(t));
    }

    /** {@code (1 - m) * value} as a new array. */
    INDArray carried(int t, INDArray value) {
        return value.mulColumnVector(carry.slice(t));
    }
}
