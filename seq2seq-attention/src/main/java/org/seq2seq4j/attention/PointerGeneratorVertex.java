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
 * Global attention and the pointer-generator output in one vertex (See et al. 2017); see {@link PointerGenerator} for
 * the computation. It takes the place of the attention vertex and the output layer's projection: a parameter-free
 * loss layer ({@link org.seq2seq4j.core.graph.SparseNegativeLogLikelihood}) follows it.
 *
 * <p>Inputs: the decoder states {@code [B, H, Tt]} with the target mask, the encoder states {@code [B, H, Ts]} with
 * the source mask, the decoder inputs {@code [B, I, Tt]}, and the source's extended ids {@code [B, Ts]}. Output: the
 * mixed distribution {@code [B, V + n, Tt]} with the target mask.
 */
public class PointerGeneratorVertex extends ToolkitVertex {

    private AttentionType type;
    private int hiddenSize;
    private int inputSize;
    private int vocabulary;
    private boolean coverage;

    /** For DL4J's JSON deserialization. */
    public PointerGeneratorVertex() {
    }

    public PointerGeneratorVertex(AttentionType type, int hiddenSize, int inputSize, int vocabulary) {
        this(type, hiddenSize, inputSize, vocabulary, false);
    }

    /**
     * @param coverage attention with coverage: the output has the per-step coverage loss as an extra first feature
     *                 ({@code [B, 1 + V + n, Tt]})
     */
    public PointerGeneratorVertex(AttentionType type, int hiddenSize, int inputSize, int vocabulary,
                                  boolean coverage) {
        if (type == null || type == AttentionType.NONE) {
            throw new IllegalArgumentException("the pointer-generator needs an attention score type, not " + type);
        }
        if (hiddenSize < 1 || inputSize < 1 || vocabulary < 1) {
            throw new IllegalArgumentException("sizes must be at least 1, got hidden " + hiddenSize + ", input "
                    + inputSize + ", vocabulary " + vocabulary);
        }
        this.type = type;
        this.hiddenSize = hiddenSize;
        this.inputSize = inputSize;
        this.vocabulary = vocabulary;
        this.coverage = coverage;
    }

    public AttentionType getType() {
        return type;
    }

    public int getHiddenSize() {
        return hiddenSize;
    }

    public int getInputSize() {
        return inputSize;
    }

    public int getVocabulary() {
        return vocabulary;
    }

    public boolean isCoverage() {
        return coverage;
    }

    /** The computation. */
    public PointerGenerator generator() {
        return new PointerGenerator(type, hiddenSize, inputSize, vocabulary, coverage);
    }

    @Override
    public PointerGeneratorVertex clone() {
        return new PointerGeneratorVertex(type, hiddenSize, inputSize, vocabulary, coverage);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        return PointerGenerator.paramShapes(type, hiddenSize, inputSize, vocabulary, coverage);
    }

    @Override
    protected String describe() {
        return "type=" + type + ", hiddenSize=" + hiddenSize + ", inputSize=" + inputSize + ", vocabulary="
                + vocabulary + ", coverage=" + coverage;
    }

    @Override
    protected int inputCount() {
        return 4;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        PointerGeneratorVertexImpl v = new PointerGeneratorVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            Map<String, INDArray> p = v.parameterViews();
            if (coverage) {
                CoverageAttentionVertex.initialize(p, hiddenSize);
            } else {
                GlobalAttentionVertex.initialize(p, hiddenSize);
            }
            // PyTorch's Linear default, as for the attention: uniform in ±1/sqrt(fan-in)
            ParamInit.uniform(p.get(PointerGenerator.W_O), 1.0 / Math.sqrt(hiddenSize));
            ParamInit.uniform(p.get(PointerGenerator.B_O), 1.0 / Math.sqrt(hiddenSize));
            double gen = 1.0 / Math.sqrt(2.0 * hiddenSize + inputSize);
            for (String k : new String[]{PointerGenerator.W_GEN_CONTEXT, PointerGenerator.W_GEN_STATE,
                    PointerGenerator.W_GEN_INPUT, PointerGenerator.B_GEN}) {
                ParamInit.uniform(p.get(k), gen);
            }
        }
        return v;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(coverage ? 1 + vocabulary : vocabulary);
    }
}
