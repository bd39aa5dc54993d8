package org.seq2seq4j.core.linalg;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Memory layout checks for code that addresses an array's elements or reshapes it in place. */
public final class Layout {

    private Layout() {
    }

    /**
     * Whether element {@code [i0, i1, ...]} of {@code array} lies at its offset plus the row-major index, so that a
     * row-major reshape is a view and a loop may walk its data buffer directly. Strides of size-1 axes do not matter.
     */
    public static boolean isRowMajorContiguous(INDArray array) {
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** {@code array} itself when it is row-major contiguous, else a row-major copy (for arrays that are only read). */
    public static INDArray rowMajor(INDArray array) {
        return isRowMajorContiguous(array) ? array : array.dup('c');
    }
}
