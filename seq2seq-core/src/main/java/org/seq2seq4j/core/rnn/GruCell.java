package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * GRU cell (Cho et al. 2014) in the cuDNN/PyTorch form, gate blocks in the order reset, update, candidate:
 * <pre>
 *   r = sigmoid(x W_r + b_r + h_{t-1} U_r)
 *   z = sigmoid(x W_z + b_z + h_{t-1} U_z)
 *   n = tanh(x W_n + b_n + r * (h_{t-1} U_n + b_hn))
 *   h_t = (1 - z) * n + z * h_{t-1}
 * </pre>
 * State: {h}. DL4J 1.0.0-M2.1 has no GRU layer; this is the toolkit's own.
 */
public final class GruCell implements RecurrentCell {

    @Override
    public int gateBlocks() {
        return 3;
    }

    @Override
    public int stateCount() {
        return 1;
    }

    @Override
    public SequenceCache forward(INDArray xw, CellParams p, INDArray mask, INDArray[] initial, boolean reverse) {
        long steps = xw.size(0);
        long batch = xw.size(1);
        long h = p.hiddenSize();
        var type = xw.dataType();
        INDArray output = Nd4j.create(type, steps, batch, h);
        INDArray hiddenN = Nd4j.create(type, steps, batch, h);
        INDArray prevH = Nd4j.create(type, steps, batch, h);
        StepMask m = StepMask.of(mask);
        INDArray hState = initial == null ? Nd4j.zeros(type, batch, h) : initial[0];
        for (int k = 0; k < steps; k++) {
            int t = reverse ? (int) steps - 1 - k : k;
            prevH.slice(t).assign(hState);
            INDArray hNew = cellStep(xw.slice(t), p, hState, hiddenN.slice(t));
            if (m == null) {
                output.slice(t).assign(hNew);
                hState = hNew;
            } else {
                INDArray[] hs = m.apply(t, hNew, hState);
                output.slice(t).assign(hs[0]);
                hState = hs[1];
            }
        }
        return new SequenceCache(output, xw, new INDArray[]{hiddenN}, new INDArray[]{prevH}, mask, reverse,
                new INDArray[]{hState});
    }

    /** One step in place on {@code a} ({@code [B, 3H]}, input projection); stores {@code h U_n + b_hn}. */
    private static INDArray cellStep(INDArray a, CellParams p, INDArray hPrev, INDArray hiddenNOut) {
        long h = p.hiddenSize();
        INDArray hu = hPrev.mmul(p.recurrentWeights());
        INDArray rz = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * h));
        rz.addi(hu.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * h)));
        Transforms.sigmoid(rz, false);
        INDArray r = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
        INDArray z = a.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h));
        hiddenNOut.assign(hu.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)))
                .addiRowVector(p.recurrentBias());
        INDArray n = a.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h));
        n.addi(r.mul(hiddenNOut));
        Transforms.tanh(n, false);
        // h_t = n + z * (h_{t-1} - n)
        return hPrev.sub(n).muli(z).addi(n);
    }

    @Override
    public INDArray[] backward(SequenceCache cache, CellParams p, INDArray dOutput, INDArray[] dFinal,
                               CellParams grads) {
        INDArray act = cache.activations();
        long steps = act.size(0);
        long batch = act.size(1);
        long h = p.hiddenSize();
        var type = act.dataType();
        INDArray hiddenN = cache.extra()[0];
        INDArray prevH = cache.previous()[0];
        StepMask m = StepMask.of(cache.mask());
        INDArray dInput = Nd4j.create(type, steps, batch, 3 * h);
        INDArray dRecurrent = Nd4j.create(type, steps, batch, 3 * h);
        INDArray dH = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[0].dup();
        for (int k = 0; k < steps; k++) {
            int t = cache.reverse() ? k : (int) steps - 1 - k;
            INDArray a = act.slice(t);
            INDArray r = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
            INDArray z = a.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h));
            INDArray n = a.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h));
            INDArray hp = prevH.slice(t);
            INDArray dHnew = dOutput.slice(t).add(dH);
            INDArray dHcarry = null;
            if (m != null) {
                dHcarry = m.carried(t, dH);
                m.keepInPlace(t, dHnew);
            }
            INDArray dn = dHnew.mul(z.rsub(1.0));
            INDArray dz = dHnew.mul(hp.sub(n));
            INDArray dHprev = dHnew.mul(z);
            INDArray dan = dn.muli(n.mul(n).rsubi(1.0));
            INDArray dar = dan.mul(hiddenN.slice(t)).muli(r.rsub(1.0).muli(r));
            INDArray daz = dz.muli(z.rsub(1.0).muli(z));
            INDArray di = dInput.slice(t);
            di.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)).assign(dar);
            di.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).assign(daz);
            di.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)).assign(dan);
            INDArray dr = dRecurrent.slice(t);
            dr.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * h))
                    .assign(di.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * h)));
            INDArray dhn = dan.mul(r);
            dr.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * h, 3 * h)).assign(dhn);
            grads.recurrentBias().addi(dhn.sum(true, 0));
            // dh += dr U^T, as a product with BLAS transposing U (ND4J copies a transposed view first)
            Nd4j.gemm(dr, p.recurrentWeights(), dHprev, false, true, 1.0, 1.0);
            if (dHcarry != null) {
                dHprev.addi(dHcarry);
            }
            dH = dHprev;
        }
        LstmCell.accumulateWeightGradients(dInput, dRecurrent, prevH, grads);
        return new INDArray[]{dInput, dH};
    }

    @Override
    public INDArray[] step(INDArray xw, CellParams p, INDArray[] state) {
        INDArray hiddenN = Nd4j.create(xw.dataType(), xw.size(0), p.hiddenSize());
        return new INDArray[]{cellStep(xw, p, state[0], hiddenN)};
    }
}
