package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.GraphGradientCheck;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

/** Double-precision gradient checks of whole models with global attention, on masked, variable-length batches. */
class GlobalAttentionGradientTest {

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (AttentionType type : List.of(AttentionType.DOT, AttentionType.GENERAL, AttentionType.ADDITIVE)) {
            String n = type.name().toLowerCase();
            out.add(Arguments.of(n + " lstm",
                    TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false, type)));
            out.add(Arguments.of(n + " gru bidirectional 2 layers",
                    TinyModels.of(CellType.GRU, true, 2, DecoderInit.LAST, false, false, false, type)));
        }
        out.add(Arguments.of("general lstm zero init, attention only",
                TinyModels.of(CellType.LSTM, false, 1, DecoderInit.ZERO, false, false, false, AttentionType.GENERAL)));
        out.add(Arguments.of("additive gru bridge context shared reversed",
                TinyModels.of(CellType.GRU, false, 2, DecoderInit.BRIDGE, true, true, true, AttentionType.ADDITIVE)));
        out.add(Arguments.of("input feeding dot lstm",
                TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false, AttentionType.DOT, true)));
        out.add(Arguments.of("input feeding general gru bidirectional 2 layers bridge",
                TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, false, false, false, AttentionType.GENERAL,
                        true)));
        out.add(Arguments.of("input feeding additive lstm 2 layers zero init context reversed",
                TinyModels.of(CellType.LSTM, false, 2, DecoderInit.ZERO, true, false, true, AttentionType.ADDITIVE,
                        true)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void analyticGradientsMatchCentralDifferences(String name, ModelConfig config) {
        int vocab = 12;
        Seq2SeqModel model = Seq2SeqModel.create(config, TinyModels.SYMBOLS, vocab, vocab, 7, DataType.DOUBLE);
        List<int[]> src = ToyBatches.sequences(3, 1, 5, vocab, 1);
        List<int[]> tgt = ToyBatches.sequences(3, 0, 4, vocab, 2);
        Batch batch = model.batches().batch(src, tgt);
        var failures = GraphGradientCheck.check(model.graph(), batch.toMultiDataSet(), 600, 3, 1e-5, 1e-3, 1e-8);
        assertEquals(List.of(), failures, name);
    }
}
