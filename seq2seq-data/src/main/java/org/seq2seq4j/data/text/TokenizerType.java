package org.seq2seq4j.data.text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The config name of a {@link Tokenizer}: {@code "char"}, {@code "whitespace"} or {@code "word"} in JSON. Jackson
 * rejects any other value and lists these.
 */
public enum TokenizerType {
    /** {@link CharacterTokenizer}: one token per non-whitespace code point. */
    @JsonProperty("char")
    CHAR,
    /** {@link WhitespaceTokenizer}: tokens separated by runs of Unicode whitespace. */
    @JsonProperty("whitespace")
    WHITESPACE,
    /** {@link WordTokenizer#defaults()}: punctuation split from words, case kept, English punctuation spacing. */
    @JsonProperty("word")
    WORD;

    /** @return a tokenizer of this type with default options (tokenizers are stateless, so any instance will do) */
    public Tokenizer create() {
        return switch (this) {
            case CHAR -> new CharacterTokenizer();
            case WHITESPACE -> new WhitespaceTokenizer();
            case WORD -> WordTokenizer.defaults();
        };
    }
}
