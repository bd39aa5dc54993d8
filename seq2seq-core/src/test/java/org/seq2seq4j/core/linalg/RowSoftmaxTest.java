package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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

    /**
     * For float logits, {@link RowSoftmax#best}'s polynomial exponential gives the log-probability of the best entry
     * to 1e-5 of the exact value for rows of 8000 entries of narrow and wide spread, and the first of tied maxima.
     */
    @Test
    void bestOfFloatLogitsMatchesTheExactLogSumExp() {
        int cols = 8000;
        double[] spreads = {1e-3, 1, 5, 40};
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, spreads.length + 1, cols);
        for (int i = 0; i < spreads.length; i++) {
            z.getRow(i).muli(spreads[i]);
        }
        z.getRow(spreads.length).assign(2.5);
        RowSoftmax.Best best = RowSoftmax.best(z);
        for (int i = 0; i < z.size(0); i++) {
            double[] row = z.getRow(i).toDoubleVector();
            int argmax = 0;
            for (int j = 1; j < cols; j++) {
                if (row[j] > row[argmax]) {
                    argmax = j;
                }
            }
            assertEquals(argmax, best.ids()[i], "row " + i);
            assertEquals(expectedLogSoftmax(row)[argmax], best.logProbabilities()[i], 1e-5, "row " + i);
        }
        assertEquals(0, best.ids()[spreads.length], "ties go to the first entry");
        assertEquals(-Math.log(cols), best.logProbabilities()[spreads.length], 1e-6);
    }

    @Test
    void bestSplitOverThreadsEqualsBestOnOne() {
        Nd4j.getRandom().setSeed(4);
        INDArray z = Nd4j.randn(DataType.FLOAT, 64, 3000);
        RowSoftmax.Best one = RowSoftmax.best(z);
        RowSoftmax.Best[] two = new RowSoftmax.Best[1];
        RowSplit.withThreads(2, () -> two[0] = RowSoftmax.best(z));
        assertArrayEquals(one.ids(), two[0].ids());
        assertArrayEquals(one.logProbabilities(), two[0].logProbabilities(), 0.0);
    }
}
