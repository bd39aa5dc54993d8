package org.seq2seq4j.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One padded minibatch in the graph's input layout. Sequences are right-padded with the pad id and masked.
 *
 * @param source       source ids {@code [B, Ts]}, already reversed if the model reverses sources
 * @param sourceMask   {@code [B, Ts]}, 1 for real tokens
 * @param targetInput  decoder inputs {@code [B, Tt]}: begin-of-sequence followed by the target
 * @param targetOutput labels {@code [B, 1, Tt]}: the target followed by end-of-sequence (ids, for a sparse loss)
 * @param targetMask   {@code [B, Tt]}
 * @param targetTokens number of real target positions (including each end-of-sequence)
 */
public record Batch(INDArray source, INDArray sourceMask, INDArray targetInput, INDArray targetOutput,
                    INDArray targetMask, long targetTokens) {

    /** Number of examples. */
    public int size() {
        return (int) source.size(0);
    }

    /** The batch as DL4J's multi-input dataset (inputs: source, target input; labels: target output). */
    public MultiDataSet toMultiDataSet() {
        return new MultiDataSet(new INDArray[]{source, targetInput}, new INDArray[]{targetOutput},
                new INDArray[]{sourceMask, targetMask}, new INDArray[]{targetMask});
    }
}
