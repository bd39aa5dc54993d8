package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A step mask prepared for per-step broadcasting: {@code keep[t]} and {@code carry[t] = 1 - keep[t]} are
 * {@code [B, 1]} columns. The single place where the "mask 0 means carry the state" rule is applied.
 *
 * <p>Steps at which every example is real (most steps of a length-bucketed batch) skip the masking operations, whose
 * results there equal their inputs; a mask of ones everywhere is no mask ({@link #of} returns null). Each broadcast
 * operation costs tens of microseconds on a {@code [64, 256]} state, about as much as the cell's arithmetic.
 */
final class StepMask {

    private final INDArray keep;
    private final INDArray carry;
    /** Steps at which the mask is 1 for every example. */
    private final boolean[] full;

    private StepMask(INDArray keep, INDArray carry, boolean[] full) {
        this.keep = keep;
        this.carry = carry;
        this.full = full;
    }

    /** Wraps a {@code [T, B]} mask; returns null for a null mask or one that is 1 everywhere. */
    static StepMask of(INDArray mask) {
        if (mask == null) {
            return null;
        }
        INDArray perStep = mask.min(1);
        boolean[] full = new boolean[(int) mask.size(0)];
        boolean all = true;
        for (int t = 0; t < full.length; t++) {
            full[t] = perStep.getDouble(t) == 1.0;
            all &= full[t];
        }
        if (all) {
            return null;
        }
        INDArray keep = mask.reshape('c', mask.size(0), mask.size(1), 1).dup('c');
        return new StepMask(keep, keep.rsub(1.0), full);
    }

    /** {@code y = m * value}, {@code state = y + (1 - m) * previous}; returns {y, state}. {@code value} is consumed. */
    INDArray[] apply(int t, INDArray value, INDArray previous) {
        if (full[t]) {
            return new INDArray[]{value, value};
        }
        INDArray y = value.muliColumnVector(keep.slice(t));
        INDArray state = previous.mulColumnVector(carry.slice(t)).addi(y);
        return new INDArray[]{y, state};
    }

    /** {@code m * value} in place. */
    INDArray keepInPlace(int t, INDArray value) {
        return full[t] ? value : value.muliColumnVector(keep.slice(t));
    }

    /** {@code (1 - m) * value} as a new array, or null when that is zero (every example real at {@code t}). */
    INDArray carried(int t, INDArray value) {
        return full[t] ? null : value.mulColumnVector(carry.slice(t));
    }
}
