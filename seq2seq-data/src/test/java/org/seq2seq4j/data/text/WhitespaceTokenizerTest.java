package org.seq2seq4j.data.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhitespaceTokenizerTest {

    private final Tokenizer tokenizer = new WhitespaceTokenizer();

    @Test
    void splitsOnSingleSpaces() {
        assertEquals(List.of("one", "hundred", "five"), tokenizer.tokenize("one hundred five"));
    }

    @Test
    void treatsRunsOfMixedWhitespaceAsOneSeparator() {
        assertEquals(List.of("a", "b", "c"), tokenizer.tokenize("a \t\t b\r\n\nc"));
    }

    @Test
    void splitsOnNoBreakSpacesThatJavaIsWhitespaceMisses() {
        assertEquals(List.of("10", "000", "km"), tokenizer.tokenize("10\u00A0000\u202Fkm"));
        assertEquals(List.of("a", "b"), tokenizer.tokenize("a\u2007b"));
    }

    @Test
    void ignoresLeadingAndTrailingWhitespace() {
        assertEquals(List.of("x"), tokenizer.tokenize("\u00A0\t x \n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0\u202F"})
    void emptyOrBlankTextHasNoTokens(String text) {
        assertEquals(List.of(), tokenizer.tokenize(text));
    }

    @Test
    void detokenizeJoinsWithOneSpace() {
        assertEquals("twenty three", tokenizer.detokenize(List.of("twenty", "three")));
    }

    @Test
    void roundTripNormalisesWhitespace() {
        List<String> tokens = tokenizer.tokenize("  nine\tthousand\u00A0nine ");
        assertEquals("nine thousand nine", tokenizer.detokenize(tokens));
        assertEquals(tokens, tokenizer.tokenize(tokenizer.detokenize(tokens)));
    }

    @Test
    void whitespaceDefinitionCoversNoBreakSpacesButNotZeroWidthSpace() {
        assertTrue(WhitespaceTokenizer.isWhitespace('\u00A0'));
        assertTrue(WhitespaceTokenizer.isWhitespace('\u202F'));
        assertTrue(WhitespaceTokenizer.isWhitespace('\t'));
        assertTrue(WhitespaceTokenizer.isWhitespace('\u3000'));
        assertFalse(WhitespaceTokenizer.isWhitespace('\u200B'));
        assertFalse(WhitespaceTokenizer.isWhitespace('a'));
    }
}
