package org.seq2seq4j.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.seq2seq4j.core.model.DecoderState;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * One decoding step for a batch ({@code Seq2SeqModel.step}): target embedding, decoder stack step, attention over
 * the encoded batch when configured, output projection and log-softmax over the vocabulary (which a step computes only
 * when asked, so the benchmark asks; greedy decoding needs {@code best()} instead, beam search the log-softmax). Every
 * invocation steps from the same state (the encoded batch's start state), so the score is the time of one step.
 * Score: time per step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DecoderStepBenchmark extends Seq2SeqWorkload {

    private DecoderState start;
    private int[] previous;

    @Setup
    public void encode() {
        start = model.start(model.encode(sources));
        previous = new int[batch];
        Arrays.fill(previous, SYMBOLS.bos());
    }

    @Benchmark
    public Seq2SeqModel.Step step() {
        Seq2SeqModel.Step step = model.step(start, previous);
        step.logProbabilities();
        return step;
    }
}
