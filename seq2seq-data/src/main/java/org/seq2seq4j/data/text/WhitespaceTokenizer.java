package org.seq2seq4j.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits text on runs of Unicode whitespace; {@link #detokenize(List)} joins with a single ASCII space.
 *
 * <p>Whitespace is the union of {@link Character#isWhitespace(int)} (space, tab, line breaks, the Unicode space
 * separators) and {@link Character#isSpaceChar(int)}, so that the no-break spaces U+00A0, U+2007 and U+202F, which
 * Java's {@code isWhitespace} excludes and {@code String.split("\\s+")} misses, also separate tokens. Leading and
 * trailing whitespace produce no empty tokens; an empty or all-whitespace text has no tokens.
 */
public record WhitespaceTokenizer() implements Tokenizer {

    /**
     * The single definition of whitespace used by every tokenizer in this package.
     *
     * @param codePoint a Unicode code point
     * @return whether the code point separates tokens (and is never itself part of a token)
     */
    public static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    @Override
    public List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        List<String> tokens = new ArrayList<>();
        int tokenStart = -1;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            if (isWhitespace(codePoint)) {
                if (tokenStart >= 0) {
                    tokens.add(text.substring(tokenStart, index));
                    tokenStart = -1;
                }
            } else if (tokenStart < 0) {
                tokenStart = index;
            }
            index += Character.charCount(codePoint);
        }
        if (tokenStart >= 0) {
            tokens.add(text.substring(tokenStart));
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join(" ", tokens);
    }

    @Override
    public TokenizerType type() {
        return TokenizerType.WHITESPACE;
    }
}
