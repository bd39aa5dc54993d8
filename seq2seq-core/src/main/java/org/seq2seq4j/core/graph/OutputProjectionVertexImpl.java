package org.seq2seq4j.core.graph;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seq2seq4j.core.linalg.Layout;
import org.seq2seq4j.core.linalg.Products;

/** Runtime of {@link OutputProjectionVertex}. */
public final class OutputProjectionVertexImpl extends ToolkitVertexImpl {

    private final OutputProjectionVertex conf;
    /**
     * The input as rows {@code [B·T, H + 1]}, example-major, with a last column of ones, kept for the weight
     * gradient. With the bias as the last column of the parameter ({@code [V, H + 1]}) the logits are one product
     * {@code rows Wbᵀ} and the gradient of weights and bias one product {@code epsᵀ rows}: the bias's broadcast
     * addition and column sums cost 3 and 5 ms a step for the benchmark's reference batch, the 257th column nothing
     * measurable.
     */
    private INDArray rows;

    OutputProjectionVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                               OutputProjectionVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.conf = conf;
    }

    /** {@code W [H, V]}: a view of the network's parameters (the transpose of {@code Wb}'s first H columns). */
    public INDArray weights() {
        return wordRows().get(NDArrayIndex.all(), NDArrayIndex.interval(0, conf.getHiddenSize())).transpose();
    }

    /** {@code b [1, V]}: a view of the network's parameters ({@code Wb}'s last column). */
    public INDArray bias() {
        long h = conf.getHiddenSize();
        return wordRows().get(NDArrayIndex.all(), NDArrayIndex.interval(h, h + 1)).transpose();
    }

    /** {@code Wb [V, H + 1]}, a view of the network's parameters. */
    private INDArray wordRows() {
        return namedParams().get(OutputProjectionVertex.WB);
    }

    /**
     * Logits {@code [N, V]} of states {@code [N, H]}: one product {@code [h, 1] Wbᵀ}. With few rows, as in a
     * decoding step, this layout is the faster one: BLAS packs the large operand along its rows, while in format 6's
     * {@code [H + 1, V]} it read the 8 MB matrix of the reference configuration with a stride of a whole row for every
     * element. Measured within greedy decoding (64 rows, H 256, V 8000): 1.9–2.3 ms a step against 2.6–3.8 ms.
     */
    public INDArray logits(INDArray states) {
        return Products.mmulNT(Layout.columnsAndOne(states), wordRows());
    }

    /**
     * Rewrites the parameter slice of a model of format 6, which held {@code [W; b]} ({@code [H + 1, V]}, row-major),
     * into this version's {@code [V, H + 1]}: the same values, transposed.
     */
    public void convertFromFormat6() {
        INDArray slice = wordRows();
        INDArray old = slice.dup('c').reshape('c', conf.getHiddenSize() + 1, conf.getVocabulary());
        slice.assign(old.transpose());
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    @Override
    protected INDArray forward(boolean training) {
        INDArray x = getInputs()[0];
        if (x.rank() != 3 || x.size(1) != conf.getHiddenSize()) {
            throw new IllegalArgumentException("vertex " + vertexName + ": input must be [batch, "
                    + conf.getHiddenSize() + ", time], got " + java.util.Arrays.toString(x.shape()));
        }
        long b = x.size(0);
        long t = x.size(2);
        long h = conf.getHiddenSize();
        INDArray augmented = Nd4j.createUninitialized(x.dataType(), new long[]{b, t, h + 1}, 'c');
        augmented.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, h)).assign(x.permute(0, 2, 1));
        augmented.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(h)).assign(1);
        rows = augmented.reshape('c', b * t, h + 1);
        INDArray z = newOutput(rows.dataType(), b * t, conf.getVocabulary());
        Nd4j.gemm(rows, wordRows(), z, false, true, 1.0, 0.0);
        return z.reshape('c', b, t, conf.getVocabulary());
    }

    /** {@code Wb}'s gradient, {@code [V, H + 1]}, as a view of the vertex's gradient slice. */
    private INDArray gradientRows() {
        INDArray slice = gradientsView();
        if (!Layout.isRowMajorContiguous(slice)) {
            throw new IllegalStateException("vertex " + vertexName + ": the gradient slice is not contiguous");
        }
        return slice.reshape('c', conf.getVocabulary(), conf.getHiddenSize() + 1);
    }

    @Override
    protected void keepForBackward(UnaryOperator<INDArray> toActivations) {
        rows = toActivations.apply(rows);
    }

    @Override
    protected INDArray[] backward() {
        INDArray x = getInputs()[0];
        long b = x.size(0);
        long t = x.size(2);
        INDArray eps = getEpsilon().reshape('c', b * t, conf.getVocabulary());
        Nd4j.gemm(eps, rows, gradientRows(), true, false, 1.0, 0.0);
        INDArray dx = Products.mmul(eps, wordRows().get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, conf.getHiddenSize())));
        return new INDArray[]{dx.reshape('c', b, t, conf.getHiddenSize()).permute(0, 2, 1).dup('c')};
    }
}
