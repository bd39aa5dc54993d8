package org.seq2seq4j.data.toy;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.data.pair.SequencePair;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotateTaskTest {

    private static List<String> digits(String text) {
        return text.chars().mapToObj(Character::toString).toList();
    }

    @Test
    void rotatesRightByShift() {
        assertEquals(digits("6712345"), RotateTask.rotateRight(digits("1234567"), 2));
    }

    @Test
    void shiftIsTakenModuloTheLength() {
        assertEquals(digits("1234567"), RotateTask.rotateRight(digits("1234567"), 0));
        assertEquals(digits("1234567"), RotateTask.rotateRight(digits("1234567"), 7));
        assertEquals(digits("6712345"), RotateTask.rotateRight(digits("1234567"), 9));
    }

    @Test
    void sampleTargetIsTheRotatedDigitSource() {
        RotateTask task = new RotateTask(3, 6, 2);
        Random rng = new Random(8);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SequencePair pair = task.sample(rng);
            lengths.add(pair.source().size());
            assertTrue(pair.source().stream().allMatch(token -> token.matches("[0-9]")), pair.toString());
            assertEquals(RotateTask.rotateRight(pair.source(), 2), pair.target());
        }
        assertEquals(Set.of(3, 4, 5, 6), lengths);
    }

    @Test
    void distinctSourcesSumsOverLengths() {
        assertEquals(10 + 100, new RotateTask(1, 2, 1).distinctSources());
        assertEquals(Long.MAX_VALUE, new RotateTask(1, 40, 1).distinctSources());
    }

    @Test
    void rejectsNegativeShift() {
        TaskConfigException error = assertThrows(TaskConfigException.class, () -> new RotateTask(2, 5, -1));
        assertEquals("shift must be between 0 and 1000, got -1", error.getMessage());
    }

    @Test
    void rejectsEmptyOrInvertedLengthRange() {
        assertEquals("minLength must be between 1 and 1000, got 0",
                assertThrows(TaskConfigException.class, () -> new RotateTask(0, 5, 1)).getMessage());
        assertEquals("maxLength must be between minLength (5) and 1000, got 4",
                assertThrows(TaskConfigException.class, () -> new RotateTask(5, 4, 1)).getMessage());
    }
}
