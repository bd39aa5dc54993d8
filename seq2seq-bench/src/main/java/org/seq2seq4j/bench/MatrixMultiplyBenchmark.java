package org.seq2seq4j.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline for every model benchmark: single-precision matrix multiplication through ND4J's BLAS
 * ({@code C = A B}, {@code A} {@code [m, k]}, {@code B} {@code [k, n]}), the machine's practical peak for the products a
 * training step is made of. The default shape is the reference configuration's output layer ({@code [B*T, H] x
 * [H, V]} = {@code [1280, 256] x [256, 8000]}); {@code 2048} cubed is the classic peak measurement. The {@code flops}
 * counter gives floating-point operations per second ({@code 2 m k n} per product).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class MatrixMultiplyBenchmark {

    /** {@code m x k x n}. */
    @Param({"1280x256x8000", "2048x2048x2048"})
    public String shape;

    private INDArray a;
    private INDArray b;
    private INDArray c;
    private long flopsPerProduct;

    /** Floating-point operations, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flops;

        @Setup(Level.Iteration)
        public void reset() {
            flops = 0;
        }
    }

    @Setup
    public void createMatrices() {
        org.seq2seq4j.core.runtime.Backend.require(BenchmarkSuite.threads());
        String[] dims = shape.split("x");
        long m = Long.parseLong(dims[0]);
        long k = Long.parseLong(dims[1]);
        long n = Long.parseLong(dims[2]);
        Nd4j.getRandom().setSeed(Seq2SeqWorkload.SEED);
        a = Nd4j.rand(DataType.FLOAT, m, k);
        b = Nd4j.rand(DataType.FLOAT, k, n);
        c = Nd4j.create(DataType.FLOAT, m, n);
        flopsPerProduct = 2 * m * k * n;
    }

    @Benchmark
    public INDArray multiply(Flops counter) {
        counter.flops += flopsPerProduct;
        return Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
}
