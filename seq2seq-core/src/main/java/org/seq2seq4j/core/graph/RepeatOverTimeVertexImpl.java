package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runtime of {@link RepeatOverTimeVertex}. */
public final class RepeatOverTimeVertexImpl extends ToolkitVertexImpl {

    RepeatOverTimeVertexImpl(ComputationGraph graph, String name, int idx, DataType dataType) {
        super(graph, name, idx, null, Map.of(), dataType);
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[1];
    }

    /** {@code [B, H]} repeated over {@code steps}: {@code [B, H, steps]}. */
    public static INDArray repeat(INDArray vector, long steps) {
        return vector.reshape(vector.size(0), vector.size(1), 1).repeat(2, steps).dup('c');
    }

    @Override
    protected INDArray forward(boolean training) {
        INDArray ref = getInputs()[1];
        return repeat(getInputs()[0], ref.size(ref.rank() - 1));
    }

    @Override
    protected INDArray[] backward() {
        INDArray ref = getInputs()[1];
        return new INDArray[]{getEpsilon().sum(2), Nd4j.zeros(ref.dataType(), ref.shape())};
    }
}
