package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.ConfigException;
import org.seq2seq4j.data.batch.LengthBucketedBatches;
import org.seq2seq4j.data.batch.ShuffledBatches;
import org.seq2seq4j.data.corpus.BadInputPolicy;
import org.seq2seq4j.data.corpus.ParallelFormat;
import org.seq2seq4j.data.corpus.TsvFormat;
import org.seq2seq4j.data.pair.LengthFilter;
import org.seq2seq4j.data.text.PunctuationSpacing;
import org.seq2seq4j.data.text.TokenizerType;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code corpus} data type: its defaults, how it binds, and every kind of error at its JSON path. */
class CorpusConfigTest {

    static final String MINIMAL = """
            {"schema": 1, "name": "x", "data": {"type": "corpus", "format": {"file": "pairs.tsv"}}}
            """;

    private static DataConfig.Corpus corpus(String... overrides) {
        return (DataConfig.Corpus) ExperimentLoader.parse(MINIMAL, "exp.json", List.of(overrides)).data();
    }

    private static ConfigException reject(String json, String... overrides) {
        return assertThrows(ConfigException.class, () -> ExperimentLoader.parse(json, "exp.json", List.of(overrides)));
    }

    private static ConfigException rejectOverride(String... overrides) {
        return reject(MINIMAL, overrides);
    }

