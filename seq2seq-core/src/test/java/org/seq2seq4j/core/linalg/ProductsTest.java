package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ProductsTest {

    private static INDArray random(long... shape) {
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    @Test
    void batchedMatVecMultipliesEveryMatrixByItsOwnVector() {
        Nd4j.getRandom().setSeed(1);
        INDArray m = random(3, 4, 5);
        INDArray v = random(3, 5);
        INDArray out = Products.batchedMatVec(m, v);
        for (int b = 0; b < 3; b++) {
            INDArray expected = m.slice(b).mmul(v.getRow(b).reshape(5, 1)).reshape(1, 4);
            assertTrue(expected.equalsWithEps(out.getRow(b).reshape(1, 4), 1e-12), "batch " + b);
        }
    }

    @Test
    void batchedVecMatWeighsEveryMatrixsRowsByItsOwnVector() {
        Nd4j.getRandom().setSeed(2);
        INDArray w = random(3, 4);
        // a permuted view: the product must read it by its strides
        INDArray m = random(3, 5, 4).permute(0, 2, 1);
        INDArray out = Products.batchedVecMat(w, m);
        for (int b = 0; b < 3; b++) {
            INDArray expected = w.getRow(b).reshape(1, 4).mmul(m.slice(b));
            assertTrue(expected.equalsWithEps(out.getRow(b).reshape(1, 5), 1e-12), "batch " + b);
        }
    }

    @Test
    void batchedProductsSplitOverThreadsEqualOneThread() {
        Nd4j.getRandom().setSeed(3);
        INDArray m = random(16, 20, 64);
        INDArray v = random(16, 64);
        INDArray w = random(16, 20);
        INDArray[] two = new INDArray[2];
        RowSplit.withThreads(2, () -> {
            two[0] = Products.batchedMatVec(m, v);
            two[1] = Products.batchedVecMat(w, m);
        });
        assertTrue(Products.batchedMatVec(m, v).equals(two[0]));
        assertTrue(Products.batchedVecMat(w, m).equals(two[1]));
    }

    @Test
    void batchedProductRejectsAVectorOfTheWrongSize() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Products.batchedMatVec(random(2, 3, 4), random(2, 3)));
        assertTrue(e.getMessage().contains("[2, 4]"), e.getMessage());
    }

    @Test
    void affineAddsTheBiasToEveryRow() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = random(6, 3);
        INDArray w = random(3, 5);
        INDArray b = random(1, 5);
        assertTrue(x.mmul(w).addRowVector(b).equalsWithEps(Products.affine(x, w, b), 1e-12));
    }
}
