package org.seq2seq4j.experiments.run;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.decode.Hypothesis;
import org.seq2seq4j.core.eval.RepeatedNgrams;

/**
 * What the outputs of a split look like, beyond their scores: how much they repeat themselves (the measure coverage is
 * meant to lower) and, for a copy model, how much they copy.
 *
 * @param repeatedNgrams       share of n-gram occurrences in the outputs that repeat an earlier n-gram of the same
 *                             output, for n = 1 to 4 ({@link RepeatedNgrams})
 * @param sourceTokenShare     share of output tokens that occur in their own source
 * @param meanGeneration       a copy model's mean generation probability {@code p_gen} over all output tokens (1:
 *                             everything generated, 0: everything copied); null for other models
 * @param unknownCopyShare     a copy model's share of output tokens that are copies of source tokens outside the
 *                             vocabulary (extended ids); null for other models
 */
public record DecodingDiagnostics(Map<String, Double> repeatedNgrams, double sourceTokenShare, Double meanGeneration,
                                  Double unknownCopyShare) {

    /**
     * The diagnostics of {@code hypotheses} decoded from {@code sources} (ids as the model saw them).
     *
     * @param vocabulary the target vocabulary size: ids from it on are a copy model's extended ids
     */
    public static DecodingDiagnostics of(List<Hypothesis> hypotheses, List<int[]> sources, int vocabulary,
                                         boolean copy) {
        long tokens = 0;
        long fromSource = 0;
        long unknownCopies = 0;
        double generation = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            Hypothesis h = hypotheses.get(i);
            int[] src = sources.get(i);
            for (int k = 0; k < h.tokens().length; k++) {
                int t = h.tokens()[k];
                tokens++;
                if (Arrays.stream(src).anyMatch(s -> s == t)) {
                    fromSource++;
                }
                if (t >= vocabulary) {
                    unknownCopies++;
                }
                if (copy && h.generation() != null) {
                    generation += h.generation()[k];
                }
            }
        }
        double n = Math.max(1, tokens);
        return new DecodingDiagnostics(RepeatedNgrams.rates(hypotheses.stream().map(Hypothesis::tokens).toList()),
                fromSource / n, copy ? generation / n : null, copy ? unknownCopies / n : null);
    }
}
