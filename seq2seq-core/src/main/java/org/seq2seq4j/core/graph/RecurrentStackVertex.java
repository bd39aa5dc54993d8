package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.rnn.RecurrentStackSpec;

/**
 * A stack of LSTM or GRU layers, optionally bidirectional, optionally started from a given state: the toolkit's own
 * recurrent layer, because DL4J 1.0.0-M2.1 has no GRU and its LSTM takes no initial state with gradients.
 *
 * <p>Inputs: the sequence {@code [B, I, T]} (with its mask) and, when {@code initialState} is set, the initial state
 * {@code [B, H]} for every layer. Output: {@code [B, H, T]}, zero at padded steps. See {@link RecurrentStackSpec} for the
 * meaning of the settings, and {@link org.seq2seq4j.core.rnn.RecurrentStack} for the computation.
 */
public class RecurrentStackVertex extends ToolkitVertex {

    private CellType cell;
    private int inputSize;
    private int hiddenSize;
    private int layers;
    private boolean bidirectional;
    private double inputDropout;
    private double layerDropout;
    private double outputDropout;
    private boolean initialState;

    /** For DL4J's JSON deserialization. */
    public RecurrentStackVertex() {
    }

    public RecurrentStackVertex(RecurrentStackSpec spec, boolean initialState) {
        if (initialState && spec.bidirectional()) {
            throw new IllegalArgumentException("a bidirectional stack takes no initial state");
        }
        this.cell = spec.cell();
        this.inputSize = spec.inputSize();
        this.hiddenSize = spec.hiddenSize();
        this.layers = spec.layers();
        this.bidirectional = spec.bidirectional();
        this.inputDropout = spec.inputDropout();
        this.layerDropout = spec.layerDropout();
        this.outputDropout = spec.outputDropout();
        this.initialState = initialState;
    }

    /** The stack's shape and dropout. */
    public RecurrentStackSpec spec() {
        return new RecurrentStackSpec(cell, inputSize, hiddenSize, layers, bidirectional, inputDropout, layerDropout,
                outputDropout);
    }

    public CellType getCell() {
        return cell;
    }

    public int getInputSize() {
        return inputSize;
    }

    public int getHiddenSize() {
        return hiddenSize;
    }

    public int getLayers() {
        return layers;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    public double getInputDropout() {
        return inputDropout;
    }

    public double getLayerDropout() {
        return layerDropout;
    }

    public double getOutputDropout() {
        return outputDropout;
    }

    public boolean isInitialState() {
        return initialState;
    }

    @Override
    public RecurrentStackVertex clone() {
        return new RecurrentStackVertex(spec(), initialState);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return spec().paramShapes();
    }

    @Override
    protected String describe() {
        return spec() + ", initialState=" + initialState;
    }

    @Override
    protected int inputCount() {
        return initialState ? 2 : 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        RecurrentStackVertexImpl v = new RecurrentStackVertexImpl(graph, name, idx, paramsView, this, networkDatatype);
        if (initializeParams) {
            initialize(spec(), v.cellParams());
        }
        return v;
    }

    /**
     * Initialises a stack's parameters: PyTorch's default, uniform in ±1/sqrt(H) per direction, and an LSTM
     * forget-gate bias of 1.
     */
    public static void initialize(RecurrentStackSpec s, java.util.List<CellParams> params) {
        double limit = 1.0 / Math.sqrt(s.directionSize());
        for (CellParams p : params) {
            ParamInit.uniform(p.inputWeights(), limit);
            ParamInit.uniform(p.recurrentWeights(), limit);
            ParamInit.uniform(p.bias(), limit);
            if (p.recurrentBias() != null) {
                ParamInit.uniform(p.recurrentBias(), limit);
            }
            if (s.cell() == CellType.LSTM) {
                long h = s.directionSize();
                p.bias().get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).addi(1.0);
            }
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(hiddenSize);
    }
}
