package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class ElementFunctionsTest {

    /** Arguments from -20 to 20 in steps of 1e-3, and beyond the clamp of the rational function. */
    private static double[] arguments() {
        double[] x = new double[40_005];
        for (int i = 0; i <= 40_000; i++) {
            x[i] = -20 + i * 1e-3;
        }
        x[40_001] = 1e30;
        x[40_002] = -1e30;
        x[40_003] = 1e-30;
        x[40_004] = Double.POSITIVE_INFINITY;
        return x;
    }

    private static double maxError(ElementFunctions f, boolean sigmoid) {
        double[] x = arguments();
        double[] y = x.clone();
        if (sigmoid) {
            f.sigmoid(y, 0, y.length);
        } else {
            f.tanh(y, 0, y.length);
        }
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double exact = sigmoid ? 1 / (1 + Math.exp(-x[i])) : Math.tanh(x[i]);
            worst = Math.max(worst, Math.abs(y[i] - exact));
        }
        return worst;
    }

    @Test
    void floatTanhIsWithinItsStatedError() {
        double e = maxError(ElementFunctions.FLOAT, false);
        assertEquals(0, e, 3e-7, "largest error of the rational tanh");
    }

    @Test
    void floatSigmoidIsWithinItsStatedError() {
        assertEquals(0, maxError(ElementFunctions.FLOAT, true), 1.5e-7, "largest error of the sigmoid");
    }

    @Test
    void doubleFunctionsAreExact() {
        assertEquals(0, maxError(ElementFunctions.DOUBLE, false), 1e-15);
        assertEquals(0, maxError(ElementFunctions.DOUBLE, true), 1e-15);
    }

    @Test
    void onlyTheGivenRangeChanges() {
        double[] x = {3, 3, 3, 3};
        ElementFunctions.FLOAT.tanh(x, 1, 3);
        assertEquals(3, x[0]);
        assertEquals(Math.tanh(3), x[1], 3e-7);
        assertEquals(Math.tanh(3), x[2], 3e-7);
        assertEquals(3, x[3]);
    }

    @Test
    void tanhInPlaceAppliesTheArraysPrecisionToEveryElement() {
        INDArray x = Nd4j.linspace(-5, 5, 10_000, DataType.FLOAT).reshape(100, 100);
        INDArray expected = Transforms.tanh(x.castTo(DataType.DOUBLE), true);
        ElementFunctions.tanhInPlace(x);
        assertTrue(expected.equalsWithEps(x.castTo(DataType.DOUBLE), 3e-7));
    }
}
