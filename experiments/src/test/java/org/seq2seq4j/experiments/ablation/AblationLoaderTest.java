package org.seq2seq4j.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.config.AttentionType;
import org.seq2seq4j.core.config.ConfigException;

class AblationLoaderTest {

    @TempDir
    Path dir;

    @Test
    void expandsEveryCellWithEverySeedIntoResolvedExperiments() throws Exception {
        Path file = TinyAblation.ablation(dir, "{\"model.cell\": [\"lstm\", \"gru\"], \"model.reverseSource\": [false, true]}");
        AblationPlan plan = AblationLoader.load(file);
        assertEquals(4, plan.cells().size());
        assertEquals(8, plan.runs().size());
        AblationPlan.Run r = plan.runs().get(3);
        assertEquals("cell-lstm_reverseSource-true", r.cell().id());
        assertEquals(2, r.seed());
        assertEquals(2, r.experiment().seed());
        assertEquals(dir.resolve("out").resolve("cell-lstm_reverseSource-true").resolve("seed-2"), r.directory());
        assertEquals(r.directory().toString(), r.experiment().outputDir());
        assertTrue(r.experiment().model().reverseSource());
        assertEquals(1, r.experiment().training().epochs(), "the fixed set applies to every run");
        assertEquals(AttentionType.NONE, r.experiment().model().attention());
        assertEquals(AblationMetric.SEQUENCE_ACCURACY, plan.config().metric());
    }

    private ConfigException error(String json) throws Exception {
        TinyAblation.base(dir);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(ConfigException.class, () -> AblationLoader.load(file));
    }

    @Test
    void rejectsUnknownKeysListingTheValidOnes() throws Exception {
        ConfigException e = error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axis\":{},\"seeds\":[1]}");
        assertEquals("axis", e.path());
        assertTrue(e.validChoices().contains("axes"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }

    @Test
    void rejectsAnAxisValueTheExperimentRejectsNamingTheOverride() throws Exception {
        ConfigException e = error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\","
                + "\"axes\":{\"model.attention\":[\"dot\",\"bahdanau\"]},\"seeds\":[1]}");
        assertEquals("model.attention", e.path());
        assertEquals("bahdanau", e.value());
        assertTrue(e.validChoices().contains("additive"), e.getMessage());
        assertTrue(e.getMessage().contains("base.json") && e.getMessage().contains("--set model.attention"),
                e.getMessage());
    }

    @Test
    void rejectsKeysTheRunnerSetsItself() throws Exception {
        ConfigException e = error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axes\":{\"seed\":[1,2]},"
                + "\"seeds\":[1]}");
        assertEquals("axes.seed", e.path());
    }

    @Test
    void rejectsEmptyOrRepeatedValuesAndSeeds() throws Exception {
        assertEquals("axes.model.cell", error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\","
                + "\"axes\":{\"model.cell\":[]},\"seeds\":[1]}").path());
        assertEquals("axes.model.cell", error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\","
                + "\"axes\":{\"model.cell\":[\"gru\",\"gru\"]},\"seeds\":[1]}").path());
        assertEquals("seeds", error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axes\":{},"
                + "\"seeds\":[1,1]}").path());
        assertEquals("seeds", error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axes\":{},"
                + "\"seeds\":[]}").path());
    }

    @Test
    void rejectsAKeyBothFixedAndVaried() throws Exception {
        assertEquals("axes.model.cell", error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\","
                + "\"set\":{\"model.cell\":\"gru\"},\"axes\":{\"model.cell\":[\"lstm\"]},\"seeds\":[1]}").path());
    }

    @Test
    void rejectsAMissingBaseAndAnUnknownMetric() throws Exception {
        assertEquals("base", error("{\"schema\":1,\"name\":\"x\",\"base\":\"nope.json\",\"axes\":{},"
                + "\"seeds\":[1]}").path());
        ConfigException m = error("{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axes\":{},\"seeds\":[1],"
                + "\"metric\":\"meteor\"}");
        assertEquals("metric", m.path());
        assertEquals(AblationMetric.jsonNames(), m.validChoices());
    }

    @Test
    void readsARepetitionMetric() throws Exception {
        TinyAblation.base(dir);
        Path file = dir.resolve("repetition.json");
        Files.writeString(file, "{\"schema\":1,\"name\":\"x\",\"base\":\"base.json\",\"axes\":{},\"seeds\":[1],"
                + "\"metric\":\"repeated_2grams\"}");

        assertEquals(AblationMetric.REPEATED_2GRAMS, AblationLoader.load(file).config().metric());
    }

    @Test
    void theCoverageAblationComparesAttentionModelsWithAndWithoutCoverageUnderTheLateLoss() throws Exception {
        AblationPlan plan = AblationLoader.load(Path.of("ablations", "coverage.json"));

        assertEquals(List.of(false, true), plan.cells().stream().map(c -> plan.runs().stream()
                .filter(r -> r.cell().equals(c)).findFirst().orElseThrow().experiment().model().coverage()).toList());
        assertTrue(plan.runs().stream().allMatch(r -> r.experiment().model().attention() != AttentionType.NONE));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), plan.config().seeds());
        assertTrue(plan.config().metric().title().startsWith("repeated"), plan.config().metric().title());
        // both arms share the late-loss phases; the weight only acts where coverage is on
        for (var r : plan.runs()) {
            var phases = r.experiment().training().phases();
            assertEquals(2, phases.size());
            assertEquals(0.0, phases.get(0).coverageLossWeight());
            assertEquals(0.1, phases.get(1).coverageLossWeight());
            assertTrue(phases.get(1).fromStep() > 0);
        }
    }

    @Test
    void everyShippedAblationLoads() throws Exception {
        List<Path> files;
        try (var list = Files.list(Path.of("ablations"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "shipped ablations in " + Path.of("ablations").toAbsolutePath());
        for (Path f : files) {
            AblationPlan plan = AblationLoader.load(f);
            assertTrue(plan.runs().size() >= 2 * plan.config().seeds().size(), f.toString());
            assertTrue(plan.config().seeds().size() >= 3, f + ": several seeds");
        }
    }
}
