package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * chrF's sufficient statistics for one segment or a sum of segments: for each order (character orders 1..nc, then
 * word orders 1..nw) the n-grams of the hypothesis, of the reference, and their overlap (each n-gram counted at most
 * as often as on the other side), sacreBLEU's flat list of {@code [hyp, ref, match]} triples. For several references
 * a segment keeps the triples of the reference with the best segment-level chrF. Corpus chrF is a function of the sum
 * ({@link ChrF#score(ChrFStats)}); addition has {@link #empty(int)} as its zero.
 *
 * @param segments        number of segments summed
 * @param minReferences   fewest references any of those segments had (0 when there are no segments)
 * @param maxReferences   most references any of them had ({@code nrefs:var} in the signature when they differ)
 * @param hypothesisCounts per order, hypothesis n-grams (counted only where the reference has n-grams of that order)
 * @param referenceCounts  per order, reference n-grams
 * @param matchCounts      per order, n-grams in common
 */
public record ChrFStats(int segments, int minReferences, int maxReferences, List<Long> hypothesisCounts,
                        List<Long> referenceCounts, List<Long> matchCounts) {

    public ChrFStats {
        hypothesisCounts = List.copyOf(hypothesisCounts);
        referenceCounts = List.copyOf(referenceCounts);
        matchCounts = List.copyOf(matchCounts);
        if (hypothesisCounts.isEmpty() || hypothesisCounts.size() != referenceCounts.size()
                || hypothesisCounts.size() != matchCounts.size()) {
            throw new IllegalArgumentException("chrF statistics need one hyp, ref and match count per order, got "
                    + hypothesisCounts.size() + ", " + referenceCounts.size() + " and " + matchCounts.size());
        }
        if (segments < 0) {
            throw new IllegalArgumentException("negative segment count " + segments);
        }
        if (segments == 0 ? minReferences != 0 || maxReferences != 0 : minReferences < 1 || maxReferences < minReferences) {
            throw new IllegalArgumentException("reference counts " + minReferences + ".." + maxReferences
                    + " impossible for " + segments + " segments");
        }
    }

    /** The statistics of no segment, for {@code orders} orders (character plus word orders). */
    public static ChrFStats empty(int orders) {
        List<Long> zeros = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            zeros.add(0L);
        }
        return new ChrFStats(0, 0, 0, zeros, zeros, zeros);
    }

    /** Number of orders (character plus word). */
    public int orders() {
        return hypothesisCounts.size();
    }

    /** The statistics of both sets of segments together. */
    public ChrFStats plus(ChrFStats other) {
        if (other.orders() != orders()) {
            throw new IllegalArgumentException("cannot add chrF statistics of " + orders() + " and " + other.orders()
                    + " orders");
        }
        if (other.segments == 0) {
            return this;
        }
        if (segments == 0) {
            return other;
        }
        return new ChrFStats(segments + other.segments, Math.min(minReferences, other.minReferences),
                Math.max(maxReferences, other.maxReferences), add(hypothesisCounts, other.hypothesisCounts),
                add(referenceCounts, other.referenceCounts), add(matchCounts, other.matchCounts));
    }

    /** The sum of {@code stats}, all with {@code orders} orders. */
    public static ChrFStats sum(Iterable<ChrFStats> stats, int orders) {
        ChrFStats s = empty(orders);
        for (ChrFStats x : stats) {
            s = s.plus(x);
        }
        return s;
    }

    /** The number of references as sacreBLEU's signature writes it: the count, or {@code var} if it varies. */
    public String nrefs() {
        return minReferences == maxReferences ? Integer.toString(maxReferences) : "var";
    }

    private static List<Long> add(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) + b.get(i));
        }
        return out;
    }
}
