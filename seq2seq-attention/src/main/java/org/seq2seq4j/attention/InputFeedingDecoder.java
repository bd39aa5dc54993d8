package org.seq2seq4j.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.RecurrentStack;
import org.seq2seq4j.core.rnn.RecurrentStackSpec;

/**
 * A decoder with input feeding (Luong et al. 2015, section 3.3): at every step the recurrent stack reads the decoder
 * input concatenated with the previous attentional state, and global attention ({@link SingleQueryAttention}) turns the
 * stack's output into the next attentional state:
 * <pre>
 *   s_t  = stack([x_t; h~_{t-1}], s_{t-1})       h~_0 = 0
 *   h~_t = attention(top output of s_t, encoder states)
 * </pre>
 * Because attention is inside the recurrence, the teacher-forced pass runs step by step; the backward pass goes
 * through time with the gradients of the state and of the fed attentional vector.
 *
 * <p>Tensors (time-major inside, as the stack): decoder input {@code [Tt, B, I]}, target mask {@code [Tt, B]}, encoder
 * states {@code [B, H, Ts]} (DL4J's layout), source mask {@code [B, Ts]}, initial state {@code [B, H]} for every
 * layer (or zeros), output {@code [Tt, B, H]}, zero at padded target steps. The stack's input size is {@code I + H}.
 */
public final class InputFeedingDecoder {

    private final RecurrentStack stack;
    private final SingleQueryAttention attention;

    public InputFeedingDecoder(RecurrentStackSpec spec, SingleQueryAttention attention) {
        if (spec.bidirectional()) {
            throw new IllegalArgumentException("an input-fed decoder is unidirectional");
        }
        if (spec.inputSize() <= spec.hiddenSize()) {
            throw new IllegalArgumentException("the stack's input size " + spec.inputSize()
                    + " must hold the decoder input and the fed attentional state of size " + spec.hiddenSize());
        }
        this.stack = new RecurrentStack(spec);
        this.attention = attention;
    }

    public RecurrentStack stack() {
        return stack;
    }

    public SingleQueryAttention attention() {
        return attention;
    }

    /**
     * What the forward pass kept for the backward pass: per step, the stack's and the attention's forward passes.
     *
     * @param keys   the encoder side of the attention, prepared once
     * @param output attentional states {@code [Tt, B, H]}
     */
    public record Forward(List<RecurrentStack.Forward> steps, List<SingleQueryAttention.Step> attended,
                          SingleQueryAttention.Keys keys, INDArray output, boolean hasInitialState) {

        /** The same record with every array passed through {@code f}. */
        public Forward map(UnaryOperator<INDArray> f) {
            return new Forward(steps.stream().map(s -> s.map(f)).toList(),
                    attended.stream().map(a -> a.map(f)).toList(), keys.map(f), f.apply(output), hasInitialState);
        }

        /** Attention weights of every step {@code [B, Tt, Ts]}. */
        public INDArray weights() {
            INDArray[] rows = attended.stream().map(a -> a.weights().reshape('c', a.weights().size(0), 1,
                    a.weights().size(1))).toArray(INDArray[]::new);
            return Nd4j.concat(1, rows);
        }
    }

    /** Gradients for the inputs: decoder input {@code [Tt, B, I]}, encoder states {@code [B, H, Ts]}, initial state. */
    public record Backward(INDArray dInput, INDArray dEncoder, INDArray dInitial) {
    }

