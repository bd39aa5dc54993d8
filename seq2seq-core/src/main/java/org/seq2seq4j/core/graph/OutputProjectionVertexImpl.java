package org.seq2seq4j.core.graph;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.linalg.Products;

/** Runtime of {@link OutputProjectionVertex}. */
public final class OutputProjectionVertexImpl extends ToolkitVertexImpl {

    private final OutputProjectionVertex conf;
    /** The input as rows {@code [B·T, H]}, example-major, kept for the weight gradient. */
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

    /** Logits {@code [N, V]} of states {@code [N, H]}. */
    public INDArray logits(INDArray states) {
        return Products.mmul(states, weights()).addiRowVector(bias());
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
        rows = x.permute(0, 2, 1).dup('c').reshape('c', b * t, conf.getHiddenSize());
        INDArray z = newOutput(rows.dataType(), b * t, conf.getVocabulary());
        Nd4j.gemm(rows, weights(), z, false, false, 1.0, 0.0).addiRowVector(bias());
        return z.reshape('c', b, t, conf.getVocabulary());
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
        Nd4j.gemm(rows, eps, gradients().get(OutputProjectionVertex.W), true, false, 1.0, 0.0);
        Products.addColumnSums(eps, gradients().get(OutputProjectionVertex.B));
        INDArray dx = Products.mmulNT(eps, weights());
        return new INDArray[]{dx.reshape('c', b, t, conf.getHiddenSize()).permute(0, 2, 1).dup('c')};
    }
}
