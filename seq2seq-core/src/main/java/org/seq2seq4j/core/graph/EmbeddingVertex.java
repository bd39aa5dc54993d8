package org.seq2seq4j.core.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Token embedding lookup over one or two id sequences with one embedding table {@code E [V, D]}. With two inputs
 * (source and target ids with a shared vocabulary) the output is the two embedded sequences concatenated in time;
 * {@link TimeSliceVertex} takes them apart again. This is how source and target share one table, since a DL4J vertex
 * has exactly one output.
 *
 * <p>Inputs: ids {@code [B, T_k]} (float-coded integers). Output: {@code [B, D, T_1 (+ T_2)]}. Parameters are
 * initialised uniformly in [-0.1, 0.1] (the OpenNMT-py default).
 */
public class EmbeddingVertex extends ToolkitVertex {

    private int vocabularySize;
    private int embeddingSize;
    private int inputs;

    /** For DL4J's JSON deserialization. */
    public EmbeddingVertex() {
    }

    public EmbeddingVertex(int vocabularySize, int embeddingSize, int inputs) {
        if (vocabularySize < 1 || embeddingSize < 1 || inputs < 1 || inputs > 2) {
            throw new IllegalArgumentException("embedding: vocabulary " + vocabularySize + ", size " + embeddingSize
                    + ", inputs " + inputs + " (1 or 2)");
        }
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        this.inputs = inputs;
    }

    public int getVocabularySize() {
        return vocabularySize;
    }

    public int getEmbeddingSize() {
        return embeddingSize;
    }

    public int getInputs() {
        return inputs;
    }

    @Override
    public EmbeddingVertex clone() {
        return new EmbeddingVertex(vocabularySize, embeddingSize, inputs);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("E", new long[]{vocabularySize, embeddingSize});
        return m;
    }

    @Override
    protected String describe() {
        return "vocabularySize=" + vocabularySize + ", embeddingSize=" + embeddingSize + ", inputs=" + inputs;
    }

    @Override
    protected int inputCount() {
        return inputs;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        EmbeddingVertexImpl v = new EmbeddingVertexImpl(graph, name, idx, paramsView, this, networkDatatype);
        if (initializeParams) {
            ParamInit.uniform(v.table(), 0.1);
        }
        return v;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(embeddingSize);
    }
}
