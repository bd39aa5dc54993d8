package org.seq2seq4j.attention;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.AttentionType;

/**
 * Global attention with coverage applied to the decoder stack's output; see {@link CoverageAttention} for the
 * computation. The settings are {@link GlobalAttentionVertex}'s, and so are the inputs.
 *
 * <p>Output {@code [B, 1 + H, Tt]} with the target mask: feature 0 is the coverage loss of every step (for the coverage
 * loss layer), features {@code 1..H} the attentional states (for the output layer), both zero at padded target steps.
 */
public class CoverageAttentionVertex extends GlobalAttentionVertex {

    /** For DL4J's JSON deserialization. */
    public CoverageAttentionVertex() {
    }

    public CoverageAttentionVertex(AttentionType type, int hiddenSize) {
        super(type, hiddenSize);
    }

    /** The computation. */
    public CoverageAttention coverageAttention() {
        return new CoverageAttention(getType(), getHiddenSize());
    }

    @Override
    public CoverageAttentionVertex clone() {
        return new CoverageAttentionVertex(getType(), getHiddenSize());
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return CoverageAttention.paramShapes(getType(), getHiddenSize());
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        CoverageAttentionVertexImpl v = new CoverageAttentionVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            initialize(v.parameterViews(), getHiddenSize());
        }
        return v;
    }

    /**
     * The attention parameters as {@link GlobalAttentionVertex#initialize}, and {@code w_cov} zero: an untrained
     * coverage model attends as the same model without coverage.
     */
    static void initialize(Map<String, INDArray> p, int hiddenSize) {
        GlobalAttentionVertex.initialize(p, hiddenSize);
        p.get(SingleQueryAttention.W_COV).assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(1 + getHiddenSize());
    }
}
