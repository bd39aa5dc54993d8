package org.seq2seq4j.attention;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.graph.ToolkitVertexImpl;
import org.seq2seq4j.core.model.AttentionFactory;

/** Runtime of {@link GlobalAttentionVertex}. */
public final class GlobalAttentionVertexImpl extends ToolkitVertexImpl {

    private final GlobalAttention attention;
    private final SingleQueryAttention stepAttention;
    private final DecodingKeys keys = new DecodingKeys();
    private GlobalAttention.Forward last;

    GlobalAttentionVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                              GlobalAttentionVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.attention = conf.attention();
        this.stepAttention = new SingleQueryAttention(attention.type(), conf.getHiddenSize());
    }

    /** Named parameter views (writes reach the network's parameters). */
    Map<String, INDArray> parameterViews() {
        return namedParams();
    }

    /** The computation, with this vertex's parameters available through {@link #step} and {@link #attentionWeights}. */
    public GlobalAttention attention() {
        return attention;
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        last = attention.forward(getInputs()[0], inputMask(0), getInputs()[1], inputMask(1), namedParams());
        return last.output();
    }

    @Override
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
        last = last.map(toActivations);
    }

    @Override
    protected INDArray[] backward() {
        GlobalAttention.Backward b = attention.backward(last, getEpsilon(), inputMask(0), namedParams(), gradients());
        return new INDArray[]{b.dDecoder(), b.dEncoder()};
    }

    /**
     * One decoding step with this vertex's parameters.
     *
     * @param decoderOutput decoder stack output {@code [B, H]}
     * @param encoderStates encoder states {@code [B, H, Ts]}
     * @param sourceMask    {@code [B, Ts]}
     * @return the attentional state {@code [B, H]} and the weights {@code [B, Ts]}
     */
    public AttentionFactory.AttentionStep step(INDArray decoderOutput, INDArray encoderStates, INDArray sourceMask) {
        SingleQueryAttention.Step s = keys.forward(stepAttention, decoderOutput, encoderStates, sourceMask, null,
                namedParams());
        return new AttentionFactory.AttentionStep(s.output(), s.weights());
    }

    /**
     * Attention weights {@code [B, Tt, Ts]} of decoder states {@code [B, H, Tt]} over encoder states
     * {@code [B, H, Ts]}: each row sums to 1 and is exactly 0 at padded source positions.
     */
    public INDArray attentionWeights(INDArray decoderStates, INDArray encoderStates, INDArray sourceMask) {
        return attention.weights(decoderStates, encoderStates, sourceMask, namedParams());
    }
}
