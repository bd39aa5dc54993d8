package org.seq2seq4j.attention;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.graph.ToolkitVertexImpl;
import org.seq2seq4j.core.model.AttentionFactory;

/** Runtime of {@link CoverageAttentionVertex}. */
public final class CoverageAttentionVertexImpl extends ToolkitVertexImpl {

    private final CoverageAttention attention;
    private final SingleQueryAttention stepAttention;
    private final DecodingKeys keys = new DecodingKeys();
    private final int hiddenSize;
    private CoverageAttention.Forward last;

    CoverageAttentionVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                CoverageAttentionVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.attention = conf.coverageAttention();
        this.stepAttention = new SingleQueryAttention(conf.getType(), conf.getHiddenSize(), true);
        this.hiddenSize = conf.getHiddenSize();
    }

    /** Named parameter views (writes reach the network's parameters). */
    Map<String, INDArray> parameterViews() {
        return namedParams();
    }

    public CoverageAttention attention() {
        return attention;
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        last = attention.forward(getInputs()[0], inputMask(0), getInputs()[1], inputMask(1), namedParams());
        return withLossRow(last.coverageLoss(), last.output());
    }

    /** {@code [B, 1 + H, Tt]}: the per-step coverage loss {@code [B, Tt]} above the attentional states. */
    static INDArray withLossRow(INDArray loss, INDArray states) {
        return Nd4j.concat(1, loss.reshape('c', loss.size(0), 1, loss.size(1)), states);
    }

    @Override
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
        last = last.map(toActivations);
    }

    @Override
    protected INDArray[] backward() {
        INDArray eps = getEpsilon();
        INDArray dLoss = eps.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup('c');
        INDArray dOut = eps.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + hiddenSize), NDArrayIndex.all())
                .dup('c');
        CoverageAttention.Backward b = attention.backward(last, dOut, dLoss, namedParams(), gradients(), null);
        return new INDArray[]{b.dDecoder(), b.dEncoder()};
    }

    /** One decoding step with this vertex's parameters, reading the running sum of weights {@code coverage}. */
    public AttentionFactory.AttentionStep step(INDArray decoderOutput, INDArray encoderStates, INDArray sourceMask,
                                               INDArray coverage) {
        SingleQueryAttention.Step s = keys.forward(stepAttention, decoderOutput, encoderStates, sourceMask, coverage,
                namedParams());
        return new AttentionFactory.AttentionStep(s.output(), s.weights());
    }

    /** Teacher-forced attention weights {@code [B, Tt, Ts]}. */
    public INDArray attentionWeights(INDArray decoderStates, INDArray encoderStates, INDArray sourceMask) {
        return attention.forward(decoderStates, null, encoderStates, sourceMask, namedParams()).weights();
    }
}
