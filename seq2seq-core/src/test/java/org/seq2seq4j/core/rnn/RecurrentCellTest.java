package org.seq2seq4j.core.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.linalg.RowSplit;

/** Invariants every {@link RecurrentCell} keeps, checked for each cell type. */
class RecurrentCellTest {

    static Stream<RecurrentCell> cells() {
        return Stream.of(new LstmCell(), new GruCell());
    }

    /** The logistic function, written out independently of the cells' own. */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static CellParams params(RecurrentCell cell, int input, int hidden, long seed) {
        Nd4j.getRandom().setSeed(seed);
        long gates = (long) cell.gateBlocks() * hidden;
        return new CellParams(Nd4j.randn(DataType.DOUBLE, input, gates).muli(0.5),
                Nd4j.randn(DataType.DOUBLE, hidden, gates).muli(0.5),
                Nd4j.randn(DataType.DOUBLE, 1, gates).muli(0.5),
                cell instanceof GruCell ? Nd4j.randn(DataType.DOUBLE, 1, hidden).muli(0.5) : null);
    }

    private static CellParams zeroGradients(CellParams p) {
        return new CellParams(Nd4j.zerosLike(p.inputWeights()), Nd4j.zerosLike(p.recurrentWeights()),
                Nd4j.zerosLike(p.bias()), p.recurrentBias() == null ? null : Nd4j.zerosLike(p.recurrentBias()));
    }

    private static INDArray[] state(RecurrentCell cell, int batch, int h) {
        INDArray[] s = new INDArray[cell.stateCount()];
        for (int k = 0; k < s.length; k++) {
            s[k] = Nd4j.randn(DataType.DOUBLE, batch, h);
        }
        return s;
    }

    /**
     * A batch large enough for {@link RowSplit} to share each step's rows among threads gives every example the
     * outputs and gradients it gets alone. The suite runs with one thread, so the test asks for two.
     */
    @ParameterizedTest
    @MethodSource("cells")
    void splitBatchEqualsOneExampleAtATime(RecurrentCell cell) {
        RowSplit.withThreads(2, () -> checkSplitBatch(cell));
    }

