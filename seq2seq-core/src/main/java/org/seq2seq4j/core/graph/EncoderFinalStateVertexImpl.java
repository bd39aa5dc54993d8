package org.seq2seq4j.core.graph;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Runtime of {@link EncoderFinalStateVertex}. */
public final class EncoderFinalStateVertexImpl extends ToolkitVertexImpl {

    private final EncoderFinalStateVertex conf;
    private int[] lastStep;

    EncoderFinalStateVertexImpl(ComputationGraph graph, String name, int idx, EncoderFinalStateVertex conf,
                                DataType dataType) {
        super(graph, name, idx, null, Map.of(), dataType);
        this.conf = conf;
    }

    @Override
    protected INDArray outputMask(INDArray[] masks) {
        return null;
    }

    /** Index of the last real step of each example: from the mask, or T-1 without one. */
    static int[] lastSteps(INDArray mask, long batch, long steps) {
        int[] last = new int[(int) batch];
        if (mask == null) {
            java.util.Arrays.fill(last, (int) steps - 1);
            return last;
        }
        INDArray lengths = mask.sum(1);
        for (int b = 0; b < batch; b++) {
            int len = (int) Math.round(lengths.getDouble(b));
            if (len < 1) {
                throw new IllegalArgumentException("example " + b + " of the batch has an empty source sequence");
            }
            last[b] = len - 1;
        }
        return last;
    }

    @Override
    protected INDArray forward(boolean training) {
        INDArray x = getInputs()[0];
        long batch = x.size(0);
        lastStep = lastSteps(inputMask(0), batch, x.size(2));
        INDArray out = Nd4j.create(x.dataType(), batch, x.size(1));
        for (int b = 0; b < batch; b++) {
            for (Part p : parts(x.size(1))) {
                out.get(NDArrayIndex.point(b), p.range)
                        .assign(x.get(NDArrayIndex.point(b), p.range, NDArrayIndex.point(p.first ? 0 : lastStep[b])));
            }
        }
        return out;
    }

    @Override
    protected INDArray[] backward() {
        INDArray x = getInputs()[0];
        INDArray eps = getEpsilon();
        INDArray dx = Nd4j.zeros(x.dataType(), x.shape());
        if (eps == null) {
            // no consumer (a zero-initialised decoder that sees the source through attention only)
            return new INDArray[]{dx};
        }
        for (int b = 0; b < x.size(0); b++) {
            for (Part p : parts(x.size(1))) {
                dx.get(NDArrayIndex.point(b), p.range, NDArrayIndex.point(p.first ? 0 : lastStep[b]))
                        .assign(eps.get(NDArrayIndex.point(b), p.range));
            }
        }
        return new INDArray[]{dx};
    }

    private record Part(INDArrayIndex range, boolean first) {
    }

    private Part[] parts(long size) {
        if (!conf.isBidirectional()) {
            return new Part[]{new Part(NDArrayIndex.all(), false)};
        }
        long half = size / 2;
        return new Part[]{new Part(NDArrayIndex.interval(0, half), false),
                new Part(NDArrayIndex.interval(half, size), true)};
    }
}
