package org.seq2seq4j.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Character-level tokenizer: one token per Unicode code point (so a character outside the Basic Multilingual Plane,
 * such as an emoji, is one token, not two UTF-16 halves). Whitespace code points (see
 * {@link WhitespaceTokenizer#isWhitespace(int)}) are skipped, since the toy tasks' sources contain none and a space
 * token would only teach the model to copy layout. {@link #detokenize(List)} concatenates with no separator.
 *
 * <p>Example: {@code "12+3"} → {@code [1, 2, +, 3]}; {@code "a b"} → {@code [a, b]} → {@code "ab"}.
 */
public record CharacterTokenizer() implements Tokenizer {

    @Override
    public List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        List<String> tokens = new ArrayList<>(text.length());
        text.codePoints()
                .filter(codePoint -> !WhitespaceTokenizer.isWhitespace(codePoint))
                .forEach(codePoint -> tokens.add(Character.toString(codePoint)));
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join("", tokens);
    }

    @Override
    public TokenizerType type() {
        return TokenizerType.CHAR;
    }
}
