package org.seq2seq4j.core.eval;

/**
 * A corpus chrF score as sacreBLEU's {@code CHRFScore} reports it.
 *
 * @param score     chrF on a 0..100 scale
 * @param charOrder character n-gram order
 * @param wordOrder word n-gram order (2 for chrF++)
 * @param beta      recall weight
 * @param signature sacreBLEU's signature, e.g. {@code nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0}
 */
public record ChrFScore(double score, int charOrder, int wordOrder, int beta, String signature) {

    /** sacreBLEU's name of the metric: {@code chrF2}, with one {@code +} per word order ({@code chrF2++}). */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }

    /** sacreBLEU's report, rounded as Python does: {@code chrF2 = 59.73}. */
    @Override
    public String toString() {
        return name() + " = " + SacreBleuSignature.fixed(score, 2);
    }

    /** The report with the signature, as sacreBLEU's command line prints it: {@code chrF2|nrefs:1|... = 59.73}. */
    public String format() {
        return name() + "|" + signature + " = " + SacreBleuSignature.fixed(score, 2);
    }
}
