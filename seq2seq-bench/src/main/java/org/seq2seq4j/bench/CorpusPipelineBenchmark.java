package org.seq2seq4j.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.BatchFactory;
import org.seq2seq4j.data.batch.LengthBucketedBatches;
import org.seq2seq4j.data.corpus.BadInputPolicy;
import org.seq2seq4j.data.corpus.TokenizedCorpus;
import org.seq2seq4j.data.corpus.TsvFormat;
import org.seq2seq4j.data.text.WordTokenizer;
import org.seq2seq4j.data.vocab.Vocabulary;

/**
 * The data pipeline from a gzip TSV corpus to training batches: reading and decoding the file, word tokenization of
 * both sides, vocabulary lookup, length-bucketed batch order and the padded id and mask arrays of every batch. The
 * corpus is generated once per trial ({@code sentences} pairs of 3–{@code 2 x meanLength} words drawn from a Zipf-like
 * distribution over 20,000 word types, with punctuation); the vocabularies are built from it beforehand. Score: passes
 * per second; the {@code sentencePairs} counter gives sentence pairs per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class CorpusPipelineBenchmark {

    @Param("20000")
    public int sentences;

    @Param("10")
    public int meanLength;

    @Param("64")
    public int batch;

    private Path file;
    private TokenizedCorpus corpus;
    private Vocabulary sourceVocabulary;
    private Vocabulary targetVocabulary;
    private BatchFactory batches;

    /** Sentence pairs turned into batches, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Pairs {
        public long sentencePairs;

        @Setup(Level.Iteration)
        public void reset() {
            sentencePairs = 0;
        }
    }

    @Setup(Level.Trial)
    public void writeCorpus() throws IOException {
        org.seq2seq4j.core.runtime.Backend.require(BenchmarkSuite.threads());
        file = Files.createTempFile("seq2seq4j-bench-", ".tsv.gz");
        SplittableRandom random = new SplittableRandom(Seq2SeqWorkload.SEED);
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            for (int i = 0; i < sentences; i++) {
                w.write(sentence(random, "w"));
                w.write('\t');
                w.write(sentence(random, "m"));
                w.write("\tCC-BY 2.0 (France) Attribution: tatoeba.org #" + i + "\n");
            }
        }
        corpus = new TokenizedCorpus(new TsvFormat(file, 0, 1, BadInputPolicy.ERROR), WordTokenizer.defaults(),
                WordTokenizer.defaults());
        List<List<String>> src = new ArrayList<>();
        List<List<String>> tgt = new ArrayList<>();
        corpus.forEach(p -> {
            src.add(p.source());
            tgt.add(p.target());
        });
        sourceVocabulary = Vocabulary.build(src, 8000, 1);
        targetVocabulary = Vocabulary.build(tgt, 8000, 1);
        batches = new BatchFactory(Seq2SeqWorkload.SYMBOLS, false, DataType.FLOAT);
    }

    /** A sentence of Zipf-distributed words with a comma now and then and a final punctuation mark. */
    private String sentence(SplittableRandom random, String prefix) {
        int words = 3 + random.nextInt(2 * meanLength - 2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            int rank = (int) Math.floor(Math.pow(20_000, random.nextDouble()));
            s.append(prefix).append(rank);
        }
        return s.append(random.nextBoolean() ? "." : " ?").toString();
    }

    @TearDown(Level.Trial)
    public void deleteCorpus() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long corpusToBatches(Pairs counter) {
        List<int[]> src = new ArrayList<>();
        List<int[]> tgt = new ArrayList<>();
        try {
            corpus.forEach(p -> {
                src.add(sourceVocabulary.encode(p.source()));
                tgt.add(targetVocabulary.encode(p.target()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] srcLengths = src.stream().mapToInt(a -> a.length).toArray();
        int[] tgtLengths = tgt.stream().mapToInt(a -> a.length).toArray();
        long cells = 0;
        for (List<Integer> rows : new LengthBucketedBatches(100).batches(srcLengths, tgtLengths, batch, 1)) {
            List<int[]> s = new ArrayList<>(rows.size());
            List<int[]> t = new ArrayList<>(rows.size());
            for (int r : rows) {
                s.add(src.get(r));
                t.add(tgt.get(r));
            }
            Batch b = batches.batch(s, t);
            cells += b.source().length() + b.targetInput().length();
        }
        counter.sentencePairs += src.size();
        return cells;
    }
}
