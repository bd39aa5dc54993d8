package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reverse, copy and sort share their source distribution: letters {@code a..} of a given alphabet size. */
class SymbolSequenceTasksTest {

    private static List<SequencePair> samples(ToyTask task, int count) {
        Random rng = new Random(17);
        return Stream.generate(() -> task.sample(rng)).limit(count).toList();
    }

    @Test
    void reverseTargetIsTheReversedSource() {
        for (SequencePair pair : samples(new ReverseTask(1, 6, 5), 100)) {
            List<String> reversed = new ArrayList<>(pair.source());
            Collections.reverse(reversed);
            assertEquals(reversed, pair.target());
        }
    }

    @Test
    void copyTargetEqualsTheSource() {
        for (SequencePair pair : samples(new CopyTask(1, 6, 5), 100)) {
            assertEquals(pair.source(), pair.target());
        }
    }

    @Test
    void sortTargetIsTheSortedSourceWithRepeatsKept() {
        for (SequencePair pair : samples(new SortTask(1, 8, 3), 100)) {
            List<String> sorted = new ArrayList<>(pair.source());
            Collections.sort(sorted);
            assertEquals(sorted, pair.target());
        }
    }

    @Test
    void symbolsComeFromTheFirstLettersAndCoverTheAlphabet() {
        Set<String> seen = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        for (SequencePair pair : samples(new CopyTask(2, 4, 3), 200)) {
            seen.addAll(pair.source());
            lengths.add(pair.source().size());
        }
        assertEquals(Set.of("a", "b", "c"), seen);
        assertEquals(Set.of(2, 3, 4), lengths);
    }

    @Test
    void distinctSourcesIsTheNumberOfSequences() {
        assertEquals(9 + 27, new ReverseTask(2, 3, 3).distinctSources());
        assertEquals(26, new SortTask(1, 1, 26).distinctSources());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 27})
    void rejectsAlphabetSizeOutsideTwoToTwentySix(int alphabetSize) {
        TaskConfigException error = assertThrows(TaskConfigException.class, () -> new SortTask(1, 3, alphabetSize));
        assertEquals("alphabetSize must be between 2 and 26, got " + alphabetSize, error.getMessage());
        assertEquals("alphabetSize", error.field());
    }

    @Test
    void rejectsLengthRangesForEveryTask() {
        assertTrue(assertThrows(TaskConfigException.class, () -> new ReverseTask(4, 3, 5)).getMessage()
                .startsWith("maxLength must be between minLength (4)"));
        assertTrue(assertThrows(TaskConfigException.class, () -> new CopyTask(0, 3, 5)).getMessage()
                .startsWith("minLength must be between 1 and 1000"));
        assertTrue(assertThrows(TaskConfigException.class, () -> new SortTask(1, 1001, 5)).getMessage()
                .startsWith("maxLength must be between minLength (1) and 1000"));
    }
}
