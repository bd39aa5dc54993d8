package org.seq2seq4j.bench;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.model.Seq2SeqModel;
import org.seq2seq4j.core.runtime.Backend;

/**
 * Our greedy decoding of the peer comparison's reference batch, round after round, with or without the comparison's
 * training steps between rounds: shows how decoding speed develops over a run and what the training in between
 * costs it, without the peer. Each round prints its sentences per second, and every 10 rounds their mean.
 *
 * <pre>
 *   java -cp seq2seq-bench/target/benchmarks.jar org.seq2seq4j.bench.GreedyRounds \
 *       [--rounds 50] [--train-between true|false] [--attention none|dot] [--bidirectional false] [--threads 2]
 * </pre>
 */
public final class GreedyRounds {

    private GreedyRounds() {
    }

    public static void main(String[] args) {
        int rounds = 50;
        boolean trainBetween = true;
        AttentionType attention = AttentionType.NONE;
        boolean bidirectional = false;
        int threads = 2;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--train-between" -> trainBetween = bool(args[i], v);
                case "--attention" -> attention = attention(v);
                case "--bidirectional" -> bidirectional = bool(args[i], v);
                case "--threads" -> threads = Integer.parseInt(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        Backend.require(threads);
        int size = PeerComparison.SIZE;
        int vocabulary = PeerComparison.VOCABULARY;
        ModelConfig config = Seq2SeqWorkload.modelConfig(attention, bidirectional, size, size);
        Seq2SeqModel model = Seq2SeqModel.create(config, Seq2SeqWorkload.SYMBOLS, vocabulary, vocabulary,
                Seq2SeqWorkload.SEED, DataType.FLOAT);
        Seq2SeqModel decoding = Seq2SeqModel.create(config, Seq2SeqWorkload.SYMBOLS, vocabulary, vocabulary,
                Seq2SeqWorkload.SEED, DataType.FLOAT);
        List<int[]> src = Seq2SeqWorkload.sequences(PeerComparison.BATCH, PeerComparison.LENGTH, vocabulary,
                Seq2SeqWorkload.SEED + 1);
        List<int[]> tgt = Seq2SeqWorkload.sequences(PeerComparison.BATCH, PeerComparison.LENGTH - 1, vocabulary,
                Seq2SeqWorkload.SEED + 2);
        double window = 0;
        for (int r = 1; r <= rounds; r++) {
            // 10 training steps and 3 timed decodings, as a round of the comparison; or 3 decodings alone
            double greedy = trainBetween
                    ? PeerComparison.measureOurs(model, decoding, src, tgt, 10).greedySentencesPerSecond()
                    : PeerComparison.greedySentencesPerSecond(decoding, src, 3);
            window += greedy;
            System.out.printf(Locale.ROOT, "round %d: %.1f sentences/s%n", r, greedy);
            if (r % 10 == 0) {
                System.out.printf(Locale.ROOT, "rounds %d-%d: mean %.1f sentences/s%n", r - 9, r, window / 10);
                window = 0;
            }
        }
    }

    private static AttentionType attention(String v) {
        if (!v.equals("none") && !v.equals("dot")) {
            usage("--attention must be none or dot (the peer's choices), got " + v);
        }
        return AttentionType.valueOf(v.toUpperCase(Locale.ROOT));
    }

    private static boolean bool(String option, String v) {
        if (!v.equals("true") && !v.equals("false")) {
            usage(option + " must be true or false, got " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem + "\nusage: GreedyRounds [--rounds N] [--train-between true|false] "
                + "[--attention none|dot] [--bidirectional true|false] [--threads N]");
        System.exit(2);
    }
}
