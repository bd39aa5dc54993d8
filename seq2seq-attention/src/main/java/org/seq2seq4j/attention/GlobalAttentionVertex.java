package org.seq2seq4j.attention;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.graph.ParamInit;
import org.seq2seq4j.core.graph.ToolkitVertex;

/**
 * Global attention applied to the decoder stack's output (Luong et al. 2015, without input feeding); see
 * {@link GlobalAttention} for the computation.
 *
 * <p>Inputs: the decoder states {@code [B, H, Tt]} with the target mask, and the encoder states {@code [B, H, Ts]}
 * with the source mask. Output: the attentional states {@code [B, H, Tt]}, zero at padded target steps, with the target
 * mask.
 */
public class GlobalAttentionVertex extends ToolkitVertex {

    private AttentionType type;
    private int hiddenSize;

    /** For DL4J's JSON deserialization. */
    public GlobalAttentionVertex() {
    }

    public GlobalAttentionVertex(AttentionType type, int hiddenSize) {
        if (type == null || type == AttentionType.NONE) {
            throw new IllegalArgumentException("global attention needs a score type, not " + type);
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
    public GlobalAttention attention() {
        return new GlobalAttention(type, hiddenSize);
    }

    @Override
    public GlobalAttentionVertex clone() {
        return new GlobalAttentionVertex(type, hiddenSize);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return GlobalAttention.paramShapes(type, hiddenSize);
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
        GlobalAttentionVertexImpl v = new GlobalAttentionVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            initialize(v.parameterViews(), hiddenSize);
        }
        return v;
    }

    /**
     * Initialises the attention parameters among {@code p} (other entries are left alone): PyTorch's {@code Linear}
     * default, uniform in ±1/sqrt(fan-in) of each projection.
     */
    static void initialize(Map<String, INDArray> p, int hiddenSize) {
        for (Map.Entry<String, INDArray> e : p.entrySet()) {
            if (!GlobalAttention.isParameter(e.getKey())) {
                continue;
            }
            long fanIn = switch (e.getKey()) {
                case GlobalAttention.W_C, GlobalAttention.B_C -> 2L * hiddenSize;
                default -> hiddenSize;
            };
            ParamInit.uniform(e.getValue(), 1.0 / Math.sqrt(fanIn));
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(hiddenSize);
    }
}
