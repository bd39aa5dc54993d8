package org.seq2seq4j.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.seq2seq4j.core.decode.BeamSearch;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.decode.GreedyDecoder;
import org.seq2seq4j.core.decode.Hypothesis;

/**
 * Decoding a batch of {@code batch} sources end to end: encoding once, then greedy decoding ({@code beamSize = 1},
 * {@link GreedyDecoder}) or batched beam search ({@link BeamSearch}, length penalty 0.6), at most {@code length}
 * output tokens each. Score: batches per second; the {@code sentences} counter gives sentences per second, the figure
 * the PyTorch peer prints for greedy decoding, and {@code outputTokens} the tokens produced (a random model rarely
 * stops before the maximum length, so both are comparable with the peer's fixed-length decoding).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DecodingBenchmark extends Seq2SeqWorkload {

    /** 1 is greedy decoding. */
    @Param({"1", "5"})
    public int beamSize;

    private Decoder decoder;

    /** Sentences and output tokens decoded, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Output {
        public long sentences;
        public long outputTokens;

        @Setup(Level.Iteration)
        public void reset() {
            sentences = 0;
            outputTokens = 0;
        }
    }

    @Setup
    public void createDecoder() {
        decoder = beamSize == 1 ? new GreedyDecoder(length, batch)
                : new BeamSearch(new BeamSearch.Options(beamSize, 1, 0.6, 0, length, batch));
    }

    @Benchmark
    public List<Hypothesis> decode(Output output) {
        List<Hypothesis> out = decoder.decode(model, sources);
        output.sentences += out.size();
        for (Hypothesis h : out) {
            output.outputTokens += h.tokens().length;
        }
        return out;
    }
}
