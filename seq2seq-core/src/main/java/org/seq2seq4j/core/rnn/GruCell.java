package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.linalg.Elements;
import org.seq2seq4j.core.linalg.Layout;
import org.seq2seq4j.core.linalg.Products;

/**
 * GRU cell (Cho et al. 2014) in the cuDNN/PyTorch form, gate blocks in the order reset, update, candidate:
 * <pre>
 *   r = sigmoid(x W_r + b_r + h_{t-1} U_r)
 *   z = sigmoid(x W_z + b_z + h_{t-1} U_z)
 *   n = tanh(x W_n + b_n + r * (h_{t-1} U_n + b_hn))
 *   h_t = (1 - z) * n + z * h_{t-1}
 * </pre>
 * State: {h}. DL4J 1.0.0-M2.1 has no GRU layer; this is the toolkit's own. Each step is one matrix product for the
 * recurrent term and one fused loop ({@link GruSteps}) for the rest.
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
        INDArray a = Layout.rowMajor(xw);
        int steps = (int) a.size(0);
        int batch = (int) a.size(1);
        int h = (int) p.hiddenSize();
        var type = a.dataType();
        INDArray output = Nd4j.create(type, steps, batch, h);
        INDArray hiddenN = Nd4j.create(type, steps, batch, h);
        INDArray prevH = Nd4j.create(type, steps, batch, h);
        INDArray finalH = Nd4j.create(type, batch, h);
        INDArray hu = Nd4j.create(type, batch, 3L * h);
        if (initial != null) {
            prevH.slice(reverse ? steps - 1 : 0).assign(initial[0]);
        }
        var e = new GruSteps(a, hiddenN, prevH, Layout.rowMajor(p.recurrentBias()),
                mask == null ? null : Layout.rowMajor(mask), batch, h);
        Elements out = Elements.of(output);
        Elements huE = Elements.of(hu);
        Elements fh = Elements.of(finalH);
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            Nd4j.gemm(prevH.slice(t), p.recurrentWeights(), hu, false, false, 1.0, 0.0);
            boolean last = k == steps - 1;
            e.forward(t, huE, out, last ? fh : e.prevH, last ? 0 : (reverse ? t - 1 : t + 1) * batch * h);
        }
        return new SequenceCache(output, a, new INDArray[]{hiddenN}, new INDArray[]{prevH}, mask, reverse,
                new INDArray[]{finalH});
    }

    @Override
    public INDArray[] backward(SequenceCache cache, CellParams p, INDArray dOutput, INDArray[] dFinal,
                               CellParams grads) {
        INDArray act = cache.activations();
        int steps = (int) act.size(0);
        int batch = (int) act.size(1);
        int h = (int) p.hiddenSize();
        var type = act.dataType();
        INDArray prevH = cache.previous()[0];
        INDArray dInput = Nd4j.create(type, steps, batch, 3L * h);
        INDArray dRecurrent = Nd4j.create(type, steps, batch, 3L * h);
        INDArray dH = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[0].dup('c');
        var e = new GruSteps(act, cache.extra()[0], prevH, null,
                cache.mask() == null ? null : Layout.rowMajor(cache.mask()), batch, h);
        Elements dOut = Elements.of(Layout.rowMajor(dOutput));
        Elements dHE = Elements.of(dH);
        Elements dInE = Elements.of(dInput);
        Elements dRecE = Elements.of(dRecurrent);
        for (int k = 0; k < steps; k++) {
            int t = cache.reverse() ? k : steps - 1 - k;
            e.backward(t, dOut, dHE, dInE, dRecE);
            // dh += dr U^T, as a product with BLAS transposing U (ND4J copies a transposed view first)
            Nd4j.gemm(dRecurrent.slice(t), p.recurrentWeights(), dH, false, true, 1.0, 1.0);
        }
        INDArray sums = Nd4j.zeros(type, 1, 3L * h);
        Products.addColumnSums(dRecurrent.reshape('c', (long) steps * batch, 3L * h), sums);
        grads.recurrentBias().addi(sums.get(NDArrayIndex.all(), NDArrayIndex.interval(2L * h, 3L * h)));
        LstmCell.accumulateWeightGradients(dInput, dRecurrent, prevH, grads);
        return new INDArray[]{dInput, dH};
    }

    @Override
    public INDArray[] step(INDArray xw, CellParams p, INDArray[] state) {
        INDArray a = Layout.rowMajor(xw);
        int batch = (int) a.size(0);
        int h = (int) p.hiddenSize();
        INDArray hPrev = Layout.rowMajor(state[0]);
        INDArray hu = Products.mmul(hPrev, p.recurrentWeights());
        INDArray hNew = Nd4j.create(a.dataType(), batch, h);
        new GruSteps(a, null, hPrev, Layout.rowMajor(p.recurrentBias()), null, batch, h)
                .forward(0, Elements.of(hu), null, Elements.of(hNew), 0);
        return new INDArray[]{hNew};
    }
}
