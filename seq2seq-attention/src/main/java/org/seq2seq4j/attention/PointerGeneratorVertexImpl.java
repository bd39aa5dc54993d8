package org.seq2seq4j.attention;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.graph.ToolkitVertexImpl;
import org.seq2seq4j.core.model.AttentionFactory;
import org.seq2seq4j.core.model.EncodedSource;

/** Runtime of {@link PointerGeneratorVertex}. */
public final class PointerGeneratorVertexImpl extends ToolkitVertexImpl {

    private final PointerGenerator generator;
    private final SingleQueryAttention stepAttention;
    private final DecodingKeys keys = new DecodingKeys();
    private final int hiddenSize;
    private final boolean coverage;
    private PointerGenerator.Forward last;

    PointerGeneratorVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                               PointerGeneratorVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.generator = conf.generator();
        this.stepAttention = new SingleQueryAttention(conf.getType(), conf.getHiddenSize(), conf.isCoverage());
        this.coverage = conf.isCoverage();
        this.hiddenSize = conf.getHiddenSize();
    }

    /** Named parameter views (writes reach the network's parameters). */
    Map<String, INDArray> parameterViews() {
        return namedParams();
    }

    public PointerGenerator generator() {
        return generator;
    }

    /** Teacher-forced attention weights {@code [B, Tt, Ts]}. */
    public INDArray attentionWeights(INDArray decoderStates, INDArray encoderStates, INDArray sourceMask) {
        if (coverage) {
            return generator.coverage().forward(decoderStates, null, encoderStates, sourceMask, namedParams())
                    .weights();
        }
        return generator.attention().weights(decoderStates, encoderStates, sourceMask, namedParams());
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        INDArray[] in = getInputs();
        last = generator.forward(in[0], inputMask(0), in[1], inputMask(1), in[2], in[3], namedParams());
        return last.output();
    }

    @Override
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
        last = last.map(toActivations);
    }

    @Override
    protected INDArray[] backward() {
        PointerGenerator.Backward b = generator.backward(last, getEpsilon(), namedParams(), gradients());
        INDArray copyIds = getInputs()[3];
        return new INDArray[]{b.dDecoder(), b.dEncoder(), b.dInputs(),
                org.nd4j.linalg.factory.Nd4j.zeros(copyIds.dataType(), copyIds.shape())};
    }

    /**
     * One decoding step with this vertex's parameters.
     *
     * @param decoderOutput decoder stack output {@code [B, H]}
     * @param decoderInput  the step's decoder input {@code [B, I]}
     * @param encoded       the encoder's work, with the copy ids
     * @param coverage      the running sum of the previous steps' weights {@code [B, Ts]} (read with coverage only)
     */
    public AttentionFactory.CopyStep step(INDArray decoderOutput, INDArray decoderInput, EncodedSource encoded,
                                          INDArray coverage) {
        if (encoded.copyIds() == null) {
            throw new IllegalArgumentException("a copy model's decoding step needs the source's copy ids");
        }
        SingleQueryAttention.Step s = keys.forward(stepAttention, decoderOutput, encoded.states(), encoded.mask(),
                this.coverage ? coverage : null, namedParams());
        Map<String, INDArray> p = namedParams();
        INDArray context = s.combined().get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize)).dup('c');
        INDArray vocab = generator.vocabulary(s.output(), p);
        INDArray gen = generator.generation(context, decoderOutput, decoderInput, p);
        INDArray mixed = generator.mix(vocab, gen, s.weights(), encoded.copyIds(), 1);
        return new AttentionFactory.CopyStep(
                org.nd4j.linalg.ops.transforms.Transforms.log(mixed.addi(
                        org.seq2seq4j.core.graph.SparseNegativeLogLikelihood.EPSILON), false), gen, s.weights());
    }
}
