package org.seq2seq4j.data.toy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seq2seq4j.data.toy.NumberWordsTask.Direction;
import org.seq2seq4j.data.toy.NumberWordsTask.Style;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToyTaskJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<ToyTask> everyTask() {
        return Stream.of(
                new AdditionTask(1, 3),
                new RotateTask(5, 8, 2),
                new ReverseTask(3, 9, 10),
                new CopyTask(1, 5, 4),
                new CopyTask(15, 26, 26, true),
                new SortTask(2, 6, 26),
                new NumberWordsTask(0, 999_999, Direction.NUMERALS_TO_WORDS, Style.CARDINAL),
                new NamesTask(500, 100));
    }

    @ParameterizedTest
    @MethodSource("everyTask")
    void roundTripsThroughPolymorphicJson(ToyTask task) throws Exception {
        String json = mapper.writeValueAsString(task);
        assertEquals(task, mapper.readValue(json, ToyTask.class));
        assertEquals(json, mapper.writerFor(ToyTask.class).writeValueAsString(task));
    }

    @Test
    void writesTypeNameAndRecordComponents() throws Exception {
        assertEquals("""
                {"type":"addition","minDigits":1,"maxDigits":3}""", mapper.writeValueAsString(new AdditionTask(1, 3)));
        assertEquals("""
                {"type":"rotate","minLength":5,"maxLength":8,"shift":2}""",
                mapper.writeValueAsString(new RotateTask(5, 8, 2)));
        assertEquals("""
                {"type":"reverse","minLength":3,"maxLength":9,"alphabetSize":10,"distinctSymbols":false}""",
                mapper.writeValueAsString(new ReverseTask(3, 9, 10)));
        assertEquals("""
                {"type":"copy","minLength":1,"maxLength":4,"alphabetSize":4,"distinctSymbols":true}""",
                mapper.writeValueAsString(new CopyTask(1, 4, 4, true)));
        assertEquals("""
                {"type":"sort","minLength":2,"maxLength":6,"alphabetSize":26,"distinctSymbols":false}""",
                mapper.writeValueAsString(new SortTask(2, 6, 26)));
        assertEquals("""
                {"type":"number_words","minValue":0,"maxValue":99,"direction":"words_to_numerals","style":"digits"}""",
                mapper.writeValueAsString(new NumberWordsTask(0, 99, Direction.WORDS_TO_NUMERALS, Style.DIGITS)));
        assertEquals("""
                {"type":"names","trainEntities":500,"heldOutEntities":100}""",
                mapper.writeValueAsString(new NamesTask(500, 100)));
    }

    @Test
    void readsAHandWrittenConfig() throws Exception {
        ToyTask task = mapper.readValue("""
                {"type": "number_words", "minValue": 0, "maxValue": 9999,
                 "direction": "numerals_to_words", "style": "cardinal"}
                """, ToyTask.class);
        assertEquals(new NumberWordsTask(0, 9999, Direction.NUMERALS_TO_WORDS, Style.CARDINAL), task);
    }

    @Test
    void rejectsUnknownType() {
        InvalidTypeIdException error = assertThrows(InvalidTypeIdException.class, () -> mapper.readValue("""
                {"type": "palindrome", "minLength": 1, "maxLength": 3}
                """, ToyTask.class));
        assertTrue(error.getMessage().contains("palindrome"), error.getMessage());
        assertTrue(error.getMessage().contains("number_words"), "lists the known types: " + error.getMessage());
    }

    @Test
    void rejectsMissingType() {
        assertThrows(InvalidTypeIdException.class,
                () -> mapper.readValue("{\"minLength\": 1, \"maxLength\": 3, \"shift\": 1}", ToyTask.class));
    }

    @Test
    void rejectsUnknownKey() {
        UnrecognizedPropertyException error = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("""
                        {"type": "rotate", "minLength": 1, "maxLength": 3, "shift": 1, "shfit": 2}
                        """, ToyTask.class));
        assertEquals("shfit", error.getPropertyName());
    }

    @Test
    void rejectsMissingParameterInsteadOfDefaultingToZero() {
        MismatchedInputException error = assertThrows(MismatchedInputException.class, () -> mapper.readValue("""
                {"type": "number_words", "maxValue": 10, "direction": "words_to_numerals", "style": "digits"}
                """, ToyTask.class));
        assertTrue(error.getMessage().contains("minValue"), error.getMessage());
    }

    @Test
    void rejectsOutOfRangeParameterWithTheTaskMessage() {
        ValueInstantiationException error = assertThrows(ValueInstantiationException.class, () -> mapper.readValue("""
                {"type": "addition", "minDigits": 0, "maxDigits": 3}
                """, ToyTask.class));
        TaskConfigException cause = assertInstanceOf(TaskConfigException.class, error.getCause());
        assertEquals("minDigits must be between 1 and 9, got 0", cause.getMessage());
    }

    @Test
    void rejectsUnknownEnumValueListingTheChoices() {
        InvalidFormatException error = assertThrows(InvalidFormatException.class, () -> mapper.readValue("""
                {"type": "number_words", "minValue": 0, "maxValue": 10,
                 "direction": "words_to_numerals", "style": "roman"}
                """, ToyTask.class));
        assertTrue(error.getMessage().contains("digits") && error.getMessage().contains("cardinal"),
                error.getMessage());
    }
}
