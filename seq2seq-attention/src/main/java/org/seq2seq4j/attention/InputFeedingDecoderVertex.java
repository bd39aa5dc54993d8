package org.seq2seq4j.attention;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.graph.RecurrentStackVertex;
import org.seq2seq4j.core.graph.ToolkitVertex;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.core.rnn.RecurrentStackSpec;

/**
 * The decoder stack with global attention inside its recurrence (input feeding, Luong et al. 2015, section 3.3); see
 * {@link InputFeedingDecoder} for the computation.
 *
 * <p>Inputs: the decoder input {@code [B, I, Tt]} with the target mask, the encoder states {@code [B, H, Ts]} with the
 * source mask and, when {@code initialState} is set, the initial state {@code [B, H]}. Output: the attentional states
 * {@code [B, H, Tt]}, zero at padded target steps, with the target mask. Parameters: the stack's (input size
 * {@code I + H}) followed by the attention's.
 */
public class InputFeedingDecoderVertex extends ToolkitVertex {

    private CellType cell;
    private int inputSize;
    private int hiddenSize;
    private int layers;
    private double inputDropout;
    private double layerDropout;
    private double outputDropout;
    private boolean initialState;
    private AttentionType attention;

    /** For DL4J's JSON deserialization. */
    public InputFeedingDecoderVertex() {
    }

    /**
     * @param spec         the stack, unidirectional, with input size {@code I + H}
     * @param initialState whether the vertex takes an initial state input
     * @param attention    the score type
     */
    public InputFeedingDecoderVertex(RecurrentStackSpec spec, boolean initialState, AttentionType attention) {
        if (attention == null || attention == AttentionType.NONE) {
            throw new IllegalArgumentException("input feeding needs an attention score type, not " + attention);
        }
        if (spec.bidirectional()) {
            throw new IllegalArgumentException("an input-fed decoder is unidirectional");
        }
        this.cell = spec.cell();
        this.inputSize = spec.inputSize();
        this.hiddenSize = spec.hiddenSize();
        this.layers = spec.layers();
        this.inputDropout = spec.inputDropout();
        this.layerDropout = spec.layerDropout();
        this.outputDropout = spec.outputDropout();
        this.initialState = initialState;
        this.attention = attention;
    }

    /** The stack's shape and dropout. */
    public RecurrentStackSpec spec() {
        return new RecurrentStackSpec(cell, inputSize, hiddenSize, layers, false, inputDropout, layerDropout,
                outputDropout);
    }

    /** The computation. */
    public InputFeedingDecoder decoder() {
        return new InputFeedingDecoder(spec(), new SingleQueryAttention(attention, hiddenSize));
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

    public AttentionType getAttention() {
        return attention;
    }

    @Override
    public InputFeedingDecoderVertex clone() {
        return new InputFeedingDecoderVertex(spec(), initialState, attention);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>(spec().paramShapes());
        shapes.putAll(GlobalAttention.paramShapes(attention, hiddenSize));
        return shapes;
    }

    @Override
    protected String describe() {
        return spec() + ", initialState=" + initialState + ", attention=" + attention;
    }

    @Override
    protected int inputCount() {
        return initialState ? 3 : 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        InputFeedingDecoderVertexImpl v = new InputFeedingDecoderVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            RecurrentStackVertex.initialize(spec(), v.cellParams());
            GlobalAttentionVertex.initialize(v.parameterViews(), hiddenSize);
        }
        return v;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(hiddenSize);
    }
}
