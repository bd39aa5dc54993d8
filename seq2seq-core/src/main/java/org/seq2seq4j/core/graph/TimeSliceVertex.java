package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Takes the first or the last {@code T_ref} steps of a sequence, where {@code T_ref} is the length of a reference
 * input: separates the source and target halves of a shared {@link EmbeddingVertex}'s output.
 *
 * <p>Inputs: the sequence {@code [B, C, T]} and the reference ({@code [B, T_ref]} or {@code [B, C', T_ref]}).
 * Output: {@code [B, C, T_ref]}, masked like the reference.
 */
public class TimeSliceVertex extends ToolkitVertex {

    private boolean fromEnd;
    private int size;

    /** For DL4J's JSON deserialization. */
    public TimeSliceVertex() {
    }

    /**
     * @param size    feature size C (for output type inference)
     * @param fromEnd take the last {@code T_ref} steps instead of the first
     */
    public TimeSliceVertex(int size, boolean fromEnd) {
        this.size = size;
        this.fromEnd = fromEnd;
    }

    public boolean isFromEnd() {
        return fromEnd;
    }

    public int getSize() {
        return size;
    }

    @Override
    public TimeSliceVertex clone() {
        return new TimeSliceVertex(size, fromEnd);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return Map.of();
    }

    @Override
    protected String describe() {
        return "size=" + size + ", fromEnd=" + fromEnd;
    }

    @Override
    protected int inputCount() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new TimeSliceVertexImpl(graph, name, idx, this, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(size);
    }
}
