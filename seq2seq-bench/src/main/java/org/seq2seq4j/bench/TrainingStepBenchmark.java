package org.seq2seq4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.train.TrainingStep;

/**
 * One full training step of the toolkit ({@link TrainingStep}: teacher-forced forward and backward pass, gradient
 * normalisation, norm clipping, Adam update) on a fixed random batch. The score is steps per second; the
 * {@code targetTokens} counter gives target tokens per second, the figure the PyTorch peer prints.
 *
 * <pre>
 *   java -jar seq2seq-bench/target/benchmarks.jar TrainingStepBenchmark -p attention=none -p bidirectional=false
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class TrainingStepBenchmark extends Seq2SeqWorkload {

    private TrainingStep step;

    /** Target tokens trained on, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long targetTokens;

        @Setup(Level.Iteration)
        public void reset() {
            targetTokens = 0;
        }
    }

    @Setup
    public void createStep() {
        step = TrainingStep.create(model, trainingConfig(batch, new GradientClipping.Norm(5.0)));
    }

    @Benchmark
    public double trainingStep(Tokens tokens) {
        tokens.targetTokens += trainingBatch.targetTokens();
        return step.run(trainingBatch, 1e-3, 0);
    }
}
