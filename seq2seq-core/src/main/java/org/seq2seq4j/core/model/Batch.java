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
 * @param coverage     whether the model has a coverage loss output ({@link Seq2SeqGraph#COVERAGE_LOSS}), whose
 *                     labels are the coverage loss weight
 */
public record Batch(INDArray source, INDArray sourceMask, INDArray targetInput, INDArray targetOutput,
                    INDArray targetMask, long targetTokens, INDArray sourceCopy, boolean coverage) {

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

    /**
     * The graph's labels: the target output, and for a coverage model the coverage loss weight at every target step
     * ({@code [B, 1, Tt]}).
     */
    public INDArray[] labels(double coverageWeight) {
        if (!coverage) {
            return new INDArray[]{targetOutput};
        }
        INDArray weights = targetOutput.ulike().assign(coverageWeight);
        return new INDArray[]{targetOutput, weights};
    }

    /** The masks of {@link #labels}. */
    public INDArray[] labelMasks() {
        return coverage ? new INDArray[]{targetMask, targetMask} : new INDArray[]{targetMask};
    }

    /**
     * The batch as DL4J's multi-input dataset (inputs as {@link #inputs()}; labels: target output, and a coverage
     * loss weight of 0, so that the score is the likelihood alone).
     */
    public MultiDataSet toMultiDataSet() {
        return toMultiDataSet(0.0);
    }

    /** {@link #toMultiDataSet()} with the coverage loss weighted by {@code coverageWeight}. */
    public MultiDataSet toMultiDataSet(double coverageWeight) {
        return new MultiDataSet(inputs(), labels(coverageWeight), inputMasks(), labelMasks());
    }
}
