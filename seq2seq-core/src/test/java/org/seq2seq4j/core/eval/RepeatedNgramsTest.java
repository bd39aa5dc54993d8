package org.seq2seq4j.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedNgramsTest {

    @Test
    void countsOccurrencesThatRepeatAnEarlierNgramOfTheSameOutput() {
        // "a b a b a": unigrams a b a b a -> 3 of 5 repeat; bigrams ab ba ab ba -> 2 of 4; trigrams aba bab aba -> 1 of 3
        List<int[]> outputs = List.of(new int[]{1, 2, 1, 2, 1});
        assertEquals(3.0 / 5, RepeatedNgrams.rate(outputs, 1), 1e-12);
        assertEquals(2.0 / 4, RepeatedNgrams.rate(outputs, 2), 1e-12);
        assertEquals(1.0 / 3, RepeatedNgrams.rate(outputs, 3), 1e-12);
        assertEquals(0.0, RepeatedNgrams.rate(outputs, 4), 1e-12);
    }

    @Test
    void repetitionsAcrossOutputsDoNotCountAndEmptyOutputsGiveZero() {
        List<int[]> outputs = List.of(new int[]{5, 6}, new int[]{5, 6}, new int[0]);
        assertEquals(0.0, RepeatedNgrams.rate(outputs, 1));
        assertEquals(0.0, RepeatedNgrams.rate(List.of(new int[0]), 2));
        assertEquals(List.of("1", "2", "3", "4"), List.copyOf(RepeatedNgrams.rates(outputs).keySet()));
        assertThrows(IllegalArgumentException.class, () -> RepeatedNgrams.rate(outputs, 0));
    }
}
