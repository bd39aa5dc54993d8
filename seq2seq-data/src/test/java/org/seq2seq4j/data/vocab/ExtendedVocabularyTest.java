package org.seq2seq4j.data.vocab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtendedVocabularyTest {

    /** Ids 4..8: hello, my, name, is, and. */
    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of(Vocabulary.PAD_TOKEN, Vocabulary.BOS_TOKEN,
            Vocabulary.EOS_TOKEN, Vocabulary.UNK_TOKEN, "hello", "my", "name", "is", "and"));
    private static final int V = 9;

    private static List<String> tokens(String spaced) {
        return List.of(spaced.split(" "));
    }

    @Test
    void repeatedSourceOovsShareOneIdInOrderOfFirstOccurrence() {
        ExtendedVocabulary extended = ExtendedVocabulary.of(VOCABULARY, tokens("my name is zora and kemi and zora"));

        assertEquals(List.of("zora", "kemi"), extended.sourceOovs());
        assertEquals(V + 2, extended.size());
        assertArrayEquals(new int[]{5, 6, 7, V, 8, V + 1, 8, V},
                extended.encode(tokens("my name is zora and kemi and zora")));
    }

    @Test
    void targetTokensCopyFromTheSourceOrBecomeUnknown() {
        ExtendedVocabulary extended = ExtendedVocabulary.of(VOCABULARY, tokens("my name is zora"));

        assertArrayEquals(new int[]{4, V, 8, Vocabulary.UNK}, extended.encode(tokens("hello zora and kemi")),
                "kemi is neither in the vocabulary nor in this source");
    }

    @Test
    void aSourceInsideTheVocabularyIsEncodedAsTheVocabularyEncodesIt() {
        List<String> source = tokens("hello my name is");
        ExtendedVocabulary extended = ExtendedVocabulary.of(VOCABULARY, source);

        assertEquals(List.of(), extended.sourceOovs());
        assertArrayEquals(VOCABULARY.encode(source), extended.encode(source));
        assertArrayEquals(VOCABULARY.encode(tokens("hello zora")), extended.encode(tokens("hello zora")));
    }

    @Test
    void decodeRoundTripsSourceAndCopiedTarget() {
        List<String> source = tokens("zora and kemi and zora");
        List<String> target = tokens("hello kemi and zora");
        ExtendedVocabulary extended = ExtendedVocabulary.of(VOCABULARY, source);

        assertEquals(source, extended.decode(extended.encode(source)));
        assertEquals(target, extended.decode(extended.encode(target)));
        assertEquals(tokens("hello kemi"), extended.decode(new int[]{Vocabulary.BOS, 4, V + 1, Vocabulary.EOS, V}),
                "stops at EOS, skips BOS, maps V + 1 to the second source OOV");
        assertEquals(tokens("hello <unk>"), extended.decode(extended.encode(tokens("hello ilse"))));
    }

    @Test
    void anIdBeyondTheSourceOovsIsRejectedWithTheValidRange() {
        ExtendedVocabulary extended = ExtendedVocabulary.of(VOCABULARY, tokens("zora and kemi"));

        VocabularyException e = assertThrows(VocabularyException.class,
                () -> extended.decode(new int[]{4, V + 2}));
        assertTrue(e.getMessage().contains("id 11") && e.getMessage().contains("9 vocabulary ids plus 2 source OOVs")
                && e.getMessage().contains("[zora, kemi]") && e.getMessage().contains("valid ids are 0..10"),
                e.getMessage());
        assertThrows(VocabularyException.class, () -> extended.token(-1));
    }

    @Test
    void rejectsOovListsThatRepeatATokenOrHoldAVocabularyToken() {
        VocabularyException repeated = assertThrows(VocabularyException.class,
                () -> new ExtendedVocabulary(VOCABULARY, List.of("zora", "zora")));
        assertTrue(repeated.getMessage().contains("twice"), repeated.getMessage());
        VocabularyException known = assertThrows(VocabularyException.class,
                () -> new ExtendedVocabulary(VOCABULARY, List.of("hello")));
        assertTrue(known.getMessage().contains("id 4"), known.getMessage());
    }
}
