package org.seq2seq4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.corpus.BadInputKind;
import org.seq2seq4j.data.corpus.CorpusReadException;
import org.seq2seq4j.data.pair.SequencePair;
import org.seq2seq4j.data.text.Tokenizer;
import org.seq2seq4j.experiments.config.ExperimentConfig;
import org.seq2seq4j.experiments.config.ExperimentLoader;

/** Reading, filtering and splitting a tiny corpus; its statistics; and the errors a user can act on. */
class CorpusExamplesTest {

    @TempDir
    Path dir;

    private ExperimentConfig config(Path corpus, String... overrides) {
        String json = """
                {"schema": 1, "name": "tiny", "seed": 5,
                 "data": {"type": "corpus",
                          "format": {"file": "%s", "onBadInput": "skip"},
                          "targetSpacing": "french",
                          "lengthFilter": {"maxSourceLength": 6, "maxTargetLength": 6},
                          "split": {"devSize": 5, "testSize": 5},
                          "batches": {"chunkBatches": 4}},
                 "training": {"batchSize": 4}}
                """.formatted(corpus.toString().replace("\\", "\\\\"));
        return ExperimentLoader.parse(json, "tiny.json", List.of(overrides));
    }

    @Test
    void seededSplitKeepsTheRawReferenceOfEveryPair() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        List<String> french = TinyCorpus.write(corpus, 40, 1);
        ExperimentConfig config = config(corpus);
        Tokenizer target = config.data().targetTokenizer();

        PreparedData data = PreparedData.prepare(config);

        assertEquals(List.of(30, 5, 5), List.of(data.splits().train().size(), data.splits().dev().size(),
                data.splits().test().size()));
        for (String split : List.of("train", "dev", "test")) {
            List<SequencePair> pairs = data.split(split);
            List<String> references = data.references().split(split);
            assertEquals(pairs.size(), references.size(), split);
            for (int i = 0; i < pairs.size(); i++) {
                assertEquals(pairs.get(i).target(), target.tokenize(references.get(i)), split + " " + i);
                assertTrue(french.contains(references.get(i)), "raw text: " + references.get(i));
            }
        }
        Set<List<String>> trainSources = new HashSet<>();
        data.splits().train().forEach(p -> trainSources.add(p.source()));
        assertTrue(data.splits().test().stream().noneMatch(p -> trainSources.contains(p.source())));
    }

    @Test
    void statisticsCountWhatWasReadSkippedFilteredAndKept() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        CorpusStatistics s = PreparedData.prepare(config(corpus)).statistics().orElseThrow();

        assertEquals(List.of(corpus.toString()), s.files());
        assertEquals(41, s.read().get("corpus").pairs());
        assertEquals(1, s.read().get("corpus").skipped(BadInputKind.MISSING_COLUMN));
        assertEquals(new CorpusStatistics.LengthFilterCounts(41, 40, 1, 0, 1, 0, 1), s.lengthFilter());
        assertEquals(List.of(30, 5, 5), List.copyOf(s.pairs().values()));
        assertEquals(1.0, s.vocabulary().source().coverage().get("train"), 1e-12, "no size limit was reached");
        assertEquals(0.0, s.vocabulary().source().oovRate().get("train"), 1e-12);
        assertTrue(s.padding().training().ratio() <= s.padding().shuffled().ratio(), s.padding().toString());
        assertEquals(4, s.padding().batchSize());
    }

    @Test
    void vocabularyLimitsLowerCoverageOfUnseenSplits() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        PreparedData data = PreparedData.prepare(config(corpus, "data.vocabulary.maxSize=8",
                "data.vocabulary.shared=true"));

        assertEquals(8, data.source().size());
        assertTrue(data.source() == data.target(), "one shared vocabulary");
        CorpusStatistics.SideVocabulary source = data.statistics().orElseThrow().vocabulary().source();
        assertTrue(source.coverage().get("train") < 1, source.toString());
        assertEquals(1 - source.coverage().get("test"), source.oovRate().get("test"), 1e-12);
    }

    @Test
    void missingCorpusIsAConfigErrorNamingTheFileAndTheWorkingDirectory() {
        ExperimentConfig config = config(Path.of("no", "such", "corpus.tsv"));

        ConfigException e = assertThrows(ConfigException.class, () -> PreparedData.prepare(config));

        assertEquals("data.format.file", e.path());
        assertTrue(e.getMessage().contains(Path.of("no/such/corpus.tsv").toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("working directory"), e.getMessage());
    }

    @Test
    void badLineUnderTheErrorPolicyNamesTheFileAndLine() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> PreparedData.prepare(config(corpus, "data.format.onBadInput=error")));

        assertEquals(41, e.line());
        assertTrue(e.getMessage().startsWith(corpus + ":41:"), e.getMessage());
    }

    @Test
    void splitTooLargeForTheCorpusIsAConfigErrorAtItsKey() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        ConfigException e = assertThrows(ConfigException.class,
                () -> PreparedData.prepare(config(corpus, "data.split.testSize=60")));

        assertEquals("data.split.testSize", e.path());
        assertTrue(e.getMessage().contains("cannot split 40 pairs"), e.getMessage());
    }

    @Test
    void fractionsAreRoundedShares() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        PreparedData data = PreparedData.prepare(config(corpus,
                "data.split={\"type\":\"fractions\",\"devFraction\":0.1,\"testFraction\":0.26}"));

        assertEquals(List.of(4, 10), List.of(data.splits().dev().size(), data.splits().test().size()));
    }

    @Test
    void separateDevAndTestFilesAreUsedWholeAndOnlyTrainingIsFiltered() throws Exception {
        Path train = dir.resolve("train.tsv");
        Path dev = dir.resolve("dev.tsv");
        Path test = dir.resolve("test.tsv");
        TinyCorpus.write(train, 30, 1);
        TinyCorpus.write(dev, 4, 2);
        List<String> testFrench = TinyCorpus.write(test, 6, 3);
        String split = "data.split={\"type\":\"files\",\"dev\":{\"file\":\"%s\",\"onBadInput\":\"skip\"},"
                + "\"test\":{\"file\":\"%s\",\"onBadInput\":\"skip\"}}";

        PreparedData data = PreparedData.prepare(config(train, split.formatted(dev, test)));

        assertEquals(List.of(30, 5, 7), List.of(data.splits().train().size(), data.splits().dev().size(),
                data.splits().test().size()), "dev and test keep their long pair");
        assertEquals(testFrench, data.references().test());
        assertEquals(Set.of("train", "dev", "test"), data.statistics().orElseThrow().read().keySet());
        assertEquals(List.of(train, dev, test), data.files());
        assertTrue(data.hashes().containsKey(test.toString()));
    }

    @Test
    void directionFollowsTheColumns() throws Exception {
        Path corpus = dir.resolve("pairs.tsv");
        TinyCorpus.write(corpus, 40, 1);

        PreparedData backward = PreparedData.prepare(config(corpus, "data.format.sourceColumn=1",
                "data.format.targetColumn=0", "data.targetSpacing=english"));

        for (int i = 0; i < backward.splits().train().size(); i++) {
            assertEquals("L'", backward.splits().train().get(i).source().get(0));
            assertTrue(backward.references().train().get(i).startsWith("The "), backward.references().train().get(i));
        }
    }
}
