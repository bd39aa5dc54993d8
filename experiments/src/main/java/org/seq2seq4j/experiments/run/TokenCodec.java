package org.seq2seq4j.experiments.run;

import java.util.List;
import org.seq2seq4j.data.vocab.ExtendedVocabulary;
import org.seq2seq4j.data.vocab.Vocabulary;

/**
 * How an experiment's tokens become the ids its model reads and predicts, and how output ids become tokens again: the
 * one place where the experiments module chooses between the two conversions.
 *
 * <ul>
 *   <li>Without copy, the source vocabulary encodes sources and the target vocabulary encodes targets and decodes
 *       outputs; a token outside a vocabulary is {@value Vocabulary#UNK_TOKEN}.</li>
 *   <li>With {@code model.copy} (the pointer-generator, See et al. 2017), source and target share one vocabulary of
 *       size {@code V}, and every example is encoded with its own {@link ExtendedVocabulary}: the source's tokens
 *       outside the vocabulary get ids {@code V + k} in order of first occurrence, a target token gets the same id
 *       if the source has it (else {@value Vocabulary#UNK_TOKEN}), and an output id {@code V + k} decodes to the
 *       {@code k}-th of those source tokens. Every method therefore takes the example's source tokens.</li>
 * </ul>
 *
 * <p>Ids carry no {@code <s>} or {@code </s>}; decoding stops at the first {@code </s>} as
 * {@link Vocabulary#decode(int[])} does.
 */
final class TokenCodec {

    private final Vocabulary source;
    private final Vocabulary target;
    private final boolean copy;

    private TokenCodec(Vocabulary source, Vocabulary target, boolean copy) {
        this.source = source;
        this.target = target;
        this.copy = copy;
    }

    /**
     * The conversion of an experiment with these vocabularies.
     *
     * @param copy whether the model copies ({@code model.copy})
     * @throws IllegalArgumentException if the model copies but the vocabularies differ (the config rules make sure a
     *                                  copy experiment builds one vocabulary, so this means mismatched files)
     */
    static TokenCodec of(boolean copy, Vocabulary source, Vocabulary target) {
        if (copy && !source.equals(target)) {
            throw new IllegalArgumentException("a model that copies source tokens (model.copy) needs one vocabulary "
                    + "shared by source and target, but the source vocabulary (" + source.size() + " tokens) and the "
                    + "target vocabulary (" + target.size() + " tokens) differ");
        }
        return new TokenCodec(source, target, copy);
    }

    /** Whether ids are a copy model's extended ids. */
    boolean copy() {
        return copy;
    }

    /** The ids of an example's source tokens. */
    int[] sourceIds(List<String> sourceTokens) {
        return copy ? ExtendedVocabulary.of(source, sourceTokens).encode(sourceTokens) : source.encode(sourceTokens);
    }

    /** The ids of an example's target tokens; with copy, the target tokens its source has get their extended ids. */
    int[] targetIds(List<String> sourceTokens, List<String> targetTokens) {
        return copy ? ExtendedVocabulary.of(source, sourceTokens).encode(targetTokens) : target.encode(targetTokens);
    }

    /**
     * The tokens of an output, up to its first end-of-sequence; with copy, an id {@code V + k} is the example's
     * {@code k}-th distinct source token outside the vocabulary.
     *
     * @throws org.seq2seq4j.data.vocab.VocabularyException if an id is outside the (extended) vocabulary
     */
    List<String> targetTokens(List<String> sourceTokens, int[] ids) {
        return copy ? ExtendedVocabulary.of(target, sourceTokens).decode(ids) : target.decode(ids);
    }
}
