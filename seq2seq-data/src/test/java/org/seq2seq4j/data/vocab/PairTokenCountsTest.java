package org.seq2seq4j.data.vocab;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairTokenCountsTest {

    /** Source: go=2, ! =2, hi=1. Target: va=2, ! =3, salut=1. */
    private static final List<SequencePair> PAIRS = List.of(
            new SequencePair(List.of("go", "!"), List.of("va", "!")),
            new SequencePair(List.of("go", "!"), List.of("va", "!", "!")),
            new SequencePair(List.of("hi"), List.of("salut")));

    @Test
    void separateVocabulariesCountEachSideOnItsOwn() {
        VocabularyPair vocabularies = PairTokenCounts.of(PAIRS).separate(100, 1, 100, 1);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "!", "go", "hi"), vocabularies.source().tokens());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "!", "va", "salut"), vocabularies.target().tokens());
        assertFalse(vocabularies.isShared());
    }

    @Test
    void separateLimitsApplyPerSide() {
        VocabularyPair vocabularies = PairTokenCounts.of(PAIRS).separate(5, 1, 100, 2);
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "!"), vocabularies.source().tokens());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "!", "va"), vocabularies.target().tokens());
    }

    @Test
    void sharedVocabularyAddsSourceAndTargetCounts() {
        VocabularyPair vocabularies = PairTokenCounts.of(PAIRS).shared(100, 2);
        assertSame(vocabularies.source(), vocabularies.target());
        assertTrue(vocabularies.isShared());
        assertEquals(List.of("<pad>", "<s>", "</s>", "<unk>", "!", "go", "va"), vocabularies.source().tokens(),
                "! has 5 on both sides; go and va tie at 2 and are ordered by string; hi and salut are below 2");
    }

    @Test
    void countingOnePairAtATimeEqualsCountingAll() {
        PairTokenCounts streamed = new PairTokenCounts();
        PAIRS.forEach(streamed);
        assertEquals(PairTokenCounts.of(PAIRS).shared(100, 1), streamed.shared(100, 1));
        assertEquals(3, streamed.source().sequences());
        assertEquals(6, streamed.target().totalTokens());
    }

    @Test
    void rejectsAMissingVocabulary() {
        assertThrows(VocabularyException.class, () -> new VocabularyPair(null, Vocabulary.of(Vocabulary.SPECIAL_TOKENS)));
    }
}
