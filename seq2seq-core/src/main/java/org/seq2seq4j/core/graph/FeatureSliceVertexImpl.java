package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Runtime of {@link FeatureSliceVertex}. */
public final class FeatureSliceVertexImpl extends ToolkitVertexImpl {

    private final FeatureSliceVertex conf;

    FeatureSliceVertexImpl(ComputationGraph graph, String name, int idx, FeatureSliceVertex conf, DataType dataType) {
        super(graph, name, idx, null, Map.of(), dataType);
        this.conf = conf;
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return masks[0];
    }

    private INDArrayIndex range() {
        long end = conf.getTo() == -1 ? getInputs()[0].size(1) : conf.getTo();
        return NDArrayIndex.interval(conf.getFrom(), end);
    }

    @Override
    protected INDArray forward(boolean training) {
        return getInputs()[0].get(NDArrayIndex.all(), range(), NDArrayIndex.all()).dup('c');
    }

    @Override
    protected INDArray[] backward() {
        INDArray x = getInputs()[0];
        INDArray dx = Nd4j.zeros(x.dataType(), x.shape());
        dx.get(NDArrayIndex.all(), range(), NDArrayIndex.all()).assign(getEpsilon());
        return new INDArray[]{dx};
    }
}
