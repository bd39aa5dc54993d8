package org.seq2seq4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.seq2seq4j.core.model.EncodedSource;

/**
 * The encoder forward pass of decoding ({@code Seq2SeqModel.encode}): embedding, encoder stack and the decoder's
 * initial state for a batch of {@code batch} sources of {@code length} tokens, without gradients. Score: time per
 * batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EncoderBenchmark extends Seq2SeqWorkload {

    @Benchmark
    public EncodedSource encode() {
        return model.encode(sources);
    }
}
