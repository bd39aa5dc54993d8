package org.seq2seq4j.core.rnn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.linalg.Layout;
import org.seq2seq4j.core.linalg.Products;

/**
 * Forward, backward and single-step computation of a stack of recurrent layers described by a
 * {@link RecurrentStackSpec}. Time-major: sequences are {@code [T, B, size]}, masks {@code [T, B]}.
 *
 * <p>Every layer projects its whole input sequence with one matrix product ({@code [T*B, I] x [I, G*H]}) before the
 * step loop, and its weight gradients are likewise single products over all steps; only the recurrent product runs
 * per step. An optional initial state {@code [B, H]} is given to every layer (the Joey NMT convention: both h and c
 * of an LSTM start from it); its gradient sums over all layers and state arrays.
 */
public final class RecurrentStack {

    private final RecurrentStackSpec spec;
    private final RecurrentCell cell;

    public RecurrentStack(RecurrentStackSpec spec) {
        this.spec = spec;
        this.cell = spec.cell().cell();
    }

    public RecurrentStackSpec spec() {
        return spec;
    }

    /** What {@link #forward} keeps for {@link #backward}. */
    public record Forward(INDArray output, INDArray[] layerInputs, INDArray[] inputMasks, INDArray outputMask,
                          SequenceCache[] caches, boolean hasInitialState) {

        /** The same forward pass with every array passed through {@code f} (to move it between workspaces). */
        public Forward map(java.util.function.UnaryOperator<INDArray> f) {
            SequenceCache[] c = new SequenceCache[caches.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = caches[i].map(f);
            }
            return new Forward(f.apply(output), mapAll(layerInputs, f), mapAll(inputMasks, f), f.apply(outputMask),
                    c, hasInitialState);
        }

        /** The state arrays of layer {@code l} after the last step (unidirectional stacks). */
        public INDArray[] finalState(int layer) {
            return caches[layer].finalState();
        }
    }

