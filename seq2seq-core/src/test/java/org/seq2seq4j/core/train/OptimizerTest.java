package org.seq2seq4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.config.OptimizerConfig;

class OptimizerTest {

    private static final OptimizerConfig.Adam ADAM = new OptimizerConfig.Adam(0.01, 0.9, 0.98, 1e-3);

    @Test
    void adamFollowsAlgorithmOneInPyTorchForm() {
        int n = 50;
        Random random = new Random(7);
        double[] p = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextGaussian();
        }
        INDArray params = Nd4j.createFromArray(p.clone());
        Optimizer adam = Optimizer.create(ADAM, n, DataType.DOUBLE);
        for (int t = 1; t <= 4; t++) {
            double lr = 0.01 / t;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                // tiny gradients make epsilon matter, so that its bias correction is checked too
                g[i] = random.nextGaussian() * (i % 2 == 0 ? 1 : 1e-4);
            }
            adam.step(params, Nd4j.createFromArray(g), lr);
            for (int i = 0; i < n; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.98 * v[i] + 0.02 * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.98, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-3);
            }
            assertArrayEquals(p, params.toDoubleVector(), 1e-12, "step " + t);
        }
    }

    @Test
    void adamResumedFromWrittenStateTakesTheSameSteps() throws IOException {
        int n = 20;
        INDArray straight = Nd4j.rand(DataType.DOUBLE, n);
        INDArray resumed = straight.dup();
        INDArray[] gradients = {Nd4j.rand(DataType.DOUBLE, n), Nd4j.rand(DataType.DOUBLE, n).subi(1),
                Nd4j.rand(DataType.DOUBLE, n)};
        Optimizer a = Optimizer.create(ADAM, n, DataType.DOUBLE);
        for (INDArray g : gradients) {
            a.step(straight, g, 0.01);
        }
        Optimizer first = Optimizer.create(ADAM, n, DataType.DOUBLE);
        first.step(resumed, gradients[0], 0.01);
        var bytes = new ByteArrayOutputStream();
        first.write(new DataOutputStream(bytes));
        Optimizer second = Optimizer.create(ADAM, n, DataType.DOUBLE);
        second.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        second.step(resumed, gradients[1], 0.01);
        second.step(resumed, gradients[2], 0.01);
        assertArrayEquals(straight.toDoubleVector(), resumed.toDoubleVector(), 0.0);
    }
}
