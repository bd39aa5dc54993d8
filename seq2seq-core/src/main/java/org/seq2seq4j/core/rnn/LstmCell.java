package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.linalg.Elements;
import org.seq2seq4j.core.linalg.Layout;
import org.seq2seq4j.core.linalg.Products;

/**
 * LSTM cell without peepholes, gate blocks in the order input, forget, candidate, output:
 * <pre>
 *   [i f g o] = x W + b + h_{t-1} U
 *   i, f, o = sigmoid(.), g = tanh(.)
 *   c_t = f * c_{t-1} + i * g
 *   h_t = o * tanh(c_t)
 * </pre>
 * (Hochreiter and Schmidhuber 1997; Gers et al. 2000 for the forget gate). State: {h, c}.
 *
 * <p>Each step is one matrix product for the recurrent term and one fused loop over the step's elements
 * ({@link LstmSteps}) for the gates, the state update and the mask.
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
        INDArray z = Layout.rowMajor(xw);
        int steps = (int) z.size(0);
        int batch = (int) z.size(1);
        int h = (int) p.hiddenSize();
        var type = z.dataType();
        INDArray output = Nd4j.create(type, steps, batch, h);
        INDArray tanhCell = Nd4j.create(type, steps, batch, h);
        INDArray prevH = Nd4j.create(type, steps, batch, h);
        INDArray prevC = Nd4j.create(type, steps, batch, h);
        INDArray finalH = Nd4j.create(type, batch, h);
        INDArray finalC = Nd4j.create(type, batch, h);
        int first = reverse ? steps - 1 : 0;
        if (initial != null) {
            prevH.slice(first).assign(initial[0]);
            prevC.slice(first).assign(initial[1]);
        }
        var e = new LstmSteps(z, output, tanhCell, prevH, prevC, mask == null ? null : Layout.rowMajor(mask),
                batch, h);
        Elements fh = Elements.of(finalH);
        Elements fc = Elements.of(finalC);
        int stepSize = batch * h;
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            Nd4j.gemm(prevH.slice(t), p.recurrentWeights(), z.slice(t), false, false, 1.0, 1.0);
            boolean last = k == steps - 1;
            int next = reverse ? t - 1 : t + 1;
            e.forward(t, last ? fh : e.prevH, last ? fc : e.prevC, last ? 0 : next * stepSize);
        }
        return new SequenceCache(output, z, new INDArray[]{tanhCell}, new INDArray[]{prevH, prevC},
                mask, reverse, new INDArray[]{finalH, finalC});
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
        INDArray dz = Nd4j.create(type, steps, batch, 4 * h);
        INDArray dH = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[0].dup('c');
        INDArray dC = dFinal == null ? Nd4j.zeros(type, batch, h) : dFinal[1].dup('c');
        var e = new LstmSteps(act, null, cache.extra()[0], prevH, cache.previous()[1],
                cache.mask() == null ? null : Layout.rowMajor(cache.mask()), batch, h);
        Elements dOut = Elements.of(Layout.rowMajor(dOutput));
        Elements dzE = Elements.of(dz);
        Elements dHE = Elements.of(dH);
        Elements dCE = Elements.of(dC);
        for (int k = 0; k < steps; k++) {
            int t = cache.reverse() ? k : steps - 1 - k;
            e.backward(t, dOut, dHE, dCE, dzE);
            // dh += dz U^T, as a product with BLAS transposing U (ND4J copies a transposed view first)
            Nd4j.gemm(dz.slice(t), p.recurrentWeights(), dH, false, true, 1.0, 1.0);
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
        Products.addColumnSums(dInput.reshape('c', rows, dInput.size(2)), grads.bias());
    }

    @Override
    public INDArray[] step(INDArray xw, CellParams p, INDArray[] state) {
        INDArray z = Layout.rowMajor(xw);
        Nd4j.gemm(state[0], p.recurrentWeights(), z, false, false, 1.0, 1.0);
        return stepFromGates(z, p, state);
    }

    /**
     * One inference step from the complete gate pre-activations {@code z = x W + b + h U} ({@code [B, 4H]};
     * overwritten). Returns {h_new, c_new}.
     */
    INDArray[] stepFromGates(INDArray gates, CellParams p, INDArray[] state) {
        INDArray z = Layout.rowMajor(gates);
        int batch = (int) z.size(0);
        int h = (int) p.hiddenSize();
        var type = z.dataType();
        INDArray hPrev = Layout.rowMajor(state[0]);
        INDArray cPrev = Layout.rowMajor(state[1]);
        INDArray hNew = Nd4j.create(type, batch, h);
        INDArray cNew = Nd4j.create(type, batch, h);
        var e = new LstmSteps(z, null, null, hPrev, cPrev, null, batch, h);
        e.forward(0, Elements.of(hNew), Elements.of(cNew), 0);
        return new INDArray[]{hNew, cNew};
    }
}
