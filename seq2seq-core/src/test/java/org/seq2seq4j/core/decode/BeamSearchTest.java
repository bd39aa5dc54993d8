package org.seq2seq4j.core.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.EarlyStopping;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.config.Normalization;
import org.seq2seq4j.core.config.OptimizerConfig;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.graph.OutputProjectionVertexImpl;
import org.seq2seq4j.core.model.Seq2SeqGraph;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;
import org.seq2seq4j.core.train.CheckpointStore;
import org.seq2seq4j.core.train.Trainer;
import org.seq2seq4j.core.train.TrainingData;
import org.seq2seq4j.core.train.TrainingListener;

/** Invariants of beam search on tiny seeded double-precision models. */
class BeamSearchTest {

    private static final int VOCAB = 12;
    private static final int EOS = TinyModels.SYMBOLS.eos();

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(TinyModels.of(CellType.LSTM, false, 1, DecoderInit.LAST, false, false, false)),
                Arguments.of(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false, true)),
                Arguments.of(TinyModels.of(CellType.LSTM, true, 2, DecoderInit.ZERO, true, true, false)),
                Arguments.of(TinyModels.of(CellType.GRU, false, 1, DecoderInit.LAST, true, true, true)));
    }

    private static Seq2SeqModel model(ModelConfig c) {
        return Seq2SeqModel.create(c, TinyModels.SYMBOLS, VOCAB, VOCAB, 11, DataType.DOUBLE);
    }

    /** A random model whose end-of-sequence logit is shifted by {@code bias}: short outputs if positive. */
    private static Seq2SeqModel biased(double bias) {
        Seq2SeqModel m = model(TinyModels.of(CellType.GRU, true, 1, DecoderInit.BRIDGE, true, false, false));
        INDArray b = ((OutputProjectionVertexImpl) m.graph().getVertex(Seq2SeqGraph.PROJECTION)).bias();
        b.putScalar(0, EOS, b.getDouble(0, EOS) + bias);
        return m;
    }

    private static BeamSearch beam(int beamSize, int nBest, double alpha, int minLength, int maxLength,
                                   int batchSize) {
        return new BeamSearch(new BeamSearch.Options(beamSize, nBest, alpha, minLength, maxLength, batchSize));
    }

    /** The model's teacher-forced log-probability of {@code tokens} followed by end-of-sequence. */
    private static double teacherForced(Seq2SeqModel m, int[] source, int[] tokens) {
        INDArray p = m.probabilities(m.batches().batch(List.of(source), List.of(tokens)));
        double sum = 0;
        for (int t = 0; t <= tokens.length; t++) {
            sum += Math.log(p.getDouble(0, t < tokens.length ? tokens[t] : EOS, t));
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void beamOfOneEqualsGreedy(ModelConfig c) {
        Seq2SeqModel m = model(c);
        List<int[]> sources = ToyBatches.sequences(50, 1, 8, VOCAB, 21);
        List<Hypothesis> greedy = new GreedyDecoder(10, 16).decode(m, sources);
        List<Hypothesis> beam = beam(1, 1, 0, 0, 10, 16).decode(m, sources);
        for (int i = 0; i < sources.size(); i++) {
            assertArrayEquals(greedy.get(i).tokens(), beam.get(i).tokens(), "source " + i);
            assertEquals(greedy.get(i).logProbability(), beam.get(i).logProbability(), 1e-9, "source " + i);
            assertEquals(greedy.get(i).finished(), beam.get(i).finished(), "source " + i);
        }
    }

    @Test
    void beamScoresBetterThanGreedyOnTheWhole(@TempDir Path dir) {
        int vocab = 10;
        ModelConfig c = new ModelConfig(CellType.LSTM, 8, 16, 1, 1, false, false, false, DecoderInit.LAST, true,
                AttentionType.NONE, false, 0.0, 0.0);
        Seq2SeqModel m = Seq2SeqModel.create(c, TinyModels.SYMBOLS, vocab, vocab, 42, DataType.DOUBLE);
        List<int[]> train = ToyBatches.sequences(96, 1, 5, vocab, 1);
        List<int[]> dev = ToyBatches.sequences(16, 1, 5, vocab, 2);
        TrainingConfig training = new TrainingConfig(6, 16, new OptimizerConfig.Adam(0.01, 0.9, 0.999, 1e-8),
                new LearningRateSchedule.Constant(), new GradientClipping.Norm(5), Normalization.TOKENS,
                ValidationMetric.DEV_LOSS, new EarlyStopping(false, 1));
        DecodingConfig decoding = new DecodingConfig(new DecodingConfig.Greedy(), 10, 32);
        Trainer.start(m, training, decoding, 42, new TrainingData(train, new ArrayList<>(train), dev,
                new ArrayList<>(dev)), new CheckpointStore(dir), d -> { }, new TrainingListener() { }).run();

        List<int[]> sources = ToyBatches.sequences(100, 1, 6, vocab, 3);
        List<Hypothesis> greedy = new GreedyDecoder(10, 32).decode(m, sources);
        List<Hypothesis> beam = beam(4, 1, 0, 0, 10, 32).decode(m, sources);
        // a wider beam can lose greedy's path (its prefix may fall out of the beam) and end worse, so this is a
        // statistical property, not one of every source
        int better = 0;
        int worse = 0;
        double greedySum = 0;
        double beamSum = 0;
        for (int i = 0; i < sources.size(); i++) {
            double g = greedy.get(i).logProbability();
            double b = beam.get(i).logProbability();
            better += b > g + 1e-9 ? 1 : 0;
            worse += b < g - 1e-9 ? 1 : 0;
            greedySum += g;
            beamSum += b;
        }
        assertTrue(better > 0, "beam search never found a better output than greedy decoding");
        assertTrue(worse <= sources.size() / 20, worse + " of " + sources.size() + " beam outputs score worse");
        assertTrue(beamSum > greedySum, "beam " + beamSum + " against greedy " + greedySum);
    }

    @Test
    void nBestIsSortedAndDistinct() {
        Seq2SeqModel m = biased(1.0);
        LengthPenalty penalty = new LengthPenalty(0.6);
        List<int[]> sources = ToyBatches.sequences(20, 1, 7, VOCAB, 31);
        List<List<ScoredHypothesis>> found = beam(5, 5, 0.6, 0, 8, 8).search(m, sources);
        for (int i = 0; i < sources.size(); i++) {
            List<ScoredHypothesis> nBest = found.get(i);
            assertEquals(5, nBest.size(), "source " + i);
            for (int j = 0; j < nBest.size(); j++) {
                Hypothesis h = nBest.get(j).hypothesis();
                assertTrue(h.finished());
                assertEquals(penalty.score(h.logProbability(), h.tokens().length + 1), nBest.get(j).score(), 1e-12);
                assertEquals(teacherForced(m, sources.get(i), h.tokens()), h.logProbability(), 1e-9,
                        "source " + i + " hypothesis " + j);
                assertFalse(Arrays.stream(h.tokens()).anyMatch(t -> t == EOS));
                if (j > 0) {
                    assertTrue(nBest.get(j - 1).score() >= nBest.get(j).score(), "source " + i + " not sorted");
                }
                for (int o = 0; o < j; o++) {
                    assertFalse(Arrays.equals(nBest.get(o).hypothesis().tokens(), h.tokens()),
                            "source " + i + ": hypotheses " + o + " and " + j + " are equal");
                }
            }
        }
    }

    @Test
    void minLengthIsRespected() {
        Seq2SeqModel m = biased(3.0);
        List<int[]> sources = ToyBatches.sequences(20, 1, 7, VOCAB, 41);
        boolean shortWithout = beam(3, 3, 0, 0, 8, 8).search(m, sources).stream().flatMap(List::stream)
                .anyMatch(h -> h.hypothesis().tokens().length < 4);
        assertTrue(shortWithout, "the model must prefer short outputs for this test to mean anything");
        for (List<ScoredHypothesis> nBest : beam(3, 3, 0, 4, 8, 8).search(m, sources)) {
            assertEquals(3, nBest.size());
            for (ScoredHypothesis h : nBest) {
                assertTrue(h.hypothesis().tokens().length >= 4, Arrays.toString(h.hypothesis().tokens()));
            }
        }
    }

    @Test
    void maxLengthIsRespected() {
        Seq2SeqModel m = biased(-5.0);
        List<int[]> sources = ToyBatches.sequences(20, 1, 7, VOCAB, 51);
        boolean reachesLimit = false;
        for (List<ScoredHypothesis> nBest : beam(3, 3, 0.6, 0, 3, 8).search(m, sources)) {
            assertEquals(3, nBest.size());
            for (ScoredHypothesis h : nBest) {
                assertTrue(h.hypothesis().tokens().length <= 3, Arrays.toString(h.hypothesis().tokens()));
                assertTrue(h.hypothesis().finished());
                reachesLimit |= h.hypothesis().tokens().length == 3;
            }
        }
        assertTrue(reachesLimit, "the model must prefer long outputs for this test to mean anything");
    }

    @Test
    void batchedResultsEqualOneSourceAtATime() {
        Seq2SeqModel m = model(TinyModels.of(CellType.LSTM, true, 2, DecoderInit.BRIDGE, true, false, false));
        List<int[]> sources = ToyBatches.sequences(20, 1, 8, VOCAB, 61);
        List<List<ScoredHypothesis>> batched = beam(3, 3, 0.6, 1, 9, 7).search(m, sources);
        for (int i = 0; i < sources.size(); i++) {
            List<ScoredHypothesis> alone = beam(3, 3, 0.6, 1, 9, 7).searchBatch(m, List.of(sources.get(i))).get(0);
            assertEquals(alone.size(), batched.get(i).size(), "source " + i);
            for (int j = 0; j < alone.size(); j++) {
                assertArrayEquals(alone.get(j).hypothesis().tokens(), batched.get(i).get(j).hypothesis().tokens(),
                        "source " + i + " hypothesis " + j);
                assertEquals(alone.get(j).score(), batched.get(i).get(j).score(), 1e-9);
            }
        }
    }

    @Test
    void decoderOfConfigBuildsTheConfiguredSearch() {
        Decoder greedy = Decoder.of(new DecodingConfig(new DecodingConfig.Greedy(), 7, 3));
        Decoder beam = Decoder.of(new DecodingConfig(new DecodingConfig.Beam(4, 2, 0.5, 1), 7, 3));
        assertTrue(greedy instanceof GreedyDecoder);
        assertEquals(new BeamSearch.Options(4, 2, 0.5, 1, 7, 3), ((BeamSearch) beam).options());
    }

    @Test
    void bestTakesTheTopCandidatesWithTiesToTheLowerIndex() {
        double inf = Double.NEGATIVE_INFINITY;
        double[][] scores = {{9, -1, -3, -1}, {-2, -1, inf, -0.5}, {inf, inf, inf, inf}};
        // candidates are numbered slot * V + token; -inf is never a candidate
        assertArrayEquals(new int[]{0, 7, 1, 3}, BeamSearch.best(scores, 0, 2, 4));
        assertArrayEquals(new int[]{0, 1, 3}, BeamSearch.best(scores, 0, 1, 3));
        assertArrayEquals(new int[]{3, 1, 0}, BeamSearch.best(scores, 1, 2, 6));
        assertArrayEquals(new int[0], BeamSearch.best(scores, 2, 1, 2));
    }

    @Test
    void rejectsInvalidOptions() {
        assertThrows(IllegalArgumentException.class, () -> beam(0, 1, 0, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> beam(2, 3, 0, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> beam(2, 1, -0.1, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> beam(2, 1, 0, 6, 5, 1));
    }
}
