package org.seq2seq4j.attention;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.graph.StepwiseStack;
import org.seq2seq4j.core.graph.TimeMajor;
import org.seq2seq4j.core.graph.ToolkitVertexImpl;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.RecurrentStack;

/** Runtime of {@link InputFeedingDecoderVertex}: converts DL4J's {@code [B, size, T]} layout to time-major and back. */
public final class InputFeedingDecoderVertexImpl extends ToolkitVertexImpl implements StepwiseStack {

    private final InputFeedingDecoder decoder;
    private final List<CellParams> cellParams;
    private List<CellParams> cellGradients;
    private InputFeedingDecoder.Forward last;
    private final DecodingKeys keys = new DecodingKeys();

    InputFeedingDecoderVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                  InputFeedingDecoderVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.decoder = conf.decoder();
        this.cellParams = conf.spec().cellParams(namedParams());
    }

    /** Named parameter views (writes reach the network's parameters). */
    Map<String, INDArray> parameterViews() {
        return namedParams();
    }

    @Override
    public RecurrentStack stack() {
        return decoder.stack();
    }

    @Override
    public List<CellParams> cellParams() {
        return cellParams;
    }


    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        super.setBackpropGradientsViewArray(view);
        this.cellGradients = decoder.stack().spec().cellParams(gradients());
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        last = run(getInputs()[0], inputMask(0), getInputs()[1], inputMask(1),
                getInputs().length > 2 ? getInputs()[2] : null, training);
        return TimeMajor.toNcw(last.output());
    }

    private InputFeedingDecoder.Forward run(INDArray input, INDArray targetMask, INDArray encoder,
                                            INDArray sourceMask, INDArray initial, boolean training) {
        return decoder.forward(TimeMajor.fromNcw(input), TimeMajor.mask(targetMask), encoder, sourceMask, initial,
                cellParams, namedParams(), training);
    }

    @Override
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
        last = last.map(toActivations);
    }

    @Override
    protected INDArray[] backward() {
        InputFeedingDecoder.Backward b = decoder.backward(last, TimeMajor.fromNcw(getEpsilon()),
                TimeMajor.mask(inputMask(0)), cellParams, cellGradients, namedParams(), gradients());
        INDArray dx = TimeMajor.toNcw(b.dInput());
        return getInputs().length > 2 ? new INDArray[]{dx, b.dEncoder(), b.dInitial()}
                : new INDArray[]{dx, b.dEncoder()};
    }

    /**
     * Attention of one decoding step with this vertex's parameters.
     *
     * @param stackOutput   the stack's top output {@code [B, H]}
     * @param encoderStates {@code [B, H, Ts]}
     * @param sourceMask    {@code [B, Ts]}
     * @return the attentional state {@code [B, H]} and the weights {@code [B, Ts]}
     */
    public org.seq2seq4j.core.model.AttentionFactory.AttentionStep attend(INDArray stackOutput, INDArray encoderStates,
                                                                          INDArray sourceMask) {
        SingleQueryAttention.Step s = keys.forward(decoder.attention(), stackOutput, encoderStates, sourceMask, null,
                namedParams());
        return new org.seq2seq4j.core.model.AttentionFactory.AttentionStep(s.output(), s.weights());
    }

    /**
     * Teacher-forced attention weights {@code [B, Tt, Ts]} (no dropout) for the vertex's inputs.
     *
     * @param input      decoder input {@code [B, I, Tt]}
     * @param targetMask {@code [B, Tt]} or null
     * @param encoder    encoder states {@code [B, H, Ts]}
     * @param sourceMask {@code [B, Ts]}
     * @param initial    initial state {@code [B, H]} or null
     */
    public INDArray attentionWeights(INDArray input, INDArray targetMask, INDArray encoder, INDArray sourceMask,
                                     INDArray initial) {
        return run(input, targetMask, encoder, sourceMask, initial, false).weights();
    }
}
