package org.seq2seq4j.core.decode;

import java.util.List;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.model.Seq2SeqModel;

/** A search that turns sources into outputs with a model: {@link GreedyDecoder} or {@link BeamSearch}. */
public sealed interface Decoder permits GreedyDecoder, BeamSearch {

    /**
     * Decodes every source (ids without markers) and returns the best output of each, in input order.
     */
    List<Hypothesis> decode(Seq2SeqModel model, List<int[]> sources);

    /** The search a decoding config asks for. */
    static Decoder of(DecodingConfig config) {
        if (config.strategy() instanceof DecodingConfig.Greedy) {
            return new GreedyDecoder(config.maxLength(), config.batchSize());
        }
        if (config.strategy() instanceof DecodingConfig.Beam b) {
            return new BeamSearch(new BeamSearch.Options(b.beamSize(), b.nBest(), b.lengthPenalty(), b.minLength(),
                    config.maxLength(), config.batchSize(), b.coveragePenalty()));
        }
        throw new IllegalStateException("unhandled decoding strategy " + config.strategy());
    }
}
