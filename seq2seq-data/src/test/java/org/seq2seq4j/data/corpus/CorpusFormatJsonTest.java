package org.seq2seq4j.data.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusFormatJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<CorpusFormat> everyFormat() {
        return Stream.of(
                new TsvFormat(Path.of("data/fra-eng.txt.gz"), 0, 1, BadInputPolicy.SKIP),
                new ParallelFormat(Path.of("train.de"), Path.of("train.en"), BadInputPolicy.ERROR),
                new CsvFormat(Path.of("/abs/pairs.csv"), "en", "fr", BadInputPolicy.ERROR));
    }

    @ParameterizedTest
    @MethodSource("everyFormat")
    void roundTripsThroughPolymorphicJson(CorpusFormat format) throws Exception {
        String json = mapper.writerFor(CorpusFormat.class).writeValueAsString(format);
        assertEquals(format, mapper.readValue(json, CorpusFormat.class));
    }

    @Test
    void writesTypeNamesAndPathsAsWritten() throws Exception {
        assertEquals("""
                {"type":"tsv","file":"data/fra-eng.txt.gz","sourceColumn":0,"targetColumn":1,"onBadInput":"skip"}""",
                mapper.writerFor(CorpusFormat.class).writeValueAsString(everyFormat().toList().get(0)));
        assertEquals("""
                {"type":"parallel","sourceFile":"train.de","targetFile":"train.en","onBadInput":"error"}""",
                mapper.writerFor(CorpusFormat.class).writeValueAsString(everyFormat().toList().get(1)));
        assertEquals("""
                {"type":"csv","file":"/abs/pairs.csv","sourceColumn":"en","targetColumn":"fr","onBadInput":"error"}""",
                mapper.writerFor(CorpusFormat.class).writeValueAsString(everyFormat().toList().get(2)));
    }

    @Test
    void readsAHandWrittenConfig() throws Exception {
        CorpusFormat format = mapper.readValue("""
                {"type": "tsv", "file": "../shared/data/tatoeba-fra-eng/fra-eng.txt.gz",
                 "sourceColumn": 1, "targetColumn": 0, "onBadInput": "skip"}
                """, CorpusFormat.class);
        assertEquals(new TsvFormat(Path.of("../shared/data/tatoeba-fra-eng/fra-eng.txt.gz"), 1, 0,
                BadInputPolicy.SKIP), format);
    }

    @Test
    void rejectsUnknownTypeListingTheKnownOnes() {
        InvalidTypeIdException error = assertThrows(InvalidTypeIdException.class, () -> mapper.readValue("""
                {"type": "xlsx", "file": "a.xlsx"}""", CorpusFormat.class));
        assertTrue(error.getMessage().contains("xlsx") && error.getMessage().contains("tsv")
                && error.getMessage().contains("parallel") && error.getMessage().contains("csv"), error.getMessage());
    }

    @Test
    void rejectsUnknownKey() {
        UnrecognizedPropertyException error = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("""
                        {"type": "parallel", "sourceFile": "a", "targetFile": "b", "onBadInput": "skip",
                         "delimiter": ","}""", CorpusFormat.class));
        assertEquals("delimiter", error.getPropertyName());
    }

    @Test
    void rejectsMissingKeyInsteadOfDefaulting() {
        MismatchedInputException error = assertThrows(MismatchedInputException.class, () -> mapper.readValue("""
                {"type": "tsv", "file": "a.tsv", "sourceColumn": 0, "onBadInput": "skip"}""", CorpusFormat.class));
        assertTrue(error.getMessage().contains("targetColumn"), error.getMessage());
    }

    @Test
    void rejectsUnknownPolicyListingTheChoices() {
        InvalidFormatException error = assertThrows(InvalidFormatException.class, () -> mapper.readValue("""
                {"type": "parallel", "sourceFile": "a", "targetFile": "b", "onBadInput": "ignore"}""",
                CorpusFormat.class));
        assertTrue(error.getMessage().contains("error") && error.getMessage().contains("skip"), error.getMessage());
    }

    @Test
    void rejectsInvalidValuesWithTheFormatMessage() {
        ValueInstantiationException error = assertThrows(ValueInstantiationException.class, () -> mapper.readValue("""
                {"type": "tsv", "file": "a.tsv", "sourceColumn": -1, "targetColumn": 1, "onBadInput": "skip"}""",
                CorpusFormat.class));
        CorpusConfigException cause = assertInstanceOf(CorpusConfigException.class, error.getCause());
        assertEquals("sourceColumn must be between 0 and 1000 (0-based column index), got -1", cause.getMessage());
        assertEquals("sourceColumn", cause.field());
    }

    @Test
    void validatesEveryFormatInItsConstructor() {
        assertEquals("targetColumn must differ from sourceColumn, got 1 for both", assertThrows(
                CorpusConfigException.class,
                () -> new TsvFormat(Path.of("a"), 1, 1, BadInputPolicy.SKIP)).getMessage());
        assertEquals("onBadInput must be one of [error, skip], got null", assertThrows(CorpusConfigException.class,
                () -> new TsvFormat(Path.of("a"), 0, 1, null)).getMessage());
        assertEquals("file must be a file name, got null", assertThrows(CorpusConfigException.class,
                () -> new CsvFormat(null, "en", "fr", BadInputPolicy.SKIP)).getMessage());
        assertEquals("sourceColumn must be a column name from the header row, got ' '", assertThrows(
                CorpusConfigException.class,
                () -> new CsvFormat(Path.of("a"), " ", "fr", BadInputPolicy.SKIP)).getMessage());
        assertEquals("targetColumn must differ from sourceColumn, got 'en ' for both", assertThrows(
                CorpusConfigException.class,
                () -> new CsvFormat(Path.of("a"), "en", "en ", BadInputPolicy.SKIP)).getMessage());
    }

    @Test
    void resolvesRelativeFilesAgainstADirectoryAndKeepsAbsoluteOnes() {
        Path base = Path.of("/experiments");
        assertEquals(List.of(Path.of("/experiments/data/fra-eng.txt.gz")),
                everyFormat().toList().get(0).resolveAgainst(base).files());
        assertEquals(List.of(Path.of("/experiments/train.de"), Path.of("/experiments/train.en")),
                everyFormat().toList().get(1).resolveAgainst(base).files());
        assertEquals(List.of(Path.of("/abs/pairs.csv")), everyFormat().toList().get(2).resolveAgainst(base).files());
    }
}
