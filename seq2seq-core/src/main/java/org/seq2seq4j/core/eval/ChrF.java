package org.seq2seq4j.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * chrF (Popović 2015, "chrF: character n-gram F-score for automatic MT evaluation") and chrF++ (Popović 2017, "chrF++:
 * words helping character n-grams"), computed exactly as sacreBLEU 2.x computes them ({@code sacrebleu/metrics/chrf.py}
 * and {@code helpers.py}, checked against sacreBLEU {@value SacreBleuSignature#VERSION}).
 *
 * <p>For each segment: optionally lowercase; remove all whitespace (unless {@link ChrFOptions#whitespace()}); count the
 * character n-grams of orders 1..nc on code points. For chrF++ also split the (lowercased) line on whitespace, detach
 * one punctuation character from the end, or else from the start, of each word longer than one character, and count
 * word n-grams of orders 1..nw. Per order keep {@code [hyp, ref, match]}; with several references keep those of the
 * reference whose segment chrF is highest (the first on a tie). Sum over the corpus ({@link ChrFStats}) and score the
 * sum ({@link #score(ChrFStats)}). By default (sacreBLEU ≥ 2.0, {@code eff:yes}):
 * <pre>
 *   P = mean of match_n / hyp_n and R = mean of match_n / ref_n over the orders with hyp_n &gt; 0 and ref_n &gt; 0
 *   chrF = 100 * (1 + beta²) P R / (beta² P + R)      (0 if P + R = 0)
 * </pre>
 * With {@link ChrFOptions#epsSmoothing()} it is instead the mean over all orders of the per-order F-scores, an empty
 * order contributing 1e-16.
 *
 * <p>References come as in sacreBLEU, in streams ({@code referenceStreams.get(r).get(i)}); a {@code null} line means
 * no reference in that stream.
 */
public final class ChrF {

    private static final double EPS = 1e-16;

    /** Python's {@code string.punctuation}, as sacreBLEU's {@code CHRF._PUNCTS}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final ChrFOptions options;

    public ChrF(ChrFOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** chrF with sacreBLEU's default settings ({@link ChrFOptions#defaults()}). */
    public static ChrF sacreBleuDefaults() {
        return new ChrF(ChrFOptions.defaults());
    }

    public ChrFOptions options() {
        return options;
    }

    /**
     * Corpus chrF of the hypotheses against the reference streams.
     *
     * @throws SegmentCountMismatchException if a reference stream's length differs from the number of hypotheses
     * @throws IllegalArgumentException      if there is no hypothesis, a hypothesis is null or a segment has no
     *                                       reference
     */
    public ChrFScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
        return score(ChrFStats.sum(corpusStats(hypotheses, referenceStreams), options.orders()));
    }

    /** The statistics of each segment, in order, for scoring subsets with {@link #score(ChrFStats)}. */
    public List<ChrFStats> corpusStats(List<String> hypotheses, List<List<String>> referenceStreams) {
        List<List<String>> refs = ReferenceStreams.bySegment(hypotheses, referenceStreams);
        List<ChrFStats> out = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            out.add(segmentStats(hypotheses.get(i), refs.get(i)));
        }
        return out;
    }

    /** The statistics of one hypothesis against the best of its references (at least one). */
    public ChrFStats segmentStats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one reference");
        }
        List<Map<String, Integer>> hyp = ngrams(preprocess(hypothesis));
        long[] best = null;
        double bestF = -1.0;
        for (String reference : references) {
            List<Map<String, Integer>> ref = ngrams(preprocess(reference));
            long[] stats = new long[3 * options.orders()];
            for (int o = 0; o < options.orders(); o++) {
                matchStatistics(hyp.get(o), ref.get(o), stats, 3 * o);
            }
            double f = fScore(stats);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        List<Long> h = new ArrayList<>();
        List<Long> r = new ArrayList<>();
        List<Long> m = new ArrayList<>();
        for (int o = 0; o < options.orders(); o++) {
            h.add(best[3 * o]);
            r.add(best[3 * o + 1]);
            m.add(best[3 * o + 2]);
        }
        return new ChrFStats(1, references.size(), references.size(), h, r, m);
    }

    /**
     * chrF of summed statistics, as sacreBLEU's {@code CHRF._compute_f_score}.
     *
     * @throws IllegalArgumentException if the statistics cover no segment or have another number of orders
     */
    public ChrFScore score(ChrFStats stats) {
        if (stats.orders() != options.orders()) {
            throw new IllegalArgumentException("statistics of " + stats.orders() + " orders cannot be scored with "
                    + options.charOrder() + " character and " + options.wordOrder() + " word orders");
        }
        if (stats.segments() == 0) {
            throw new IllegalArgumentException("no segments to score: chrF of an empty corpus is undefined");
        }
        long[] flat = new long[3 * stats.orders()];
        for (int o = 0; o < stats.orders(); o++) {
            flat[3 * o] = stats.hypothesisCounts().get(o);
            flat[3 * o + 1] = stats.referenceCounts().get(o);
            flat[3 * o + 2] = stats.matchCounts().get(o);
        }
        return new ChrFScore(fScore(flat), options.charOrder(), options.wordOrder(), options.beta(),
                signature(stats.nrefs()));
    }

    /**
     * Corpus chrF of each bucket of segments, keyed and sorted by bucket.
     *
     * @param segments the statistics of each segment ({@link #corpusStats})
     * @param bucketOf the bucket of segment i (0-based index into {@code segments}); must not return null
     */
    public <K extends Comparable<? super K>> SortedMap<K, BucketScore<ChrFScore>> scoreByBucket(
            List<ChrFStats> segments, IntFunction<? extends K> bucketOf) {
        SortedMap<K, ChrFStats> sums = new TreeMap<>();
        for (int i = 0; i < segments.size(); i++) {
            K key = Objects.requireNonNull(bucketOf.apply(i), "bucket of segment " + i);
            sums.merge(key, segments.get(i), ChrFStats::plus);
        }
        SortedMap<K, BucketScore<ChrFScore>> out = new TreeMap<>();
        sums.forEach((k, s) -> out.put(k, new BucketScore<>(s.segments(), score(s))));
        return out;
    }

    /** sacreBLEU's chrF signature for these options and {@code nrefs} references. */
    public String signature(String nrefs) {
        return SacreBleuSignature.of(nrefs,
                "case", options.lowercase() ? "lc" : "mixed",
                "eff", SacreBleuSignature.yesNo(!options.epsSmoothing()),
                "nc", options.charOrder(),
                "nw", options.wordOrder(),
                "space", SacreBleuSignature.yesNo(options.whitespace()));
    }

    private String preprocess(String line) {
        return options.lowercase() ? PythonLowercase.lower(line) : line;
    }

    /** Character n-gram counts of orders 1..nc, then word n-gram counts of orders 1..nw. */
    private List<Map<String, Integer>> ngrams(String line) {
        List<Map<String, Integer>> out = new ArrayList<>(options.orders());
        String chars = options.whitespace() ? line : PythonWhitespace.remove(line);
        int[] cps = chars.codePoints().toArray();
        for (int n = 1; n <= options.charOrder(); n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            out.add(counts);
        }
        if (options.wordOrder() > 0) {
            List<String> words = separatePunctuation(line);
            for (int n = 1; n <= options.wordOrder(); n++) {
                Map<String, Integer> counts = new HashMap<>();
                for (int i = 0; i + n <= words.size(); i++) {
                    counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
                }
                out.add(counts);
            }
        }
        return out;
    }

    /**
     * sacreBLEU's {@code CHRF._remove_punctuation} (after chrF++.py): words split on whitespace; a word of more than one
     * character that ends in punctuation loses that last character to a word of its own, otherwise one that starts
     * with punctuation loses its first ({@code "(hi)"} gives {@code "(hi"} and {@code ")"}).
     */
    static List<String> separatePunctuation(String line) {
        List<String> out = new ArrayList<>();
        for (String w : PythonWhitespace.split(line)) {
            if (w.codePointCount(0, w.length()) == 1) {
                out.add(w);
            } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
                out.add(w.substring(0, w.length() - 1));
                out.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
                out.add(w.substring(0, 1));
                out.add(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Writes {@code [hyp, ref, match]} at {@code at}; hyp counts only if the reference has n-grams of the order. */
    private static void matchStatistics(Map<String, Integer> hyp, Map<String, Integer> ref, long[] out, int at) {
        long match = 0;
        long hypCount = 0;
        for (Map.Entry<String, Integer> e : hyp.entrySet()) {
            hypCount += e.getValue();
            Integer r = ref.get(e.getKey());
            if (r != null) {
                match += Math.min(e.getValue(), r);
            }
        }
        long refCount = 0;
        for (int c : ref.values()) {
            refCount += c;
        }
        out[at] = ref.isEmpty() ? 0 : hypCount;
        out[at + 1] = refCount;
        out[at + 2] = match;
    }

    /** sacreBLEU's {@code _compute_f_score} over flat {@code [hyp, ref, match]} triples, on a 0..100 scale. */
    private double fScore(long[] stats) {
        int orders = stats.length / 3;
        double factor = (double) options.beta() * options.beta();
        double score = 0.0;
        int effectiveOrder = 0;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        for (int i = 0; i < orders; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : EPS;
            double rec = nRef > 0 ? (double) nMatch / nRef : EPS;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (options.epsSmoothing()) {
            return 100 * score / orders;
        }
        if (effectiveOrder == 0) {
            avgPrec = 0.0;
            avgRec = 0.0;
        } else {
            avgPrec /= effectiveOrder;
            avgRec /= effectiveOrder;
        }
        if (avgPrec + avgRec != 0) {
            double f = (1 + factor) * avgPrec * avgRec;
            f /= (factor * avgPrec) + avgRec;
            return 100 * f;
        }
        return 0.0;
    }
}
