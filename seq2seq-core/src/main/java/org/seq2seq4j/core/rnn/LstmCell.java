package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LSTM cell without peepholes, gate blocks in the order input, forget, candidate, output:
 * <pre>
 *   [i f g o] = x W + b + h_{t-1} U
 *   i, f, o = sigmoid(.), g = tanh(.)
 *   c_t = f * c_{t-1} + i * g
 *   h_t = o * tanh(c_t)
 * </pre>
 * (Hochreiter and Schmidhuber 1997; Gers et al. 2000 for the forget gate). State: {h, c}.
 */
public final class LstmCell implements RecurrentCell {

    @Override
    public int gateBlocks() {
        return 4;
    }

    @Override
    public int stateCount() {
        return 2;
    }

    @Override
    public SequenceCache forward(INDArray xw, CellParams p, INDArray mask, INDArray[] initial, boolean reverse) {
        long steps = xw.size(0);
        long batch = xw.size(1);
        long h = p.hiddenSize();
        var type = xw.dataType();
        INDArray output = Nd4j.create(type, steps, batch, h);
        INDArray cellNew = Nd4j.create(type, steps, batch, h);
        INDArray tanhCell = Nd4j.create(type, steps, batch, h);
        INDArray prevH = Nd4j.create(type, steps, batch, h);
        INDArray prevC = Nd4j.create(type, steps, batch, h);
        StepMask m = StepMask.of(mask);
        INDArray hState = initial == null ? Nd4j.zeros(type, batch, h) : initial[0];
        INDArray cState = initial == null ? Nd4j.zeros(type, batch, h) : initial[1];
        for (int k = 0; k < steps; k++) {
            int t = reverse ? (int) steps - 1 - k : k;
            prevH.slice(t).assign(hState);
            prevC.slice(t).assign(cState);
            INDArray z = xw.slice(t);
            INDArray[] next = cellStep(z, p, hState, cState, cellNew.slice(t), tanhCell.slice(t));
            if (m == null) {
                output.slice(t).assign(next[0]);
                hState = next[0];
                cState = next[1];
            } else {
                INDArray[] hs = m.apply(t, next[0], hState);
                INDArray[] cs = m.apply(t, next[1].dup(), cState);
                output.slice(t).assign(hs[0]);
                hState = hs[1];
                cState = cs[1];
            }
        }
        return new SequenceCache(output, xw, new INDArray[]{cellNew, tanhCell}, new INDArray[]{prevH, prevC},
                mask, reverse, new INDArray[]{hState, cState});
    }

