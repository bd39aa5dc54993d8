package org.seq2seq4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.decode.GreedyDecoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.runtime.Backend;
import org.seq2seq4j.core.runtime.OpenMp;
import org.seq2seq4j.core.train.TrainingStep;

/**
 * Our training and greedy-decoding throughput against the PyTorch CPU peer ({@code ../shared/peers/torch_seq2seq.py})
 * on the reference configuration (vocabulary 8000, embeddings 256, hidden 256, batch 64, lengths 20, one-layer LSTMs),
 * without and with a bidirectional encoder and dot attention, measured the way the peer measures itself (3 warm-up
 * steps, then the mean over {@code --steps} steps; greedy decoding of the batch for 20 decoder steps at most) and
 * interleaved with it round by round on the same machine, so that both see the same load; medians over the rounds.
 * Before its first round, each configuration of ours is warmed up for {@code --warmup} seconds of alternating training
 * steps and decodings (as JMH warms up): the JIT compiles the decoding loop over its first 15–20 batches, during which
 * greedy decoding ran at half its later speed (209 sentences/s in the first round against 427–442 from the sixth on).
 * The peer, Python over native kernels, has nothing to warm up.
 * Also reports the fraction of the machine's single-precision matrix-multiply rate ({@code 2048^3} sgemm through ND4J,
 * measured in the same JVM) that our training step reaches ({@link TrainingFlops}).
 *
 * <pre>
 *   java -cp seq2seq-bench/target/benchmarks.jar org.seq2seq4j.bench.PeerComparison \
 *       [--rounds 5] [--steps 10] [--threads 2] [--peer ../shared/peers/torch_seq2seq.py] [--python /usr/bin/python3]
 *       [--peer-wait-policy same|default] [--warmup 20]
 * </pre>
 *
 * The peer uses GNU OpenMP as ND4J does, and on 2 cores both are much faster with {@code OMP_WAIT_POLICY=PASSIVE},
 * which the toolkit sets for itself ({@link org.seq2seq4j.core.runtime.OpenMp}). {@code --peer-wait-policy same}
 * (the default) runs the peer with the policy we run with; {@code default} runs it with OpenMP's default, as it runs
 * out of the box. The report says which.
 */
public final class PeerComparison {

    static final int VOCABULARY = 8000;
    static final int SIZE = 256;
    static final int BATCH = 64;
    static final int LENGTH = 20;

    private PeerComparison() {
    }

    /** One reference row: the peer's flags and our architecture. */
    record Row(String name, boolean bidirectional, AttentionType attention) {
        List<String> peerFlags() {
            List<String> f = new ArrayList<>();
            if (bidirectional) {
                f.add("--bidir");
            }
            f.add("--attention");
            f.add(attention.name().toLowerCase(Locale.ROOT));
            return f;
        }
    }

