package org.seq2seq4j.core.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LstmCellTest {

    private static final LstmCell CELL = new LstmCell();

    @Test
    void forwardFollowsTheCellEquations() {
        int steps = 3;
        int h = 2;
        CellParams p = RecurrentCellTest.params(CELL, 1, h, 3);
        INDArray xw = Nd4j.randn(DataType.DOUBLE, steps, 1, 4L * h);
        double[][] u = p.recurrentWeights().toDoubleMatrix();
        double[] hPrev = {0.3, -0.2};
        double[] cPrev = {-0.5, 0.4};
        double[][] expected = new double[steps][h];
        double[] hs = hPrev.clone();
        double[] cs = cPrev.clone();
        for (int t = 0; t < steps; t++) {
            double[] z = xw.get(NDArrayIndex.point(t), NDArrayIndex.point(0), NDArrayIndex.all()).reshape(-1)
                    .toDoubleVector();
            for (int k = 0; k < 4 * h; k++) {
                for (int j = 0; j < h; j++) {
                    z[k] += hs[j] * u[j][k];
                }
            }
            double[] next = new double[h];
            for (int j = 0; j < h; j++) {
                double i = RecurrentCellTest.sigmoid(z[j]);
                double f = RecurrentCellTest.sigmoid(z[h + j]);
                double c = f * cs[j] + i * Math.tanh(z[2 * h + j]);
                next[j] = RecurrentCellTest.sigmoid(z[3 * h + j]) * Math.tanh(c);
                cs[j] = c;
            }
            hs = next;
            expected[t] = next;
        }
        INDArray[] initial = {Nd4j.createFromArray(new double[][]{hPrev}), Nd4j.createFromArray(new double[][]{cPrev})};
        SequenceCache cache = CELL.forward(xw.dup(), p, null, initial, false);
        for (int t = 0; t < steps; t++) {
            assertArrayEquals(expected[t], cache.output().slice(t).reshape(-1).toDoubleVector(), 1e-12, "step " + t);
        }
        assertArrayEquals(cs, cache.finalState()[1].reshape(-1).toDoubleVector(), 1e-12);
    }
}
