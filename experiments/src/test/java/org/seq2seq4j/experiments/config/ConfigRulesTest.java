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
    void earlyStoppingMustOutlastThePlateauSchedule() {
        ConfigException e = reject("training.earlyStopping.patience=3");

        assertEquals("training.earlyStopping.patience", e.path());
        assertTrue(e.getMessage().contains("training.schedule.patience (3)"), e.getMessage());
        accept("training.earlyStopping.patience=4");
        accept("training.earlyStopping={\"enabled\":false,\"patience\":3}");
        accept("training.earlyStopping.patience=3", "training.schedule.type=constant");
    }
}
