package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToyDatasetsTest {

    private static final ToyTask REVERSE = new ReverseTask(2, 5, 4);

    @Test
    void sameSeedGivesIdenticalSplits() {
        assertEquals(ToyDatasets.generate(REVERSE, 42, 50, 10, 10), ToyDatasets.generate(REVERSE, 42, 50, 10, 10));
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        DatasetSplits first = ToyDatasets.generate(REVERSE, 42, 50, 10, 10);
        DatasetSplits second = ToyDatasets.generate(REVERSE, 43, 50, 10, 10);
        assertNotEquals(first.train(), second.train());
        assertNotEquals(first.test(), second.test());
    }

    @Test
    void splitsHaveTheRequestedSizesAndNoSourceTwice() {
        DatasetSplits splits = ToyDatasets.generate(new AdditionTask(1, 2), 7, 300, 40, 60);
        assertEquals(300, splits.train().size());
        assertEquals(40, splits.dev().size());
        assertEquals(60, splits.test().size());
        Set<List<String>> sources = new HashSet<>();
        Stream.of(splits.train(), splits.dev(), splits.test()).flatMap(List::stream)
                .forEach(pair -> assertTrue(sources.add(pair.source()), "source drawn twice: " + pair));
    }

    @Test
    void growingTheTrainSetKeepsDevAndTestAndExtendsTrain() {
        DatasetSplits small = ToyDatasets.generate(REVERSE, 5, 20, 10, 15);
        DatasetSplits large = ToyDatasets.generate(REVERSE, 5, 80, 10, 15);
        assertEquals(small.test(), large.test());
        assertEquals(small.dev(), large.dev());
        assertEquals(small.train(), large.train().subList(0, 20));
    }

    @Test
    void streamIsPinnedSoDatasetsStayReproducibleAcrossVersions() {
        // Guards the sampling procedure itself: if this changes, every published toy dataset changes.
        DatasetSplits splits = ToyDatasets.generate(new RotateTask(4, 4, 1), 2024, 0, 0, 2);
        List<String> sources = splits.test().stream().map(pair -> String.join("", pair.source())).toList();
        assertEquals(PINNED_SOURCES, sources);
    }

    private static final List<String> PINNED_SOURCES = List.of("6605", "9963");

    @Test
    void canDrawNinetyPercentOfATinySpace() {
        ToyTask task = new RotateTask(1, 2, 1);
        DatasetSplits splits = ToyDatasets.generate(task, 3, 79, 10, 10);
        assertEquals(99, splits.train().size() + splits.dev().size() + splits.test().size());
    }

    @Test
    void tooSmallSpaceFailsNamingTaskRequestAndAvailableSources() {
        ToyTask task = new RotateTask(1, 2, 1);
        ToyDatasetException error = assertThrows(ToyDatasetException.class,
                () -> ToyDatasets.generate(task, 3, 80, 10, 10));
        String message = error.getMessage();
        assertTrue(message.contains("RotateTask[minLength=1, maxLength=2, shift=1]"), message);
        assertTrue(message.contains("only 110 distinct source sequences"), message);
        assertTrue(message.contains("100 examples were requested (train 80 + dev 10 + test 10)"), message);
        assertTrue(message.contains("at most 90% (99)"), message);
    }

    @Test
    void rejectsNegativeSizes() {
        ToyDatasetException error = assertThrows(ToyDatasetException.class,
                () -> ToyDatasets.generate(REVERSE, 1, 10, -1, 10));
        assertEquals("devSize must be at least 0, got -1", error.getMessage());
    }

    @Test
    void everyPairIsAValidExampleOfTheTask() {
        NumberWordsTask task = new NumberWordsTask(0, 2000, NumberWordsTask.Direction.WORDS_TO_NUMERALS,
                NumberWordsTask.Style.CARDINAL);
        Set<SequencePair> valid = new HashSet<>();
        for (int value = 0; value <= 2000; value++) {
            valid.add(task.example(value));
        }
        DatasetSplits splits = ToyDatasets.generate(task, 9, 100, 20, 20);
        Stream.of(splits.train(), splits.dev(), splits.test()).flatMap(List::stream)
                .forEach(pair -> assertTrue(valid.contains(pair), pair::toString));
    }
}
