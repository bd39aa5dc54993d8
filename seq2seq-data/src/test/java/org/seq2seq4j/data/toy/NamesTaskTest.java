package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.DatasetSplits;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Split;
import org.seq2seq4j.data.toy.EntityPools.Kind;
import org.seq2seq4j.data.vocab.PairTokenCounts;
import org.seq2seq4j.data.vocab.Vocabulary;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTaskTest {

    private static final NamesTask TASK = new NamesTask(30, 10);

    private static Set<String> tokens(List<SequencePair> pairs) {
        Set<String> tokens = new HashSet<>();
        pairs.forEach(pair -> {
            tokens.addAll(pair.source());
            tokens.addAll(pair.target());
        });
        return tokens;
    }

    @Test
    void sameSeedGivesIdenticalSplitsAndAnotherSeedOthers() {
        DatasetSplits first = ToyDatasets.generate(TASK, 11, 200, 20, 30);

        assertEquals(first, ToyDatasets.generate(TASK, 11, 200, 20, 30));
        assertNotEquals(first.train(), ToyDatasets.generate(TASK, 12, 200, 20, 30).train());
        assertNotEquals(first.test(), ToyDatasets.generate(TASK, 12, 200, 20, 30).test());
    }

    @Test
    void trainAndHeldOutPoolsAreDisjointForEveryKind() {
        for (Kind kind : Kind.values()) {
            List<String> train = TASK.entities(kind, Split.TRAIN);
            List<String> heldOut = TASK.entities(kind, Split.TEST);
            assertEquals(30, new HashSet<>(train).size(), kind.name());
            assertEquals(10, new HashSet<>(heldOut).size(), kind.name());
            assertTrue(train.stream().noneMatch(heldOut::contains), kind + ": " + train + " / " + heldOut);
            assertEquals(heldOut, TASK.entities(kind, Split.DEV));
        }
    }

    @Test
    void devAndTestEntitiesNeverOccurInTrainingNorInItsVocabulary() {
        DatasetSplits splits = ToyDatasets.generate(TASK, 5, 500, 50, 50);
        Set<String> trainTokens = tokens(splits.train());
        Vocabulary vocabulary = PairTokenCounts.of(splits.train()).shared(Integer.MAX_VALUE, 1).source();
        Set<String> heldOut = TASK.entities(Split.TEST);

        Set<String> heldOutSeen = new HashSet<>(tokens(Stream.concat(splits.dev().stream(), splits.test().stream())
                .toList()));
        heldOutSeen.retainAll(heldOut);
        assertFalse(heldOutSeen.isEmpty(), "dev and test use held-out entities");
        for (String entity : heldOutSeen) {
            assertFalse(trainTokens.contains(entity), entity + " occurs in training");
            assertFalse(vocabulary.contains(entity), entity + " is in the training vocabulary");
        }
        Set<String> trainEntities = TASK.entities(Split.TRAIN);
        for (SequencePair pair : Stream.concat(splits.dev().stream(), splits.test().stream()).toList()) {
            assertTrue(pair.source().stream().noneMatch(trainEntities::contains), pair::toString);
        }
    }

    @Test
    void everyTargetEntityIsASourceToken() {
        Random rng = new Random(3);
        Set<String> entities = new HashSet<>(TASK.entities(Split.TRAIN));
        entities.addAll(TASK.entities(Split.TEST));
        for (int i = 0; i < 500; i++) {
            SequencePair pair = TASK.sample(rng, i % 2 == 0 ? Split.TRAIN : Split.TEST);
            List<String> targetEntities = pair.target().stream().filter(entities::contains).toList();
            assertFalse(targetEntities.isEmpty(), pair::toString);
            assertTrue(pair.source().containsAll(targetEntities), pair::toString);
        }
    }

    @Test
    void anExampleFillsATemplate() {
        SequencePair pair = TASK.sample(new Random(1), Split.TEST);
        String source = String.join(" ", pair.source());
        String target = String.join(" ", pair.target());

        assertTrue(source.matches("my name is \\w+ and i live in \\w+|i am \\w+ from \\w+|call me \\w+"
                + "|\\w+ and \\w+ moved to \\w+|you can reach \\w+ at \\d{4}|\\w+ booked room \\d{4} in \\w+"
                + "|my code is \\d{4}|\\w+ was born in \\w+ in \\d{4}"), source);
        assertFalse(target.equals(source), "the target uses another template");
        assertEquals(NamesTask.TEMPLATE_COUNT, 8);
    }

    @Test
    void distinctSourcesCountsEveryFillingOfEveryTemplate() {
        NamesTask tiny = new NamesTask(2, 1);
        Set<List<String>> trainSources = new HashSet<>();
        Set<List<String>> heldOutSources = new HashSet<>();
        Random rng = new Random(7);
        for (int i = 0; i < 5000; i++) {
            trainSources.add(tiny.sample(rng, Split.TRAIN).source());
            heldOutSources.add(tiny.sample(rng, Split.TEST).source());
        }

        assertEquals(2 * 2 + 3 * 4 + 3 * 8, tiny.distinctSources(Split.TRAIN));
        assertEquals(trainSources.size(), tiny.distinctSources(Split.TRAIN));
        assertEquals(heldOutSources.size(), tiny.distinctSources(Split.TEST));
        assertEquals(tiny.distinctSources(Split.TRAIN) + tiny.distinctSources(Split.TEST), tiny.distinctSources());
    }

    @Test
    void sizesAreBoundedPerPool() {
        NamesTask tiny = new NamesTask(2, 1);
        DatasetSplits splits = ToyDatasets.generate(tiny, 1, 36, 3, 4);
        assertEquals(36, splits.train().size());

        ToyDatasetException heldOut = assertThrows(ToyDatasetException.class,
                () -> ToyDatasets.generate(tiny, 1, 10, 4, 4));
        assertTrue(heldOut.getMessage().contains("8 distinct held-out (dev and test) source sequences")
                && heldOut.getMessage().contains("dev 4 + test 4") && heldOut.getMessage().contains("at most 90% (7)"),
                heldOut.getMessage());
        ToyDatasetException train = assertThrows(ToyDatasetException.class,
                () -> ToyDatasets.generate(tiny, 1, 37, 1, 1));
        assertTrue(train.getMessage().contains("40 distinct training source sequences"), train.getMessage());
    }

    @Test
    void builtInEntityListsAreLargeEnoughAndAvoidTemplateWords() {
        NamesTask largest = new NamesTask(1, NamesTask.MAX_ENTITIES - 1);
        for (Kind kind : Kind.values()) {
            assertEquals(NamesTask.MAX_ENTITIES - 1, largest.entities(kind, Split.TEST).size());
        }
        Set<String> all = largest.entities(Split.TEST);
        all.addAll(largest.entities(Split.TRAIN));
        assertFalse(all.contains("name") || all.contains("live"), "CVCV template words are not names");
        assertEquals(3 * NamesTask.MAX_ENTITIES, all.size(), "no token is an entity of two kinds");
    }

    @Test
    void rejectsPoolSizesOutOfRange() {
        TaskConfigException zero = assertThrows(TaskConfigException.class, () -> new NamesTask(0, 10));
        assertEquals("trainEntities must be between 1 and 3999, got 0", zero.getMessage());
        TaskConfigException tooMany = assertThrows(TaskConfigException.class, () -> new NamesTask(3000, 1001));
        assertEquals("heldOutEntities", tooMany.field());
        assertEquals("heldOutEntities must be between 1 and 4000 - trainEntities (1000), got 1001",
                tooMany.getMessage());
    }

    @Test
    void describeShowsAnExample() {
        assertTrue(TASK.describe().startsWith("names: 8 templates"), TASK.describe());
        assertTrue(TASK.describe().contains(" -> hello "), TASK.describe());
    }
}