    static INDArray[] mapAll(INDArray[] arrays, java.util.function.UnaryOperator<INDArray> f) {
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = arrays[i] == null ? null : f.apply(arrays[i]);
        }
        return out;
    }

    /** Gradients with respect to the stack's input sequence and its initial state (null if none was given). */
    public record Backward(INDArray dInput, INDArray dInitial) {
    }

    /**
     * Runs the stack over a sequence.
     *
     * @param input    {@code [T, B, inputSize]}
     * @param mask     {@code [T, B]} or null
     * @param initial  {@code [B, hiddenSize]} or null for zeros; not allowed for a bidirectional stack
     * @param params   layer-major cell parameters, as from {@link RecurrentStackSpec#cellParams}
     * @param training apply dropout
     */
    public Forward forward(INDArray input, INDArray mask, INDArray initial, List<CellParams> params, boolean training) {
        if (initial != null && spec.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional stack takes no initial state");
        }
        INDArray[][] states = null;
        if (initial != null) {
            states = new INDArray[spec.layers()][];
            for (int l = 0; l < states.length; l++) {
                states[l] = initialState(initial);
            }
        }
        return forward(input, mask, states, params, training);
    }

    /**
     * Runs a unidirectional stack over a sequence from a given state per layer: the training counterpart of
     * {@link #step}, for a recurrence that is advanced a few steps at a time (input feeding runs it one step at a
     * time, {@code T = 1}). The state after the sequence is {@link Forward#finalState(int)}.
     *
     * @param state per-layer state arrays ({@code [B, H]} each, as from {@link #startState}), or null for zeros
     */
    public Forward forward(INDArray input, INDArray mask, INDArray[][] state, List<CellParams> params,
                           boolean training) {
        if (state != null && spec.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional stack takes no initial state");
        }
        int layers = spec.layers();
        int dirs = spec.directions();
        long steps = input.size(0);
        long batch = input.size(1);
        var type = input.dataType();
        INDArray[] layerInputs = new INDArray[layers];
        INDArray[] inputMasks = new INDArray[layers];
        SequenceCache[] caches = new SequenceCache[layers * dirs];
        INDArray x = input;
        for (int l = 0; l < layers; l++) {
            double p = l == 0 ? spec.inputDropout() : spec.layerDropout();
            inputMasks[l] = training ? Dropout.mask(type, p, x.shape()) : null;
            x = Dropout.apply(x, inputMasks[l]);
            layerInputs[l] = x;
            INDArray x2 = x.reshape('c', steps * batch, x.size(2));
            INDArray[] outs = new INDArray[dirs];
            for (int d = 0; d < dirs; d++) {
                CellParams cp = params.get(l * dirs + d);
                INDArray xw = Products.mmul(x2, cp.inputWeights()).addiRowVector(cp.bias())
                        .reshape('c', steps, batch, cp.inputWeights().size(1));
                caches[l * dirs + d] = cell.forward(xw, cp, mask, state == null ? null : state[l], d == 1);
                outs[d] = caches[l * dirs + d].output();
            }
            x = dirs == 1 ? outs[0] : Nd4j.concat(2, outs[0], outs[1]);
        }
        INDArray outputMask = training ? Dropout.mask(type, spec.outputDropout(), x.shape()) : null;
        x = Dropout.apply(x, outputMask);
        return new Forward(x, layerInputs, inputMasks, outputMask, caches, state != null);
    }

    private INDArray[] initialState(INDArray initial) {
        if (initial == null) {
            return null;
        }
        INDArray[] state = new INDArray[cell.stateCount()];
        java.util.Arrays.fill(state, initial);
        return state;
    }

    /**
     * Backward pass matching {@link #forward}; accumulates parameter gradients into {@code grads} (which must be
     * zeroed by the caller if fresh gradients are wanted).
     *
     * @param dOutput gradient with respect to the output, {@code [T, B, hiddenSize]}
     */
    public Backward backward(Forward f, INDArray dOutput, List<CellParams> params, List<CellParams> grads) {
        StateBackward b = backward(f, dOutput, null, params, grads);
        return new Backward(b.dInput(), sharedInitialGradient(b.dState()));
    }

    /**
     * The gradient of one initial state {@code [B, H]} given to every layer and state array (as {@link #forward} and
     * {@link #startState} do), from the gradients of the per-layer states; null for null.
     */
    public static INDArray sharedInitialGradient(INDArray[][] dState) {
        if (dState == null) {
            return null;
        }
        INDArray sum = null;
        for (INDArray[] layer : dState) {
            for (INDArray d : layer) {
                sum = sum == null ? d.dup() : sum.addi(d);
            }
        }
        return sum;
    }

    /**
     * Gradients with respect to the input sequence and to each layer's initial state arrays (null without an initial
     * state).
     */
    public record StateBackward(INDArray dInput, INDArray[][] dState) {
    }

    /**
     * Backward pass matching {@link #forward(INDArray, INDArray, INDArray[][], List, boolean)}, when the loss also
     * depends on the state after the sequence.
     *
     * @param dFinal gradient with respect to every layer's {@link Forward#finalState(int)}, or null for none
     */
    public StateBackward backward(Forward f, INDArray dOutput, INDArray[][] dFinal, List<CellParams> params,
                                  List<CellParams> grads) {
        int layers = spec.layers();
        int dirs = spec.directions();
        long h = spec.directionSize();
        long steps = dOutput.size(0);
        long batch = dOutput.size(1);
        INDArray dOut = Dropout.backward(dOutput.dup('c'), f.outputMask());
        INDArray[][] dState = f.hasInitialState() ? new INDArray[layers][] : null;
        for (int l = layers - 1; l >= 0; l--) {
            INDArray x2 = f.layerInputs()[l].reshape('c', steps * batch, f.layerInputs()[l].size(2));
            INDArray dX = Nd4j.zeros(dOut.dataType(), steps * batch, x2.size(1));
            for (int d = 0; d < dirs; d++) {
                CellParams cp = params.get(l * dirs + d);
                CellParams g = grads.get(l * dirs + d);
                INDArray dY = dirs == 1 ? dOut
                        : dOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(d * h, (d + 1) * h))
                        .dup('c');
                INDArray[] back = cell.backward(f.caches()[l * dirs + d], cp, dY, dFinal == null ? null : dFinal[l],
                        g);
                INDArray dxw = back[0].reshape('c', steps * batch, back[0].size(2));
                Nd4j.gemm(x2, dxw, g.inputWeights(), true, false, 1.0, 1.0);
                Nd4j.gemm(dxw, cp.inputWeights(), dX, false, true, 1.0, 1.0);
                if (dState != null) {
                    dState[l] = java.util.Arrays.copyOfRange(back, 1, back.length);
                }
            }
            dOut = Dropout.backward(dX.reshape('c', steps, batch, x2.size(1)), f.inputMasks()[l]);
        }
        return new StateBackward(dOut, dState);
    }

    /** The state of every layer before the first decoding step: from {@code initial} ({@code [B, H]}) or zeros. */
    public INDArray[][] startState(INDArray initial, long batch, org.nd4j.linalg.api.buffer.DataType type) {
        if (spec.bidirectional()) {
            throw new IllegalStateException("step-wise computation needs a unidirectional stack");
        }
        INDArray[][] state = new INDArray[spec.layers()][cell.stateCount()];
        for (INDArray[] layer : state) {
            for (int k = 0; k < layer.length; k++) {
                layer[k] = initial != null ? initial.dup() : Nd4j.zeros(type, batch, spec.hiddenSize());
            }
        }
        return state;
    }

    /**
     * One inference step of a unidirectional stack (no dropout).
     *
     * @param x     input of this step, {@code [B, inputSize]}
     * @param state per-layer state, replaced in place by the new state
     * @return the top layer's output, {@code [B, hiddenSize]}
     */
    public INDArray step(INDArray x, INDArray[][] state, List<CellParams> params) {
        INDArray in = x;
        for (int l = 0; l < spec.layers(); l++) {
            CellParams cp = params.get(l);
            if (cell instanceof LstmCell lstm && cp.stacked() != null) {
                // one product [x, h, 1] [W; U; b] instead of x W + b and h U
                INDArray joined = Layout.columnsAndOne(in, state[l][0]);
                state[l] = lstm.stepFromGates(Products.mmul(joined, cp.stacked()), cp, state[l]);
            } else {
                INDArray xw = Products.mmul(in, cp.inputWeights()).addiRowVector(cp.bias());
                state[l] = cell.step(xw, cp, state[l]);
            }
            in = state[l][0];
        }
        return in;
    }
}
