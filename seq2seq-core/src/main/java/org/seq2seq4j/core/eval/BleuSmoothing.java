package org.seq2seq4j.core.eval;

/**
 * What BLEU does with an n-gram order that has no match, named as in sacreBLEU's {@code smooth_method} (methods of
 * Chen &amp; Cherry 2014, "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU").
 */
public enum BleuSmoothing {

    /**
     * {@code exp}, sacreBLEU's default and the NIST {@code mteval-v13a.pl} method (Chen &amp; Cherry's method 3): the
     * k-th order with zero matches, counting from the lowest, gets precision {@code 100 / (2^k * total)}.
     */
    EXP("exp"),

    /** {@code none}: a zero precision stays zero, and so does the score. */
    NONE("none");

    private final String signatureName;

    BleuSmoothing(String signatureName) {
        this.signatureName = signatureName;
    }

    /** The name in the sacreBLEU signature ({@code smooth:exp}). */
    public String signatureName() {
        return signatureName;
    }
}
