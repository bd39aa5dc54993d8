package org.seq2seq4j.core.linalg;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products as single BLAS calls into new row-major results. ND4J's {@code mmul} is much slower on this path:
 * measured on 2 cores, {@code [1280, 256] × [256, 8000]} took 111 ms with {@code a.mmul(b)}, 78 ms with {@code
 * a.mmuli(b, rowMajorResult)} and 31 ms through {@code Nd4j.gemm}; {@code [64, 1024] × [1024, 256]ᵀ} took 1.3–1.6 ms
 * as {@code a.mmul(b.transpose())} and 0.3 ms with BLAS transposing {@code b}.
 */
public final class Products {

    private Products() {
    }

    /** {@code a b}. */
    public static INDArray mmul(INDArray a, INDArray b) {
        return product(a, b, false, false, a.size(0), b.size(1));
    }

    /** {@code aᵀ b}. */
    public static INDArray mmulTN(INDArray a, INDArray b) {
        return product(a, b, true, false, a.size(1), b.size(1));
    }

    /** {@code a bᵀ}. */
    public static INDArray mmulNT(INDArray a, INDArray b) {
        return product(a, b, false, true, a.size(0), b.size(0));
    }

    /**
     * {@code target += column sums of m} ({@code m} is {@code [rows, n]}, {@code target} any contiguous array of
     * {@code n} elements, such as a bias gradient {@code [1, n]}), as the product {@code mᵀ 1}. Measured on 2 cores:
     * 0.8–1.0 ms for a {@code [1280, 1024]} matrix against 5.2–6.3 ms for {@code m.sum(true, 0)}, whose reduction
     * over rows is strided, and 4.7–5.3 ms against 7.1–7.6 ms for {@code [1280, 8000]}.
     */
    public static void addColumnSums(INDArray m, INDArray target) {
        if (!Layout.isRowMajorContiguous(target)) {
            throw new IllegalArgumentException("the target of column sums must be contiguous, got shape "
                    + Arrays.toString(target.shape()) + " strides " + Arrays.toString(target.stride()));
        }
        INDArray column = target.reshape('c', target.length(), 1);
        Nd4j.gemm(m, Nd4j.ones(m.dataType(), m.size(0), 1), column, true, false, 1.0, 1.0);
    }

    /**
     * {@code x w + b} for {@code x [N, K]}, {@code w [K, M]} and a bias row {@code b [1, M]}, as a new row-major
     * array: the bias copied into every row, then one product added to it (a broadcast addition after the product is a
     * second ND4J operation over the result).
     */
    public static INDArray affine(INDArray x, INDArray w, INDArray b) {
        long rows = x.size(0);
        int cols = (int) w.size(1);
        if (b.length() != cols) {
            throw new IllegalArgumentException("a bias of " + b.length() + " for " + cols + " columns");
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[]{rows, cols}, 'c');
        Elements be = Elements.of(Layout.rowMajor(b));
        Elements oe = Elements.of(out);
        double[] bias = new double[cols];
        be.copyTo(0, bias, cols);
        for (int i = 0; i < rows; i++) {
            oe.copyFrom(bias, i * cols, cols);
        }
        return Nd4j.gemm(x, w, out, false, false, 1.0, 1.0);
    }

    /**
     * {@code out[b, s] = Σ_h m[b, s, h] v[b, h]}: every matrix of the batch {@code m [B, S, H]} times its own vector
     * of {@code v [B, H]}, as a new row-major {@code [B, S]} array (attention scores of a decoding step). One Java
     * pass over {@code m}, rows split over the CPU threads: an ND4J broadcast product and sum costs two operations and
     * a temporary of {@code m}'s size.
     */
    public static INDArray batchedMatVec(INDArray m, INDArray v) {
        int batch = (int) m.size(0);
        int rows = (int) m.size(1);
        int cols = (int) m.size(2);
        requireShape(v, batch, cols, "vector");
        INDArray out = Nd4j.createUninitialized(m.dataType(), new long[]{batch, rows}, 'c');
        Elements me = Elements.of(Layout.rowMajor(m));
        Elements ve = Elements.of(Layout.rowMajor(v));
        Elements oe = Elements.of(out);
        RowSplit.run(batch, rows * cols, (from, to) -> {
            double[] mr = new double[rows * cols];
            double[] vr = new double[cols];
            double[] or = new double[rows];
            for (int b = from; b < to; b++) {
                me.copyTo(b * rows * cols, mr, rows * cols);
                ve.copyTo(b * cols, vr, cols);
                for (int r = 0; r < rows; r++) {
                    double sum = 0;
                    int base = r * cols;
                    for (int c = 0; c < cols; c++) {
                        sum += mr[base + c] * vr[c];
                    }
                    or[r] = sum;
                }
                oe.copyFrom(or, b * rows, rows);
            }
        });
        return out;
    }

    /**
     * {@code out[b, h] = Σ_s w[b, s] m[b, s, h]}: every vector of {@code w [B, S]} times its own matrix of the batch
     * {@code m [B, S, H]}, as a new row-major {@code [B, H]} array (the context of a decoding step's attention), in
     * one Java pass as {@link #batchedMatVec}.
     */
    public static INDArray batchedVecMat(INDArray w, INDArray m) {
        int batch = (int) m.size(0);
        int rows = (int) m.size(1);
        int cols = (int) m.size(2);
        requireShape(w, batch, rows, "weights");
        INDArray out = Nd4j.createUninitialized(m.dataType(), new long[]{batch, cols}, 'c');
        Elements me = Elements.of(Layout.rowMajor(m));
        Elements we = Elements.of(Layout.rowMajor(w));
        Elements oe = Elements.of(out);
        RowSplit.run(batch, rows * cols, (from, to) -> {
            double[] mr = new double[rows * cols];
            double[] wr = new double[rows];
            double[] or = new double[cols];
            for (int b = from; b < to; b++) {
                me.copyTo(b * rows * cols, mr, rows * cols);
                we.copyTo(b * rows, wr, rows);
                Arrays.fill(or, 0);
                for (int r = 0; r < rows; r++) {
                    double weight = wr[r];
                    int base = r * cols;
                    for (int c = 0; c < cols; c++) {
                        or[c] += weight * mr[base + c];
                    }
                }
                oe.copyFrom(or, b * cols, cols);
            }
        });
        return out;
    }

    private static void requireShape(INDArray a, long rows, long cols, String what) {
        if (a.rank() != 2 || a.size(0) != rows || a.size(1) != cols) {
            throw new IllegalArgumentException("the " + what + " of a batched product must be [" + rows + ", " + cols
                    + "], got " + Arrays.toString(a.shape()));
        }
    }

    private static INDArray product(INDArray a, INDArray b, boolean ta, boolean tb, long rows, long cols) {
        INDArray out = Nd4j.createUninitialized(a.dataType(), new long[]{rows, cols}, 'c');
        return Nd4j.gemm(a, b, out, ta, tb, 1.0, 0.0);
    }
}
