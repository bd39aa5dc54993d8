package org.seq2seq4j.core.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GruCellTest {

    private static final GruCell CELL = new GruCell();

    @Test
    void forwardFollowsTheCellEquations() {
        int steps = 3;
        int h = 2;
        CellParams p = RecurrentCellTest.params(CELL, 1, h, 4);
        INDArray xw = Nd4j.randn(DataType.DOUBLE, steps, 1, 3L * h);
        double[][] u = p.recurrentWeights().toDoubleMatrix();
        double[] bhn = p.recurrentBias().reshape(-1).toDoubleVector();
        double[] hs = {0.3, -0.2};
        INDArray[] initial = {Nd4j.createFromArray(new double[][]{hs.clone()})};
        double[][] expected = new double[steps][];
        for (int t = 0; t < steps; t++) {
            double[] x = xw.get(NDArrayIndex.point(t), NDArrayIndex.point(0), NDArrayIndex.all()).toDoubleVector();
            double[] hu = new double[3 * h];
            for (int k = 0; k < 3 * h; k++) {
                for (int j = 0; j < h; j++) {
                    hu[k] += hs[j] * u[j][k];
                }
            }
            double[] next = new double[h];
            for (int j = 0; j < h; j++) {
                double r = RecurrentCellTest.sigmoid(x[j] + hu[j]);
                double z = RecurrentCellTest.sigmoid(x[h + j] + hu[h + j]);
                double n = Math.tanh(x[2 * h + j] + r * (hu[2 * h + j] + bhn[j]));
                next[j] = (1 - z) * n + z * hs[j];
            }
            hs = next;
            expected[t] = next;
        }
        SequenceCache cache = CELL.forward(xw.dup(), p, null, initial, false);
        for (int t = 0; t < steps; t++) {
            assertArrayEquals(expected[t], cache.output().slice(t).reshape(-1).toDoubleVector(), 1e-12, "step " + t);
        }
        assertArrayEquals(hs, cache.finalState()[0].reshape(-1).toDoubleVector(), 1e-12);
    }
}