    /**
     * The teacher-forced forward pass.
     *
     * @param input      decoder input {@code [Tt, B, I]}
     * @param targetMask {@code [Tt, B]} or null
     * @param encoder    encoder states {@code [B, H, Ts]}
     * @param sourceMask {@code [B, Ts]} or null
     * @param initial    initial state {@code [B, H]} or null for zeros
     * @param cells      the stack's parameters
     * @param p          the attention's parameters by name
     * @param training   apply dropout
     */
    public Forward forward(INDArray input, INDArray targetMask, INDArray encoder, INDArray sourceMask,
                           INDArray initial, List<CellParams> cells, Map<String, INDArray> p, boolean training) {
        long steps = input.size(0);
        long batch = input.size(1);
        long h = stack.spec().hiddenSize();
        var type = input.dataType();
        INDArray[][] state = stack.startState(initial, batch, type);
        INDArray feed = Nd4j.zeros(type, batch, h);
        INDArray output = Nd4j.create(type, steps, batch, h);
        List<RecurrentStack.Forward> stackSteps = new ArrayList<>();
        List<SingleQueryAttention.Step> attended = new ArrayList<>();
        SingleQueryAttention.Keys keys = attention.keys(encoder, sourceMask, p);
        for (int t = 0; t < steps; t++) {
            INDArray x = Nd4j.concat(1, input.slice(t), feed).reshape('c', 1, batch, input.size(2) + h);
            INDArray stepMask = targetMask == null ? null
                    : targetMask.get(NDArrayIndex.interval(t, t + 1), NDArrayIndex.all()).dup('c');
            RecurrentStack.Forward s = stack.forward(x, stepMask, state, cells, training);
            INDArray query = s.output().reshape('c', batch, h);
            SingleQueryAttention.Step a = attention.forward(query,
                    stepMask == null ? null : stepMask.reshape('c', batch, 1), keys, p);
            feed = a.output();
            output.slice(t).assign(feed);
            for (int l = 0; l < state.length; l++) {
                state[l] = s.finalState(l);
            }
            stackSteps.add(s);
            attended.add(a);
        }
        return new Forward(stackSteps, attended, keys, output, initial != null);
    }

    /**
     * The backward pass through time: adds the parameter gradients (sums over the batch) into {@code cellGrads} and
     * {@code g}, and returns fresh gradients for the inputs.
     *
     * @param dOutput    gradient of the output {@code [Tt, B, H]}
     * @param targetMask {@code [Tt, B]} or null
     */
    public Backward backward(Forward f, INDArray dOutput, INDArray targetMask, List<CellParams> cells,
                             List<CellParams> cellGrads, Map<String, INDArray> p, Map<String, INDArray> g) {
        long steps = dOutput.size(0);
        long batch = dOutput.size(1);
        long h = stack.spec().hiddenSize();
        long inputSize = stack.spec().inputSize() - h;
        var type = dOutput.dataType();
        INDArray dInput = Nd4j.create(type, steps, batch, inputSize);
        var keyGradients = new SingleQueryAttention.KeyGradients();
        INDArray dFeed = null;
        INDArray[][] dState = null;
        for (int t = (int) steps - 1; t >= 0; t--) {
            INDArray e = dOutput.slice(t).dup('c');
            if (dFeed != null) {
                e.addi(dFeed);
            }
            INDArray stepMask = targetMask == null ? null
                    : targetMask.get(NDArrayIndex.interval(t, t + 1), NDArrayIndex.all()).dup('c').reshape('c', batch, 1);
            INDArray dQuery = attention.backward(f.attended().get(t), e, stepMask, f.keys(), p, g, keyGradients)
                    .reshape('c', 1, batch, h);
            RecurrentStack.StateBackward sb = stack.backward(f.steps().get(t), dQuery, dState, cells, cellGrads);
            INDArray dx = sb.dInput().reshape('c', batch, inputSize + h);
            dInput.slice(t).assign(dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, inputSize)));
            dFeed = dx.get(NDArrayIndex.all(), NDArrayIndex.interval(inputSize, inputSize + h)).dup('c');
            dState = sb.dState();
        }
        INDArray dInitial = f.hasInitialState() ? RecurrentStack.sharedInitialGradient(dState) : null;
        return new Backward(dInput, attention.encoderGradient(f.keys(), keyGradients, p, g), dInitial);
    }
}
