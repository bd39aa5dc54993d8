package org.seq2seq4j.data.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharacterTokenizerTest {

    private final Tokenizer tokenizer = new CharacterTokenizer();

    @Test
    void splitsIntoOneTokenPerCharacter() {
        assertEquals(List.of("1", "2", "+", "3"), tokenizer.tokenize("12+3"));
    }

    @Test
    void skipsAllKindsOfWhitespace() {
        assertEquals(List.of("a", "b", "c", "d"), tokenizer.tokenize(" a\tb\u00A0c\u202F\nd "));
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneAsOneToken() {
        assertEquals(List.of("a", "😀", "一"), tokenizer.tokenize("a😀一"));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(List.of(), tokenizer.tokenize(""));
    }

    @Test
    void detokenizeJoinsWithoutSeparator() {
        assertEquals("12+3", tokenizer.detokenize(List.of("1", "2", "+", "3")));
    }

    @Test
    void roundTripRestoresTextWithoutWhitespace() {
        String text = "一百零五+42";
        assertEquals(text, tokenizer.detokenize(tokenizer.tokenize(text)));
        assertEquals("ab", tokenizer.detokenize(tokenizer.tokenize("a b")));
    }
}
