package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
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
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.decode.BeamSearch;
import org.seq2seq4j.core.decode.GreedyDecoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.decode.ScoredHypothesis;
import org.seq2seq4j.core.graph.SparseNegativeLogLikelihood;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.TinyModels;

/**
 * Invariants of copy models: the mixed distribution sums to 1 over the extended vocabulary, entries a source lacks get
 * nothing, 0 < p_gen < 1, the loss is the mixture's negative log-likelihood, step-wise decoding equals the
 * teacher-forced pass, padding and save/load change nothing, and decoding can emit the source's own unknown tokens.
 */
class CopyModelTest {

    private static final int V = CopyBatches.V;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(CopyBatches.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false,
                        AttentionType.DOT)),
                Arguments.of(CopyBatches.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, true,
                        AttentionType.GENERAL)),
                Arguments.of(CopyBatches.of(CellType.LSTM, false, 1, DecoderInit.ZERO, false, true, false,
                        AttentionType.ADDITIVE)));
    }

    private static Seq2SeqModel model(ModelConfig c) {
        return CopyBatches.model(c, DataType.DOUBLE);
    }

    /** The largest extended id of a source plus one, at least {@code V}. */
    private static int width(int[] source) {
        return Math.max(V, Arrays.stream(source).max().orElse(0) + 1);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void mixtureSumsToOneAndGivesNothingToEntriesTheSourceLacks(ModelConfig c) {
        Seq2SeqModel m = model(c);
        INDArray p = m.probabilities(CopyBatches.batch(m));
        assertEquals(V + 2, p.size(1), "extended vocabulary: V plus the most unknown tokens of one source");
        for (int i = 0; i < CopyBatches.SOURCES.size(); i++) {
            int steps = CopyBatches.TARGETS.get(i).length + 1;
            for (int t = 0; t < p.size(2); t++) {
                INDArray column = p.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(t));
                double sum = column.sumNumber().doubleValue();
                assertEquals(t < steps ? 1.0 : 0.0, sum, 1e-12, "example " + i + " step " + t);
                for (int w = width(CopyBatches.SOURCES.get(i)); w < p.size(1); w++) {
                    assertEquals(0.0, column.getDouble(w), "example " + i + " has no extended id " + w);
                }
                assertTrue(column.minNumber().doubleValue() >= 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void lossIsTheNegativeLogLikelihoodOfTheMixtureAtTheExtendedLabels(ModelConfig c) {
        Seq2SeqModel m = model(c);
        Batch b = CopyBatches.batch(m);
        INDArray p = m.probabilities(b);
        double expected = 0;
        for (int i = 0; i < CopyBatches.TARGETS.size(); i++) {
            int[] tgt = CopyBatches.TARGETS.get(i);
            for (int t = 0; t <= tgt.length; t++) {
                int label = t < tgt.length ? tgt[t] : TinyModels.SYMBOLS.eos();
                expected -= Math.log(p.getDouble(i, label, t) + SparseNegativeLogLikelihood.EPSILON);
            }
        }
        assertEquals(expected, m.lossSum(b), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void stepwiseDecodingEqualsTheTeacherForcedPassWithGenerationProbabilityInsideZeroOne(ModelConfig c) {
        Seq2SeqModel m = model(c);
        Batch batch = CopyBatches.batch(m);
        INDArray teacher = m.probabilities(batch);
        DecoderState state = m.start(m.encode(CopyBatches.SOURCES));
        // the decoder reads the targets with their extended ids, as a decoder fed its own copied outputs does
        int[][] inputs = new int[CopyBatches.TARGETS.size()][];
        for (int i = 0; i < inputs.length; i++) {
            int[] tgt = CopyBatches.TARGETS.get(i);
            inputs[i] = new int[(int) teacher.size(2)];
            Arrays.fill(inputs[i], TinyModels.SYMBOLS.eos());
            inputs[i][0] = TinyModels.SYMBOLS.bos();
            System.arraycopy(tgt, 0, inputs[i], 1, tgt.length);
        }
        for (int t = 0; t < teacher.size(2); t++) {
            int[] prev = new int[inputs.length];
            for (int i = 0; i < prev.length; i++) {
                prev[i] = inputs[i][t];
            }
            Seq2SeqModel.Step step = m.step(state, prev);
            state = step.state();
            assertEquals(teacher.size(1), step.logProbabilities().size(1));
            for (int i = 0; i < prev.length; i++) {
                double g = step.generation().getDouble(i, 0);
                assertTrue(g > 0 && g < 1, "p_gen " + g);
                if (t > CopyBatches.TARGETS.get(i).length) {
                    continue;
                }
                INDArray expected = teacher.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(t));
                INDArray actual = Transforms.exp(step.logProbabilities().getRow(i))
                        .subi(SparseNegativeLogLikelihood.EPSILON);
                assertTrue(expected.equalsWithEps(actual, 1e-12), "example " + i + " step " + t);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void eachExampleGetsTheSameDistributionAloneAsInThePaddedBatch(ModelConfig c) {
        Seq2SeqModel m = model(c);
        INDArray batched = m.probabilities(CopyBatches.batch(m));
        for (int i = 0; i < CopyBatches.SOURCES.size(); i++) {
            int[] src = CopyBatches.SOURCES.get(i);
            INDArray alone = m.probabilities(m.batches().batch(List.of(src), List.of(CopyBatches.TARGETS.get(i))));
            long t = CopyBatches.TARGETS.get(i).length + 1;
            assertEquals(width(src), alone.size(1));
            INDArray fromBatch = batched.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, width(src)),
                    NDArrayIndex.interval(0, t));
            INDArray single = alone.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.interval(0, t));
            assertTrue(fromBatch.equalsWithEps(single, 1e-10), "example " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedAndLoadedModelGivesIdenticalOutputs(ModelConfig c, @TempDir Path dir) {
        Seq2SeqModel m = model(c);
        m.save(dir);
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        assertEquals(m.config(), loaded.config());
        assertEquals(m.symbols(), loaded.symbols());
        Batch b = CopyBatches.batch(m);
        assertEquals(m.probabilities(b), loaded.probabilities(b));
        assertEquals(m.lossSum(b), loaded.lossSum(b), 0.0);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void withGenerationSwitchedOffDecodingCopiesOnlySourceTokensIncludingUnknownOnes(ModelConfig c) {
        Seq2SeqModel m = model(c);
        // p_gen = σ(-40): the output distribution is the attention scattered onto the source's extended ids
        m.graph().getVertex(GlobalAttentionFactory.COPY).paramTable(false).get(PointerGenerator.B_GEN).assign(-40);
        List<Hypothesis> greedy = new GreedyDecoder(6, 4).decode(m, CopyBatches.SOURCES);
        List<List<ScoredHypothesis>> beam = new BeamSearch(new BeamSearch.Options(3, 1, 0.0, 0, 6, 4))
                .search(m, CopyBatches.SOURCES);
        boolean extended = false;
        for (int i = 0; i < CopyBatches.SOURCES.size(); i++) {
            int[] src = CopyBatches.SOURCES.get(i);
            List<int[]> outputs = new java.util.ArrayList<>();
            outputs.add(greedy.get(i).tokens());
            beam.get(i).forEach(h -> outputs.add(h.hypothesis().tokens()));
            for (Hypothesis h : List.of(greedy.get(i), beam.get(i).get(0).hypothesis())) {
                assertEquals(h.tokens().length, h.generation().length, "p_gen of every output token");
                for (double g : h.generation()) {
                    assertEquals(0.0, g, 1e-15, "p_gen is σ(-40)");
                }
            }
            for (int[] out : outputs) {
                assertEquals(6, out.length, "no source holds end-of-sequence, so decoding runs to the limit");
                for (int token : out) {
                    assertTrue(Arrays.stream(src).anyMatch(s -> s == token),
                            "token " + token + " is not in source " + Arrays.toString(src));
                    extended |= token >= V;
                }
            }
        }
        assertTrue(extended, "some outputs are tokens outside the vocabulary");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decodersRecordTheGenerationProbabilityOfEveryOutputToken(ModelConfig c) {
        Seq2SeqModel m = model(c);
        List<Hypothesis> greedy = new GreedyDecoder(5, 4).decode(m, CopyBatches.SOURCES);
        List<List<ScoredHypothesis>> beam = new BeamSearch(new BeamSearch.Options(3, 2, 0.6, 0, 5, 4))
                .search(m, CopyBatches.SOURCES);
        List<Hypothesis> all = new java.util.ArrayList<>(greedy);
        beam.forEach(list -> list.forEach(h -> all.add(h.hypothesis())));
        for (Hypothesis h : all) {
            assertEquals(h.tokens().length, h.generation().length);
            for (double g : h.generation()) {
                assertTrue(g > 0 && g < 1, "p_gen " + g);
            }
        }
        Seq2SeqModel plain = CopyBatches.model(TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false,
                false, AttentionType.DOT), DataType.DOUBLE);
        List<int[]> inVocabulary = List.of(new int[]{4, 5}, new int[]{6});
        assertEquals(null, new GreedyDecoder(5, 4).decode(plain, inVocabulary).get(0).generation());
    }

    @Test
    void copyNeedsAttentionAndIsNotYetCombinedWithInputFeeding() {
        ConfigException none = assertThrows(ConfigException.class,
                () -> TinyModels.base().withCopy(true));
        assertTrue(none.getMessage().contains("copy") && none.getMessage().contains("attention"),
                none.getMessage());
        ConfigException fed = assertThrows(ConfigException.class, () -> TinyModels.of(CellType.LSTM, false, 1,
                DecoderInit.LAST, false, false, false, AttentionType.DOT, true).withCopy(true));
        assertTrue(fed.getMessage().contains("inputFeeding"), fed.getMessage());
    }
}
