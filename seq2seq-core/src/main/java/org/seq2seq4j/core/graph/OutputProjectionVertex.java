package org.seq2seq4j.core.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The decoder's output projection to vocabulary logits, {@code z = h W + b}, as one matrix product over all target
 * steps. It replaces DL4J's {@code RnnOutputLayer}, which computes the product again for the score and again for
 * the gradient, in column-major order, and copies the {@code [B, V, T]} activations between layouts several times a
 * step; with an 8000-word vocabulary those passes were more than half of a training step. {@link
 * SoftmaxCrossEntropyLayer} follows it and reads the logits without copying them.
 *
 * <p>Input: the decoder (or attention) states {@code [B, H, T]} with the target mask. Output: the logits time-major
 * within each example, {@code [B, T, V]} in row order (DL4J's {@code NWC}), so that the rows of the {@code [B·T, V]}
 * product are the output as it is. One parameter {@value #WB} {@code [V, H + 1]}: row {@code v} holds word {@code v}'s
 * weights {@code W[:, v]} and then its bias {@code b[v]} (PyTorch's {@code Linear} layout with the bias as a last
 * column), initialised as DL4J's output layer was: Xavier-normal weights, a zero bias. Model format 6 held
 * {@code [W; b]} ({@code [H + 1, V]}) instead; {@link OutputProjectionVertexImpl#convertFromFormat6} rewrites it.
 */
public class OutputProjectionVertex extends ToolkitVertex {

    /** The weights and bias parameter {@code [V, H + 1]}. */
    public static final String WB = "Wb";

    private int hiddenSize;
    private int vocabulary;

    /** For DL4J's JSON deserialization. */
    public OutputProjectionVertex() {
    }

    public OutputProjectionVertex(int hiddenSize, int vocabulary) {
        if (hiddenSize < 1 || vocabulary < 1) {
            throw new IllegalArgumentException("output projection: hidden size " + hiddenSize + " and vocabulary "
                    + vocabulary + " must be at least 1");
        }
        this.hiddenSize = hiddenSize;
        this.vocabulary = vocabulary;
    }

    public int getHiddenSize() {
        return hiddenSize;
    }

    public int getVocabulary() {
        return vocabulary;
    }

    @Override
    public OutputProjectionVertex clone() {
        return new OutputProjectionVertex(hiddenSize, vocabulary);
    }

    @Override
    public Map<String, long[]> paramShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(WB, new long[]{vocabulary, hiddenSize + 1L});
        return m;
    }

    @Override
    protected String describe() {
        return "hiddenSize=" + hiddenSize + ", vocabulary=" + vocabulary;
    }

    @Override
    protected int inputCount() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        OutputProjectionVertexImpl v = new OutputProjectionVertexImpl(graph, name, idx, paramsView, this,
                networkDatatype);
        if (initializeParams) {
            // DL4J's XAVIER (normal, variance 2 / (fanIn + fanOut)) and a zero bias, as its RnnOutputLayer had
            v.weights().assign(Nd4j.randn(v.weights().dataType(), v.weights().shape())
                    .muli(Math.sqrt(2.0 / (hiddenSize + vocabulary))));
            v.bias().assign(0);
        }
        return v;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(vocabulary);
    }
}
