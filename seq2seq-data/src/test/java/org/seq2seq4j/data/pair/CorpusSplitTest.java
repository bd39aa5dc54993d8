package org.seq2seq4j.data.pair;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusSplitTest {

    /** 60 pairs over 40 sources: every third source has three translations (two of them identical). */
    private static List<SequencePair> corpus() {
        List<SequencePair> pairs = new ArrayList<>();
        for (int sentence = 0; sentence < 40; sentence++) {
            List<String> source = List.of("s" + sentence);
            pairs.add(new SequencePair(source, List.of("t" + sentence)));
            if (sentence % 3 == 0 && pairs.size() < 60) {
                pairs.add(new SequencePair(source, List.of("u" + sentence)));
                pairs.add(new SequencePair(source, List.of("u" + sentence)));
            }
        }
        return pairs;
    }

    private static Set<List<String>> sources(List<SequencePair> pairs) {
        Set<List<String>> sources = new HashSet<>();
        pairs.forEach(pair -> sources.add(pair.source()));
        return sources;
    }

    @Test
    void givesExactDevAndTestSizesAndTheRestToTrain() {
        List<SequencePair> corpus = corpus();
        DatasetSplits splits = new CorpusSplit(1, 7, 5).apply(corpus);
        assertEquals(7, splits.dev().size());
        assertEquals(5, splits.test().size());
        assertEquals(corpus.size() - 12, splits.train().size());
    }

    @Test
    void everyPairLandsInExactlyOneSplit() {
        List<SequencePair> corpus = corpus();
        DatasetSplits splits = new CorpusSplit(3, 10, 10).apply(corpus);
        List<SequencePair> all = new ArrayList<>(splits.train());
        all.addAll(splits.dev());
        all.addAll(splits.test());
        assertEquals(corpus.size(), all.size());
        assertEquals(new HashSet<>(corpus), new HashSet<>(all));
    }

    @Test
    void splitsAreDisjointBySourceSentenceEvenWithDuplicates() {
        for (long seed = 0; seed < 20; seed++) {
            DatasetSplits splits = new CorpusSplit(seed, 10, 10).apply(corpus());
            Set<List<String>> train = sources(splits.train());
            Set<List<String>> dev = sources(splits.dev());
            Set<List<String>> test = sources(splits.test());
            assertTrue(train.stream().noneMatch(test::contains), "seed " + seed);
            assertTrue(train.stream().noneMatch(dev::contains), "seed " + seed);
            assertTrue(dev.stream().noneMatch(test::contains), "seed " + seed);
        }
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        assertEquals(new CorpusSplit(42, 8, 8).apply(corpus()), new CorpusSplit(42, 8, 8).apply(corpus()));
        assertNotEquals(new CorpusSplit(42, 8, 8).apply(corpus()).test(),
                new CorpusSplit(43, 8, 8).apply(corpus()).test());
    }

    @Test
    void testSetDoesNotDependOnTheDevSize() {
        assertEquals(new CorpusSplit(5, 0, 6).apply(corpus()).test(), new CorpusSplit(5, 12, 6).apply(corpus()).test());
    }

    @Test
    void eachSplitKeepsCorpusOrder() {
        List<SequencePair> corpus = corpus();
        DatasetSplits splits = new CorpusSplit(9, 10, 10).apply(corpus);
        for (List<SequencePair> split : List.of(splits.train(), splits.dev(), splits.test())) {
            int previous = -1;
            for (SequencePair pair : split) {
                int position = corpus.indexOf(pair);
                assertTrue(position >= previous, "corpus order within a split");
                previous = position;
            }
        }
    }

    @Test
    void failsWhenGroupsCannotFillTheTestSetExactly() {
        List<SequencePair> pairs = new ArrayList<>();
        for (int sentence = 0; sentence < 5; sentence++) {
            pairs.add(new SequencePair(List.of("s" + sentence), List.of("a")));
            pairs.add(new SequencePair(List.of("s" + sentence), List.of("b")));
        }
        DatasetConfigException error = assertThrows(DatasetConfigException.class,
                () -> new CorpusSplit(1, 0, 3).apply(pairs));
        assertEquals("testSize", error.field());
        assertTrue(error.getMessage().startsWith("cannot split 10 pairs with 5 distinct source sentences into exactly"
                + " 3 test and 0 dev pairs"), error.getMessage());
        assertThrows(DatasetConfigException.class, () -> new CorpusSplit(1, 20, 0).apply(pairs));
    }

    @Test
    void rejectsNegativeSizes() {
        assertEquals("devSize must be at least 0, got -1",
                assertThrows(DatasetConfigException.class, () -> new CorpusSplit(1, -1, 0)).getMessage());
    }

    @Test
    void readsFromJson() throws Exception {
        assertEquals(new CorpusSplit(7, 2000, 2000), new ObjectMapper().readValue("""
                {"seed": 7, "devSize": 2000, "testSize": 2000}""", CorpusSplit.class));
    }
}
