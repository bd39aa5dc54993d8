package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    @ValueSource(ints = {1, 53})
    void rejectsAlphabetSizeOutsideTwoToFiftyTwo(int alphabetSize) {
        TaskConfigException error = assertThrows(TaskConfigException.class, () -> new SortTask(1, 3, alphabetSize));
        assertEquals("alphabetSize must be between 2 and 52, got " + alphabetSize, error.getMessage());
        assertEquals("alphabetSize", error.field());
    }

    @Test
    void alphabetsAbove26LettersAddUppercaseLettersAfterZ() {
        SequencePair pair = samples(new CopyTask(28, 28, 28, true), 1).get(0);

        Set<String> expected = new HashSet<>(Set.of("A", "B"));
        "abcdefghijklmnopqrstuvwxyz".chars().forEach(c -> expected.add(Character.toString(c)));
        assertEquals(expected, Set.copyOf(pair.source()), "a permutation of a-z, A, B");
        assertEquals("a-z, A-Z", Alphabet.letters(52).ranges());
        assertEquals("a-j", Alphabet.letters(10).ranges());
        assertTrue(new ReverseTask(40, 50, 52, true).describe()
                .contains("over 52 letters (a-z, A-Z), no letter twice"));
    }

    @Test
    void sortPutsUppercaseLettersAfterLowercaseOnes() {
        Comparator<String> lowercaseFirst = Comparator.comparing((String t) -> Character.isUpperCase(t.charAt(0)))
                .thenComparing(Comparator.naturalOrder());
        for (SequencePair pair : samples(new SortTask(20, 30, 30), 50)) {
            List<String> sorted = new ArrayList<>(pair.source());
            sorted.sort(lowercaseFirst);
            assertEquals(sorted, pair.target());
        }
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

    static Stream<ToyTask> distinctSymbolTasks() {
        return Stream.of(new CopyTask(15, 26, 26, true), new ReverseTask(15, 26, 26, true),
                new SortTask(15, 26, 26, true));
    }

    @ParameterizedTest
    @MethodSource("distinctSymbolTasks")
    void distinctSymbolsNeverRepeatAToken(ToyTask task) {
        Set<Integer> lengths = new HashSet<>();
        for (SequencePair pair : samples(task, 300)) {
            assertEquals(pair.source().size(), Set.copyOf(pair.source()).size(), pair.source().toString());
            assertEquals(pair.target().size(), Set.copyOf(pair.target()).size(), pair.target().toString());
            lengths.add(pair.source().size());
        }
        assertEquals(12, lengths.size(), "every length in [15, 26]");
    }

    @Test
    void distinctSymbolTasksKeepTheirTargetRule() {
        for (SequencePair pair : samples(new ReverseTask(5, 10, 10, true), 50)) {
            List<String> reversed = new ArrayList<>(pair.source());
            Collections.reverse(reversed);
            assertEquals(reversed, pair.target());
        }
        for (SequencePair pair : samples(new CopyTask(5, 10, 10, true), 50)) {
            assertEquals(pair.source(), pair.target());
        }
    }

    @Test
    void distinctSymbolSequencesAreUniformAmongPermutations() {
        Map<List<String>, Long> counts = samples(new CopyTask(3, 3, 3, true), 6000).stream()
                .collect(Collectors.groupingBy(SequencePair::source, Collectors.counting()));

        assertEquals(6, counts.size(), "all 3! orders of a, b, c: " + counts.keySet());
        counts.forEach((order, n) -> assertTrue(n > 900 && n < 1100, order + " drawn " + n + " times of 6000"));
    }

    @Test
    void sameSeedGivesTheSameDistinctSymbolSplits() {
        ToyTask task = new ReverseTask(15, 26, 26, true);
        DatasetSplits first = ToyDatasets.generate(task, 7, 200, 20, 20);

        assertEquals(first, ToyDatasets.generate(task, 7, 200, 20, 20));
        assertNotEquals(first.test(), ToyDatasets.generate(task, 8, 200, 20, 20).test());
    }

    @Test
    void distinctSymbolsSourcesCountsOrderedSelections() {
        assertEquals(4 * 3 + 4 * 3 * 2, new CopyTask(2, 3, 4, true).distinctSources());
        assertEquals(5, new SortTask(1, 1, 5, true).distinctSources());
        assertEquals(Long.MAX_VALUE, new ReverseTask(15, 26, 26, true).distinctSources(), "26! overflows a long");
        assertEquals(16 + 64, new CopyTask(2, 3, 4).distinctSources(), "repeats allowed by default");
    }

    @Test
    void rejectsDistinctSymbolSourcesLongerThanTheAlphabet() {
        TaskConfigException error = assertThrows(TaskConfigException.class, () -> new CopyTask(3, 11, 10, true));

        assertEquals("maxLength", error.field());
        assertEquals(11, error.value());
        assertEquals("maxLength must be at most alphabetSize (10) when distinctSymbols is true (a longer source "
                + "would repeat a symbol), got 11", error.getMessage());
        assertEquals(10, new ReverseTask(3, 10, 10, true).maxLength());
        assertEquals(40, new ReverseTask(3, 40, 10, false).maxLength());
    }

    @Test
    void describeNamesTheDistinctSymbols() {
        assertTrue(new CopyTask(15, 26, 26, true).describe().contains("no letter twice"));
        assertTrue(!new CopyTask(15, 26, 26).describe().contains("twice"));
    }
}
