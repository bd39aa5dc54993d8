package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Takes features {@code [from, to)} of a sequence {@code [B, F, T]} (to the end when {@code to} is -1, for inputs whose
 * size varies by batch, such as a copy model's extended vocabulary): splits a vertex output that carries two results,
 * for example a coverage vertex's loss row and its attentional states. Output {@code [B, to - from, T]}, masked like
 * the input.
 */
public class FeatureSliceVertex extends ToolkitVertex {

    private int from;
    private int to;
    private int size;

    /** For DL4J's JSON deserialization. */
    public FeatureSliceVertex() {
    }

    /**
     * @param from first feature
     * @param to   one past the last feature, or -1 for the end
     * @param size output feature size (for output type inference)
     */
    public FeatureSliceVertex(int from, int to, int size) {
        if (from < 0 || (to != -1 && to <= from)) {
            throw new IllegalArgumentException("feature slice [" + from + ", " + to + ") is empty or negative");
        }
        this.from = from;
        this.to = to;
        this.size = size;
    }

    public int getFrom() {
        return from;
    }

    public int getTo() {
        return to;
    }

    public int getSize() {
        return size;
    }

    @Override
    public FeatureSliceVertex clone() {
        return new FeatureSliceVertex(from, to, size);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return Map.of();
    }

    @Override
    protected String describe() {
        return "from=" + from + ", to=" + to + ", size=" + size;
    }

    @Override
    protected int inputCount() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new FeatureSliceVertexImpl(graph, name, idx, this, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(size);
    }
}
