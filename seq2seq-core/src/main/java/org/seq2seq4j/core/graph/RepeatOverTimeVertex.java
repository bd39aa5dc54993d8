package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Repeats a vector at every step of a reference sequence: how the encoder's summary is fed to the decoder at every
 * step (Cho et al. 2014). Unlike DL4J's {@code DuplicateToTimeSeriesVertex}, the reference may be an id input
 * {@code [B, T]}.
 *
 * <p>Inputs: the vector {@code [B, H]} and the reference ({@code [B, T]} or {@code [B, C, T]}, with its mask).
 * Output: {@code [B, H, T]}, masked like the reference.
 */
public class RepeatOverTimeVertex extends ToolkitVertex {

    /** For DL4J's JSON deserialization and for use. */
    public RepeatOverTimeVertex() {
    }

    @Override
    public RepeatOverTimeVertex clone() {
        return new RepeatOverTimeVertex();
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return Map.of();
    }

    @Override
    protected String describe() {
        return "";
    }

    @Override
    protected int inputCount() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new RepeatOverTimeVertexImpl(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(vertexInputs[0].arrayElementsPerExample());
    }
}