    private static void checkSplitBatch(RecurrentCell cell) {
        int steps = 4;
        int batch = 64;
        int h = 48;
        assertTrue(batch * cell.gateBlocks() * h >= RowSplit.MIN_ELEMENTS, "the batch must be large enough to split");
        CellParams p = params(cell, 1, h, 5);
        INDArray xw = Nd4j.randn(DataType.DOUBLE, steps, batch, (long) cell.gateBlocks() * h);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, steps, batch);
        for (int b = 0; b < batch; b += 3) {
            mask.putScalar(new long[]{steps - 1, b}, 0);
            mask.putScalar(new long[]{steps - 2, b}, b % 2);
        }
        INDArray[] initial = state(cell, batch, h);
        INDArray dOut = Nd4j.randn(DataType.DOUBLE, steps, batch, h);
        for (boolean reverse : new boolean[]{false, true}) {
            SequenceCache all = cell.forward(xw.dup(), p, mask, initial, reverse);
            CellParams gAll = zeroGradients(p);
            INDArray[] dAll = cell.backward(all, p, dOut, gAll);
            CellParams gSum = zeroGradients(p);
            for (int b = 0; b < batch; b++) {
                INDArrayIndex[] ex = {NDArrayIndex.all(), NDArrayIndex.interval(b, b + 1), NDArrayIndex.all()};
                INDArray[] init = new INDArray[initial.length];
                for (int k = 0; k < init.length; k++) {
                    init[k] = initial[k].getRow(b, true).dup();
                }
                SequenceCache one = cell.forward(xw.get(ex).dup(), p,
                        mask.get(NDArrayIndex.all(), NDArrayIndex.interval(b, b + 1)).dup(), init, reverse);
                INDArray[] dOne = cell.backward(one, p, dOut.get(ex).dup(), gSum);
                String where = cell.getClass().getSimpleName() + ", example " + b + (reverse ? ", reversed" : "");
                assertArrayEquals(flat(one.output()), flat(all.output().get(ex)), 1e-12, where);
                assertArrayEquals(flat(dOne[0]), flat(dAll[0].get(ex)), 1e-12, where);
                for (int k = 1; k < dOne.length; k++) {
                    assertArrayEquals(flat(dOne[k]), flat(dAll[k].getRow(b)), 1e-12, where);
                }
            }
            // the weight gradients of the batch are the sums over its examples
            assertArrayEquals(flat(gSum.recurrentWeights()), flat(gAll.recurrentWeights()), 1e-9);
            assertArrayEquals(flat(gSum.bias()), flat(gAll.bias()), 1e-9);
            if (p.recurrentBias() != null) {
                assertArrayEquals(flat(gSum.recurrentBias()), flat(gAll.recurrentBias()), 1e-9);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void stepEqualsOneStepOfTheSequence(RecurrentCell cell) {
        int h = 3;
        CellParams p = params(cell, 1, h, 9);
        INDArray xw = Nd4j.randn(DataType.DOUBLE, 1, 2, (long) cell.gateBlocks() * h);
        INDArray[] state = state(cell, 2, h);
        SequenceCache cache = cell.forward(xw.dup(), p, null, state, false);
        INDArray[] next = cell.step(xw.slice(0).dup(), p, state);
        for (int k = 0; k < next.length; k++) {
            assertArrayEquals(flat(cache.finalState()[k]), flat(next[k]), 0.0);
        }
    }

    /**
     * A float sequence, whose gates take the approximate squashing functions, follows the double one (exact
     * functions) of the same inputs and parameters to float's precision, masked steps included; so do the gradients.
     */
    @ParameterizedTest
    @MethodSource("cells")
    void floatSequenceFollowsTheDoubleOne(RecurrentCell cell) {
        int steps = 6;
        int batch = 5;
        int h = 16;
        CellParams p = params(cell, 1, h, 13);
        INDArray xw = Nd4j.randn(DataType.DOUBLE, steps, batch, (long) cell.gateBlocks() * h).muli(2);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, steps, batch);
        mask.putScalar(new long[]{steps - 1, 1}, 0);
        mask.putScalar(new long[]{steps - 2, 3}, 0);
        INDArray[] initial = state(cell, batch, h);
        INDArray dOut = Nd4j.randn(DataType.DOUBLE, steps, batch, h);
        SequenceCache exact = cell.forward(xw.dup(), p, mask, initial, false);
        CellParams gExact = zeroGradients(p);
        cell.backward(exact, p, dOut, gExact);
        CellParams pf = toFloat(p);
        SequenceCache approx = cell.forward(xw.castTo(DataType.FLOAT), pf, mask.castTo(DataType.FLOAT),
                Arrays.stream(initial).map(a -> a.castTo(DataType.FLOAT)).toArray(INDArray[]::new), false);
        CellParams gApprox = zeroGradients(pf);
        cell.backward(approx, pf, dOut.castTo(DataType.FLOAT), gApprox);
        assertArrayEquals(flat(exact.output()), flat(approx.output()), 2e-6);
        for (int k = 0; k < exact.finalState().length; k++) {
            assertArrayEquals(flat(exact.finalState()[k]), flat(approx.finalState()[k]), 2e-6);
        }
        assertArrayEquals(flat(gExact.recurrentWeights()), flat(gApprox.recurrentWeights()), 1e-4);
        assertArrayEquals(flat(gExact.bias()), flat(gApprox.bias()), 1e-4);
    }

    private static CellParams toFloat(CellParams p) {
        return new CellParams(p.inputWeights().castTo(DataType.FLOAT), p.recurrentWeights().castTo(DataType.FLOAT),
                p.bias().castTo(DataType.FLOAT),
                p.recurrentBias() == null ? null : p.recurrentBias().castTo(DataType.FLOAT));
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').reshape(-1).toDoubleVector();
    }
}
