package org.seq2seq4j.core.eval;

import java.util.Objects;
import org.seq2seq4j.core.config.ConfigException;

/**
 * Settings of corpus BLEU, named as sacreBLEU's {@code BLEU(...)} arguments. {@link #defaults()} are sacreBLEU 2.x's
 * defaults, the ones behind a signature {@code case:mixed|eff:no|tok:13a|smooth:exp}.
 *
 * @param tokenizer      how lines are split into words ({@code tokenize}; default {@code 13a})
 * @param lowercase      lowercase hypotheses and references first ({@code lowercase}; default no: {@code case:mixed})
 * @param smoothing      what a zero n-gram precision becomes ({@code smooth_method}; default {@code exp})
 * @param maxNgramOrder  highest n-gram order ({@code max_ngram_order}; default 4; not part of sacreBLEU's signature)
 * @param effectiveOrder average only over the orders the hypotheses have n-grams of ({@code effective_order};
 *                       default no; sacreBLEU's {@code sentence_bleu} turns it on for single sentences)
 */
public record BleuOptions(BleuTokenizer tokenizer, boolean lowercase, BleuSmoothing smoothing, int maxNgramOrder,
                          boolean effectiveOrder) {

    public BleuOptions {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(smoothing, "smoothing");
        ConfigException.atLeast("maxNgramOrder", maxNgramOrder, 1);
    }

    /** sacreBLEU 2.x's defaults: {@code 13a}, mixed case, {@code exp} smoothing, order 4, no effective order. */
    public static BleuOptions defaults() {
        return new BleuOptions(BleuTokenizer.MTEVAL_13A, false, BleuSmoothing.EXP, 4, false);
    }

    public BleuOptions withTokenizer(BleuTokenizer t) {
        return new BleuOptions(t, lowercase, smoothing, maxNgramOrder, effectiveOrder);
    }

    public BleuOptions withLowercase(boolean l) {
        return new BleuOptions(tokenizer, l, smoothing, maxNgramOrder, effectiveOrder);
    }

    public BleuOptions withSmoothing(BleuSmoothing s) {
        return new BleuOptions(tokenizer, lowercase, s, maxNgramOrder, effectiveOrder);
    }

    public BleuOptions withMaxNgramOrder(int n) {
        return new BleuOptions(tokenizer, lowercase, smoothing, n, effectiveOrder);
    }

    public BleuOptions withEffectiveOrder(boolean e) {
        return new BleuOptions(tokenizer, lowercase, smoothing, maxNgramOrder, e);
    }
}
