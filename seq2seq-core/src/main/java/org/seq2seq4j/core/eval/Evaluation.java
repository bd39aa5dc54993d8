package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.seq2seq4j.core.decode.Decoder;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.model.Batch;
import org.seq2seq4j.core.model.Seq2SeqModel;

/**
 * A model's scores on a labelled split: teacher-forced loss and perplexity, and the accuracy of decoded outputs.
 *
 * @param loss        mean per-token cross-entropy (nats), teacher-forced, end-of-sequence included
 * @param tokens      number of target tokens the loss is over
 * @param metrics     accuracy of the decoded outputs
 * @param hypotheses  the decoded outputs, in input order
 */
public record Evaluation(double loss, long tokens, SequenceMetrics metrics, List<Hypothesis> hypotheses) {

    /** {@code exp(loss)}. */
    public double perplexity() {
        return Math.exp(loss);
    }

    /**
     * Evaluates {@code model} on the pairs: the loss in batches of {@code batchSize}, the accuracy of the best output
     * {@code decoder} finds for each source.
     */
    public static Evaluation of(Seq2SeqModel model, List<int[]> sources, List<int[]> targets, Decoder decoder,
                                int batchSize) {
        double lossSum = 0;
        long tokens = 0;
        for (int start = 0; start < sources.size(); start += batchSize) {
            int end = Math.min(sources.size(), start + batchSize);
            Batch b = model.batches().batch(sources.subList(start, end), targets.subList(start, end));
            lossSum += model.lossSum(b);
            tokens += b.targetTokens();
        }
        List<Hypothesis> hyps = decoder.decode(model, sources);
        SequenceMetrics m = new SequenceMetrics(model.symbols().unk());
        for (int i = 0; i < sources.size(); i++) {
            m.add(hyps.get(i).tokens(), targets.get(i));
        }
        return new Evaluation(tokens == 0 ? 0 : lossSum / tokens, tokens, m, new ArrayList<>(hyps));
    }
}
