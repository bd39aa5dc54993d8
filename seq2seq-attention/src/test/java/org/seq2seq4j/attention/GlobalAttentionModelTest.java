package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.decode.BeamSearch;
import org.seq2seq4j.core.decode.GreedyDecoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqGraph;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.ModelInvariants;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

/** Invariants of models with global attention: weights, masking, step-wise decoding, save/load. */
class GlobalAttentionModelTest {

    private static final int VOCAB = 12;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false,
                        AttentionType.DOT)),
                Arguments.of(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, true,
                        AttentionType.GENERAL)),
                Arguments.of(TinyModels.of(CellType.LSTM, true, 2, DecoderInit.ZERO, false, true, false,
                        AttentionType.ADDITIVE)),
                Arguments.of(TinyModels.of(CellType.GRU, false, 1, DecoderInit.LAST, true, true, true,
                        AttentionType.DOT)),
                Arguments.of(TinyModels.of(CellType.LSTM, true, 2, DecoderInit.BRIDGE, false, false, false,
                        AttentionType.GENERAL, true)),
                Arguments.of(TinyModels.of(CellType.GRU, false, 1, DecoderInit.ZERO, true, true, true,
                        AttentionType.ADDITIVE, true)));
    }

    private static Seq2SeqModel model(ModelConfig c) {
        return Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 11, DataType.DOUBLE);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void weightsSumToOneAndAreZeroOnPaddedSourcePositions(ModelConfig c) {
        Seq2SeqModel m = model(c);
        List<int[]> src = ToyBatches.sequences(5, 1, 7, VOCAB, 3);
        List<int[]> tgt = ToyBatches.sequences(5, 0, 6, VOCAB, 4);
        Batch b = m.batches().batch(src, tgt);
        INDArray w = m.attentionWeights(b);
        long ts = b.source().size(1);
        assertEquals(List.of(5L, b.targetInput().size(1), ts), List.of(w.size(0), w.size(1), w.size(2)));
        for (int i = 0; i < src.size(); i++) {
            for (int t = 0; t < w.size(1); t++) {
                INDArray row = w.get(NDArrayIndex.point(i), NDArrayIndex.point(t), NDArrayIndex.all());
                assertEquals(1.0, row.sumNumber().doubleValue(), 1e-12, "example " + i + " step " + t);
                for (int s = 0; s < ts; s++) {
                    double v = row.getDouble(s);
                    if (s >= src.get(i).length) {
                        assertEquals(0.0, v, "padded position " + s + " of example " + i);
                    } else {
                        assertTrue(v > 0, "real position " + s + " of example " + i);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void paddingDoesNotChangeOutputs(ModelConfig c) {
        ModelInvariants.paddingDoesNotChangeOutputs(model(c), VOCAB);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void stepwiseDecodingEqualsTeacherForcedPass(ModelConfig c) {
        ModelInvariants.stepwiseDecodingEqualsTeacherForcedPass(model(c), VOCAB);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedAndLoadedModelGivesIdenticalOutputs(ModelConfig c, @TempDir Path dir) {
        Seq2SeqModel loaded = ModelInvariants.savedAndLoadedModelGivesIdenticalOutputs(model(c), VOCAB, dir);
        if (c.inputFeeding()) {
            assertInstanceOf(InputFeedingDecoderVertexImpl.class, loaded.graph().getVertex(Seq2SeqGraph.DECODER));
        } else {
            assertInstanceOf(GlobalAttentionVertexImpl.class,
                    loaded.graph().getVertex(GlobalAttentionFactory.ATTENTION));
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void beamOfOneEqualsGreedy(ModelConfig c) {
        Seq2SeqModel m = model(c);
        List<int[]> sources = ToyBatches.sequences(20, 1, 8, VOCAB, 21);
        List<Hypothesis> greedy = new GreedyDecoder(10, 7).decode(m, sources);
        List<Hypothesis> beam = new BeamSearch(new BeamSearch.Options(1, 1, 0, 0, 10, 7)).decode(m, sources);
        for (int i = 0; i < sources.size(); i++) {
            assertArrayEquals(greedy.get(i).tokens(), beam.get(i).tokens(), "source " + i);
            assertEquals(greedy.get(i).logProbability(), beam.get(i).logProbability(), 1e-9, "source " + i);
        }
    }

    @Test
    void attentionVertexHoldsItsParametersInTheFlatVector() {
        Seq2SeqModel m = model(TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false,
                AttentionType.DOT));
        long attentionParams = m.graph().getVertex(GlobalAttentionFactory.ATTENTION).numParams();
        assertEquals(2L * 8 * 8 + 8, attentionParams, "W_c [2H, H] and b_c [1, H]");
        assertEquals(m.graph().params().length(), m.parameterCount());
    }

    @Test
    void parameterShapesPerScoreType() {
        assertEquals(List.of("W_c", "b_c"), List.copyOf(GlobalAttention.paramShapes(AttentionType.DOT, 4).keySet()));
        assertEquals(List.of("W_c", "b_c", "W_a"),
                List.copyOf(GlobalAttention.paramShapes(AttentionType.GENERAL, 4).keySet()));
        assertEquals(List.of("W_c", "b_c", "W_1", "W_2", "v"),
                List.copyOf(GlobalAttention.paramShapes(AttentionType.ADDITIVE, 4).keySet()));
    }
}
