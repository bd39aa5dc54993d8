package org.seq2seq4j.data.text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The config name of a {@link Tokenizer}: {@code "char"} or {@code "whitespace"} in JSON. Jackson rejects any other
 * value and lists these two.
 */
public enum TokenizerType {
    /** {@link CharacterTokenizer}: one token per non-whitespace code point. */
    @JsonProperty("char")
    CHAR,
    /** {@link WhitespaceTokenizer}: tokens separated by runs of Unicode whitespace. */
    @JsonProperty("whitespace")
    WHITESPACE;

    /** @return a tokenizer of this type (tokenizers are stateless, so any instance will do) */
    public Tokenizer create() {
        return switch (this) {
            case CHAR -> new CharacterTokenizer();
            case WHITESPACE -> new WhitespaceTokenizer();
        };
    }
}