    private static void assertMentions(ConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" missing from: " + e.getMessage());
        }
    }

    @Test
    void minimalCorpusConfigGetsEveryDefault() {
        assertEquals(new DataConfig.Corpus(new TsvFormat(Path.of("pairs.tsv"), 0, 1, BadInputPolicy.ERROR),
                        TokenizerType.WORD, false, PunctuationSpacing.ENGLISH, new LengthFilter(1, 50, 1, 50),
                        new SplitConfig.Sizes(1, 2000, 2000), new VocabularyConfig(false, 10000, 1),
                        new LengthBucketedBatches(100)),
                corpus());
    }

    @Test
    void resolvedCorpusJsonLoadsToAnEqualConfig() {
        ExperimentConfig config = ExperimentLoader.parse(MINIMAL, "exp.json", List.of(
                "data.format={\"type\":\"parallel\",\"sourceFile\":\"train.fr\",\"targetFile\":\"train.en\"}",
                "data.split={\"type\":\"files\",\"dev\":{\"file\":\"dev.tsv\"},\"test\":{\"type\":\"csv\","
                        + "\"file\":\"test.csv\",\"sourceColumn\":\"fr\",\"targetColumn\":\"en\"}}",
                "data.batches.type=shuffled", "data.lowercase=true", "data.vocabulary.shared=true"));

        String json = ExperimentLoader.toJson(config);

        assertEquals(config, ExperimentLoader.parse(json, "resolved.json", List.of()));
        DataConfig.Corpus corpus = (DataConfig.Corpus) config.data();
        assertEquals(new ParallelFormat(Path.of("train.fr"), Path.of("train.en"), BadInputPolicy.ERROR),
                corpus.format());
        assertEquals(new ShuffledBatches(), corpus.batches());
        assertTrue(json.contains("\"file\" : \"dev.tsv\""), json);
    }

    @Test
    void toyDataGetsNoCorpusDefaults() {
        JsonNode data = ExperimentLoader.resolvedTree(ExperimentLoaderTest.MINIMAL, "exp.json", List.of()).get("data");

        for (String key : List.of("format", "split", "batches", "vocabulary", "lengthFilter")) {
            assertFalse(data.has(key), key + " in " + data);
        }
    }

    @Test
    void columnsChooseTheDirection() {
        DataConfig.Corpus reversed = corpus("data.format.sourceColumn=1", "data.format.targetColumn=0");

        assertEquals(new TsvFormat(Path.of("pairs.tsv"), 1, 0, BadInputPolicy.ERROR), reversed.format());
    }

    @Test
    void targetTokenizerDetokenizesWithTheConfiguredSpacingAndBothSidesLowercase() {
        DataConfig.Corpus french = corpus("data.targetSpacing=french", "data.lowercase=true");

        assertEquals("va !", french.targetTokenizer().detokenize(french.targetTokenizer().tokenize("Va !")));
        assertEquals(List.of("go", "!"), french.sourceTokenizer().tokenize("Go!"));
        assertEquals("Go!", corpus().targetTokenizer().detokenize(List.of("Go", "!")));
    }

    @Test
    void rejectsUnknownCorpusKeyListingTheCorpusKeys() {
        ConfigException e = rejectOverride("data.vocab.maxSize=10");

        assertEquals("data.vocab", e.path());
        assertEquals(List.of("type", "format", "tokenizer", "lowercase", "targetSpacing", "lengthFilter", "split",
                "vocabulary", "batches"), e.validChoices());
        assertMentions(e, "unknown key for type \"corpus\"", "exp.json");
    }

    @Test
    void rejectsCorpusKeysOnToyData() {
        ConfigException e = reject(ExperimentLoaderTest.MINIMAL, "data.format.file=pairs.tsv");

        assertEquals("data.format", e.path());
        assertMentions(e, "unknown key for type \"toy\"", "task");
    }

    @Test
    void rejectsUnknownFormatTypeListingTheLayouts() {
        ConfigException e = rejectOverride("data.format.type=xml");

        assertEquals("data.format.type", e.path());
        assertEquals(List.of("tsv", "parallel", "csv"), e.validChoices());
        assertMentions(e, "\"xml\"");
    }

    @Test
    void rejectsAMissingFileAsAPath() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"type": "corpus"}}
                """);

        assertEquals("data.format.file", e.path());
        assertMentions(e, "is required", "a file path");
    }

    @Test
    void rejectsAColumnOutOfRangeAtItsPath() {
        ConfigException e = rejectOverride("data.format.sourceColumn=-1");

        assertEquals("data.format.sourceColumn", e.path());
        assertEquals(-1, e.value());
        assertMentions(e, "must be between 0 and 1000");
    }

    @Test
    void rejectsTheSameColumnForBothSides() {
        ConfigException e = rejectOverride("data.format.targetColumn=0");

        assertEquals("data.format.targetColumn", e.path());
        assertMentions(e, "must differ from sourceColumn");
    }

    @Test
    void rejectsAnUnknownBadInputPolicyListingThePolicies() {
        ConfigException e = rejectOverride("data.format.onBadInput=ignore");

        assertEquals("data.format.onBadInput", e.path());
        assertEquals(List.of("error", "skip"), e.validChoices());
    }

    @Test
    void rejectsAnUnknownTokenizerListingTheTokenizers() {
        ConfigException e = rejectOverride("data.tokenizer=words");

        assertEquals("data.tokenizer", e.path());
        assertEquals(List.of("char", "whitespace", "word"), e.validChoices());
    }

    @Test
    void rejectsLowercaseAndFrenchSpacingWithoutTheWordTokenizer() {
        ConfigException lowercase = rejectOverride("data.tokenizer=char", "data.lowercase=true");
        ConfigException spacing = rejectOverride("data.tokenizer=whitespace", "data.targetSpacing=french");

        assertEquals("data.lowercase", lowercase.path());
        assertMentions(lowercase, "word tokenizer only", "\"char\"");
        assertEquals("data.targetSpacing", spacing.path());
        assertEquals(List.of("english"), spacing.validChoices());
    }

    @Test
    void rejectsSharedEmbeddingsWithSeparateVocabularies() {
        ConfigException e = rejectOverride("model.sharedEmbeddings=true");

        assertEquals("data.vocabulary.shared", e.path());
        assertEquals(List.of("true"), e.validChoices());
    }

    @Test
    void rejectsCopyWithSeparateVocabulariesSayingWhy() {
        ConfigException e = rejectOverride("model.copy=true", "model.attention=dot");

        assertEquals("data.vocabulary.shared", e.path());
        assertEquals(false, e.value());
        assertEquals(List.of("true"), e.validChoices());
        assertMentions(e, "data.vocabulary.shared", "model.copy", "one vocabulary shared by source and target",
                "(in exp.json)");
        ExperimentConfig accepted = ExperimentLoader.parse(MINIMAL, "exp.json",
                List.of("model.copy=true", "model.attention=dot", "data.vocabulary.shared=true"));
        assertTrue(accepted.model().copy());
    }

    @Test
    void rejectsVocabularyLimitsOutOfRange() {
        assertEquals("data.vocabulary.maxSize", rejectOverride("data.vocabulary.maxSize=3").path());
        assertEquals("data.vocabulary.minFrequency", rejectOverride("data.vocabulary.minFrequency=0").path());
    }

    @Test
    void rejectsALengthFilterMaximumBelowItsMinimum() {
        ConfigException e = rejectOverride("data.lengthFilter.maxSourceLength=0");

        assertEquals("data.lengthFilter.maxSourceLength", e.path());
        assertEquals(0, e.value());
        assertMentions(e, "must be at least minSourceLength (1)");
    }

    @Test
    void rejectsChunkBatchesBelowOne() {
        ConfigException e = rejectOverride("data.batches.chunkBatches=0");

        assertEquals("data.batches.chunkBatches", e.path());
        assertMentions(e, "must be at least 1");
    }

    @Test
    void rejectsUnknownSplitTypeListingTheSplits() {
        ConfigException e = rejectOverride("data.split.type=random");

        assertEquals("data.split.type", e.path());
        assertEquals(List.of("sizes", "fractions", "files"), e.validChoices());
    }

    @Test
    void rejectsSplitSizesAndFractionsThatLeaveNoDevTestOrTrain() {
        assertEquals("data.split.devSize", rejectOverride("data.split.devSize=0").path());
        ConfigException e = rejectOverride("data.split={\"type\":\"fractions\",\"devFraction\":0.5,"
                + "\"testFraction\":0.5}");
        assertEquals("data.split.testFraction", e.path());
        assertMentions(e, "must be below 1");
    }
}
