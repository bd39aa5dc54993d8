package org.seq2seq4j.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.decode.BeamSearch;
import org.seq2seq4j.core.decode.LengthPenalty;
import org.seq2seq4j.core.decode.ScoredHypothesis;
import org.seq2seq4j.core.graph.SparseNegativeLogLikelihood;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.GraphGradientCheck;
import org.seq2seq4j.core.testing.ModelInvariants;
import org.seq2seq4j.core.testing.TinyModels;

/**
 * Models with coverage, with and without copy: gradients of the whole graph with the coverage loss weighted in, the
 * coverage loss equals Σ min(a, c) of the model's own attention weights, step-wise decoding carries the coverage exactly
 * as the teacher-forced pass computes it, save/load, and beam search's GNMT coverage penalty.
 */
class CoverageModelTest {

    private static final int V = CopyBatches.V;
    private static final double LAMBDA = 0.7;

    private static ModelConfig plain(CellType cell, boolean bidirectional, int layers, DecoderInit init,
                                     AttentionType type) {
        return TinyModels.of(cell, bidirectional, layers, init, false, false, false, type).withCoverage(true);
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("dot lstm", plain(CellType.LSTM, false, 1, DecoderInit.LAST, AttentionType.DOT)),
                Arguments.of("general gru bidirectional 2 layers bridge", plain(CellType.GRU, true, 2,
                        DecoderInit.BRIDGE, AttentionType.GENERAL)),
                Arguments.of("additive lstm zero init", plain(CellType.LSTM, false, 1, DecoderInit.ZERO,
                        AttentionType.ADDITIVE)),
                Arguments.of("copy general lstm", CopyBatches.of(CellType.LSTM, false, 1, DecoderInit.LAST, false,
                        false, false, AttentionType.GENERAL).withCoverage(true)),
                Arguments.of("copy additive gru context shared reversed", CopyBatches.of(CellType.GRU, false, 1,
                        DecoderInit.BRIDGE, true, true, true, AttentionType.ADDITIVE).withCoverage(true)));
    }

    private static Seq2SeqModel model(ModelConfig c) {
        Seq2SeqModel m = CopyBatches.model(c, DataType.DOUBLE);
        // w_cov starts at 0 (coverage off); give it weight so that the coverage path is exercised
        var attention = m.graph().getVertex(c.copy() ? GlobalAttentionFactory.COPY : GlobalAttentionFactory.ATTENTION);
        INDArray w = attention.paramTable(false).get(SingleQueryAttention.W_COV);
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(3);
        w.assign(org.nd4j.linalg.factory.Nd4j.rand(w.dataType(), w.shape()).subi(0.5).muli(4));
        return m;
    }

    private static Batch batch(Seq2SeqModel m) {
        return m.config().copy() ? CopyBatches.batch(m) : m.batches().batch(
                List.of(new int[]{4, 5, 6, 7, 8}, new int[]{9, 4}, new int[]{10, 11, 4, 5}),
                List.of(new int[]{5, 4, 6}, new int[]{7, 7, 8, 9}, new int[]{10}));
    }

    /** The gradient-checked subset of {@link #variants} (the checks dominate the test time). */
    static Stream<Arguments> checkedVariants() {
        return variants().filter(a -> !a.get()[0].toString().startsWith("additive")
                && !a.get()[0].toString().equals("copy general lstm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedVariants")
    void analyticGradientsWithTheCoverageLossMatchCentralDifferences(String name, ModelConfig c) {
        Seq2SeqModel m = model(c);
        var failures = GraphGradientCheck.check(m.graph(), batch(m).toMultiDataSet(LAMBDA), 300, 3, 1e-5, 1e-3,
                1e-8);
        assertEquals(List.of(), failures, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void coverageLossIsTheSumOfMinimaOfTheModelsOwnWeightsAndRunningSums(String name, ModelConfig c) {
        Seq2SeqModel m = model(c);
        Batch b = batch(m);
        double nll = m.lossSum(b);
        double withCoverage = m.graph().score(b.toMultiDataSet(LAMBDA), false) * b.size();
        INDArray a = m.attentionWeights(b);
        double expected = 0;
        for (int i = 0; i < b.size(); i++) {
            long steps = b.targetMask().getRow(i).sumNumber().longValue();
            INDArray coverage = a.get(NDArrayIndex.point(i), NDArrayIndex.point(0), NDArrayIndex.all()).mul(0);
            for (int t = 0; t < steps; t++) {
                INDArray at = a.get(NDArrayIndex.point(i), NDArrayIndex.point(t), NDArrayIndex.all());
                expected += Transforms.min(at, coverage, true).sumNumber().doubleValue();
                coverage.addi(at);
            }
        }
        assertTrue(expected > 0.1, "the batch has coverage loss to check: " + expected);
        assertEquals(LAMBDA * expected, withCoverage - nll, 1e-9, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void stepwiseDecodingCarriesTheCoverageAsTheTeacherForcedPass(String name, ModelConfig c) {
        Seq2SeqModel m = model(c);
        Batch b = batch(m);
        INDArray teacher = m.probabilities(b);
        List<int[]> sources = m.config().copy() ? CopyBatches.SOURCES
                : List.of(new int[]{4, 5, 6, 7, 8}, new int[]{9, 4}, new int[]{10, 11, 4, 5});
        DecoderState state = m.start(m.encode(sources));
        int[][] inputs = b.targetInput().toIntMatrix();
        if (m.config().copy()) {
            // the decoder reads the copied extended ids themselves
            for (int i = 0; i < inputs.length; i++) {
                int[] tgt = CopyBatches.TARGETS.get(i);
                System.arraycopy(tgt, 0, inputs[i], 1, Math.min(tgt.length, inputs[i].length - 1));
            }
        }
        for (int t = 0; t < teacher.size(2); t++) {
            int[] prev = new int[inputs.length];
            for (int i = 0; i < prev.length; i++) {
                prev[i] = inputs[i][t];
            }
            Seq2SeqModel.Step step = m.step(state, prev);
            state = step.state();
            for (int i = 0; i < prev.length; i++) {
                if (b.targetMask().getDouble(i, t) == 0) {
                    continue;
                }
                INDArray expected = teacher.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(t));
                INDArray actual = Transforms.exp(step.logProbabilities().getRow(i));
                if (m.config().copy()) {
                    actual.subi(SparseNegativeLogLikelihood.EPSILON);
                }
                assertTrue(expected.equalsWithEps(actual, 1e-10), name + ": example " + i + " step " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void savedAndLoadedModelGivesIdenticalOutputsAndLosses(String name, ModelConfig c, @TempDir Path dir) {
        Seq2SeqModel m = model(c);
        m.save(dir);
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        assertEquals(m.config(), loaded.config());
        Batch b = batch(m);
        assertEquals(m.probabilities(b), loaded.probabilities(b));
        assertEquals(m.graph().score(b.toMultiDataSet(LAMBDA), false),
                loaded.graph().score(b.toMultiDataSet(LAMBDA), false), 0.0);
    }

    @Test
    void trainingStepsWeighTheCoverageLossByTheirPhase() {
        Seq2SeqModel m = model(plain(CellType.LSTM, false, 1, DecoderInit.LAST, AttentionType.DOT));
        Batch b = batch(m);
        var phases = List.of(new org.seq2seq4j.core.config.TrainingPhase(0, 0.0),
                new org.seq2seq4j.core.config.TrainingPhase(5, 2.0));
        var config = new org.seq2seq4j.core.config.TrainingConfig(1, 16,
                new org.seq2seq4j.core.config.OptimizerConfig.Sgd(0.1, 0.0),
                new org.seq2seq4j.core.config.LearningRateSchedule.Constant(),
                new org.seq2seq4j.core.config.GradientClipping.None(),
                org.seq2seq4j.core.config.Normalization.TOKENS, org.seq2seq4j.core.config.ValidationMetric.DEV_LOSS,
                new org.seq2seq4j.core.config.EarlyStopping(false, 1), phases);
        var step = org.seq2seq4j.core.train.TrainingStep.create(m, config);
        double nll = m.lossSum(b);
        double coverageLoss = m.graph().score(b.toMultiDataSet(1.0), false) * b.size() - nll;
        assertTrue(coverageLoss > 0.1, "the batch has coverage loss: " + coverageLoss);
        // learning rate 0: the parameters stay, so the steps differ only by their phase's weight
        assertEquals(nll, step.run(b, 0.0, 0), 1e-9, "phase 1: no coverage loss");
        assertEquals(nll, step.run(b, 0.0, 4), 1e-9);
        assertEquals(nll + 2.0 * coverageLoss, step.run(b, 0.0, 5), 1e-9, "phase 2 from step 5: weight 2");
        assertEquals(nll + 2.0 * coverageLoss, step.run(b, 0.0, 900), 1e-9);
        assertEquals(1.0, new org.seq2seq4j.core.config.TrainingConfig(1, 16, config.optimizer(), config.schedule(),
                config.clipping(), config.normalization(), config.validationMetric(), config.earlyStopping())
                .coverageLossWeight(0), "without phases the weight is 1");
    }

    @Test
    void plainCoverageModelsKeepThePaddingInvariant() {
        Seq2SeqModel m = model(plain(CellType.LSTM, true, 1, DecoderInit.LAST, AttentionType.GENERAL));
        ModelInvariants.paddingDoesNotChangeOutputs(m, V);
        ModelInvariants.stepwiseDecodingEqualsTeacherForcedPass(m, V);
    }

    @Test
    void beamSearchAddsTheGnmtCoveragePenaltyOfTheHypothesisOwnAttention() {
        for (ModelConfig c : List.of(plain(CellType.LSTM, false, 1, DecoderInit.LAST, AttentionType.DOT),
                TinyModels.of(CellType.GRU, false, 1, DecoderInit.LAST, false, false, true, AttentionType.GENERAL))) {
            Seq2SeqModel m = c.coverage() ? model(c) : CopyBatches.model(c, DataType.DOUBLE);
            // sources longer than the outputs can be: some positions stay covered less than once
            List<int[]> sources = List.of(new int[]{4, 5, 6, 7, 8, 9, 10, 11, 4, 5, 6, 7}, new int[]{9, 4});
            boolean penalised = false;
            double beta = 0.8;
            double alpha = 0.6;
            List<List<ScoredHypothesis>> found = new BeamSearch(new BeamSearch.Options(3, 2, alpha, 0, 3, 4, beta))
                    .search(m, sources);
            for (int i = 0; i < sources.size(); i++) {
                for (ScoredHypothesis h : found.get(i)) {
                    int[] tokens = h.hypothesis().tokens();
                    Batch b = m.batches().batch(List.of(sources.get(i)), List.of(tokens));
                    INDArray a = m.attentionWeights(b).get(NDArrayIndex.point(0), NDArrayIndex.all(),
                            NDArrayIndex.all());
                    INDArray coverage = a.sum(0);
                    double cp = 0;
                    for (int s = 0; s < sources.get(i).length; s++) {
                        cp += Math.log(Math.min(coverage.getDouble(s), 1.0));
                    }
                    double expected = new LengthPenalty(alpha).score(h.hypothesis().logProbability(),
                            tokens.length + 1) + beta * cp;
                    assertEquals(expected, h.score(), 1e-9, c + " source " + i);
                    penalised |= cp < 0;
                }
            }
            assertTrue(penalised, "some hypothesis covers a source position less than once");
        }
    }
}
