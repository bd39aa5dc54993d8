package org.seq2seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every benchmark subject runs, on a tiny workload, and counts what it reports, so that the benchmarks cannot rot
 * between benchmark runs (JMH itself never runs in the test suite).
 */
class BenchmarkSubjectsTest {

    private static <T extends Seq2SeqWorkload> T tiny(T w, String attention, boolean bidirectional) {
        w.vocabulary = 20;
        w.embedding = 6;
        w.hidden = 8;
        w.batch = 3;
        w.length = 5;
        w.attention = attention;
        w.bidirectional = bidirectional;
        w.createModel();
        return w;
    }

    @ParameterizedTest
    @CsvSource({"none, false", "dot, true", "additive, false"})
    void trainingStepLowersTheLossOnItsBatchAndCountsTargetTokens(String attention, boolean bidirectional) {
        TrainingStepBenchmark b = tiny(new TrainingStepBenchmark(), attention, bidirectional);
        b.createStep();
        var tokens = new TrainingStepBenchmark.Tokens();
        double first = b.trainingStep(tokens);
        double last = first;
        for (int i = 0; i < 20; i++) {
            last = b.trainingStep(tokens);
        }
        assertEquals(21L * 3 * 5, tokens.targetTokens, "length steps per sentence, end-of-sequence included");
        assertTrue(last < first, "the same batch 21 times: " + first + " -> " + last);
    }

    @ParameterizedTest
    @CsvSource({"none, false", "dot, true"})
    void encoderAndDecoderStepRunOnTheWholeBatch(String attention, boolean bidirectional) {
        EncoderBenchmark e = tiny(new EncoderBenchmark(), attention, bidirectional);
        assertEquals(3, e.encode().size());
        DecoderStepBenchmark d = tiny(new DecoderStepBenchmark(), attention, bidirectional);
        d.encode();
        assertEquals(3, d.step().logProbabilities().size(0));
        assertEquals(20, d.step().logProbabilities().size(1));
    }

    @ParameterizedTest
    @CsvSource({"1", "4"})
    void decodingCountsSentencesAndOutputTokens(int beamSize) {
        DecodingBenchmark b = tiny(new DecodingBenchmark(), "dot", false);
        b.beamSize = beamSize;
        b.createDecoder();
        var output = new DecodingBenchmark.Output();
        var hypotheses = b.decode(output);
        assertEquals(3, output.sentences);
        assertEquals(hypotheses.stream().mapToLong(h -> h.tokens().length).sum(), output.outputTokens);
        assertTrue(output.outputTokens <= 3L * 5);
    }

    @org.junit.jupiter.api.Test
    void corpusPipelineTurnsEveryPairIntoBatches() throws IOException {
        CorpusPipelineBenchmark b = new CorpusPipelineBenchmark();
        b.sentences = 200;
        b.meanLength = 6;
        b.batch = 16;
        b.writeCorpus();
        try {
            var pairs = new CorpusPipelineBenchmark.Pairs();
            assertTrue(b.corpusToBatches(pairs) > 0);
            assertEquals(200, pairs.sentencePairs);
        } finally {
            b.deleteCorpus();
        }
    }

    @org.junit.jupiter.api.Test
    void matrixMultiplyCountsTwoMkNFlopsPerProduct() {
        MatrixMultiplyBenchmark b = new MatrixMultiplyBenchmark();
        b.shape = "3x4x5";
        b.createMatrices();
        var flops = new MatrixMultiplyBenchmark.Flops();
        assertEquals(3, b.multiply(flops).size(0));
        assertEquals(2L * 3 * 4 * 5, flops.flops);
    }
}
