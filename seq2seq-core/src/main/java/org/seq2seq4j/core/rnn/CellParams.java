package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of one recurrent cell (one layer, one direction), usually views into the network's flat parameter
 * (or gradient) vector.
 *
 * @param inputWeights     {@code W}, {@code [I, G*H]}: input to gate pre-activations, gate blocks in the cell's order
 * @param recurrentWeights {@code U}, {@code [H, G*H]}: previous output to gate pre-activations
 * @param bias             {@code b}, {@code [1, G*H]}: added to the input projection
 * @param recurrentBias    GRU only: {@code b_hn}, {@code [1, H]}, added to {@code h U_n} inside the reset gate
 *                         product; null for LSTM
 * @param stacked          {@code [W; U; b]}, {@code [I + H + 1, G*H]}, a view of the same values where they lie
 *                         together in that order (as in the network's parameter vector), so that an inference step
 *                         is the one product {@code [x, h, 1] [W; U; b]}; or null
 */
public record CellParams(INDArray inputWeights, INDArray recurrentWeights, INDArray bias, INDArray recurrentBias,
                         INDArray stacked) {

    public CellParams(INDArray inputWeights, INDArray recurrentWeights, INDArray bias, INDArray recurrentBias) {
        this(inputWeights, recurrentWeights, bias, recurrentBias, null);
    }

    /** Hidden size H. */
    public long hiddenSize() {
        return recurrentWeights.size(0);
    }

    /** Input size I. */
    public long inputSize() {
        return inputWeights.size(0);
    }
}
