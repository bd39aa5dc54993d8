package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.GraphGradientCheck;

/**
 * Double-precision gradient checks of whole copy models (the pointer-generator mixture, p_gen, the extended
 * vocabulary and the sparse likelihood) on a masked batch with repeated and out-of-vocabulary source tokens.
 */
class CopyGradientTest {

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("dot lstm", CopyBatches.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false,
                        false, AttentionType.DOT)),
                Arguments.of("general gru bidirectional 2 layers bridge", CopyBatches.of(CellType.GRU, true, 2,
                        DecoderInit.BRIDGE, false, false, false, AttentionType.GENERAL)),
                Arguments.of("additive lstm zero init context shared reversed", CopyBatches.of(CellType.LSTM, false,
                        1, DecoderInit.ZERO, true, true, true, AttentionType.ADDITIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void analyticGradientsMatchCentralDifferences(String name, ModelConfig config) {
        Seq2SeqModel model = CopyBatches.model(config, DataType.DOUBLE);
        var failures = GraphGradientCheck.check(model.graph(), CopyBatches.batch(model).toMultiDataSet(), 600, 3,
                1e-5, 1e-3, 1e-8);
        assertEquals(List.of(), failures, name);
    }
}
