package org.seq2seq4j.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.rnn.RecurrentStack;

/**
 * The decoder's state between steps for a batch (or a beam) of hypotheses: the recurrent state of every decoder layer,
 * the previous attentional state when the decoder is input-fed, and the encoder's work it reads from. Immutable: a
 * step returns a new state.
 *
 * @param layers  per-layer recurrent state arrays, each {@code [B, H]}
 * @param feed    the previous step's attentional state {@code [B, H]} (zeros before the first step) for an input-fed
 *                decoder ({@link org.seq2seq4j.core.config.ModelConfig#inputFeeding()}), otherwise null
 * @param encoded the encoder's outputs for the rows of this state
 * @param coverage the running sum of the attention weights of the steps so far {@code [B, Ts]} (zeros before the first
 *                 step): what a coverage model's scores read and what beam search's coverage penalty scores; null for a
 *                 model without attention
 */
public record DecoderState(INDArray[][] layers, INDArray feed, EncodedSource encoded, INDArray coverage) {

    /** The state whose row {@code i} is row {@code rows[i]} of this one (beam search reordering and expansion). */
    public DecoderState select(int[] rows) {
        INDArray[][] out = new INDArray[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            out[l] = new INDArray[layers[l].length];
            for (int k = 0; k < layers[l].length; k++) {
                out[l][k] = Nd4j.pullRows(layers[l][k], 1, rows);
            }
        }
        EncodedSource e = encoded;
        EncodedSource sel = new EncodedSource(pull3(e.states(), rows), Nd4j.pullRows(e.mask(), 1, rows),
                Nd4j.pullRows(e.finalState(), 1, rows),
                e.initialState() == null ? null : Nd4j.pullRows(e.initialState(), 1, rows),
                e.copyIds() == null ? null : Nd4j.pullRows(e.copyIds(), 1, rows));
        return new DecoderState(out, feed == null ? null : Nd4j.pullRows(feed, 1, rows), sel,
                coverage == null ? null : Nd4j.pullRows(coverage, 1, rows));
    }

    private static INDArray pull3(INDArray x, int[] rows) {
        INDArray out = Nd4j.create(x.dataType(), rows.length, x.size(1), x.size(2));
        for (int i = 0; i < rows.length; i++) {
            out.slice(i).assign(x.slice(rows[i]));
        }
        return out;
    }

    /** Number of rows. */
    public int size() {
        return (int) layers[0][0].size(0);
    }

    static DecoderState start(RecurrentStack decoder, EncodedSource encoded, boolean inputFeeding,
                              boolean attention) {
        var type = encoded.finalState().dataType();
        INDArray feed = inputFeeding ? Nd4j.zeros(type, encoded.size(), decoder.spec().hiddenSize()) : null;
        INDArray coverage = attention ? Nd4j.zeros(type, encoded.size(), encoded.mask().size(1)) : null;
        return new DecoderState(decoder.startState(encoded.initialState(), encoded.size(), type), feed, encoded,
                coverage);
    }
}
