package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent cell type, with its forward pass over a whole sequence, the matching backward pass, and a single
 * inference step. All tensors are time-major and row-per-example: a sequence is {@code [T, B, size]}, one step
 * {@code [B, size]}. Implementations hold no state; everything a backward pass needs lives in the returned
 * {@link SequenceCache}.
 *
 * <p>Masking follows right-padded batches: at a step whose mask is 0 the cell's state is carried over unchanged and
 * its output is 0, so the state after the last step is the state at the last real token. Run in reverse, the padded
 * tail is seen first while the state is still the initial one, so a backward direction starts at the last real
 * token as well.
 */
public sealed interface RecurrentCell permits LstmCell, GruCell {

    /** Number of gate blocks of size H in the input and recurrent weight matrices (4 for LSTM, 3 for GRU). */
    int gateBlocks();

    /** Number of state tensors of shape {@code [B, H]} (2 for LSTM: h and c; 1 for GRU). */
    int stateCount();

    /**
     * Runs the cell over a sequence.
     *
     * @param xw      input projection {@code x W + b}, {@code [T, B, G*H]}; consumed (overwritten with gate activations)
     * @param params  the cell's parameters
     * @param mask    step mask {@code [T, B]} with 1 for real tokens and 0 for padding, or null for none
     * @param initial initial state, {@link #stateCount()} arrays of {@code [B, H]}, or null for zeros
     * @param reverse process steps T-1..0 instead of 0..T-1
     * @return outputs {@code [T, B, H]} and the cache for {@link #backward}
     */
    SequenceCache forward(INDArray xw, CellParams params, INDArray mask, INDArray[] initial, boolean reverse);

    /**
     * Backward pass matching {@link #forward}.
     *
     * @param cache       what forward returned
     * @param params      the cell's parameters
     * @param dOutput     gradient of the loss with respect to the outputs, {@code [T, B, H]}
     * @param gradients   receives the parameter gradients (accumulated into, not assigned)
     * @return gradient with respect to {@code xw} ({@code [T, B, G*H]}) in {@code [0]}, and the gradients with respect
     *         to the initial state arrays in the following elements
     */
    default INDArray[] backward(SequenceCache cache, CellParams params, INDArray dOutput, CellParams gradients) {
        return backward(cache, params, dOutput, null, gradients);
    }

    /**
     * Backward pass matching {@link #forward}, when the loss also depends on the state after the last processed step
     * (a sequence continued by a later computation, as in step-by-step training with input feeding).
     *
     * @param dFinal gradient with respect to {@link SequenceCache#finalState()}, {@link #stateCount()} arrays of
     *               {@code [B, H]}, or null for none
     */
    INDArray[] backward(SequenceCache cache, CellParams params, INDArray dOutput, INDArray[] dFinal,
                        CellParams gradients);

    /**
     * One inference step without caching: returns the new state arrays; element 0 is the output h.
     *
     * @param xw    input projection {@code x W + b} of this step, {@code [B, G*H]}; overwritten
     * @param state current state, {@link #stateCount()} arrays of {@code [B, H]}
     */
    INDArray[] step(INDArray xw, CellParams params, INDArray[] state);
}
