package org.seq2seq4j.core.eval;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A corpus BLEU score with its parts, as sacreBLEU's {@code BLEUScore} reports them.
 *
 * @param score           BLEU on a 0..100 scale: {@code bp * exp(mean of log precisions)}
 * @param matches         clipped n-gram matches per order ({@code counts})
 * @param totals          hypothesis n-grams per order ({@code totals})
 * @param precisions      n-gram precisions per order on a 0..100 scale, after smoothing; all 0 when nothing matched
 * @param brevityPenalty  {@code exp(1 - ref_len / hyp_len)} when the hypotheses are shorter, else 1 ({@code bp})
 * @param ratio           {@code hyp_len / ref_len}, 0 if {@code ref_len} is 0
 * @param hypothesisLength words in the hypotheses ({@code hyp_len})
 * @param referenceLength  words in the closest references ({@code ref_len})
 * @param signature       sacreBLEU's signature, e.g. {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}
 */
public record BleuScore(double score, List<Long> matches, List<Long> totals, List<Double> precisions,
                        double brevityPenalty, double ratio, long hypothesisLength, long referenceLength,
                        String signature) {

    public BleuScore {
        matches = List.copyOf(matches);
        totals = List.copyOf(totals);
        precisions = List.copyOf(precisions);
    }

    /**
     * sacreBLEU's one-line report, numbers rounded as Python does:
     * {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)}.
     */
    @Override
    public String toString() {
        return "BLEU = " + report();
    }

    /** The report with the signature, as sacreBLEU's command line prints it: {@code BLEU|nrefs:1|...|version:2.6.0 = ...}. */
    public String format() {
        return "BLEU|" + signature + " = " + report();
    }

    private String report() {
        String prec = precisions.stream().map(p -> SacreBleuSignature.fixed(p, 1)).collect(Collectors.joining("/"));
        return SacreBleuSignature.fixed(score, 2) + " " + prec
                + " (BP = " + SacreBleuSignature.fixed(brevityPenalty, 3)
                + " ratio = " + SacreBleuSignature.fixed(ratio, 3)
                + " hyp_len = " + hypothesisLength + " ref_len = " + referenceLength + ")";
    }
}
