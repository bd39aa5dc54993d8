package org.seq2seq4j.attention;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.TinyModels;

/**
 * A fixed copy-model batch over a vocabulary of {@value #V} ids: sources with extended ids (12 and 13, the sources'
 * own out-of-vocabulary tokens), targets that copy them, unknown (3) and in-vocabulary tokens, of different lengths.
 */
final class CopyBatches {

    static final int V = 12;

    static final List<int[]> SOURCES = List.of(new int[]{4, 5, 12, 6, 12}, new int[]{13, 4}, new int[]{7, 12, 13, 8},
            new int[]{9});
    static final List<int[]> TARGETS = List.of(new int[]{12, 5}, new int[]{13, 13, 4}, new int[]{3, 12},
            new int[]{9, 9, 10, 11});

    private CopyBatches() {
    }

    static Seq2SeqModel model(ModelConfig config, DataType type) {
        return Seq2SeqModel.create(config, TinyModels.SYMBOLS, V, V, 7, type);
    }

    static Batch batch(Seq2SeqModel model) {
        return model.batches().batch(SOURCES, TARGETS);
    }

    static ModelConfig of(CellType cell, boolean bidirectional, int layers, DecoderInit init, boolean feedContext,
                          boolean shared, boolean reverse, AttentionType attention) {
        return TinyModels.of(cell, bidirectional, layers, init, feedContext, shared, reverse, attention).withCopy(true);
    }
}
