package org.seq2seq4j.data.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenizerTypeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesAsLowercaseConfigNames() throws Exception {
        assertEquals("\"char\"", mapper.writeValueAsString(TokenizerType.CHAR));
        assertEquals("\"whitespace\"", mapper.writeValueAsString(TokenizerType.WHITESPACE));
        assertEquals("\"word\"", mapper.writeValueAsString(TokenizerType.WORD));
        assertEquals(TokenizerType.WORD, mapper.readValue("\"word\"", TokenizerType.class));
        assertEquals(TokenizerType.CHAR, mapper.readValue("\"char\"", TokenizerType.class));
    }

    @Test
    void rejectsUnknownNameListingTheValidOnes() {
        InvalidFormatException error = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("\"CHAR\"", TokenizerType.class));
        assertTrue(error.getMessage().contains("char") && error.getMessage().contains("whitespace")
                        && error.getMessage().contains("word"),
                error.getMessage());
    }

    @Test
    void createsTheMatchingTokenizer() {
        assertInstanceOf(CharacterTokenizer.class, TokenizerType.CHAR.create());
        assertInstanceOf(WhitespaceTokenizer.class, TokenizerType.WHITESPACE.create());
        assertEquals(WordTokenizer.defaults(), TokenizerType.WORD.create());
    }

    @ParameterizedTest
    @EnumSource(TokenizerType.class)
    void createdTokenizerReportsItsType(TokenizerType type) {
        assertEquals(type, type.create().type());
    }
}
