package org.seq2seq4j.core.eval;

import org.seq2seq4j.core.config.ConfigException;

/**
 * Settings of chrF, named as sacreBLEU's {@code CHRF(...)} arguments. {@link #defaults()} are sacreBLEU 2.x's chrF
 * defaults ({@code nc:6|nw:0|space:no|eff:yes}, beta 2); {@link #chrFPlusPlus()} adds word bigrams.
 *
 * @param charOrder    highest character n-gram order ({@code char_order}; default 6)
 * @param wordOrder    highest word n-gram order ({@code word_order}; default 0; 2 makes chrF++)
 * @param beta         weight of recall over precision in the F-score ({@code beta}; default 2)
 * @param lowercase    lowercase first ({@code lowercase}; default no)
 * @param whitespace   keep whitespace inside character n-grams ({@code whitespace}; default no)
 * @param epsSmoothing average F-scores over all orders with a tiny epsilon for empty ones, as chrF++.py, Moses and NLTK
 *                     do ({@code eps_smoothing}; default no: average precision and recall over the orders that have
 *                     n-grams on both sides, then take one F-score, the signature's {@code eff:yes})
 */
public record ChrFOptions(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace,
                          boolean epsSmoothing) {

    public ChrFOptions {
        ConfigException.atLeast("charOrder", charOrder, 0);
        ConfigException.atLeast("wordOrder", wordOrder, 0);
        ConfigException.atLeast("beta", beta, 0);
        if (charOrder + wordOrder == 0) {
            throw ConfigException.invalid("charOrder", charOrder, "charOrder + wordOrder must be at least 1");
        }
    }

    /** sacreBLEU 2.x's chrF: character 6-grams, no word n-grams, beta 2, whitespace removed, mixed case. */
    public static ChrFOptions defaults() {
        return new ChrFOptions(6, 0, 2, false, false, false);
    }

    /** chrF++ (Popović 2017) as sacreBLEU's {@code --chrf-word-order 2}: the defaults plus word uni- and bigrams. */
    public static ChrFOptions chrFPlusPlus() {
        return defaults().withWordOrder(2);
    }

    public ChrFOptions withCharOrder(int n) {
        return new ChrFOptions(n, wordOrder, beta, lowercase, whitespace, epsSmoothing);
    }

    public ChrFOptions withWordOrder(int n) {
        return new ChrFOptions(charOrder, n, beta, lowercase, whitespace, epsSmoothing);
    }

    public ChrFOptions withBeta(int b) {
        return new ChrFOptions(charOrder, wordOrder, b, lowercase, whitespace, epsSmoothing);
    }

    public ChrFOptions withLowercase(boolean l) {
        return new ChrFOptions(charOrder, wordOrder, beta, l, whitespace, epsSmoothing);
    }

    public ChrFOptions withWhitespace(boolean w) {
        return new ChrFOptions(charOrder, wordOrder, beta, lowercase, w, epsSmoothing);
    }

    public ChrFOptions withEpsSmoothing(boolean e) {
        return new ChrFOptions(charOrder, wordOrder, beta, lowercase, whitespace, e);
    }

    /** Character orders plus word orders: the number of (hyp, ref, match) triples per segment. */
    public int orders() {
        return charOrder + wordOrder;
    }
}
