package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RowSoftmaxTest {

    /** Rows of ordinary, huge, hugely negative and widely spread logits. */
    private static INDArray logits(DataType type) {
        return Nd4j.createFromArray(new double[][]{
                {0.5, -1.0, 2.0, 0.0},
                {1e4, 1e4 - 1, 1e4 + 2, 0},
                {-1e4, -1e4 + 3, -1e4 - 1, -1e4},
                {800, -800, 0, 1}}).castTo(type);
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

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void logSoftmaxIsStableForLargeLogits(DataType type) {
        INDArray z = logits(type);
        double tolerance = type == DataType.FLOAT ? 1e-3 : 1e-9;
        INDArray out = RowSoftmax.logSoftmax(z);
        for (int i = 0; i < z.size(0); i++) {
            assertArrayEquals(expectedLogSoftmax(z.getRow(i).toDoubleVector()), out.getRow(i).toDoubleVector(),
                    tolerance, "row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void crossEntropyGivesTheSoftmaxMinusOneHotAndTheNegativeLogLikelihood(DataType type) {
        INDArray z = logits(type);
        double tolerance = type == DataType.FLOAT ? 1e-3 : 1e-9;
        int[] labels = {2, 0, 3, 1};
        double[] keep = {1, 1, 0, 0.5};
        INDArray grad = Nd4j.create(type, z.shape());
        double[] scores = new double[4];
        RowSoftmax.crossEntropy(z, labels, keep, grad, scores);
        for (int i = 0; i < 4; i++) {
            double[] logp = expectedLogSoftmax(z.getRow(i).toDoubleVector());
            double[] g = new double[logp.length];
            for (int j = 0; j < g.length; j++) {
                g[j] = keep[i] * (Math.exp(logp[j]) - (j == labels[i] ? 1 : 0));
            }
            assertArrayEquals(g, grad.getRow(i).toDoubleVector(), tolerance * 1e-3, "row " + i);
            // row 3's label has probability e^-1600: its loss is still exact
            assertEquals(keep[i] == 0 ? 0 : -keep[i] * logp[labels[i]], scores[i], tolerance, "row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void bestIsTheArgmaxWithItsLogProbability(DataType type) {
        INDArray z = logits(type);
        RowSoftmax.Best best = RowSoftmax.best(z);
        INDArray logp = RowSoftmax.logSoftmax(z);
        for (int i = 0; i < z.size(0); i++) {
            assertEquals(z.getRow(i).argMax().getInt(0), best.ids()[i], "row " + i);
            // a float log-softmax of logits near 10^4 resolves log-probabilities to about 10^-3 only
            assertEquals(logp.getDouble(i, best.ids()[i]), best.logProbabilities()[i],
                    type == DataType.FLOAT ? 2e-3 : 1e-9, "row " + i);
        }
    }
}
