package org.seq2seq4j.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SparseSoftmaxCrossEntropyTest {

    private final SparseSoftmaxCrossEntropy loss = new SparseSoftmaxCrossEntropy();
    private final INDArray logits = Nd4j.createFromArray(new double[][]{{1, 2, 3}, {1000, -1000, 0}, {0.5, 0.5, 9}});
    private final INDArray labels = Nd4j.createFromArray(new double[][]{{2}, {0}, {1}});
    private final INDArray mask = Nd4j.createFromArray(new double[][]{{1}, {1}, {0}});

    @Test
    void scoreIsLogSumExpMinusTheLabelLogitAndStaysFiniteForLargeLogits() {
        INDArray s = loss.computeScoreArray(labels, logits, new ActivationIdentity(), mask);
        assertEquals(Math.log(Math.exp(-2) + Math.exp(-1) + 1), s.getDouble(0, 0), 1e-12);
        assertEquals(Math.log(1 + Math.exp(-1000) + Math.exp(-2000)), s.getDouble(1, 0), 1e-12);
        assertEquals(0.0, s.getDouble(2, 0));
        // a label probability of exp(-2000) underflows: the row takes the log-sum-exp path
        INDArray far = loss.computeScoreArray(Nd4j.createFromArray(new double[][]{{1}}),
                Nd4j.createFromArray(new double[][]{{1000, -1000, 0}}), new ActivationIdentity(), null);
        assertEquals(2000.0, far.getDouble(0, 0), 1e-9);
        assertEquals(s.sumNumber().doubleValue() / 3, loss.computeScore(labels, logits, new ActivationIdentity(),
                mask, true), 1e-12);
    }

    @Test
    void gradientIsSoftmaxMinusOneHotAndZeroAtMaskedRows() {
        INDArray g = loss.computeGradient(labels, logits, new ActivationIdentity(), mask);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertTrue(Nd4j.createFromArray(Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z - 1)
                .equalsWithEps(g.getRow(0), 1e-12), g.toString());
        // the label's logit dominates: softmax 1 there, so the gradient vanishes (and stays finite)
        assertEquals(0.0, g.getRow(1).norm1Number().doubleValue(), 1e-12, g.toString());
        assertEquals(0.0, g.getRow(2).norm1Number().doubleValue());
    }

    /** Finite differences of the summed score against the analytic gradient. */
    @Test
    void gradientMatchesFiniteDifferences() {
        INDArray z = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 4, 5).muli(4).subi(2);
        INDArray y = Nd4j.createFromArray(new double[][]{{0}, {4}, {2}, {2}});
        INDArray g = loss.computeGradient(y, z, new ActivationIdentity(), null);
        double h = 1e-6;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                INDArray up = z.dup();
                up.putScalar(i, j, z.getDouble(i, j) + h);
                INDArray down = z.dup();
                down.putScalar(i, j, z.getDouble(i, j) - h);
                double numeric = (loss.computeScore(y, up, new ActivationIdentity(), null, false)
                        - loss.computeScore(y, down, new ActivationIdentity(), null, false)) / (2 * h);
                assertEquals(numeric, g.getDouble(i, j), 1e-7, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void rejectsProbabilitiesAndOutOfRangeIds() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> loss.computeScoreArray(labels, logits, new ActivationSoftmax(), null));
        assertTrue(e.getMessage().contains("identity"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> loss.computeGradient(
                Nd4j.createFromArray(new double[][]{{2}, {3}, {0}}), logits, new ActivationIdentity(), null));
        assertTrue(bad.getMessage().contains("label id 3") && bad.getMessage().contains("3 entries"),
                bad.getMessage());
    }
}
