package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.DecoderInit;
import org.seq2seq4j.core.config.DecodingConfig;
import org.seq2seq4j.core.config.EarlyStopping;
import org.seq2seq4j.core.config.GradientClipping;
import org.seq2seq4j.core.config.LearningRateSchedule;
import org.seq2seq4j.core.config.ModelConfig;
import org.seq2seq4j.core.config.Normalization;
import org.seq2seq4j.core.config.OptimizerConfig;
import org.seq2seq4j.core.config.TrainingConfig;
import org.seq2seq4j.core.config.ValidationMetric;
import org.seq2seq4j.core.io.Json;
import org.seq2seq4j.core.rnn.CellType;
import org.seq2seq4j.data.batch.BatchOrder;
import org.seq2seq4j.data.corpus.CorpusFormat;
import org.seq2seq4j.data.text.TokenizerType;
import org.seq2seq4j.data.toy.AdditionTask;
import org.seq2seq4j.data.toy.NumberWordsTask;
import org.seq2seq4j.data.toy.ReverseTask;
import org.seq2seq4j.data.toy.RotateTask;
import org.seq2seq4j.data.toy.SortTask;
import org.seq2seq4j.data.toy.ToyTask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExperimentLoaderTest {

    static final String MINIMAL = """
            {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}}}
            """;

    /** The base class each family of the defaults file binds to. */
    static final Map<String, Class<?>> FAMILIES = Map.ofEntries(
            Map.entry("data", DataConfig.class),
            Map.entry("data.task", ToyTask.class),
            Map.entry("data.format", CorpusFormat.class),
            Map.entry("data.split", SplitConfig.class),
            Map.entry("data.split.dev", CorpusFormat.class),
            Map.entry("data.split.test", CorpusFormat.class),
            Map.entry("data.batches", BatchOrder.class),
            Map.entry("training.optimizer", OptimizerConfig.class),
            Map.entry("training.schedule", LearningRateSchedule.class),
            Map.entry("training.clipping", GradientClipping.class),
            Map.entry("decoding.strategy", DecodingConfig.Strategy.class));

    /** The keys without defaults that each corpus format type needs, as overrides under {@code prefix}. */
    private static List<String> formatKeys(String prefix, String type) {
        return switch (type) {
            case "tsv" -> List.of(prefix + ".file=pairs.tsv");
            case "parallel" -> List.of(prefix + ".sourceFile=train.en", prefix + ".targetFile=train.fr");
            case "csv" -> List.of(prefix + ".file=pairs.csv", prefix + ".sourceColumn=en", prefix + ".targetColumn=fr");
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static ExperimentConfig parse(String json, String... overrides) {
        return ExperimentLoader.parse(json, "test.json", List.of(overrides));
    }

    @Test
    void minimalConfigGetsEveryDefault() {
        ExperimentConfig expected = new ExperimentConfig(1, "x", 1, "runs/x",
                new DataConfig.Toy(new AdditionTask(1, 3), 10000, 500, 500, TokenizerType.CHAR, 1),
                new ModelConfig(CellType.LSTM, 64, 128, 1, 1, false, false, false, DecoderInit.LAST, true,
                        AttentionType.NONE, false, false, false, 0.1, 0.0),
                new TrainingConfig(20, 64,
                        new OptimizerConfig.Adam(0.001, 0.9, 0.999, 1e-8),
                        new LearningRateSchedule.Plateau(0.5, 3, 1e-5),
                        new GradientClipping.Norm(5.0),
                        Normalization.TOKENS,
                        ValidationMetric.SEQUENCE_ACCURACY,
                        new EarlyStopping(true, 6)),
                new DecodingConfig(new DecodingConfig.Greedy(), 50, 128));

        assertEquals(expected, parse(MINIMAL));
    }

    @Test
    void resolvedJsonLoadsToAnEqualConfig() {
        ExperimentConfig config = parse(MINIMAL, "training.optimizer.type=sgd", "model.cell=gru",
                "data.task={\"type\":\"number_words\",\"style\":\"cardinal\"}", "data.tokenizer=whitespace");

        String json = ExperimentLoader.toJson(config);

        assertEquals(config, ExperimentLoader.parse(json, "resolved.json", List.of()));
        assertEquals(json, ExperimentLoader.toJson(ExperimentLoader.parse(json, "resolved.json", List.of())));
    }

    @Test
    void resolvedTreeStatesEveryKeyOfTheBoundConfig() throws Exception {
        JsonNode tree = ExperimentLoader.resolvedTree(MINIMAL, "test.json", List.of());

        JsonNode written = Json.mapper().readTree(ExperimentLoader.toJson(parse(MINIMAL)));

        assertEquals(written, tree);
    }

    @Test
    void userValuesWinOverDefaultsAndMissingSiblingsAreFilled() {
        ExperimentConfig config = parse("""
                {
                  "schema": 1,
                  "name": "small",
                  "outputDir": "elsewhere",
                  "data": {"task": {"type": "reverse", "maxLength": 6}, "trainSize": 2000},
                  "model": {"hiddenSize": 32, "bidirectional": true},
                  "training": {"optimizer": {"learningRate": 0.01}, "earlyStopping": {"patience": 10}}
                }
                """);

        assertEquals("elsewhere", config.outputDir());
        assertEquals(new DataConfig.Toy(new ReverseTask(3, 6, 10), 2000, 500, 500,
                TokenizerType.CHAR, 1), config.data());
        assertEquals(32, config.model().hiddenSize());
        assertEquals(64, config.model().embeddingSize());
        assertEquals(new OptimizerConfig.Adam(0.01, 0.9, 0.999, 1e-8), config.training().optimizer());
        assertEquals(new EarlyStopping(true, 10), config.training().earlyStopping());
    }

    @Test
    void beamStrategyGetsTheBeamDefaults() {
        assertEquals(new DecodingConfig(new DecodingConfig.Beam(5, 1, 0.6, 0), 50, 128),
                parse(MINIMAL, "decoding.strategy.type=beam").decoding());
        assertEquals(new DecodingConfig.Beam(8, 3, 0.6, 0),
                parse(MINIMAL, "decoding.strategy={\"type\":\"beam\",\"beamSize\":8,\"nBest\":3}")
                        .decoding().strategy());
    }

    @Test
    void outputDirDefaultsToRunsSlashName() {
        assertEquals("runs/addition-lstm", parse(MINIMAL, "name=addition-lstm").outputDir());
    }

    @Test
    void overridesSetNestedKeysAsJsonOrPlainStrings() {
        ExperimentConfig config = parse(MINIMAL, "model.hiddenSize=256", "model.cell=gru",
                "model.decoderInit=\"bridge\"",
                "training.earlyStopping.enabled=false", "training.schedule.factor=0.25", "seed=42");

        assertEquals(256, config.model().hiddenSize());
        assertEquals(CellType.GRU, config.model().cell());
        assertEquals(DecoderInit.BRIDGE, config.model().decoderInit());
        assertFalse(config.training().earlyStopping().enabled());
        assertEquals(new LearningRateSchedule.Plateau(0.25, 3, 1e-5), config.training().schedule());
        assertEquals(42, config.seed());
    }

    @Test
    void overrideCreatesMissingObjects() {
        String noTask = """
                {"schema": 1, "name": "x"}
                """;

        ExperimentConfig config = parse(noTask, "data.task.type=rotate", "data.task.shift=3");

        assertEquals(new RotateTask(5, 8, 3), ((DataConfig.Toy) config.data()).task());
    }

    @Test
    void laterOverrideWins() {
        assertEquals(96, parse(MINIMAL, "model.hiddenSize=64", "model.hiddenSize=96").model().hiddenSize());
    }

    @Test
    void typeSwitchByOverrideGetsTheNewTypesDefaults() {
        ExperimentConfig config = parse(MINIMAL, "training.optimizer={\"type\":\"sgd\",\"learningRate\":0.1}");

        assertEquals(new OptimizerConfig.Sgd(0.1, 0.0), config.training().optimizer());
    }

    @Test
    void typeKeyOverrideKeepsCompatibleUserKeys() {
        String json = """
                {"schema": 1, "name": "x", "data": {"task": {"type": "copy", "maxLength": 5}}}
                """;

        ExperimentConfig config = parse(json, "data.task.type=sort");

        assertEquals(new SortTask(3, 5, 10), ((DataConfig.Toy) config.data()).task());
    }

    @Test
    void everyTypeOfEveryFamilyLoadsFromItsDefaults() {
        for (Map.Entry<String, ExperimentDefaults.Family> family : ExperimentDefaults.get().families().entrySet()) {
            for (String type : family.getValue().types().keySet()) {
                String path = family.getKey();
                boolean corpus = type.equals("corpus") || (path.startsWith("data.") && !path.equals("data.task"));
                List<String> overrides = new ArrayList<>();
                if (path.startsWith("data.split.")) {
                    overrides.add("data.split.type=files");
                    overrides.addAll(formatKeys(path.equals("data.split.dev") ? "data.split.test" : "data.split.dev",
                            "tsv"));
                }
                overrides.add(path.equals("data.format") ? path + "={\"type\":\"" + type + "\"}"
                        : path + ".type=" + type);
                if (path.equals("data.format") || path.startsWith("data.split.")) {
                    overrides.addAll(formatKeys(path, type));
                }
                if (type.equals("files")) {
                    overrides.addAll(formatKeys("data.split.dev", "tsv"));
                    overrides.addAll(formatKeys("data.split.test", "tsv"));
                }
                if (type.equals("number_words") || type.equals("names")) {
                    overrides.add("data.tokenizer=whitespace");
                }
                ExperimentConfig config = ExperimentLoader.parse(corpus ? CorpusConfigTest.MINIMAL : MINIMAL,
                        "test.json", overrides);
                JsonNode written = Json.mapper().valueToTree(config);
                assertEquals(type, written.at("/" + family.getKey().replace('.', '/') + "/type").asText(),
                        family.getKey());
            }
        }
    }

    @Test
    void defaultsFileHasOneEntryPerTypeOfEveryFamily() {
        Map<String, ExperimentDefaults.Family> families = ExperimentDefaults.get().families();

        assertEquals(FAMILIES.keySet(), families.keySet());
        for (Map.Entry<String, Class<?>> family : FAMILIES.entrySet()) {
            assertEquals(JsonNames.subtypeNames(family.getValue()),
                    List.copyOf(families.get(family.getKey()).types().keySet()), family.getKey());
        }
    }

    @Test
    void numberWordsDefaultsFitTheDefaultDataSizes() {
        ExperimentConfig config = parse(MINIMAL, "data.task.type=number_words", "data.tokenizer=whitespace");

        assertInstanceOf(NumberWordsTask.class, ((DataConfig.Toy) config.data()).task());
    }

    @Test
    void everyShippedConfigLoads() throws Exception {
        List<Path> configs;
        try (var files = Files.list(Path.of("configs"))) {
            configs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }

        assertFalse(configs.isEmpty(), "no configs in " + Path.of("configs").toAbsolutePath());
        for (Path config : configs) {
            ExperimentConfig loaded = ExperimentLoader.load(config, List.of());
            assertEquals(loaded, ExperimentLoader.parse(ExperimentLoader.toJson(loaded), "resolved", List.of()));
        }
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("addition.json");
        Files.writeString(file, MINIMAL);

        assertEquals(parse(MINIMAL, "model.hiddenSize=8"), ExperimentLoader.load(file, List.of("model.hiddenSize=8")));
    }
}
