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
     * gradient. With the parameters stacked as {@code [W; b]} ({@code [H + 1, V]}, their order in the parameter
     * vector) the logits are one product {@code rows [W; b]} and the gradients of W and b one product
     * {@code rowsᵀ eps}: the bias's broadcast addition and column sums cost 3 and 5 ms a step for the benchmark's
     * reference batch, the 257th column nothing measurable.
     */
    private INDArray rows;

    OutputProjectionVertexImpl(ComputationGraph graph, String name, int idx, INDArray paramsView,
                               OutputProjectionVertex conf, DataType dataType) {
        super(graph, name, idx, paramsView, conf.paramShapes(), dataType);
        this.conf = conf;
    }

    /** {@code W [H, V]} (a view of the network's parameters). */
    public INDArray weights() {
        return namedParams().get(OutputProjectionVertex.W);
    }

    /** {@code b [1, V]} (a view of the network's parameters). */
    public INDArray bias() {
        return namedParams().get(OutputProjectionVertex.B);
    }

    /** Logits {@code [N, V]} of states {@code [N, H]}: one product {@code [h, 1] [W; b]}. */
    public INDArray logits(INDArray states) {
        return Products.mmul(Layout.columnsAndOne(states), stacked(params()));
    }

    /**
     * {@code [W; b]ᵀ}, {@code [V, H + 1]}, as a new row-major array: the layout in which a decoding step's product
     * with few rows is fastest ({@link #logits(INDArray, INDArray)}). In the parameters' {@code [H + 1, V]} layout
     * BLAS packs the 8 MB matrix of the reference configuration by reading it with a stride of a whole row for every
     * element: measured within greedy decoding (64 rows, H 256, V 8000), that product took 2.6–3.8 ms a step, against
     * 1.9–2.3 ms in this layout, which takes 3–4 ms to make once for a batch.
     */
    public INDArray decodingWeights() {
        INDArray s = stacked(params());
        return Nd4j.createUninitialized(s.dataType(), new long[]{s.size(1), s.size(0)}, 'c').assign(s.transpose());
    }

    /** Logits {@code [N, V]} of states {@code [N, H]} from {@link #decodingWeights()}: {@code [h, 1] [W; b]}. */
    public static INDArray logits(INDArray states, INDArray decodingWeights) {
        return Products.mmulNT(Layout.columnsAndOne(states), decodingWeights);
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
        Nd4j.gemm(rows, stacked(params()), z, false, false, 1.0, 0.0);
        return z.reshape('c', b, t, conf.getVocabulary());
    }

    /** {@code [W; b]}, {@code [H + 1, V]}, as a view of the vertex's parameter (or gradient) slice. */
    private INDArray stacked(INDArray slice) {
        if (!Layout.isRowMajorContiguous(slice)) {
            throw new IllegalStateException("vertex " + vertexName + ": the parameter slice is not contiguous");
        }
        return slice.reshape('c', conf.getHiddenSize() + 1, conf.getVocabulary());
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
        Nd4j.gemm(rows, eps, stacked(gradientsView()), true, false, 1.0, 0.0);
        INDArray dx = Products.mmulNT(eps, weights());
        return new INDArray[]{dx.reshape('c', b, t, conf.getHiddenSize()).permute(0, 2, 1).dup('c')};
    }
}
