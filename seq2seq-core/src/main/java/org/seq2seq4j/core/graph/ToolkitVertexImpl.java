package org.seq2seq4j.core.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Common runtime part of the toolkit's graph vertices: parameter and gradient views, the input masks DL4J hands
 * over before a forward pass, and the DL4J calling conventions for forward and backward.
 *
 * <p>Conventions (measured against DL4J 1.0.0-M2.1's {@code ComputationGraph}): parameter gradients are sums over the
 * minibatch (the optimizer divides); the epsilons returned for the inputs must be fresh arrays, because DL4J adds
 * the epsilons of several consumers of one vertex in place into the first one it received. With workspaces on,
 * forward and backward temporaries are allocated in DL4J's working-memory workspaces (a pointer bump instead of a
 * native allocation per operation, which dominated the step time without them); outputs move to the activations
 * workspace, epsilons to the activation-gradient workspace, and what backward reads to the activations workspace
 * ({@link #keepForBackward}).
 */
public abstract class ToolkitVertexImpl extends BaseGraphVertex {

    private final Map<String, long[]> shapes;
    private final INDArray paramsView;
    private final Map<String, INDArray> params;
    private INDArray gradientsView;
    private Map<String, INDArray> gradients = Collections.emptyMap();
    /** Masks of the inputs, as handed over by DL4J; null entries for inputs without a mask. */
    protected INDArray[] inputMasks;
    /** DL4J's workspaces of the forward pass under way, or null outside {@link #doForward}. */
    private LayerWorkspaceMgr forwardWorkspaces;

    protected ToolkitVertexImpl(ComputationGraph graph, String name, int vertexIndex, INDArray paramsView,
                                Map<String, long[]> shapes, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
        this.shapes = shapes;
        this.paramsView = paramsView;
        this.params = shapes.isEmpty() ? Collections.emptyMap() : ParamViews.bind(paramsView, shapes);
    }

    /** Named parameter views. */
    protected Map<String, INDArray> namedParams() {
        return params;
    }

    /** The vertex's slice of the network's gradient vector, {@code [1, N]}: all {@link #gradients()} in order. */
    protected INDArray gradientsView() {
        return gradientsView;
    }

    /** Named gradient views, zeroed at the start of every backward pass. */
    protected Map<String, INDArray> gradients() {
        return gradients;
    }

    /** The output mask for the given input masks (each may be null). */
    protected abstract INDArray outputMask(INDArray[] masks);

    /** Forward pass on {@link #getInputs()}; may keep what backward needs in fields. */
    protected abstract INDArray forward(boolean training);

    /** Backward pass from {@link #getEpsilon()}: fills {@link #gradients()} and returns one epsilon per input. */
    protected abstract INDArray[] backward();

    /**
     * Moves every array the backward pass will read (kept in fields by {@link #forward}) with {@code toActivations}.
     * Forward temporaries live in DL4J's per-vertex working memory, which is reused as soon as the vertex returns;
     * what backward needs must live in the activations workspace, which stays open until backpropagation ends.
     */
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
    }

    /**
     * A new uninitialised row-major array in the activations workspace, for {@link #forward} to compute its output
     * into: a large output is otherwise copied there when {@link #forward} returns (the logits of the benchmark's
     * reference batch are {@code [1280, 8000]}, 41 MB). Only during {@link #forward}.
     */
    protected INDArray newOutput(DataType type, long... shape) {
        if (forwardWorkspaces == null) {
            throw new IllegalStateException("vertex " + vertexName + ": outputs are created during forward only");
        }
        return forwardWorkspaces.createUninitialized(ArrayType.ACTIVATIONS, type, shape, 'c');
    }

    @Override
    public final INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("vertex " + vertexName + ": not all inputs are set");
        }
        forwardWorkspaces = workspaceMgr;
        INDArray out;
        try {
            out = forward(training);
        } finally {
            forwardWorkspaces = null;
        }
        if (training) {
            keepForBackward(a -> a == null ? null : workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, a));
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, out);
    }

    @Override
    public final Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (tbptt) {
            throw new UnsupportedOperationException("vertex " + vertexName + ": truncated BPTT is not supported");
        }
        for (INDArray g : gradients.values()) {
            g.assign(0);
        }
        INDArray[] eps = backward();
        for (int i = 0; i < eps.length; i++) {
            eps[i] = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps[i]);
        }
        Gradient g = new DefaultGradient();
        for (Map.Entry<String, INDArray> e : gradients.entrySet()) {
            g.gradientForVariable().put(e.getKey(), e.getValue());
        }
        return new Pair<>(g, eps);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        this.inputMasks = new INDArray[getNumInputArrays()];
        if (maskArrays != null) {
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < maskArrays.length && i < inputMasks.length; i++) {
                    // DL4J's MergeVertex hands on BOOL masks; the toolkit computes with masks of the network's
                    // type, kept outside workspaces because masks outlive the pass that sets them
                    INDArray m = maskArrays[i];
                    inputMasks[i] = m == null ? null
                            : m.dataType() != dataType ? m.castTo(dataType) : m.isAttached() ? m.detach() : m;
                }
            }
        }
        return new Pair<>(outputMask(inputMasks), currentMaskState == null ? MaskState.Active : currentMaskState);
    }

    /** The mask of input {@code i}, or null. */
    protected INDArray inputMask(int i) {
        return inputMasks == null || i >= inputMasks.length ? null : inputMasks[i];
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        this.gradientsView = view;
        this.gradients = shapes.isEmpty() ? Collections.emptyMap() : ParamViews.bind(view, shapes);
    }

    @Override
    public Map<String, INDArray> paramTable(boolean backpropOnly) {
        return new LinkedHashMap<>(params);
    }

    @Override
    public INDArray params() {
        return paramsView;
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradientsView;
    }

    @Override
    public long numParams() {
        return ParamViews.count(shapes);
    }

    @Override
    public TrainingConfig getConfig() {
        return new VertexTrainingConfig(vertexName);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public void clearVertex() {
        clear();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + vertexName + ")";
    }
}
