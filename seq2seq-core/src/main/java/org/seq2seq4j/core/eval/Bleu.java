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
 * Corpus BLEU (Papineni et al. 2002, "BLEU: a Method for Automatic Evaluation of Machine Translation") computed
 * exactly as sacreBLEU 2.x computes it ({@code sacrebleu/metrics/bleu.py}, checked against sacreBLEU
 * {@value SacreBleuSignature#VERSION}; Post 2018, "A Call for Clarity in Reporting BLEU Scores").
 *
 * <p>For each segment: optionally lowercase, strip trailing whitespace, tokenize ({@link BleuTokenizer}), split into
 * words on whitespace. Count the hypothesis n-grams of orders 1..N, and the matches clipped by the largest count of
 * that n-gram in any one reference; the segment's reference length is the one closest to the hypothesis length, the
 * shorter on a tie. Sum these statistics over the corpus ({@link BleuStats}) and score the sum
 * ({@link #score(BleuStats)}):
 * <pre>
 *   p_n  = 100 * matches_n / totals_n        (or smoothed when matches_n = 0, see {@link BleuSmoothing})
 *   BP   = exp(1 - ref_len / hyp_len) if hyp_len &lt; ref_len, else 1   (0 if hyp_len = 0)
 *   BLEU = BP * exp((log p_1 + ... + log p_N) / N)
 * </pre>
 * with sacreBLEU's corner cases: no match of any order scores 0; an order with no hypothesis n-gram at all (every
 * hypothesis shorter than n words) ends the loop, and without effective order its precision stays 0 and so does the
 * score; {@code log 0} is taken as {@code -9999999999}.
 *
 * <p>References come as sacreBLEU takes them, in streams: {@code referenceStreams.get(r).get(i)} is the r-th
 * reference of segment i, so the usual single reference is {@code List.of(references)}. A {@code null} line means the
 * segment has no reference in that stream.
 */
public final class Bleu {

    /** sacreBLEU's {@code my_log(0)}. */
    private static final double LOG_ZERO = -9999999999.0;

    private final BleuOptions options;

    public Bleu(BleuOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** BLEU with sacreBLEU's default settings ({@link BleuOptions#defaults()}). */
    public static Bleu sacreBleuDefaults() {
        return new Bleu(BleuOptions.defaults());
    }

    public BleuOptions options() {
        return options;
    }

    /**
     * Corpus BLEU of the hypotheses against the reference streams.
     *
     * @throws SegmentCountMismatchException if a reference stream's length differs from the number of hypotheses
     * @throws IllegalArgumentException      if there is no hypothesis, a hypothesis is null or a segment has no
     *                                       reference
     */
    public BleuScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
        return score(BleuStats.sum(corpusStats(hypotheses, referenceStreams), options.maxNgramOrder()));
    }

    /** The statistics of each segment, in order, for scoring subsets with {@link #score(BleuStats)}. */
    public List<BleuStats> corpusStats(List<String> hypotheses, List<List<String>> referenceStreams) {
        List<List<String>> refs = ReferenceStreams.bySegment(hypotheses, referenceStreams);
        List<BleuStats> out = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            out.add(segmentStats(hypotheses.get(i), refs.get(i)));
        }
        return out;
    }

    /** The statistics of one hypothesis against its references (at least one). */
    public BleuStats segmentStats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one reference");
        }
        int order = options.maxNgramOrder();
        Map<String, Integer> refNgrams = new HashMap<>();
        List<Integer> refLengths = new ArrayList<>(references.size());
        for (String ref : references) {
            List<String> words = words(ref);
            refLengths.add(words.size());
            Map<String, Integer> counts = ngrams(words, order);
            counts.forEach((g, c) -> refNgrams.merge(g, c, Math::max));
        }
        List<String> hypWords = words(hypothesis);
        long[] matches = new long[order];
        long[] totals = new long[order];
        for (Map.Entry<String, Integer> e : ngrams(hypWords, order).entrySet()) {
            int n = ngramOrder(e.getKey()) - 1;
            int c = e.getValue();
            totals[n] += c;
            Integer r = refNgrams.get(e.getKey());
            if (r != null) {
                matches[n] += Math.min(c, r);
            }
        }
        return new BleuStats(1, references.size(), references.size(), hypWords.size(),
                closestReferenceLength(hypWords.size(), refLengths), boxed(matches), boxed(totals));
    }

    /** The words of a line after lowercasing (if set), stripping trailing whitespace and tokenizing. */
    List<String> words(String line) {
        String s = options.lowercase() ? PythonLowercase.lower(line) : line;
        return PythonWhitespace.split(options.tokenizer().tokenize(PythonWhitespace.rstrip(s)));
    }

    /** The reference length closest to the hypothesis length; the shorter of two equally close ones. */
    static int closestReferenceLength(int hypothesisLength, List<Integer> referenceLengths) {
        int best = -1;
        int bestDiff = -1;
        for (int len : referenceLengths) {
            int diff = Math.abs(hypothesisLength - len);
            if (bestDiff == -1 || diff < bestDiff || (diff == bestDiff && len < best)) {
                bestDiff = diff;
                best = len;
            }
        }
        return best;
    }

    /**
     * BLEU of summed statistics, as sacreBLEU's {@code BLEU.compute_bleu}.
     *
     * @throws IllegalArgumentException if the statistics cover no segment or have another n-gram order
     */
    public BleuScore score(BleuStats stats) {
        int order = options.maxNgramOrder();
        if (stats.maxNgramOrder() != order) {
            throw new IllegalArgumentException("statistics of n-gram order " + stats.maxNgramOrder()
                    + " cannot be scored with maxNgramOrder " + order);
        }
        if (stats.segments() == 0) {
            throw new IllegalArgumentException("no segments to score: BLEU of an empty corpus is undefined");
        }
        long sysLen = stats.hypothesisLength();
        long refLen = stats.referenceLength();
        double bp = 1.0;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
        }
        double ratio = refLen != 0 ? (double) sysLen / refLen : 0;
        double[] precisions = new double[order];
        String signature = signature(stats.nrefs());
        if (stats.matches().stream().allMatch(m -> m == 0)) {
            return new BleuScore(0.0, stats.matches(), stats.totals(), boxed(precisions), bp, ratio, sysLen, refLen,
                    signature);
        }
        double smoothMteval = 1.0;
        int effOrder = order;
        for (int n = 1; n <= order; n++) {
            long correct = stats.matches().get(n - 1);
            long total = stats.totals().get(n - 1);
            if (total == 0) {
                break;
            }
            if (options.effectiveOrder()) {
                effOrder = n;
            }
            if (correct == 0) {
                precisions[n - 1] = switch (options.smoothing()) {
                    case EXP -> {
                        smoothMteval *= 2;
                        yield 100.0 / (smoothMteval * total);
                    }
                    case NONE -> 0.0;
                };
            } else {
                precisions[n - 1] = 100.0 * correct / total;
            }
        }
        double logSum = 0;
        for (int n = 0; n < effOrder; n++) {
            logSum += precisions[n] == 0.0 ? LOG_ZERO : Math.log(precisions[n]);
        }
        double score = bp * Math.exp(logSum / effOrder);
        return new BleuScore(score, stats.matches(), stats.totals(), boxed(precisions), bp, ratio, sysLen, refLen,
                signature);
    }

    /**
     * Corpus BLEU of each bucket of segments, keyed and sorted by bucket: e.g. BLEU per source-length bucket.
     *
     * @param segments the statistics of each segment ({@link #corpusStats})
     * @param bucketOf the bucket of segment i (0-based index into {@code segments}); must not return null
     */
    public <K extends Comparable<? super K>> SortedMap<K, BucketScore<BleuScore>> scoreByBucket(
            List<BleuStats> segments, IntFunction<? extends K> bucketOf) {
        SortedMap<K, BleuStats> sums = new TreeMap<>();
        for (int i = 0; i < segments.size(); i++) {
            K key = Objects.requireNonNull(bucketOf.apply(i), "bucket of segment " + i);
            sums.merge(key, segments.get(i), BleuStats::plus);
        }
        SortedMap<K, BucketScore<BleuScore>> out = new TreeMap<>();
        sums.forEach((k, s) -> out.put(k, new BucketScore<>(s.segments(), score(s))));
        return out;
    }

    /** sacreBLEU's BLEU signature for these options and {@code nrefs} references. */
    public String signature(String nrefs) {
        return SacreBleuSignature.of(nrefs,
                "case", options.lowercase() ? "lc" : "mixed",
                "eff", SacreBleuSignature.yesNo(options.effectiveOrder()),
                "tok", options.tokenizer().signatureName(),
                "smooth", options.smoothing().signatureName());
    }

    /** All n-grams of orders 1..maxOrder with their counts, an n-gram being its words joined by single spaces. */
    private static Map<String, Integer> ngrams(List<String> words, int maxOrder) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= maxOrder; n++) {
            for (int i = 0; i + n <= words.size(); i++) {
                counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Words never contain whitespace, so the order of a joined n-gram is one more than its spaces. */
    private static int ngramOrder(String ngram) {
        int n = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    private static List<Long> boxed(long[] xs) {
        List<Long> out = new ArrayList<>(xs.length);
        for (long x : xs) {
            out.add(x);
        }
        return out;
    }

    private static List<Double> boxed(double[] xs) {
        List<Double> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(x);
        }
        return out;
    }
}
