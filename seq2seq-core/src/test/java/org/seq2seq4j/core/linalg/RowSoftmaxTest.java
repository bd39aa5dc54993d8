package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RowSoftmaxTest {

    /** Rows of ordinary, huge, hugely negative and widely spread logits. */
    private static INDArray logits() {
        return Nd4j.createFromArray(new double[][]{
                {0.5, -1.0, 2.0, 0.0},
                {1e4, 1e4 - 1, 1e4 + 2, 0},
                {-1e4, -1e4 + 3, -1e4 - 1, -1e4},
                {800, -800, 0, 1}});
    }

    private static double[] expectedLogSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j] - max - Math.log(sum);
        }
        return out;
    }

    @Test
    void logSoftmaxIsStableForLargeLogits() {
        INDArray z = logits();
        INDArray out = RowSoftmax.logSoftmax(z);
        for (int i = 0; i < z.size(0); i++) {
            assertArrayEquals(expectedLogSoftmax(z.getRow(i).toDoubleVector()), out.getRow(i).toDoubleVector(), 1e-9,
                    "row " + i);
        }
    }

    @Test
    void crossEntropyGivesTheSoftmaxMinusOneHotAndTheNegativeLogLikelihood() {
        INDArray z = logits();
        int[] labels = {2, 0, 3, 1};
        double[] keep = {1, 1, 0, 0.5};
        INDArray grad = Nd4j.create(DataType.DOUBLE, z.shape());
        double[] scores = new double[4];
        RowSoftmax.crossEntropy(z, labels, keep, grad, scores);
        for (int i = 0; i < 4; i++) {
            double[] logp = expectedLogSoftmax(z.getRow(i).toDoubleVector());
            double[] g = new double[logp.length];
            for (int j = 0; j < g.length; j++) {
                g[j] = keep[i] * (Math.exp(logp[j]) - (j == labels[i] ? 1 : 0));
            }
            assertArrayEquals(g, grad.getRow(i).toDoubleVector(), 1e-12, "row " + i);
            // row 3's label has probability e^-1600: its loss is still exact
            assertEquals(keep[i] == 0 ? 0 : -keep[i] * logp[labels[i]], scores[i], 1e-9, "row " + i);
        }
    }

    @Test
    void theGradientMayOverwriteTheLogits() {
        INDArray z = logits();
        INDArray expected = Nd4j.create(DataType.DOUBLE, z.shape());
        double[] expectedScores = new double[4];
        RowSoftmax.crossEntropy(z, new int[]{0, 1, 2, 3}, null, expected, expectedScores);
        double[] scores = new double[4];
        RowSoftmax.crossEntropy(z, new int[]{0, 1, 2, 3}, null, z, scores);
        assertArrayEquals(expected.reshape(-1).toDoubleVector(), z.reshape(-1).toDoubleVector(), 0.0);
        assertArrayEquals(expectedScores, scores, 0.0);
    }

    @Test
    void splitRowsEqualOneThread() {
        INDArray z = Nd4j.randn(DataType.FLOAT, 64, 300).muli(4);
        INDArray one = RowSoftmax.logSoftmax(z);
        INDArray[] two = new INDArray[1];
        RowSplit.withThreads(2, () -> two[0] = RowSoftmax.logSoftmax(z));
        assertArrayEquals(one.reshape(-1).toFloatVector(), two[0].reshape(-1).toFloatVector(), 0f);
    }
}
