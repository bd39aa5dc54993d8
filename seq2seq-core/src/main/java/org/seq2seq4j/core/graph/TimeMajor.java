package org.seq2seq4j.core.graph;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The one place that converts between DL4J's {@code [B, size, T]} (NCW) layout and the time-major {@code [T, B, size]}. */
public final class TimeMajor {

    private TimeMajor() {
    }

    /** {@code [B, C, T]} to a new c-order {@code [T, B, C]}. */
    public static INDArray fromNcw(INDArray ncw) {
        return ncw.permute(2, 0, 1).dup('c');
    }

    /** {@code [T, B, C]} to a new c-order {@code [B, C, T]}. */
    public static INDArray toNcw(INDArray timeMajor) {
        return timeMajor.permute(1, 2, 0).dup('c');
    }

    /** A DL4J mask {@code [B, T]} as a time-major {@code [T, B]} mask; null stays null. */
    public static INDArray mask(INDArray mask) {
        return mask == null ? null : mask.transpose().dup('c');
    }
}
