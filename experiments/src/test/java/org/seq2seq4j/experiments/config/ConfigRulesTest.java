package org.seq2seq4j.experiments.config;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.ConfigException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigRulesTest {

    private static ConfigException reject(String... overrides) {
        return assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse(ExperimentLoaderTest.MINIMAL, "exp.json", List.of(overrides)));
    }

    private static void accept(String... overrides) {
        assertDoesNotThrow(() -> ExperimentLoader.parse(ExperimentLoaderTest.MINIMAL, "exp.json", List.of(overrides)));
    }

    @Test
    void wordTaskNeedsTheWhitespaceTokenizer() {
        ConfigException e = reject("data.task.type=number_words");

        assertEquals("data.tokenizer", e.path());
        assertEquals("char", e.value());
        assertEquals(List.of("whitespace"), e.validChoices());
        assertTrue(e.getMessage().contains("number_words"), e.getMessage());
        accept("data.task.type=number_words", "data.tokenizer=whitespace");
        accept("data.task={\"type\":\"number_words\",\"direction\":\"numerals_to_words\"}",
                "data.tokenizer=whitespace");
    }

    @Test
    void characterTasksAcceptEitherTokenizer() {
        accept("data.tokenizer=char");
        accept("data.tokenizer=whitespace");
    }

    @Test
    void dataSizesMustFitTheTasksDistinctSources() {
        ConfigException e = reject("data.task.maxDigits=1");

        assertEquals("data.trainSize", e.path());
        assertTrue(e.getMessage().contains("11000") && e.getMessage().contains("100 distinct sources")
                && e.getMessage().contains("at most 90"), e.getMessage());
        accept("data.task.maxDigits=1", "data.trainSize=60", "data.devSize=15", "data.testSize=15");
        reject("data.task.maxDigits=1", "data.trainSize=61", "data.devSize=15", "data.testSize=15");
    }

    @Test
    void namesTaskNeedsTheWhitespaceTokenizer() {
        ConfigException e = reject("data.task.type=names");

        assertEquals("data.tokenizer", e.path());
        assertEquals(List.of("whitespace"), e.validChoices());
        assertTrue(e.getMessage().contains("task names has whole words"), e.getMessage());
        accept("data.task.type=names", "data.tokenizer=whitespace");
    }

    @Test
    void namesTaskSizesAreBoundedByEachEntityPool() {
        // 2 held-out entities per kind give 2*2 + 3*4 + 3*8 = 40 held-out sources, 90% of which is 36
        String[] names = {"data.task={\"type\":\"names\",\"trainEntities\":50,\"heldOutEntities\":2}",
                "data.tokenizer=whitespace", "data.trainSize=5000"};
        accept(concat(names, "data.devSize=16", "data.testSize=20"));
        ConfigException heldOut = reject(concat(names, "data.devSize=17", "data.testSize=20"));
        assertEquals("data.devSize", heldOut.path());
        assertEquals(17, heldOut.value());
        assertTrue(heldOut.getMessage().contains("with testSize 20 asks for 37 distinct held-out (dev and test) "
                + "examples") && heldOut.getMessage().contains("has 40 distinct held-out (dev and test) sources")
                && heldOut.getMessage().contains("at most 36"), heldOut.getMessage());
        ConfigException train = reject("data.task={\"type\":\"names\",\"trainEntities\":1,"
                + "\"heldOutEntities\":50}", "data.tokenizer=whitespace", "data.trainSize=8");
        assertEquals("data.trainSize", train.path());
        assertTrue(train.getMessage().contains("8 distinct training sources"), train.getMessage());
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    @Test
    void earlyStoppingMustOutlastThePlateauSchedule() {
        ConfigException e = reject("training.earlyStopping.patience=3");

        assertEquals("training.earlyStopping.patience", e.path());
        assertTrue(e.getMessage().contains("training.schedule.patience (3)"), e.getMessage());
        accept("training.earlyStopping.patience=4");
        accept("training.earlyStopping={\"enabled\":false,\"patience\":3}");
        accept("training.earlyStopping.patience=3", "training.schedule.type=constant");
    }

    @Test
    void coveragePenaltyNeedsAttention() {
        ConfigException e = reject("decoding.strategy={\"type\":\"beam\",\"coveragePenalty\":0.2}");

        assertEquals("decoding.strategy.coveragePenalty", e.path());
        assertEquals(0.2, e.value());
        assertTrue(e.getMessage().contains("model.attention is \"none\""), e.getMessage());
        accept("decoding.strategy={\"type\":\"beam\",\"coveragePenalty\":0.2}", "model.attention=dot");
        accept("decoding.strategy={\"type\":\"beam\",\"coveragePenalty\":0}");
    }

    @Test
    void aCoverageLossWeightWithoutCoverageIsIgnoredSoOneBaseServesBothAblationArms() {
        String phases = "training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},"
                + "{\"fromStep\":100,\"coverageLossWeight\":1}]";
        accept(phases, "model.attention=dot");
        accept(phases, "model.attention=dot", "model.coverage=true");
        accept("training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0}]");
        accept("training.phases=[]");
    }

    @Test
    void aToyTasksPhasesMustStartBeforeTrainingEnds() {
        // 10000 examples in batches of 64 are 157 steps an epoch; 2 epochs are steps 0 to 313
        String[] coverage = {"model.attention=dot", "model.coverage=true", "training.epochs=2"};
        ConfigException e = reject(concat(coverage, "training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},"
                + "{\"fromStep\":314,\"coverageLossWeight\":1}]"));

        assertEquals("training.phases[1].fromStep", e.path());
        assertEquals(314L, e.value());
        assertTrue(e.getMessage().contains("157 batches") && e.getMessage().contains("steps 0 to 313"),
                e.getMessage());
        accept(concat(coverage, "training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},"
                + "{\"fromStep\":313,\"coverageLossWeight\":1}]"));
    }
}