    /**
     * Computes one step in place on the pre-activation row block {@code z} ({@code [B, 4H]}, without the recurrent
     * term yet), writing the new cell state and its tanh into the given buffers. Returns {h_new, c_new}.
     */
    private static INDArray[] cellStep(INDArray z, CellParams p, INDArray hPrev, INDArray cPrev,
                                       INDArray cellOut, INDArray tanhOut) {
        long h = p.hiddenSize();
        Nd4j.gemm(hPrev, p.recurrentWeights(), z, false, false, 1.0, 1.0);
        INDArray ifGates = z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * h));
        Transforms.sigmoid(ifGates, false);
        INDArray i = z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
        INDArray f = z.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h));
        INDArray g = Transforms.tanh(z.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)), false);
        INDArray o = Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * h, 4 * h)), false);
        cellOut.assign(f.mul(cPrev)).addi(i.mul(g));
        tanhOut.assign(cellOut);
        Transforms.tanh(tanhOut, false);
        INDArray hNew = o.mul(tanhOut);
        return new INDArray[]{hNew, cellOut};
    }

    @Override
    public INDArray[] backward(SequenceCache cache, CellParams p, INDArray dOutput, INDArray[] dFinal,
                               CellParams grads) {
        INDArray act = cache.activations();
        long steps = act.size(0);
        long batch = act.size(1);
        long h = p.hiddenSize();
        var type = act.dataType();
        INDArray cellNew = cache.extra()[0];
        INDArray tanhCell = cache.extra()[1];
        INDArray prevH = cache.previous()[0];
        INDArray prevC = cache.previous()[1];
        StepMask m = StepMask.of(cache.mask());
        INDArray dz = Nd4j.create(type, steps, batch, 4 * h);
        INDArray dH = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[0].dup();
        INDArray dC = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[1].dup();
        for (int k = 0; k < steps; k++) {
            int t = cache.reverse() ? k : (int) steps - 1 - k;
            INDArray a = act.slice(t);
            INDArray i = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
            INDArray f = a.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h));
            INDArray g = a.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h));
            INDArray o = a.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * h, 4 * h));
            INDArray tc = tanhCell.slice(t);
            INDArray dHnew = dOutput.slice(t).add(dH);
            INDArray dCnew;
            INDArray dHcarry;
            INDArray dCcarry;
            if (m == null) {
                dCnew = dC;
                dHcarry = null;
                dCcarry = null;
            } else {
                dHcarry = m.carried(t, dH);
                dCcarry = m.carried(t, dC);
                m.keepInPlace(t, dHnew);
                dCnew = m.keepInPlace(t, dC.dup());
            }
            // dc += dh * o * (1 - tanh(c)^2)
            INDArray dTanh = tc.mul(tc).rsubi(1.0).muli(o).muli(dHnew);
            dCnew = dCnew.add(dTanh);
            INDArray d = dz.slice(t);
            INDArray di = d.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
            INDArray df = d.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h));
            INDArray dg = d.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h));
            INDArray dO = d.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * h, 4 * h));
            di.assign(dCnew.mul(g).muli(i.rsub(1.0).muli(i)));
            df.assign(dCnew.mul(prevC.slice(t)).muli(f.rsub(1.0).muli(f)));
            dg.assign(dCnew.mul(i).muli(g.mul(g).rsubi(1.0)));
            dO.assign(dHnew.mul(tc).muli(o.rsub(1.0).muli(o)));
            INDArray dCprev = dCnew.muli(f);
            // dh = dz U^T, as a product with BLAS transposing U (ND4J copies a transposed view first)
            INDArray dHprev = Nd4j.gemm(d, p.recurrentWeights(), false, true);
            if (dHcarry != null) {
                dHprev.addi(dHcarry);
                dCprev.addi(dCcarry);
            }
            dH = dHprev;
            dC = dCprev;
        }
        accumulateWeightGradients(dz, dz, prevH, grads);
        return new INDArray[]{dz, dH, dC};
    }

    /**
     * Over all steps at once: {@code dU += H_prev^T dRecurrent} and {@code db += column sums of dInput}, where
     * {@code dRecurrent} and {@code dInput} are the gradients of the recurrent and input pre-activation terms
     * ({@code [T, B, G*H]}; the same array for LSTM).
     */
    static void accumulateWeightGradients(INDArray dInput, INDArray dRecurrent, INDArray prevH, CellParams grads) {
        long rows = dInput.size(0) * dInput.size(1);
        INDArray dr2 = dRecurrent.reshape('c', rows, dRecurrent.size(2));
        INDArray h2 = prevH.reshape('c', rows, prevH.size(2));
        Nd4j.gemm(h2, dr2, grads.recurrentWeights(), true, false, 1.0, 1.0);
        grads.bias().addi(dInput.reshape('c', rows, dInput.size(2)).sum(true, 0));
    }

    @Override
    public INDArray[] step(INDArray xw, CellParams p, INDArray[] state) {
        long batch = xw.size(0);
        long h = p.hiddenSize();
        INDArray cell = Nd4j.create(xw.dataType(), batch, h);
        INDArray tanh = Nd4j.create(xw.dataType(), batch, h);
        return cellStep(xw, p, state[0], state[1], cell, tanh);
    }
}