    /** One measurement: training target tokens per second and greedy sentences per second. */
    record Measurement(double trainTokensPerSecond, double greedySentencesPerSecond) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = 5;
        int steps = 10;
        int threads = 2;
        String peer = "../shared/peers/torch_seq2seq.py";
        String python = "/usr/bin/python3";
        Path out = Path.of("bench-results", "peer");
        String peerWaitPolicy = "same";
        double warmup = 20;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--peer" -> peer = v;
                case "--python" -> python = v;
                case "--out" -> out = Path.of(v);
                case "--peer-wait-policy" -> peerWaitPolicy = v;
                case "--warmup" -> warmup = Double.parseDouble(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(Path.of(peer))) {
            usage("the peer script " + Path.of(peer).toAbsolutePath() + " does not exist (--peer)");
        }
        if (!List.of("same", "default").contains(peerWaitPolicy)) {
            usage("--peer-wait-policy must be same or default, got " + peerWaitPolicy);
        }
        String backend = Backend.require(threads);
        String ourPolicy = OpenMp.waitPolicy();
        String peerPolicy = peerWaitPolicy.equals("same") ? ourPolicy : null;
        double peak = sgemmRate(5);
        List<Row> rows = List.of(new Row("LSTM, no attention", false, AttentionType.NONE),
                new Row("bidirectional LSTM + dot attention", true, AttentionType.DOT));
        StringBuilder md = new StringBuilder();
        BenchmarkEnvironment env = BenchmarkEnvironment.capture(backend, threads);
        md.append("Measured on ").append(env.cpu()).append(", ").append(env.cores()).append(" cores, JDK ")
                .append(env.jdk()).append(", ND4J ").append(env.backend()).append(", ").append(threads)
                .append(" thread(s) for both; ").append(rounds).append(" interleaved rounds of ").append(steps)
                .append(" steps, medians, ours after ").append(fmt(warmup)).append(" s of warm-up per configuration")
                .append(". sgemm 2048³ through ND4J: ").append(fmt(peak / 1e9)).append(" GFLOP/s. ")
                .append("OMP_WAIT_POLICY: ours ").append(ourPolicy == null ? "OpenMP's default" : ourPolicy)
                .append(", the peer's ").append(peerPolicy == null ? "OpenMP's default (unset)" : peerPolicy)
                .append(".\n\n")
                .append("| configuration | ours, train tok/s | peer, train tok/s | ratio | ours, greedy sent/s "
                        + "| peer, greedy sent/s | ratio | our share of sgemm peak |\n|---|---|---|---|---|---|---|---|\n");
        List<JsonNode> peerLines = new ArrayList<>();
        for (Row row : rows) {
            ModelConfig config = Seq2SeqWorkload.modelConfig(row.attention(), row.bidirectional(), SIZE, SIZE);
            Seq2SeqModel model = Seq2SeqModel.create(config, Seq2SeqWorkload.SYMBOLS, VOCABULARY, VOCABULARY,
                    Seq2SeqWorkload.SEED, DataType.FLOAT);
            // greedy decoding runs on an untrained copy: the trained one soon ends its sentences early, while the
            // peer always runs all its steps
            Seq2SeqModel decoding = Seq2SeqModel.create(config, Seq2SeqWorkload.SYMBOLS, VOCABULARY, VOCABULARY,
                    Seq2SeqWorkload.SEED, DataType.FLOAT);
            List<int[]> src = Seq2SeqWorkload.sequences(BATCH, LENGTH, VOCABULARY, Seq2SeqWorkload.SEED + 1);
            List<int[]> tgt = Seq2SeqWorkload.sequences(BATCH, LENGTH - 1, VOCABULARY, Seq2SeqWorkload.SEED + 2);
            double[] oursTrain = new double[rounds];
            double[] oursGreedy = new double[rounds];
            double[] peerTrain = new double[rounds];
            double[] peerGreedy = new double[rounds];
            long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmEnd) {
                measureOurs(model, decoding, src, tgt, 1);
            }
            for (int r = 0; r < rounds; r++) {
                Measurement ours = measureOurs(model, decoding, src, tgt, steps);
                oursTrain[r] = ours.trainTokensPerSecond();
                oursGreedy[r] = ours.greedySentencesPerSecond();
                JsonNode p = runPeer(python, peer, row, steps, threads, peerPolicy);
                peerLines.add(p);
                peerTrain[r] = p.path("train_tokens_per_s").asDouble();
                peerGreedy[r] = p.path("greedy_sentences_per_s").asDouble();
                System.err.printf(Locale.ROOT, "%s round %d: ours %.0f tok/s, %.1f sent/s; peer %.0f tok/s, %.1f "
                                + "sent/s%n", row.name(), r + 1, oursTrain[r], oursGreedy[r], peerTrain[r],
                        peerGreedy[r]);
            }
            double flops = TrainingFlops.trainingStep(config, VOCABULARY, BATCH, LENGTH, LENGTH);
            double ourStepsPerSecond = median(oursTrain) / (BATCH * LENGTH);
            md.append("| ").append(row.name()).append(" | ").append(fmt(median(oursTrain))).append(" | ")
                    .append(fmt(median(peerTrain))).append(" | ").append(fmt(median(oursTrain) / median(peerTrain)))
                    .append(" | ").append(fmt(median(oursGreedy))).append(" | ").append(fmt(median(peerGreedy)))
                    .append(" | ").append(fmt(median(oursGreedy) / median(peerGreedy))).append(" | ")
                    .append(fmt(100 * ourStepsPerSecond * flops / peak)).append(" % (")
                    .append(fmt(flops / 1e9)).append(" GFLOP/step) |\n");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("peer-comparison.md"), md.toString());
        Json.mapper().writeValue(out.resolve("peer-runs.json").toFile(), peerLines);
        System.out.print(md);
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem + "\nusage: PeerComparison [--rounds N] [--steps N] [--threads N] "
                + "[--peer torch_seq2seq.py] [--python python3] [--out DIR] [--peer-wait-policy same|default] "
                + "[--warmup SECONDS]");
        System.exit(2);
    }

    /**
     * Our training throughput on {@code model} and greedy throughput on {@code decoding}, timed as the peer times
     * itself. Fails if a decoding stopped before its last step, which would make it cheaper than the peer's.
     */
    static Measurement measureOurs(Seq2SeqModel model, Seq2SeqModel decoding, List<int[]> src, List<int[]> tgt,
                                   int steps) {
        TrainingStep step = TrainingStep.create(model,
                Seq2SeqWorkload.trainingConfig(src.size(), new GradientClipping.None()));
        Batch batch = model.batches().batch(src, tgt);
        for (int i = 0; i < 3; i++) {
            step.run(batch, 1e-3, i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run(batch, 1e-3, i);
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9 / steps;
        return new Measurement(src.size() * LENGTH / trainSeconds,
                greedySentencesPerSecond(decoding, src, Math.max(1, steps / 3)));
    }

    /**
     * Greedy sentences per second of {@code decoding} on {@code src}, the mean over {@code reps} decodings after an
     * untimed one. Fails if a decoding stopped before its last step.
     */
    static double greedySentencesPerSecond(Seq2SeqModel decoding, List<int[]> src, int reps) {
        // the peer runs exactly LENGTH decoder steps; ours runs maxLength + 1, the last of which may only end the
        // sentence (a limit of LENGTH tokens would take LENGTH + 1 steps on a model that never ends one)
        GreedyDecoder greedy = new GreedyDecoder(LENGTH - 1, src.size());
        requireAllSteps(greedy.decode(decoding, src));
        long t1 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            greedy.decode(decoding, src);
        }
        return src.size() / ((System.nanoTime() - t1) / 1e9 / reps);
    }

    private static void requireAllSteps(List<Hypothesis> decoded) {
        if (decoded.stream().allMatch(h -> h.tokens().length < LENGTH - 1)) {
            throw new IllegalStateException("every sentence ended before the last of " + LENGTH + " decoder steps, "
                    + "so the greedy measurement would not compare with the peer's");
        }
    }

    /** Runs the peer once; {@code waitPolicy} is its {@code OMP_WAIT_POLICY}, null for OpenMP's default. */
    private static JsonNode runPeer(String python, String peer, Row row, int steps, int threads, String waitPolicy)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, peer, "--vocab", "" + VOCABULARY, "--emb", "" + SIZE,
                "--hidden", "" + SIZE, "--batch", "" + BATCH, "--src-len", "" + LENGTH, "--tgt-len", "" + LENGTH,
                "--steps", "" + steps, "--threads", "" + threads));
        cmd.addAll(row.peerFlags());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        // an explicit environment: otherwise the child inherits the C environment, including our own setenv
        if (waitPolicy == null) {
            pb.environment().remove(OpenMp.WAIT_POLICY);
        } else {
            pb.environment().put(OpenMp.WAIT_POLICY, waitPolicy);
        }
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int rc = p.waitFor();
        if (rc != 0 || stdout.isEmpty()) {
            throw new IOException("the peer failed (exit code " + rc + "): " + String.join(" ", cmd)
                    + "; see ../shared/peers/README.md for its set-up (python3-torch, libopenblas0-pthread)");
        }
        String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
        return Json.mapper().readTree(last);
    }

    /** FLOP/s of a 2048³ single-precision product through ND4J (median of {@code reps}). */
    static double sgemmRate(int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray b = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray c = Nd4j.create(DataType.FLOAT, 2048, 2048);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double[] rates = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            rates[i] = 2.0 * 2048 * 2048 * 2048 / ((System.nanoTime() - t) / 1e9);
        }
        return median(rates);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double x) {
        return BenchmarkReport.format(x);
    }
}
