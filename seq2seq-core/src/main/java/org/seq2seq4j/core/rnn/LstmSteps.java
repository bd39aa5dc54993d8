package org.seq2seq4j.core.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.linalg.ElementFunctions;
import org.seq2seq4j.core.linalg.Elements;
import org.seq2seq4j.core.linalg.RowSplit;

/**
 * The element-wise part of {@link LstmCell}'s steps as single loops: gate activations, state update and mask
 * forward; the gate gradients, the carried state gradients and the mask backward. Arrays are time-major and
 * row-major ({@code [T, B, *]}); step {@code t} of a {@code [T, B, n]} array starts at element {@code t B n}. The
 * recurrent matrix product of each step stays a BLAS call in {@link LstmCell}.
 *
 * <p>Masking follows {@link RecurrentCell}: with mask value {@code m}, the output is {@code m h_t} and the state
 * carried on is {@code m s_t + (1 - m) s_{t-1}}.
 */
final class LstmSteps {

    private final Elements gates;
    private final Elements output;
    private final Elements tanhCell;
    final Elements prevH;
    final Elements prevC;
    private final Elements mask;
    private final int batch;
    private final int hidden;

    /**
     * @param gates    {@code [T, B, 4H]}: pre-activations (recurrent term included) forward, read as activations
     *                 backward
     * @param output   {@code [T, B, H]}, or null when not wanted (inference steps)
     * @param tanhCell {@code [T, B, H]}, {@code tanh(c_t)}; written forward (if not null), read backward
     * @param prevH    {@code [T, B, H]}, the h entering each step
     * @param prevC    {@code [T, B, H]}, the c entering each step
     * @param mask     {@code [T, B]}, or null for none
     */
    LstmSteps(INDArray gates, INDArray output, INDArray tanhCell, INDArray prevH, INDArray prevC, INDArray mask,
              int batch, int hidden) {
        this.gates = Elements.of(gates);
        this.output = output == null ? null : Elements.of(output);
        this.tanhCell = tanhCell == null ? null : Elements.of(tanhCell);
        this.prevH = Elements.of(prevH);
        this.prevC = Elements.of(prevC);
        this.mask = mask == null ? null : Elements.of(mask);
        this.batch = batch;
        this.hidden = hidden;
    }

    /**
     * Step {@code t} forward: replaces the pre-activations by the gate activations, writes {@code tanh(c_t)} and the
     * output, and writes the state carried on to {@code nextH}/{@code nextC} from element {@code nextOffset}.
     */
    void forward(int t, Elements nextH, Elements nextC, int nextOffset) {
        RowSplit.run(batch, 4 * hidden, (from, to) -> forward(t, nextH, nextC, nextOffset, from, to));
    }

    private void forward(int t, Elements nextH, Elements nextC, int nextOffset, int from, int to) {
        int h = hidden;
        ElementFunctions fn = gates.functions();
        double[] z = new double[4 * h];
        double[] c = new double[h];
        double[] tc = new double[h];
        double[] out = new double[h];
        double[] prev = mask == null ? null : new double[h];
        for (int b = from; b < to; b++) {
            double m = mask == null ? 1.0 : mask.get(t * batch + b);
            int zr = (t * batch + b) * 4 * h;
            int sr = (t * batch + b) * h;
            int nr = nextOffset + b * h;
            // row loops over arrays, which the JIT vectorises: activations i, f, g, o in place
            gates.copyTo(zr, z, 4 * h);
            fn.sigmoid(z, 0, 2 * h);
            fn.tanh(z, 2 * h, 3 * h);
            fn.sigmoid(z, 3 * h, 4 * h);
            gates.copyFrom(z, zr, 4 * h);
            prevC.copyTo(sr, c, h);
            double[] cPrev = m == 1.0 ? null : c.clone();
            for (int j = 0; j < h; j++) {
                c[j] = z[h + j] * c[j] + z[j] * z[2 * h + j];
            }
            System.arraycopy(c, 0, tc, 0, h);
            fn.tanh(tc, 0, h);
            if (tanhCell != null) {
                tanhCell.copyFrom(tc, sr, h);
            }
            for (int j = 0; j < h; j++) {
                out[j] = z[3 * h + j] * tc[j];
            }
            if (m != 1.0) {
                // the state carried on is m s_t + (1 - m) s_{t-1}; the output is m h_t
                prevH.copyTo(sr, prev, h);
                for (int j = 0; j < h; j++) {
                    c[j] = m * c[j] + (1 - m) * cPrev[j];
                    prev[j] = m * out[j] + (1 - m) * prev[j];
                    out[j] *= m;
                }
                nextC.copyFrom(c, nr, h);
                nextH.copyFrom(prev, nr, h);
            } else {
                nextC.copyFrom(c, nr, h);
                nextH.copyFrom(out, nr, h);
            }
            if (output != null) {
                output.copyFrom(out, sr, h);
            }
        }
    }

    /**
     * Step {@code t} backward. On entry {@code dH}, {@code dC} ({@code [B, H]}) hold the gradients with respect to
     * the state carried on from step {@code t}; writes the pre-activation gradients of step {@code t} into {@code dz}
     * ({@code [T, B, 4H]}) and leaves in {@code dC} the gradient with respect to {@code c_{t-1}}, and in {@code dH}
     * the part of the gradient with respect to {@code h_{t-1}} that bypasses the step (masked examples); the caller
     * adds {@code dz_t Uᵀ}.
     *
     * @param dOutput {@code [T, B, H]}, the gradient with respect to the outputs
     */
    void backward(int t, Elements dOutput, Elements dH, Elements dC, Elements dz) {
        RowSplit.run(batch, 4 * hidden, (from, to) -> backward(t, dOutput, dH, dC, dz, from, to));
    }

    private void backward(int t, Elements dOutput, Elements dH, Elements dC, Elements dz, int from, int to) {
        int h = hidden;
        for (int b = from; b < to; b++) {
            double m = mask == null ? 1.0 : mask.get(t * batch + b);
            int zr = (t * batch + b) * 4 * h;
            int sr = (t * batch + b) * h;
            int br = b * h;
            for (int j = 0; j < h; j++) {
                double i = gates.get(zr + j);
                double f = gates.get(zr + h + j);
                double g = gates.get(zr + 2 * h + j);
                double o = gates.get(zr + 3 * h + j);
                double tc = tanhCell.get(sr + j);
                double dhIn = dH.get(br + j);
                double dcIn = dC.get(br + j);
                double dhNew = m * (dOutput.get(sr + j) + dhIn);
                double dcNew = m * dcIn + dhNew * o * (1 - tc * tc);
                dz.set(zr + j, dcNew * g * i * (1 - i));
                dz.set(zr + h + j, dcNew * prevC.get(sr + j) * f * (1 - f));
                dz.set(zr + 2 * h + j, dcNew * i * (1 - g * g));
                dz.set(zr + 3 * h + j, dhNew * tc * o * (1 - o));
                dC.set(br + j, dcNew * f + (1 - m) * dcIn);
                dH.set(br + j, (1 - m) * dhIn);
            }
        }
    }
}
