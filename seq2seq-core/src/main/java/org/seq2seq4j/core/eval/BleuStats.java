package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * BLEU's sufficient statistics for one segment or a sum of segments, sacreBLEU's per-segment list
 * {@code [hyp_len, ref_len, correct_1..N, total_1..N]}. Corpus BLEU is a function of the sum over the corpus
 * ({@link Bleu#score(BleuStats)}), so BLEU of any subset (a length bucket, a bootstrap sample) is the score of the sum
 * of that subset's statistics. Addition is associative and commutative, with {@link #empty(int)} as its zero.
 *
 * @param segments        number of segments summed
 * @param minReferences   fewest references any of those segments had (0 when there are no segments)
 * @param maxReferences   most references any of them had; the signature says {@code nrefs:var} when the two differ
 * @param hypothesisLength number of hypothesis words ({@code hyp_len})
 * @param referenceLength  sum of the closest reference lengths ({@code ref_len}): per segment, the reference length
 *                        closest to the hypothesis length, the shorter one on a tie
 * @param matches         per order n = 1..N, hypothesis n-grams also in a reference, each counted at most as often as
 *                        in the reference that has it most often (clipped counts, {@code counts})
 * @param totals          per order n = 1..N, hypothesis n-grams ({@code totals})
 */
public record BleuStats(int segments, int minReferences, int maxReferences, long hypothesisLength,
                        long referenceLength, List<Long> matches, List<Long> totals) {

    public BleuStats {
        matches = List.copyOf(matches);
        totals = List.copyOf(totals);
        if (matches.isEmpty() || matches.size() != totals.size()) {
            throw new IllegalArgumentException("matches and totals need one entry per n-gram order, got "
                    + matches.size() + " and " + totals.size());
        }
        if (segments < 0 || hypothesisLength < 0 || referenceLength < 0) {
            throw new IllegalArgumentException("negative count in " + segments + " segments, hypothesis length "
                    + hypothesisLength + ", reference length " + referenceLength);
        }
        if (segments == 0 ? minReferences != 0 || maxReferences != 0 : minReferences < 1 || maxReferences < minReferences) {
            throw new IllegalArgumentException("reference counts " + minReferences + ".." + maxReferences
                    + " impossible for " + segments + " segments");
        }
        for (int n = 0; n < matches.size(); n++) {
            if (matches.get(n) < 0 || matches.get(n) > totals.get(n)) {
                throw new IllegalArgumentException("order " + (n + 1) + ": " + matches.get(n) + " matches of "
                        + totals.get(n) + " n-grams");
            }
        }
    }

    /** The statistics of no segment, for n-gram orders 1..maxNgramOrder. */
    public static BleuStats empty(int maxNgramOrder) {
        List<Long> zeros = new ArrayList<>(maxNgramOrder);
        for (int n = 0; n < maxNgramOrder; n++) {
            zeros.add(0L);
        }
        return new BleuStats(0, 0, 0, 0, 0, zeros, zeros);
    }

    /** Highest n-gram order counted. */
    public int maxNgramOrder() {
        return matches.size();
    }

    /** The statistics of both sets of segments together. */
    public BleuStats plus(BleuStats other) {
        if (other.maxNgramOrder() != maxNgramOrder()) {
            throw new IllegalArgumentException("cannot add BLEU statistics of n-gram order " + maxNgramOrder()
                    + " and " + other.maxNgramOrder());
        }
        if (other.segments == 0) {
            return this;
        }
        if (segments == 0) {
            return other;
        }
        List<Long> m = new ArrayList<>(matches.size());
        List<Long> t = new ArrayList<>(totals.size());
        for (int n = 0; n < matches.size(); n++) {
            m.add(matches.get(n) + other.matches.get(n));
            t.add(totals.get(n) + other.totals.get(n));
        }
        return new BleuStats(segments + other.segments, Math.min(minReferences, other.minReferences),
                Math.max(maxReferences, other.maxReferences), hypothesisLength + other.hypothesisLength,
                referenceLength + other.referenceLength, m, t);
    }

    /** The sum of {@code stats}, all of n-gram order {@code maxNgramOrder}. */
    public static BleuStats sum(Iterable<BleuStats> stats, int maxNgramOrder) {
        BleuStats s = empty(maxNgramOrder);
        for (BleuStats x : stats) {
            s = s.plus(x);
        }
        return s;
    }

    /** The number of references as sacreBLEU's signature writes it: the count, or {@code var} if it varies. */
    public String nrefs() {
        return minReferences == maxReferences ? Integer.toString(maxReferences) : "var";
    }
}
