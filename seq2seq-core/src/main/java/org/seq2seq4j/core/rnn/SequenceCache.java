package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a cell's forward pass over a sequence keeps for its backward pass. All arrays are {@code [T, B, *]}.
 *
 * @param output      outputs (0 at padded steps), {@code [T, B, H]}
 * @param activations gate activations per step, {@code [T, B, G*H]} (cell-specific layout)
 * @param extra       cell-specific per-step values (LSTM: the new cell state and its tanh; GRU: {@code h U_n + b_hn})
 * @param previous    the state arrays entering each step ({@code previous[k]} is {@code [T, B, H]} for state k)
 * @param mask        the step mask {@code [T, B]} or null
 * @param reverse     whether the steps ran T-1..0
 * @param finalState  the state after the last processed step
 */
public record SequenceCache(INDArray output, INDArray activations, INDArray[] extra, INDArray[] previous,
                            INDArray mask, boolean reverse, INDArray[] finalState) {

    /** The same cache with every array passed through {@code f}. */
    public SequenceCache map(java.util.function.UnaryOperator<INDArray> f) {
        return new SequenceCache(f.apply(output), f.apply(activations), RecurrentStack.mapAll(extra, f),
                RecurrentStack.mapAll(previous, f), mask == null ? null : f.apply(mask), reverse,
                RecurrentStack.mapAll(finalState, f));
    }
}
