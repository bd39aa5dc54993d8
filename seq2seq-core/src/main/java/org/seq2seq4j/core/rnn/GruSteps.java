package org.seq2seq4j.core.rnn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.linalg.ElementFunctions;
import org.seq2seq4j.core.linalg.Elements;
import org.seq2seq4j.core.linalg.RowSplit;

/**
 * The element-wise part of {@link GruCell}'s steps as single loops, as {@link LstmSteps} is for the LSTM: gates,
 * state update and mask forward; the gate gradients and the carried state gradient backward. Arrays are time-major
 * and row-major ({@code [T, B, *]}); the recurrent matrix product of each step stays a BLAS call in {@link GruCell}.
 */
final class GruSteps {

    private final Elements gates;
    private final Elements hiddenN;
    final Elements prevH;
    private final Elements recurrentBias;
    private final Elements mask;
    private final int batch;
    private final int hidden;

    /**
     * @param gates         {@code [T, B, 3H]}: input projections forward, read as the activations r, z, n backward
     * @param hiddenN       {@code [T, B, H]}, {@code h_{t-1} U_n + b_hn}; written forward (if not null), read backward
     * @param prevH         {@code [T, B, H]}, the h entering each step
     * @param recurrentBias {@code b_hn}, {@code [1, H]} (forward only; null backward)
     * @param mask          {@code [T, B]}, or null for none
     */
    GruSteps(INDArray gates, INDArray hiddenN, INDArray prevH, INDArray recurrentBias, INDArray mask, int batch,
             int hidden) {
        this.gates = Elements.of(gates);
        this.hiddenN = hiddenN == null ? null : Elements.of(hiddenN);
        this.prevH = Elements.of(prevH);
        this.recurrentBias = recurrentBias == null ? null : Elements.of(recurrentBias);
        this.mask = mask == null ? null : Elements.of(mask);
        this.batch = batch;
        this.hidden = hidden;
    }

    /**
     * Step {@code t} forward from the recurrent product {@code hu = h_{t-1} U} ({@code [B, 3H]}): replaces the input
     * projections by r, z and n, writes {@code h U_n + b_hn}, the output ({@code [T, B, H]}, if not null) and the
     * state carried on to {@code next} from element {@code nextOffset}.
     */
    void forward(int t, Elements hu, Elements output, Elements next, int nextOffset) {
        RowSplit.run(batch, 3 * hidden, (from, to) -> forward(t, hu, output, next, nextOffset, from, to));
    }

    private void forward(int t, Elements hu, Elements output, Elements next, int nextOffset, int from, int to) {
        int h = hidden;
        ElementFunctions fn = gates.functions();
        double[] a = new double[3 * h];
        double[] u = new double[3 * h];
        double[] bias = new double[h];
        double[] prev = new double[h];
        double[] out = new double[h];
        recurrentBias.copyTo(0, bias, h);
        for (int b = from; b < to; b++) {
            double m = mask == null ? 1.0 : mask.get(t * batch + b);
            int ar = (t * batch + b) * 3 * h;
            int ur = b * 3 * h;
            int sr = (t * batch + b) * h;
            int nr = nextOffset + b * h;
            // row loops over arrays, which the JIT vectorises: r, z, then n = tanh(a_n + r (h U_n + b_hn))
            gates.copyTo(ar, a, 3 * h);
            hu.copyTo(ur, u, 3 * h);
            for (int j = 0; j < 2 * h; j++) {
                a[j] += u[j];
            }
            fn.sigmoid(a, 0, 2 * h);
            for (int j = 0; j < h; j++) {
                u[2 * h + j] += bias[j];
                a[2 * h + j] += a[j] * u[2 * h + j];
            }
            fn.tanh(a, 2 * h, 3 * h);
            gates.copyFrom(a, ar, 3 * h);
            if (hiddenN != null) {
                hiddenN.copyFrom(Arrays.copyOfRange(u, 2 * h, 3 * h), sr, h);
            }
            prevH.copyTo(sr, prev, h);
            for (int j = 0; j < h; j++) {
                double n = a[2 * h + j];
                out[j] = n + a[h + j] * (prev[j] - n);
            }
            if (m != 1.0) {
                // the state carried on is m h_t + (1 - m) h_{t-1}; the output is m h_t
                for (int j = 0; j < h; j++) {
                    prev[j] = m * out[j] + (1 - m) * prev[j];
                    out[j] *= m;
                }
                next.copyFrom(prev, nr, h);
            } else {
                next.copyFrom(out, nr, h);
            }
            if (output != null) {
                output.copyFrom(out, sr, h);
            }
        }
    }

    /**
     * Step {@code t} backward. On entry {@code dH} ({@code [B, H]}) holds the gradient with respect to the state
     * carried on from step {@code t}; writes the gradients of the input projections ({@code dInput}) and of the
     * recurrent product ({@code dRecurrent}: r and z as in {@code dInput}, and {@code d(h U_n + b_hn)}), both
     * {@code [T, B, 3H]}, and leaves in {@code dH} the part of the gradient with respect to {@code h_{t-1}} that does
     * not pass through {@code U}; the caller adds {@code dRecurrent_t Uᵀ}.
     */
    void backward(int t, Elements dOutput, Elements dH, Elements dInput, Elements dRecurrent) {
        RowSplit.run(batch, 3 * hidden, (from, to) -> backward(t, dOutput, dH, dInput, dRecurrent, from, to));
    }

    private void backward(int t, Elements dOutput, Elements dH, Elements dInput, Elements dRecurrent, int from,
                          int to) {
        int h = hidden;
        for (int b = from; b < to; b++) {
            double m = mask == null ? 1.0 : mask.get(t * batch + b);
            int ar = (t * batch + b) * 3 * h;
            int sr = (t * batch + b) * h;
            int br = b * h;
            for (int j = 0; j < h; j++) {
                double r = gates.get(ar + j);
                double z = gates.get(ar + h + j);
                double n = gates.get(ar + 2 * h + j);
                double dhIn = dH.get(br + j);
                double dhNew = m * (dOutput.get(sr + j) + dhIn);
                double dan = dhNew * (1 - z) * (1 - n * n);
                double dar = dan * hiddenN.get(sr + j) * r * (1 - r);
                double daz = dhNew * (prevH.get(sr + j) - n) * z * (1 - z);
                dInput.set(ar + j, dar);
                dInput.set(ar + h + j, daz);
                dInput.set(ar + 2 * h + j, dan);
                dRecurrent.set(ar + j, dar);
                dRecurrent.set(ar + h + j, daz);
                dRecurrent.set(ar + 2 * h + j, dan * r);
                dH.set(br + j, dhNew * z + (1 - m) * dhIn);
            }
        }
    }
}
