package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdditionTaskTest {

    @Test
    void targetIsTheSumOfTheParsedOperands() {
        AdditionTask task = new AdditionTask(1, 4);
        Random rng = new Random(11);
        for (int i = 0; i < 500; i++) {
            SequencePair pair = task.sample(rng);
            String[] operands = String.join("", pair.source()).split("\\+");
            assertEquals(2, operands.length, pair.toString());
            long sum = Long.parseLong(operands[0]) + Long.parseLong(operands[1]);
            assertEquals(Long.toString(sum), String.join("", pair.target()), pair.toString());
        }
    }

    @Test
    void sourceIsOneTokenPerCharacter() {
        SequencePair pair = new AdditionTask(2, 3).sample(new Random(5));
        pair.source().forEach(token -> assertEquals(1, token.length(), pair.toString()));
        pair.target().forEach(token -> assertEquals(1, token.length(), pair.toString()));
    }

    @Test
    void operandsHaveEveryAllowedDigitCountAndNoLeadingZeros() {
        AdditionTask task = new AdditionTask(2, 4);
        Random rng = new Random(3);
        Set<Integer> digitCounts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            for (String operand : String.join("", task.sample(rng).source()).split("\\+")) {
                assertFalse(operand.startsWith("0"), operand);
                digitCounts.add(operand.length());
            }
        }
        assertEquals(Set.of(2, 3, 4), digitCounts);
    }

    @Test
    void singleDigitOperandsIncludeZero() {
        AdditionTask task = new AdditionTask(1, 1);
        Random rng = new Random(1);
        boolean sawZero = false;
        for (int i = 0; i < 200 && !sawZero; i++) {
            sawZero = task.sample(rng).source().get(0).equals("0");
        }
        assertTrue(sawZero);
    }

    @Test
    void distinctSourcesCountsOrderedOperandPairs() {
        assertEquals(100, new AdditionTask(1, 1).distinctSources());
        assertEquals(90 * 90, new AdditionTask(2, 2).distinctSources());
        assertEquals(100 * 100, new AdditionTask(1, 2).distinctSources());
        assertEquals(1_000_000_000L * 1_000_000_000L, new AdditionTask(1, 9).distinctSources());
    }

    @Test
    void rejectsMinDigitsBelowOne() {
        TaskConfigException error = assertThrows(TaskConfigException.class, () -> new AdditionTask(0, 3));
        assertEquals("minDigits must be between 1 and 9, got 0", error.getMessage());
        assertEquals("minDigits", error.field());
        assertEquals(0, error.value());
    }

    @Test
    void rejectsMaxDigitsBelowMinDigitsOrAboveNine() {
        TaskConfigException below = assertThrows(TaskConfigException.class, () -> new AdditionTask(3, 2));
        assertEquals("maxDigits must be between minDigits (3) and 9, got 2", below.getMessage());
        TaskConfigException above = assertThrows(TaskConfigException.class, () -> new AdditionTask(1, 10));
        assertEquals("maxDigits", above.field());
    }
}
