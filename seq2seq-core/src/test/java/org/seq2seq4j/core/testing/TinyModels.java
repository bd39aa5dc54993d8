package org.seq2seq4j.core.testing;

import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Symbols;
import org.seq2seq4j.core.rnn.CellType;

/** Tiny model configurations for tests. */
public final class TinyModels {

    /** The data module's reserved ids. */
    public static final Symbols SYMBOLS = new Symbols(0, 1, 2, 3);

    private TinyModels() {
    }

    /** LSTM, embeddings 6, hidden 8, one layer each side, "last" init, no context feeding, no dropout. */
    public static ModelConfig base() {
        return new ModelConfig(CellType.LSTM, 6, 8, 1, 1, false, false, false, DecoderInit.LAST, false, AttentionType.NONE,
                false, 0.0, 0.0);
    }

    /** {@link #base()} with the given variations. */
    public static ModelConfig of(CellType cell, boolean bidirectional, int layers, DecoderInit init,
                                 boolean feedContext, boolean shared, boolean reverse) {
        return of(cell, bidirectional, layers, init, feedContext, shared, reverse, AttentionType.NONE);
    }

    /** {@link #base()} with the given variations and attention. */
    public static ModelConfig of(CellType cell, boolean bidirectional, int layers, DecoderInit init,
                                 boolean feedContext, boolean shared, boolean reverse, AttentionType attention) {
        return of(cell, bidirectional, layers, init, feedContext, shared, reverse, attention, false);
    }

    /** {@link #base()} with the given variations, attention and input feeding. */
    public static ModelConfig of(CellType cell, boolean bidirectional, int layers, DecoderInit init,
                                 boolean feedContext, boolean shared, boolean reverse, AttentionType attention,
                                 boolean inputFeeding) {
        return new ModelConfig(cell, 6, 8, layers, layers, bidirectional, reverse, shared, init, feedContext,
                attention, inputFeeding, 0.0, 0.0);
    }
}
