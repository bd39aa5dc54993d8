package org.seq2seq4j.attention;

import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The prepared encoder side of attention during decoding ({@link SingleQueryAttention.Keys}), kept while successive
 * steps attend over the same encoder states array, so that it is prepared once per batch rather than once per token.
 * Beam search hands over a new array whenever it reorders hypotheses; the keys are prepared again then.
 */
final class DecodingKeys {

    private INDArray encoder;
    private INDArray mask;
    private SingleQueryAttention.Keys keys;

    /** One attention step of {@code query} {@code [B, H]} over {@code encoder} {@code [B, H, Ts]}. */
    INDArray step(SingleQueryAttention attention, INDArray query, INDArray encoder, INDArray sourceMask,
                  Map<String, INDArray> p) {
        return forward(attention, query, encoder, sourceMask, null, p).output();
    }

    /**
     * {@link #step}, with everything the step computed (weights, context), for scores that read {@code coverage}
     * {@code [B, Ts]} (null without coverage).
     */
    SingleQueryAttention.Step forward(SingleQueryAttention attention, INDArray query, INDArray encoder,
                                      INDArray sourceMask, INDArray coverage, Map<String, INDArray> p) {
        if (keys == null || encoder != this.encoder || sourceMask != this.mask) {
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                keys = attention.keys(encoder, sourceMask, p);
            }
            this.encoder = encoder;
            this.mask = sourceMask;
        }
        return attention.forward(query, null, keys, coverage, p);
    }
}
