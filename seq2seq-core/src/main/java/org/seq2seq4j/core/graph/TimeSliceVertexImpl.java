package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Runtime of {@link TimeSliceVertex}. */
public final class TimeSliceVertexImpl extends ToolkitVertexImpl {

    private final TimeSliceVertex conf;

    TimeSliceVertexImpl(ComputationGraph graph, String name, int idx, TimeSliceVertex conf, DataType dataType) {
        super(graph, name, idx, null, Map.of(), dataType);
        this.conf = conf;
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[1];
    }

    private INDArrayIndex range() {
        INDArray ref = getInputs()[1];
        long t = ref.size(ref.rank() - 1);
        long total = getInputs()[0].size(2);
        return conf.isFromEnd() ? NDArrayIndex.interval(total - t, total) : NDArrayIndex.interval(0, t);
    }

    @Override
    protected INDArray forward(boolean training) {
        return getInputs()[0].get(NDArrayIndex.all(), NDArrayIndex.all(), range()).dup('c');
    }

    @Override
    protected INDArray[] backward() {
        INDArray x = getInputs()[0];
        INDArray dx = Nd4j.zeros(x.dataType(), x.shape());
        dx.get(NDArrayIndex.all(), NDArrayIndex.all(), range()).assign(getEpsilon());
        INDArray ref = getInputs()[1];
        return new INDArray[]{dx, Nd4j.zeros(ref.dataType(), ref.shape())};
    }
}
