package org.seq2seq4j.core.graph;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seq2seq4j.core.rnn.CellParams;
import org.seq2seq4j.core.rnn.RecurrentStack;

/** Runtime of {@link RecurrentStackVertex}: converts DL4J's {@code [B, size, T]} layout to time-major and back. */
public final class RecurrentStackVertexImpl extends ToolkitVertexImpl implements StepwiseStack {

    private final RecurrentStack stack;
    private final List<CellParams> cellParams;
    private List<CellParams> cellGradients;
    private RecurrentStack.Forward last;

    RecurrentStackVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                             RecurrentStackVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.stack = new RecurrentStack(conf.spec());
        this.cellParams = conf.spec().cellParams(paramsView, namedParams());
    }

    /** The computation, for step-wise decoding with the same parameters. */
    @Override
    public RecurrentStack stack() {
        return stack;
    }

    /** Parameter views, layer-major, direction-minor. */
    @Override
    public List<CellParams> cellParams() {
        return cellParams;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        super.setBackpropGradientsViewArray(view);
        this.cellGradients = stack.spec().cellParams(gradients());
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        INDArray x = TimeMajor.fromNcw(getInputs()[0]);
        INDArray initial = getInputs().length > 1 ? getInputs()[1] : null;
        last = stack.forward(x, TimeMajor.mask(inputMask(0)), initial, cellParams, training);
        return TimeMajor.toNcw(last.output());
    }

    @Override
    protected void keepForBackward(java.util.function.UnaryOperator<INDArray> toActivations) {
        last = last.map(toActivations);
    }

    @Override
    protected INDArray[] backward() {
        RecurrentStack.Backward b = stack.backward(last, TimeMajor.fromNcw(getEpsilon()), cellParams, cellGradients);
        INDArray dx = TimeMajor.toNcw(b.dInput());
        return getInputs().length > 1 ? new INDArray[]{dx, b.dInitial()} : new INDArray[]{dx};
    }
}
