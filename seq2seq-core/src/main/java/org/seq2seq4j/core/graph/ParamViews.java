package org.seq2seq4j.core.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Splits a vertex's slice of the network's flat parameter (or gradient) vector into named, shaped views. */
final class ParamViews {

    private ParamViews() {
    }

    /**
     * Views of {@code flat} (rank 1 or {@code [1, N]}) in the order and shapes of {@code shapes}, each in c order.
     * Writing to a view writes to {@code flat}.
     */
    static Map<String, INDArray> bind(INDArray flat, Map<String, long[]> shapes) {
        INDArray v = flat.reshape(flat.length());
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long[] s = e.getValue();
            long n = s[0] * s[1];
            INDArray view = v.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', s[0], s[1]);
            out.put(e.getKey(), view);
            offset += n;
        }
        if (offset != v.length()) {
            throw new IllegalStateException("parameter slice has " + v.length() + " values, shapes need " + offset);
        }
        return out;
    }

    /** Number of values of all shapes. */
    static long count(Map<String, long[]> shapes) {
        long n = 0;
        for (long[] s : shapes.values()) {
            n += s[0] * s[1];
        }
        return n;
    }
}
