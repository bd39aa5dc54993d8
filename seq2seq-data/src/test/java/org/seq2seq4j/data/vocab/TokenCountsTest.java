package org.seq2seq4j.data.vocab;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenCountsTest {

    @Test
    void countsTokensAndSequencesButNotSpecialTokens() {
        TokenCounts counts = new TokenCounts().addAll(List.of(List.of("a", "b", "a"), List.of("<unk>", "b", "</s>")));
        assertEquals(2, counts.count("a"));
        assertEquals(2, counts.count("b"));
        assertEquals(0, counts.count("<unk>"));
        assertEquals(2, counts.distinctTokens());
        assertEquals(4, counts.totalTokens());
        assertEquals(2, counts.sequences());
    }

    @Test
    void streamingCountsGiveTheSameVocabularyAsBuildingFromAllSequences() {
        List<List<String>> sequences = List.of(List.of("b", "a", "c"), List.of("b", "c", "d"), List.of("a", "b"));
        TokenCounts counts = new TokenCounts();
        sequences.forEach(counts::add);
        assertEquals(Vocabulary.build(sequences, 100, 1), counts.toVocabulary(100, 1));
        assertEquals(Vocabulary.build(sequences, 6, 2), counts.toVocabulary(6, 2));
    }

    @Test
    void sizeLimitKeepsTheMostFrequentAndBreaksTiesByTokenString() {
        TokenCounts counts = new TokenCounts().addAll(List.of(
                List.of("le", "le", "le", "la", "la", "zèbre", "chat", "chien", "ami")));
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "le", "la", "ami", "chat"),
                counts.toVocabulary(8, 1).tokens());
    }

    @Test
    void minimumFrequencyAppliesBeforeTheSizeLimit() {
        TokenCounts counts = new TokenCounts().addAll(List.of(List.of("x", "x", "y", "y", "z")));
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "x", "y"), counts.toVocabulary(100, 2).tokens());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>"), counts.toVocabulary(100, 3).tokens());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "x"), counts.toVocabulary(5, 2).tokens());
    }

    @Test
    void plusAddsCountsOfBothSides() {
        TokenCounts source = new TokenCounts().addAll(List.of(List.of("a", "b")));
        TokenCounts target = new TokenCounts().addAll(List.of(List.of("b", "c"), List.of("c")));
        TokenCounts sum = source.plus(target);
        assertEquals(1, sum.count("a"));
        assertEquals(2, sum.count("b"));
        assertEquals(2, sum.count("c"));
        assertEquals(3, sum.sequences());
        assertEquals(5, sum.totalTokens());
        assertEquals(1, source.count("b"), "the operands are unchanged");
    }

    @Test
    void coverageIsTheShareOfRunningTokensInTheVocabulary() {
        TokenCounts counts = new TokenCounts().addAll(List.of(List.of("a", "a", "a", "b")));
        assertEquals(0.75, counts.coverage(counts.toVocabulary(5, 1)), 1e-12);
        assertEquals(1.0, counts.coverage(counts.toVocabulary(6, 1)), 1e-12);
        assertEquals(1.0, new TokenCounts().coverage(counts.toVocabulary(4, 1)), 1e-12);
    }

    @Test
    void rejectsNullTokensNamingTheSequence() {
        TokenCounts counts = new TokenCounts();
        counts.add(List.of("a"));
        VocabularyException error = assertThrows(VocabularyException.class, () -> counts.add(Arrays.asList("b", null)));
        assertEquals("sequence 1 contains a null token: [b, null]", error.getMessage());
        assertEquals(0, counts.count("b"), "a rejected sequence is not counted at all");
    }

    @Test
    void rejectsOutOfRangeLimits() {
        TokenCounts counts = new TokenCounts();
        assertThrows(VocabularyException.class, () -> counts.toVocabulary(3, 1));
        assertThrows(VocabularyException.class, () -> counts.toVocabulary(10, 0));
    }
}
