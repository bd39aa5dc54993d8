package org.seq2seq4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.pair.Split;
import org.seq2seq4j.data.toy.NamesTask;
import org.seq2seq4j.data.vocab.Vocabulary;
import org.seq2seq4j.experiments.config.DataConfig;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;

/** Ids of a copy experiment: one vocabulary, extended ids for source tokens outside it, decoding back to them. */
class PreparedDataTest {

    private static final String NAMES = """
            {"schema": 1, "name": "names", "seed": 4,
             "data": {"task": {"type": "names", "trainEntities": 40, "heldOutEntities": 10},
                      "trainSize": 300, "devSize": 20, "testSize": 20, "tokenizer": "whitespace"},
             "model": {"attention": "dot"}}
            """;

    private static ExperimentConfig config(String... overrides) {
        return ExperimentLoader.parse(NAMES, "names.json", List.of(overrides));
    }

    private static NamesTask task(ExperimentConfig config) {
        return (NamesTask) ((DataConfig.Toy) config.data()).task();
    }

    @Test
    void copyBuildsOneVocabularyAndGivesUnseenTestEntitiesExtendedIds() {
        ExperimentConfig config = config("model.copy=true");
        PreparedData data = PreparedData.prepare(config);
        Vocabulary vocabulary = data.source();
        int v = vocabulary.size();

        assertEquals(vocabulary, data.target());
        assertTrue(data.copy());
        List<SequencePair> test = data.splits().test();
        List<int[]> sources = data.sourceIds(test);
        List<int[]> targets = data.targetIds(test);
        for (int i = 0; i < test.size(); i++) {
            SequencePair pair = test.get(i);
            List<String> oovs = pair.source().stream().filter(t -> !vocabulary.contains(t)).distinct().toList();
            assertFalse(oovs.isEmpty(), "every test source has an unseen entity: " + pair);
            assertTrue(task(config).entities(Split.TEST).containsAll(oovs), pair::toString);
            for (int j = 0; j < pair.source().size(); j++) {
                int k = oovs.indexOf(pair.source().get(j));
                assertEquals(k < 0 ? vocabulary.id(pair.source().get(j)) : v + k, sources.get(i)[j], pair::toString);
            }
            assertTrue(Arrays.stream(targets.get(i)).noneMatch(id -> id == Vocabulary.UNK),
                    "every target entity is copied from the source: " + pair);
            assertEquals(pair.target(), data.codec().targetTokens(pair.source(), targets.get(i)),
                    "target ids decode to the target");
        }
    }

    @Test
    void withoutCopyUnseenEntitiesAreUnknownAndTheVocabulariesSeparate() {
        PreparedData data = PreparedData.prepare(config());

        assertFalse(data.copy());
        assertNotEquals(data.source(), data.target());
        SequencePair pair = data.splits().test().get(0);
        int[] source = data.sourceIds(List.of(pair)).get(0);
        assertTrue(Arrays.stream(source).anyMatch(id -> id == Vocabulary.UNK), pair::toString);
        assertTrue(Arrays.stream(source).allMatch(id -> id < data.source().size()), pair::toString);
        assertArrayEquals(data.target().encode(pair.target()), data.targetIds(List.of(pair)).get(0));
    }

    @Test
    void minFrequencyLeavesRareTrainingTokensOutOfTheToyVocabulary() {
        PreparedData all = PreparedData.prepare(config("model.copy=true"));
        PreparedData frequent = PreparedData.prepare(config("model.copy=true", "data.minFrequency=12"));

        Vocabulary vocabulary = frequent.source();
        assertTrue(vocabulary.size() < all.source().size(), vocabulary.size() + " vs " + all.source().size());
        assertTrue(vocabulary.contains("hello") && vocabulary.contains("my"), "template words are frequent");
        List<int[]> sources = frequent.sourceIds(frequent.splits().train());
        assertTrue(sources.stream().flatMapToInt(Arrays::stream).anyMatch(id -> id >= vocabulary.size()),
                "rare training entities get extended ids, so the model learns to copy unknown tokens");
    }

    @Test
    void decodingACopiedIdGivesTheSourceTokenAndAnIdBeyondTheSourceIsAnError() {
        PreparedData data = PreparedData.prepare(config("model.copy=true"));
        SequencePair pair = data.splits().test().get(0);
        int v = data.source().size();
        List<String> oovs = pair.source().stream().filter(t -> !data.source().contains(t)).distinct().toList();

        assertEquals(List.of("hello", oovs.get(0)), data.codec().targetTokens(pair.source(),
                new int[]{data.source().id("hello"), v, Vocabulary.EOS, v + 99}));
        assertThrows(org.seq2seq4j.data.vocab.VocabularyException.class,
                () -> data.codec().targetTokens(pair.source(), new int[]{v + oovs.size()}));
    }

    @Test
    void aCopyCodecNeedsOneVocabulary() {
        PreparedData data = PreparedData.prepare(config());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenCodec.of(true, data.source(), data.target()));
        assertTrue(e.getMessage().contains("model.copy") && e.getMessage().contains("one vocabulary"),
                e.getMessage());
    }
}
