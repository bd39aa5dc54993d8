package org.seq2seq4j.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder's work for a batch of sources, computed once and reused by every decoding step.
 *
 * @param states       encoder outputs {@code [B, H, Ts]} (zero at padding), for attention
 * @param mask         source mask {@code [B, Ts]}
 * @param finalState   the encoder's summary {@code [B, H]}
 * @param initialState the decoder's initial state {@code [B, H]}, or null for zeros
 * @param copyIds      a copy model's source as extended ids {@code [B, Ts]} in encoder order, or null
 */
public record EncodedSource(INDArray states, INDArray mask, INDArray finalState, INDArray initialState,
                            INDArray copyIds) {

    /** The encoder's work for a model without copy. */
    public EncodedSource(INDArray states, INDArray mask, INDArray finalState, INDArray initialState) {
        this(states, mask, finalState, initialState, null);
    }

    /** Number of examples. */
    public int size() {
        return (int) finalState.size(0);
    }
}
