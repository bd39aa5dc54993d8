package org.seq2seq4j.experiments.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq2seq4j.core.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of config error names the source, the JSON path, the bad value and, for closed sets, the choices. */
class ExperimentLoaderErrorsTest {

    private static ConfigException reject(String json, String... overrides) {
        return assertThrows(ConfigException.class,
                () -> ExperimentLoader.parse(json, "exp.json", List.of(overrides)));
    }

    private static ConfigException rejectOverride(String... overrides) {
        return reject(ExperimentLoaderTest.MINIMAL, overrides);
    }

    private static void assertMentions(ConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" missing from: " + e.getMessage());
        }
    }

    @Test
    void rejectsUnknownEnumValueListingTheJsonNames() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}}, "model": {"cell": "rnn"}}
                """);

        assertEquals("model.cell", e.path());
        assertEquals(List.of("lstm", "gru"), e.validChoices());
        assertMentions(e, "model.cell", "\"rnn\"", "lstm, gru", "exp.json");
    }

    @Test
    void rejectsUnknownKeyListingTheKeysValidThere() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}}, "model": {"hiden": 32}}
                """);

        assertEquals("model.hiden", e.path());
        assertMentions(e, "model.hiden", "unknown key", "hiddenSize", "embeddingDropout", "exp.json");
    }

    @Test
    void rejectsKeyOfAnotherTypeNamingTheChosenType() {
        ConfigException e = rejectOverride("training.optimizer.momentum=0.9");

        assertEquals("training.optimizer.momentum", e.path());
        assertEquals(List.of("type", "learningRate", "beta1", "beta2", "epsilon"), e.validChoices());
        assertMentions(e, "\"adam\"");
    }

    @Test
    void rejectsUnknownTypeListingTheFamily() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}},
                 "training": {"optimizer": {"type": "adamw"}}}
                """);

        assertEquals("training.optimizer.type", e.path());
        assertMentions(e, "training.optimizer.type", "\"adamw\"", "adam, sgd");
    }

    @Test
    void rejectsMissingTaskTypeListingTheTasks() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"minDigits": 2}}}
                """);

        assertEquals("data.task.type", e.path());
        assertMentions(e, "is required", "addition, rotate, reverse, copy, sort, number_words");
    }

    @Test
    void rejectsMissingTask() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x"}
                """);

        assertEquals("data.task", e.path());
        assertMentions(e, "is required", "number_words");
    }

    @Test
    void rejectsMissingName() {
        ConfigException e = reject("""
                {"schema": 1, "data": {"task": {"type": "addition"}}}
                """);

        assertEquals("name", e.path());
        assertMentions(e, "is required", "a string");
    }

    @Test
    void rejectsStringForNumberNamingTheExpectedType() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}}, "model": {"hiddenSize": "big"}}
                """);

        assertEquals("model.hiddenSize", e.path());
        assertMentions(e, "model.hiddenSize", "\"big\"", "must be an integer");
    }

    @Test
    void rejectsNumericStringsFractionsNullsAndOverflow() {
        assertMentions(rejectOverride("seed=\"7\""), "seed", "\"7\"", "must be an integer");
        assertMentions(rejectOverride("model.encoderLayers=1.5"), "model.encoderLayers", "1.5", "must be an integer");
        assertMentions(rejectOverride("model.hiddenSize=null"), "model.hiddenSize", "is null", "integer");
        assertMentions(rejectOverride("model.hiddenSize=4000000000"), "model.hiddenSize", "4000000000", "out of range");
        assertMentions(rejectOverride("model.bidirectional=1"), "model.bidirectional", "true or false");
        assertMentions(rejectOverride("model.dropout=\"0.1\""), "model.dropout", "must be a number");
    }

    @Test
    void rejectsOutOfRangeValueAtItsPath() {
        ConfigException e = rejectOverride("model.dropout=1.5");

        assertEquals("model.dropout", e.path());
        assertEquals(1.5, e.value());
        assertMentions(e, "model.dropout", "1.5", "[0, 1)");
    }

    @Test
    void locatesTaskParameterErrorsUnderDataTask() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition", "minDigits": 0}}}
                """);

        assertEquals("data.task.minDigits", e.path());
        assertEquals(0, e.value());
        assertMentions(e, "data.task.minDigits", "between 1 and 9", "exp.json");
    }

    @Test
    void locatesModelCrossFieldErrorAtDecoderInit() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}},
                 "model": {"decoderInit": "zero", "feedContext": false}}
                """);

        assertEquals("model.decoderInit", e.path());
        assertMentions(e, "model.decoderInit", "\"zero\"", "feedContext");
    }

    @Test
    void rejectsInputFeedingWithoutAttention() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}},
                 "model": {"attention": "none", "inputFeeding": true}}
                """);

        assertEquals("model.inputFeeding", e.path());
        assertMentions(e, "model.inputFeeding", "true", "needs attention", "dot, general or additive");
    }

    @Test
    void rejectsCopyWithoutAttentionAndWithInputFeedingAtModelCopy() {
        ConfigException none = rejectOverride("model.copy=true");
        assertEquals("model.copy", none.path());
        assertMentions(none, "model.copy", "true", "needs attention", "(in exp.json with --set model.copy=true)");

        ConfigException fed = rejectOverride("model.copy=true", "model.attention=dot", "model.inputFeeding=true");
        assertEquals("model.copy", fed.path());
        assertMentions(fed, "inputFeeding");
    }

    @Test
    void rejectsAToyMinFrequencyBelowOne() {
        ConfigException e = rejectOverride("data.minFrequency=0");

        assertEquals("data.minFrequency", e.path());
        assertEquals(0, e.value());
    }

    @Test
    void locatesRecordErrorsInsideFamilies() {
        assertEquals("training.clipping.maxNorm", rejectOverride("training.clipping.maxNorm=0").path());
        assertEquals("training.schedule.gamma",
                rejectOverride("training.schedule={\"type\":\"step\",\"gamma\":2}").path());
        assertEquals("training.earlyStopping.patience", rejectOverride("training.earlyStopping.patience=0").path());
        assertEquals("data.devSize", rejectOverride("data.devSize=0").path());
        assertEquals("schema", rejectOverride("schema=2").path());
    }

    @Test
    void rejectsBeamNBestAboveBeamSizeAtNBest() {
        ConfigException e = rejectOverride("decoding.strategy={\"type\":\"beam\",\"beamSize\":3,\"nBest\":4}");

        assertEquals("decoding.strategy.nBest", e.path());
        assertEquals(4, e.value());
        assertMentions(e, "decoding.strategy.nBest", "beamSize (3)", "exp.json");
    }

    @Test
    void rejectsBeamSizeZeroAndMinLengthAboveMaxLength() {
        assertEquals("decoding.strategy.beamSize",
                rejectOverride("decoding.strategy={\"type\":\"beam\",\"beamSize\":0}").path());
        ConfigException e = rejectOverride("decoding.strategy={\"type\":\"beam\",\"minLength\":9}",
                "decoding.maxLength=8");
        assertEquals("decoding.strategy.minLength", e.path());
        assertMentions(e, "maxLength (8)");
    }

    @Test
    void locatesTrainingPhaseErrorsAtTheirIndexNamingTheOverride() {
        String phases = "training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},"
                + "{\"fromStep\":0,\"coverageLossWeight\":1}]";
        ConfigException order = rejectOverride(phases);
        assertEquals("training.phases[1].fromStep", order.path());
        assertEquals(0L, order.value());
        assertMentions(order, "training.phases[1].fromStep: 0 ", "greater than the previous phase's fromStep (0)",
                "(in exp.json with --set " + phases + ")");

        ConfigException first = reject("""
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}},
                 "training": {"phases": [{"fromStep": 5, "coverageLossWeight": 0}]}}
                """);
        assertEquals("training.phases[0].fromStep", first.path());
        assertEquals(5L, first.value());
        assertMentions(first, "training.phases[0].fromStep: 5 ", "step 0", "(in exp.json)");
    }

    @Test
    void rejectsBadTrainingPhaseValuesAtTheirIndex() {
        ConfigException negative = rejectOverride("training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},"
                + "{\"fromStep\":-3,\"coverageLossWeight\":1}]");
        assertEquals("training.phases[1].fromStep", negative.path());
        assertMentions(negative, "training.phases[1].fromStep: -3 must be at least 0");

        ConfigException weight = rejectOverride("training.phases=[{\"fromStep\":0,\"coverageLossWeight\":-1}]");
        assertEquals("training.phases[0].coverageLossWeight", weight.path());
        assertMentions(weight, "training.phases[0].coverageLossWeight: -1.0 must be a finite number of at least 0");

        assertMentions(rejectOverride("training.phases=[{\"fromStep\":0}]"),
                "training.phases[0].coverageLossWeight: is required; expected a number");
        assertMentions(rejectOverride("training.phases=[{\"fromStep\":0.5,\"coverageLossWeight\":1}]"),
                "training.phases[0].fromStep: 0.5 must be an integer (64-bit)");
        ConfigException unknown = rejectOverride("training.phases=[{\"fromStep\":0,\"coverageLossWeight\":1,"
                + "\"weight\":1}]");
        assertEquals("training.phases[0].weight", unknown.path());
        assertEquals(List.of("fromStep", "coverageLossWeight"), unknown.validChoices());
        assertMentions(rejectOverride("training.phases=[{\"from\":0,\"coverageLossWeight\":1}]"),
                "training.phases[0].fromStep: is required");
    }

    @Test
    void rejectsTrainingPhasesThatAreNotAListOfObjects() {
        assertMentions(rejectOverride("training.phases=null"), "training.phases: is null; expected a JSON array");
        assertMentions(rejectOverride("training.phases={}"), "training.phases: {} must be a JSON array");
        assertMentions(rejectOverride("training.phases=[1]"), "training.phases[0]: 1 must be an object");
        ConfigException entry = rejectOverride("training.phases=[{\"fromStep\":0,\"coverageLossWeight\":0},null]");
        assertEquals("training.phases[1]", entry.path());
        assertMentions(entry, "training.phases[1]: is null");
    }

    @Test
    void rejectsANegativeCoveragePenaltyAtItsPath() {
        ConfigException e = rejectOverride("decoding.strategy={\"type\":\"beam\",\"coveragePenalty\":-1}");

        assertEquals("decoding.strategy.coveragePenalty", e.path());
        assertMentions(e, "-1.0 must be a finite number of at least 0");
    }

    @Test
    void rejectsCoverageWithoutAttentionAtModelCoverage() {
        ConfigException e = rejectOverride("model.coverage=true");

        assertEquals("model.coverage", e.path());
        assertMentions(e, "model.coverage: true", "needs attention", "(in exp.json with --set model.coverage=true)");
    }

    @Test
    void rejectsDistinctSymbolSourcesLongerThanTheAlphabetAtMaxLength() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x",
                 "data": {"task": {"type": "reverse", "maxLength": 30, "alphabetSize": 26, "distinctSymbols": true}}}
                """);

        assertEquals("data.task.maxLength", e.path());
        assertEquals(30, e.value());
        assertMentions(e, "data.task.maxLength: 30 must be at most alphabetSize (26) when distinctSymbols is true");
    }

    @Test
    void rejectsScalarWhereAFamilyObjectBelongs() {
        ConfigException e = rejectOverride("training.schedule=constant");

        assertEquals("training.schedule", e.path());
        assertMentions(e, "\"constant\"", "object", "constant, exponential, step, plateau");
    }

    @Test
    void namesTheOverrideThatSetTheBadValue() {
        ConfigException e = rejectOverride("model.cell=rnn");

        assertMentions(e, "exp.json", "--set model.cell=rnn", "lstm, gru");
    }

    @Test
    void typeSwitchLeavesKeysOfTheOldTypeToBeRejected() {
        String json = """
                {"schema": 1, "name": "x", "data": {"task": {"type": "addition"}},
                 "training": {"optimizer": {"type": "adam", "beta1": 0.8}}}
                """;

        ConfigException e = reject(json, "training.optimizer.type=sgd");

        assertEquals("training.optimizer.beta1", e.path());
        assertMentions(e, "\"sgd\"", "momentum");
    }

    @Test
    void rejectsMalformedOverridesNamingThem() {
        assertMentions(rejectOverride("model.hiddenSize"), "\"model.hiddenSize\"", "=");
        assertMentions(rejectOverride("=5"), "\"=5\"", "empty key");
        assertMentions(rejectOverride("model..hiddenSize=5"), "\"model..hiddenSize=5\"", "empty key");
        assertMentions(rejectOverride("data.task.type.x=1"), "\"data.task.type.x=1\"", "not an object");
    }

    @Test
    void reportsSyntaxErrorsWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {
                  "schema": 1,
                  "name": "x",
                  "model": {"hiddenSize": }
                }
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentLoader.load(file, List.of()));

        assertMentions(e, file.toString(), "line 4", "column 27", "not valid JSON");
    }

    @Test
    void rejectsDuplicateKeysWithTheirLine() {
        ConfigException e = reject("""
                {"schema": 1, "name": "x",
                 "name": "y"}
                """);

        assertMentions(e, "line 2", "Duplicate", "name");
    }

    @Test
    void rejectsEmptyAndNonObjectDocuments() {
        assertMentions(reject(""), "empty");
        assertMentions(reject("[1, 2]"), "JSON object", "array");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");

        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentLoader.load(file, List.of()));

        assertMentions(e, file.toString(), "no such file");
    }
}
