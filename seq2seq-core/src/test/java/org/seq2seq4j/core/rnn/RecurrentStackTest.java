package org.seq2seq4j.core.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RecurrentStackTest {

    private static Map<String, INDArray> bind(INDArray flat, Map<String, long[]> shapes) {
        Map<String, INDArray> table = new LinkedHashMap<>();
        long offset = 0;
        for (var e : shapes.entrySet()) {
            long n = e.getValue()[0] * e.getValue()[1];
            table.put(e.getKey(), flat.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', e.getValue()));
            offset += n;
        }
        return table;
    }

    /** The inference step through one product with the stacked {@code [W; U; b]} equals the separate products. */
    @Test
    void stackedStepEqualsSeparateProducts() {
        var spec = new RecurrentStackSpec(CellType.LSTM, 5, 4, 2, false, 0, 0, 0);
        Nd4j.getRandom().setSeed(3);
        INDArray flat = Nd4j.randn(DataType.DOUBLE, spec.numParams());
        Map<String, INDArray> table = bind(flat, spec.paramShapes());
        List<CellParams> stacked = spec.cellParams(flat, table);
        List<CellParams> separate = spec.cellParams(table);
        for (CellParams p : stacked) {
            assertEquals(p.inputSize() + p.hiddenSize() + 1, p.stacked().size(0));
            assertArrayEquals(p.bias().reshape(-1).toDoubleVector(),
                    p.stacked().getRow(p.stacked().size(0) - 1).toDoubleVector(), 0.0);
        }
        RecurrentStack stack = new RecurrentStack(spec);
        INDArray initial = Nd4j.randn(DataType.DOUBLE, 3, 4);
        INDArray[][] a = stack.startState(initial, 3, DataType.DOUBLE);
        INDArray[][] b = stack.startState(initial, 3, DataType.DOUBLE);
        List<INDArray> outA = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 5);
            outA.add(stack.step(x, a, stacked));
            INDArray outB = stack.step(x, b, separate);
            assertArrayEquals(outB.reshape(-1).toDoubleVector(), outA.get(t).reshape(-1).toDoubleVector(), 1e-12);
        }
    }
}
