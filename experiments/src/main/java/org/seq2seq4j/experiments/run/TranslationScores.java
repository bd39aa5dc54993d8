package org.seq2seq4j.experiments.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq2seq4j.core.eval.Bleu;
import org.seq2seq4j.core.eval.BleuOptions;
import org.seq2seq4j.core.eval.BleuScore;
import org.seq2seq4j.core.eval.BleuStats;
import org.seq2seq4j.core.eval.ChrF;
import org.seq2seq4j.core.eval.ChrFOptions;
import org.seq2seq4j.core.train.DevScorer;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.ExperimentConfig;

/**
 * How an experiment turns decoded ids into text and scores it: the {@link TokenCodec} (the target vocabulary, or a
 * copy model's extended vocabulary of each example) and the target tokenizer detokenize, and BLEU and chrF compare the
 * text with the reference texts as sacreBLEU does with its defaults (case-insensitive when the data is lowercased).
 * Shared by the evaluation of a split and by the dev scores of every training epoch, so the two agree.
 */
final class TranslationScores {

    private final TokenCodec codec;
    private final Tokenizer detokenizer;
    private final Bleu bleu;
    private final ChrF chrF;

    private TranslationScores(TokenCodec codec, Tokenizer detokenizer, boolean lowercase) {
        this.codec = codec;
        this.detokenizer = detokenizer;
        this.bleu = new Bleu(BleuOptions.defaults().withLowercase(lowercase));
        this.chrF = new ChrF(ChrFOptions.defaults().withLowercase(lowercase));
    }

    /** The scores of an experiment whose ids are converted by {@code codec}. */
    static TranslationScores of(ExperimentConfig config, TokenCodec codec) {
        boolean lowercase = config.data() instanceof DataConfig.Corpus corpus && corpus.lowercase();
        return new TranslationScores(codec, config.data().targetTokenizer(), lowercase);
    }

    Bleu bleu() {
        return bleu;
    }

    ChrF chrF() {
        return chrF;
    }

    /** The target tokens of an output for the source {@code sourceTokens} (which a copy model's ids refer to). */
    List<String> tokens(List<String> sourceTokens, int[] ids) {
        return codec.targetTokens(sourceTokens, ids);
    }

    /** The detokenized text of target tokens. */
    String text(List<String> tokens) {
        return detokenizer.detokenize(tokens);
    }

    /**
     * A scorer of the dev outputs against {@code references} (one per dev example): {@code bleu} and {@code chrf},
     * 0..100.
     *
     * @param sources the dev examples' source tokens, in the order of {@code references}
     */
    DevScorer devScorer(List<String> references, List<List<String>> sources) {
        List<String> refs = List.copyOf(references);
        List<List<String>> srcs = List.copyOf(sources);
        if (srcs.size() != refs.size()) {
            throw new IllegalArgumentException(srcs.size() + " dev sources for " + refs.size() + " references");
        }
        return hypotheses -> {
            if (hypotheses.size() != refs.size()) {
                throw new IllegalArgumentException(hypotheses.size() + " dev outputs for " + refs.size()
                        + " references");
            }
            List<String> texts = new ArrayList<>(hypotheses.size());
            for (int i = 0; i < hypotheses.size(); i++) {
                texts.add(text(tokens(srcs.get(i), hypotheses.get(i).tokens())));
            }
            BleuScore b = bleu.score(BleuStats.sum(bleu.corpusStats(texts, List.of(refs)),
                    bleu.options().maxNgramOrder()));
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put(DevScorer.ValidationMetricKey.BLEU, b.score());
            scores.put(DevScorer.ValidationMetricKey.CHRF, chrF.corpusScore(texts, List.of(refs)).score());
            return scores;
        };
    }
}
