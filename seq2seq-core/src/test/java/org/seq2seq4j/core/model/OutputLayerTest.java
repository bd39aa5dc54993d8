package org.seq2seq4j.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.graph.OutputProjectionVertexImpl;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.graph.SoftmaxCrossEntropyLayerImpl;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.testing.TinyModels;
import org.seq2seq4j.core.testing.ToyBatches;

/**
 * The output projection and its fused softmax cross-entropy (model format 6), and models saved before it with DL4J's
 * {@code RnnOutputLayer}, which still load and decode.
 */
class OutputLayerTest {

    private static final int VOCAB = 12;

    @Test
    void newModelsProjectInAVertexAndScoreWithTheFusedLoss() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, VOCAB, VOCAB, 3, DataType.DOUBLE);
        assertTrue(m.graph().getVertex(Seq2SeqGraph.PROJECTION) instanceof OutputProjectionVertexImpl);
        assertTrue(m.graph().getLayer(Seq2SeqGraph.OUTPUT) instanceof SoftmaxCrossEntropyLayerImpl);
    }

    /**
     * The projection starts as DL4J's output layer did: Xavier-normal weights and a zero bias. With PyTorch's
     * uniform ±1/√H for both instead, the default addition experiment reached 2.8 % dev exact match after one epoch
     * and 10 % after two, against 8.4 % and 76 %.
     */
    @Test
    void projectionStartsWithXavierWeightsAndAZeroBias() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, 200, 200, 3, DataType.DOUBLE);
        var p = (OutputProjectionVertexImpl) m.graph().getVertex(Seq2SeqGraph.PROJECTION);
        assertEquals(0.0, p.bias().amaxNumber().doubleValue(), 0.0);
        INDArray w = p.weights();
        double expected = Math.sqrt(2.0 / (w.size(0) + w.size(1)));
        assertEquals(0.0, w.meanNumber().doubleValue(), 3 * expected / Math.sqrt(w.length()));
        assertEquals(expected, w.stdNumber().doubleValue(), 0.1 * expected);
    }

    @Test
    void logitsAreTheStatesTimesTheWeightsPlusTheBias() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, 30, 30, 3, DataType.DOUBLE);
        var p = (OutputProjectionVertexImpl) m.graph().getVertex(Seq2SeqGraph.PROJECTION);
        p.bias().assign(Nd4j.linspace(-1, 1, 30, DataType.DOUBLE).reshape(1, 30));
        INDArray h = Nd4j.rand(DataType.DOUBLE, 4, p.weights().size(0));
        assertArrayEquals(new long[]{p.weights().size(0), 30}, p.weights().shape());
        INDArray expected = h.mmul(p.weights().dup()).addRowVector(p.bias().dup());
        assertTrue(expected.equalsWithEps(p.logits(h), 1e-12));
    }

    /**
     * A model of format 6 held the projection as {@code [W; b]} ({@code [H + 1, V]}); it loads with the same logits.
     * The test writes this version's model with that block transposed back and its format set to 6.
     */
    @Test
    void modelOfFormat6LoadsWithItsProjection(@TempDir Path dir) throws IOException {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, VOCAB, VOCAB, 3, DataType.DOUBLE);
        var p = (OutputProjectionVertexImpl) m.graph().getVertex(Seq2SeqGraph.PROJECTION);
        p.bias().assign(Nd4j.linspace(-1, 1, VOCAB, DataType.DOUBLE).reshape(1, VOCAB));
        INDArray h = Nd4j.rand(DataType.DOUBLE, 3, p.weights().size(0));
        INDArray expected = p.logits(h);
        INDArray slice = p.params();
        INDArray stacked = Nd4j.concat(0, p.weights(), p.bias()).dup('c');
        slice.assign(stacked.reshape(slice.shape()));
        m.save(dir);
        Path meta = dir.resolve("model.json");
        ObjectNode node = (ObjectNode) Json.mapper().readTree(meta.toFile());
        node.put("schema", 6);
        Json.mapper().writeValue(meta.toFile(), node);
        assertEquals(6, Seq2SeqModel.format(dir));
        Seq2SeqModel loaded = Seq2SeqModel.load(dir);
        var q = (OutputProjectionVertexImpl) loaded.graph().getVertex(Seq2SeqGraph.PROJECTION);
        assertTrue(expected.equalsWithEps(q.logits(h), 1e-12));
    }

    /** The graph's loss is the negative log-likelihood of its own distributions at the labels, padding excluded. */
    @Test
    void lossSumIsTheNegativeLogLikelihoodOfTheProbabilities() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.of(CellType.GRU, true, 2, DecoderInit.BRIDGE, true, false,
                true), TinyModels.SYMBOLS, VOCAB, VOCAB, 5, DataType.DOUBLE);
        List<int[]> src = ToyBatches.sequences(4, 1, 6, VOCAB, 21);
        List<int[]> tgt = ToyBatches.sequences(4, 1, 7, VOCAB, 22);
        Batch b = m.batches().batch(src, tgt);
        assertEquals(negativeLogLikelihood(m, b), m.lossSum(b), 1e-9);
    }

    /** The score after a backward pass (taken from the gradient's softmax) equals the one a forward pass gives. */
    @Test
    void scoreAfterTheGradientEqualsTheForwardScore() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, VOCAB, VOCAB, 9, DataType.DOUBLE);
        Batch b = m.batches().batch(ToyBatches.sequences(4, 1, 6, VOCAB, 31), ToyBatches.sequences(4, 1, 7, VOCAB, 32));
        var g = m.graph();
        g.setInputs(b.inputs());
        g.setLabels(b.labels(1.0));
        g.setLayerMaskArrays(b.inputMasks(), b.labelMasks());
        g.computeGradientAndScore();
        g.clearLayerMaskArrays();
        assertEquals(m.lossSum(b), g.score() * b.size(), 1e-9);
        assertEquals(negativeLogLikelihood(m, b), g.score() * b.size(), 1e-9);
    }

    @Test
    void probabilitiesSumToOneAtRealStepsAndAreZeroAtPaddedOnes() {
        Seq2SeqModel m = Seq2SeqModel.create(TinyModels.base(), TinyModels.SYMBOLS, VOCAB, VOCAB, 7, DataType.DOUBLE);
        List<int[]> tgt = List.of(new int[]{4, 5, 6, 7}, new int[]{4});
        Batch b = m.batches().batch(ToyBatches.sequences(2, 2, 4, VOCAB, 3), tgt);
        INDArray p = m.probabilities(b);
        assertEquals(List.of(2L, (long) VOCAB, 5L), List.of(p.size(0), p.size(1), p.size(2)));
        INDArray sums = p.sum(1);
        for (int t = 0; t < 5; t++) {
            assertEquals(1.0, sums.getDouble(0, t), 1e-12);
            assertEquals(t <= 1 ? 1.0 : 0.0, sums.getDouble(1, t), 1e-12, "step " + t);
        }
    }

    /** A model of format 5 (saved by the toolkit before this change) keeps DL4J's output layer and still works. */
    @Test
    void modelSavedWithDl4jsOutputLayerLoadsAndDecodesStepwiseAsTeacherForced() throws URISyntaxException {
        Seq2SeqModel m = Seq2SeqModel.load(Path.of(getClass().getResource("/models/format5-gru").toURI()));
        assertFalse(m.graph().getVertex(Seq2SeqGraph.OUTPUT).getLayer() instanceof SoftmaxCrossEntropyLayerImpl);
        assertNull(m.graph().getVertex(Seq2SeqGraph.PROJECTION));
        int vocab = 12;
        List<int[]> src = ToyBatches.sequences(3, 1, 6, vocab, 8);
        List<int[]> tgt = ToyBatches.sequences(3, 2, 5, vocab, 9);
        Batch b = m.batches().batch(src, tgt);
        INDArray teacher = m.probabilities(b);
        DecoderState state = m.start(m.encode(src));
        for (int t = 0; t < b.targetInput().size(1); t++) {
            Seq2SeqModel.Step step = m.step(state, b.targetInput().getColumn(t).toIntVector());
            state = step.state();
            for (int i = 0; i < src.size(); i++) {
                if (t <= tgt.get(i).length) {
                    INDArray expected = teacher.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(t));
                    INDArray actual = Transforms.exp(step.logProbabilities().getRow(i)).castTo(expected.dataType());
                    assertTrue(expected.equalsWithEps(actual, 1e-5), "example " + i + " step " + t);
                }
            }
        }
        assertEquals(negativeLogLikelihood(m, b), m.lossSum(b), 1e-3);
    }

    private static double negativeLogLikelihood(Seq2SeqModel m, Batch b) {
        INDArray p = m.probabilities(b);
        double nll = 0;
        for (int i = 0; i < p.size(0); i++) {
            for (int t = 0; t < p.size(2); t++) {
                if (b.targetMask().getDouble(i, t) != 0) {
                    nll -= Math.log(p.getDouble(i, b.targetOutput().getInt(i, 0, t), t));
                }
            }
        }
        return nll;
    }
}
