package org.seq2seq4j.core.linalg;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a row-major contiguous array, for fused loops (the recurrent cells' steps, the softmax rows). Index 0 is the array's first
 * element (its offset into the data buffer is applied here); values are read and written as doubles, so one loop
 * serves float training and double-precision gradient checks.
 *
 * <p>Each ND4J element-wise operation on a {@code [64, 256]} step costs 10–140 µs of dispatch and, on the strided gate
 * blocks, of strided access; an LSTM step needs about fifteen of them forward and twenty backward. A single loop over
 * the step's elements does the same arithmetic in one pass over contiguous memory.
 */
public abstract sealed class Elements {

    /** Wraps {@code array}, which must be row-major contiguous (as arrays the cells create are). */
    public static Elements of(INDArray array) {
        if (!Layout.isRowMajorContiguous(array)) {
            throw new IllegalArgumentException("a fused cell loop needs a row-major contiguous array, got shape "
                    + Arrays.toString(array.shape()) + " strides " + Arrays.toString(array.stride()));
        }
        long offset = array.offset();
        if (offset + array.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array of " + array.length() + " elements is too large for a fused loop");
        }
        DataType type = array.dataType();
        return switch (type) {
            case FLOAT -> new Floats(array.data().asNioFloat(), (int) offset);
            case DOUBLE -> new Doubles(array.data().asNioDouble(), (int) offset);
            default -> throw new IllegalArgumentException("recurrent cells compute in FLOAT or DOUBLE, not " + type);
        };
    }

    /** Element {@code i} in row-major order. */
    public abstract double get(int i);

    /** Sets element {@code i} in row-major order (rounded to the array's type). */
    public abstract void set(int i, double v);

    /**
     * Copies the {@code n} elements from {@code from} on into {@code dst} in one bulk read (element by element, a
     * direct buffer's bounds and liveness checks cost more than the arithmetic of a simple loop).
     */
    public abstract void copyTo(int from, double[] dst, int n);

    /** Copies the {@code n} elements from {@code from} on into {@code dst} (rounded to float). */
    public abstract void copyTo(int from, float[] dst, int n);

    /** Writes the first {@code n} elements of {@code src} from element {@code to} on, in one bulk write. */
    public abstract void copyFrom(double[] src, int to, int n);

    /** The element functions at this array's precision. */
    public abstract ElementFunctions functions();

    /** Elements of a FLOAT array. */
    public static final class Floats extends Elements {
        private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);
        private final FloatBuffer buffer;
        private final int offset;

        Floats(FloatBuffer buffer, int offset) {
            this.buffer = buffer;
            this.offset = offset;
        }

        @Override
        public double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        public void set(int i, double v) {
            buffer.put(offset + i, (float) v);
        }

        @Override
        public void copyTo(int from, double[] dst, int n) {
            float[] row = scratch(n);
            buffer.get(offset + from, row, 0, n);
            for (int j = 0; j < n; j++) {
                dst[j] = row[j];
            }
        }

        @Override
        public void copyTo(int from, float[] dst, int n) {
            buffer.get(offset + from, dst, 0, n);
        }

        @Override
        public void copyFrom(double[] src, int to, int n) {
            float[] row = scratch(n);
            for (int j = 0; j < n; j++) {
                row[j] = (float) src[j];
            }
            buffer.put(offset + to, row, 0, n);
        }

        @Override
        public ElementFunctions functions() {
            return ElementFunctions.FLOAT;
        }

        private static float[] scratch(int n) {
            float[] row = SCRATCH.get();
            if (row.length < n) {
                row = new float[n];
                SCRATCH.set(row);
            }
            return row;
        }
    }

    /** Elements of a DOUBLE array. */
    public static final class Doubles extends Elements {
        private final DoubleBuffer buffer;
        private final int offset;

        Doubles(DoubleBuffer buffer, int offset) {
            this.buffer = buffer;
            this.offset = offset;
        }

        @Override
        public double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        public void set(int i, double v) {
            buffer.put(offset + i, v);
        }

        @Override
        public void copyTo(int from, double[] dst, int n) {
            buffer.get(offset + from, dst, 0, n);
        }

        @Override
        public void copyTo(int from, float[] dst, int n) {
            for (int j = 0; j < n; j++) {
                dst[j] = (float) buffer.get(offset + from + j);
            }
        }

        @Override
        public void copyFrom(double[] src, int to, int n) {
            buffer.put(offset + to, src, 0, n);
        }

        @Override
        public ElementFunctions functions() {
            return ElementFunctions.DOUBLE;
        }
    }
}
