package org.seq2seq4j.data.text;

import java.util.List;

/**
 * Splits raw text into the token strings that a {@link org.seq2seq4j.data.vocab.Vocabulary} maps to ids, and joins
 * tokens back into text.
 *
 * <p>A closed family: {@link CharacterTokenizer} for character-level toy tasks and CJK text, {@link WhitespaceTokenizer}
 * for pre-tokenised corpora and {@link WordTokenizer} for raw European-language text with punctuation. Configs select
 * one by {@link TokenizerType}. All three treat the same set of code points as whitespace, defined once in
 * {@link WhitespaceTokenizer#isWhitespace(int)}.
 *
 * <p>Round trip: for any text, {@code tokenize(detokenize(tokenize(text)))} equals {@code tokenize(text)}. The text
 * itself is only reproduced up to whitespace normalisation (and, for {@link WordTokenizer}, typographic
 * normalisation and punctuation spacing).
 */
public sealed interface Tokenizer permits CharacterTokenizer, WhitespaceTokenizer, WordTokenizer {

    /**
     * Splits {@code text} into tokens.
     *
     * @param text the text to split, never {@code null}; may be empty
     * @return the tokens in reading order, never containing empty strings or whitespace; unmodifiable
     */
    List<String> tokenize(String text);

    /**
     * Joins tokens back into text.
     *
     * @param tokens tokens as produced by {@link #tokenize(String)}
     * @return the text the tokens were read from, with whitespace normalised
     */
    String detokenize(List<String> tokens);

    /**
     * @return the config name of this tokenizer; {@code type().create()} gives a tokenizer of the same kind with
     *         default options (identical for the option-free character and whitespace tokenizers)
     */
    TokenizerType type();
}
