package org.seq2seq4j.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LayoutTest {

    @Test
    void columnsAndOneJoinsThePartsAndAppendsOnes() {
        INDArray a = Nd4j.createFromArray(new float[][]{{1, 2}, {3, 4}, {5, 6}});
        // a transposed view: not row-major, so the join must read it by its strides
        INDArray b = Nd4j.createFromArray(new float[][]{{7, 8, 9}, {10, 11, 12}, {13, 14, 15}}).transpose();
        INDArray joined = Layout.columnsAndOne(a, b);
        INDArray expected = Nd4j.concat(1, a, b.dup('c'), Nd4j.ones(DataType.FLOAT, 3, 1));
        assertEquals(expected, joined);
        assertTrue(Layout.isRowMajorContiguous(joined));
    }

    @Test
    void columnsAndOneRejectsPartsOfDifferentRowCounts() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Layout.columnsAndOne(Nd4j.ones(DataType.FLOAT, 2, 3), Nd4j.ones(DataType.FLOAT, 3, 3)));
        assertTrue(e.getMessage().contains("[2, *]"), e.getMessage());
    }

    @Test
    void columnsJoinsThePartsOnly() {
        INDArray a = Nd4j.createFromArray(new double[][]{{1}, {2}});
        INDArray b = Nd4j.createFromArray(new double[][]{{3, 4}, {5, 6}});
        assertEquals(Nd4j.createFromArray(new double[][]{{1, 3, 4}, {2, 5, 6}}), Layout.columns(a, b));
    }
}
