package org.seq2seq4j.attention;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.graph.ToolkitVertex;

/**
 * Global attention with coverage applied to the decoder stack's output; see {@link CoverageAttention} for the
 * computation.
 *
 * <p>Inputs: the decoder states {@code [B, H, Tt]} with the target mask, and the encoder states {@code [B, H, Ts]} with
 * the source mask. Output {@code [B, 1 + H, Tt]} with the target mask: feature 0 is the coverage loss of every step
 * (for the coverage loss layer), features {@code 1..H} the attentional states (for the output layer), both zero at
 * padded target steps.
 */
public class CoverageAttentionVertex extends ToolkitVertex {

    private AttentionType type;
    private int hiddenSize;

    /** For DL4J's JSON deserialization. */
    public CoverageAttentionVertex() {
    }

    public CoverageAttentionVertex(AttentionType type, int hiddenSize) {
        if (type == null || type == AttentionType.NONE) {
            throw new IllegalArgumentException("coverage attention needs a score type, not " + type);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be at least 1, got " + hiddenSize);
        }
        this.type = type;
        this.hiddenSize = hiddenSize;
    }

    public AttentionType getType() {
        return type;
    }

    public int getHiddenSize() {
        return hiddenSize;
    }

    /** The computation. */
    public CoverageAttention attention() {
        return new CoverageAttention(type, hiddenSize);
    }

    @Override
    public CoverageAttentionVertex clone() {
        return new CoverageAttentionVertex(type, hiddenSize);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return CoverageAttention.paramShapes(type, hiddenSize);
    }

    @Override
    protected String describe() {
        return "type=" + type + ", hiddenSize=" + hiddenSize;
    }

    @Override
    protected int inputCount() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        CoverageAttentionVertexImpl v = new CoverageAttentionVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            initialize(v.parameterViews(), hiddenSize);
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
        return InputType.recurrent(1 + hiddenSize);
    }
}
