package org.seq2seq4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.GraphGradientCheck;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

/** Double-precision gradient checks of the whole graph, through every custom vertex, on masked batches. */
class Seq2SeqGradientTest {

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("lstm", TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false)),
                Arguments.of("gru", TinyModels.of(CellType.GRU, false, 1, DecoderInit.LAST, false, false, false)),
                Arguments.of("lstm bidirectional 2 layers bridge",
                        TinyModels.of(CellType.LSTM, true, 2, DecoderInit.BRIDGE, false, false, false)),
                Arguments.of("gru bidirectional 2 layers context",
                        TinyModels.of(CellType.GRU, true, 2, DecoderInit.LAST, true, false, true)),
                Arguments.of("lstm zero init context shared embeddings",
                        TinyModels.of(CellType.LSTM, false, 1, DecoderInit.ZERO, true, true, false)),
                Arguments.of("gru bridge context shared reversed",
                        TinyModels.of(CellType.GRU, false, 2, DecoderInit.BRIDGE, true, true, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void analyticGradientsMatchCentralDifferences(String name, ModelConfig config) {
        int vocab = 12;
        Seq2SeqModel model = Seq2SeqModel.create(config, TinyModels.SYMBOLS, vocab, vocab, 7, DataType.DOUBLE);
        List<int[]> src = ToyBatches.sequences(3, 1, 5, vocab, 1);
        List<int[]> tgt = ToyBatches.sequences(3, 0, 4, vocab, 2);
        Batch batch = model.batches().batch(src, tgt);
        var failures = GraphGradientCheck.check(model.graph(), batch.toMultiDataSet(), 400, 3, 1e-5, 1e-3, 1e-8);
        assertEquals(List.of(), failures, name);
    }
}
