package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder's summary of a source sentence: the top layer's output at the last real token of each example, and
 * for a bidirectional encoder the backward half taken at the first token instead (where the backward direction has
 * read the whole sentence; taking it at the last token, as DL4J's {@code LastTimeStepVertex} does, gives a state that
 * has seen one token).
 *
 * <p>Input: encoder outputs {@code [B, H, T]} with the source mask. Output: {@code [B, H]}.
 */
public class EncoderFinalStateVertex extends ToolkitVertex {

    private int hiddenSize;
    private boolean bidirectional;

    /** For DL4J's JSON deserialization. */
    public EncoderFinalStateVertex() {
    }

    public EncoderFinalStateVertex(int hiddenSize, boolean bidirectional) {
        this.hiddenSize = hiddenSize;
        this.bidirectional = bidirectional;
    }

    public int getHiddenSize() {
        return hiddenSize;
    }

    public boolean isBidirectional() {
        return bidirectional;
    }

    @Override
    public EncoderFinalStateVertex clone() {
        return new EncoderFinalStateVertex(hiddenSize, bidirectional);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return Map.of();
    }

    @Override
    protected String describe() {
        return "hiddenSize=" + hiddenSize + ", bidirectional=" + bidirectional;
    }

    @Override
    protected int inputCount() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new EncoderFinalStateVertexImpl(graph, name, idx, this, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.feedForward(hiddenSize);
    }
}
