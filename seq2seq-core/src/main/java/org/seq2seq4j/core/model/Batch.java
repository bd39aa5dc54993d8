package org.seq2seq4j.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One padded minibatch in the graph's input layout. Sequences are right-padded with the pad id and masked.
 *
 * @param source       source ids {@code [B, Ts]}, already reversed if the model reverses sources (extended ids of a
 *                     copy model read as unknown)
 * @param sourceMask   {@code [B, Ts]}, 1 for real tokens
 * @param targetInput  decoder inputs {@code [B, Tt]}: begin-of-sequence followed by the target (extended ids of a
 *                     copy model read as unknown)
 * @param targetOutput labels {@code [B, 1, Tt]}: the target followed by end-of-sequence (ids, for a sparse loss;
 *                     extended ids for a copy model)
 * @param targetMask   {@code [B, Tt]}
 * @param targetTokens number of real target positions (including each end-of-sequence)
 * @param sourceCopy   a copy model's source as extended ids {@code [B, Ts]} in encoder order (the graph input
 *                     {@link Seq2SeqGraph#SOURCE_COPY}), or null for other models
 */
public record Batch(INDArray source, INDArray sourceMask, INDArray targetInput, INDArray targetOutput,
                    INDArray targetMask, long targetTokens, INDArray sourceCopy) {

    /** Number of examples. */
    public int size() {
        return (int) source.size(0);
    }

    /** The graph's inputs: source, target input, and the copy ids of a copy model. */
    public INDArray[] inputs() {
        return sourceCopy == null ? new INDArray[]{source, targetInput}
                : new INDArray[]{source, targetInput, sourceCopy};
    }

    /** The masks of {@link #inputs()}. */
    public INDArray[] inputMasks() {
        return sourceCopy == null ? new INDArray[]{sourceMask, targetMask}
                : new INDArray[]{sourceMask, targetMask, sourceMask};
    }

    /** The batch as DL4J's multi-input dataset (inputs as {@link #inputs()}; labels: target output). */
    public MultiDataSet toMultiDataSet() {
        return new MultiDataSet(inputs(), new INDArray[]{targetOutput}, inputMasks(), new INDArray[]{targetMask});
    }
}
